"""The tables as the store's queries see them.

Migrations in ``migrations/versions`` create this schema; they keep their own
copy of every table (a migration is a snapshot), and a test checks that the
migrated database matches these definitions.

Records are kept whole as JSON ``payload`` (via :mod:`dragoman.serialize`);
the other columns and the ``event_actors``/``event_topics`` tables exist only
to filter and order.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

# On PostgreSQL ids compare byte-wise as on SQLite, so ordering and pagination agree across backends.
ID = String().with_variant(String(collation="C"), "postgresql")

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", ID, nullable=False, unique=True),
    Column("key", String, nullable=False, unique=True),  # content hash, or a hash of (source, error)
    Column("content_hash", String, nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("language", String),
    Column("published", Date),
    Column("published_at", DateTime),  # the publication time, when the source gives one (migration 0003)
    Column("outlet", String),  # the publication's name, when the source gives it (migration 0004)
    Column("flags", JSON, nullable=False),
    Column("error", Text),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("offsets", JSON, nullable=False),
    Column("story_id", ID),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_language", "language"),
    Index("ix_documents_story_id", "story_id"),
)

analyses = Table(
    "analyses", metadata,
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("mentions", JSON, nullable=False),
)

candidates = Table(
    "candidates", metadata,
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("type", String, nullable=False),
    Column("status", String, nullable=False),
    Column("payload", JSON, nullable=False),
    Index("ix_candidates_type", "type"),
)

stories = Table(
    "stories", metadata,
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Index("ix_stories_position", "position"),
)

events = Table(
    "events", metadata,
    Column("id", ID, primary_key=True),
    Column("type", String, nullable=False),
    Column("status", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("location_name", Text),
    Column("story_id", ID),
    Column("search_text", Text, nullable=False),  # lower-cased evidence texts and location name
    Column("payload", JSON, nullable=False),
    # the start date, undated events last: listing in date order is an index scan (migrations 0002, 0008)
    Column("sort_key", Date, nullable=False, server_default="9999-12-31"),
    Index("ix_events_type", "type", "sort_key", "id", "status"),
    Index("ix_events_status", "status", "sort_key", "id", "type"),
    Index("ix_events_order", "date_start", "id"),
    Index("ix_events_date_end", "date_end"),
    # a page of a filtered list walks this index in order and reads rows only for a text search (0008)
    Index("ix_events_list", "sort_key", "id", "type", "status", "date_start", "date_end"),
    # an actor's or a topic's events, looked up by id, are sorted and filtered from this index alone (0008)
    Index("ix_events_lookup", "id", "sort_key", "type", "status", "date_start", "date_end"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String, primary_key=True),
    Column("sort_key", Date, nullable=False, server_default="9999-12-31"),  # the event's (migration 0008)
    Index("ix_event_actors_code", "code", "sort_key", "event_id"),
)

event_topics = Table(
    "event_topics", metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("topic", String, primary_key=True),
    Column("sort_key", Date, nullable=False, server_default="9999-12-31"),  # the event's (migration 0008)
    Index("ix_event_topics_topic", "topic", "sort_key", "event_id"),
)

# A story vector per text and embedder (migration 0005): a text is embedded once, whatever is rebuilt after.
vectors = Table(
    "vectors", metadata,
    Column("key", String, primary_key=True),  # sha1 of the embedder's version and the text
    Column("embedder", String, nullable=False),
    Column("data", LargeBinary, nullable=False),  # float32, little-endian
)

# Posted articles waiting to be ingested, in order (migration 0006): the API answers 202 with the job's id.
jobs = Table(
    "jobs", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("status", String, nullable=False),  # queued, running, done, failed
    Column("articles", JSON, nullable=False),  # the posted records, as validated
    Column("report", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Index("ix_jobs_status", "status", "seq"),
)

# Watched feeds (migration 0007): polling state per feed; ``url`` follows permanent redirects.
feeds = Table(
    "feeds", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("given_url", Text, nullable=False),
    Column("status", String, nullable=False),  # active, gone
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Column("items", Integer, nullable=False, server_default="0"),
    Column("added", Integer, nullable=False, server_default="0"),
    Index("ix_feeds_given_url", "given_url"),
)

# The items of a feed already taken (by entry id and update time), whatever became of them.
feed_items = Table(
    "feed_items", metadata,
    Column("feed_seq", Integer, ForeignKey("feeds.seq", ondelete="CASCADE"), primary_key=True),
    Column("key", String, primary_key=True),
    Column("url", Text, nullable=False),
    Column("document_id", String),
    Column("error", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# Each text seen at a canonical page URL: a changed article is a new version, the same text at another URL a copy.
page_versions = Table(
    "page_versions", metadata,
    Column("url", Text, primary_key=True),
    Column("text_hash", String, primary_key=True),
    Column("document_id", String, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_page_versions_text_hash", "text_hash"),
)

# Rows counted on write (migration 0008): documents, failed, stories, events; a page's total reads one row.
row_counts = Table(
    "row_counts", metadata,
    Column("name", String, primary_key=True),
    Column("n", Integer, nullable=False),
)

# The cross-document layer as of a document seq (migration 0009): ``key`` names the code and embedder that
# made it, ``analyses`` how many stored analyses it holds (those of seq <= ``watermark``).
snapshots = Table(
    "snapshots", metadata,
    Column("name", String, primary_key=True),
    Column("key", String, nullable=False),
    Column("watermark", Integer, nullable=False),
    Column("analyses", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("data", LargeBinary, nullable=False),
)
