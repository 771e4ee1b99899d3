"""An API that holds load (issue #16): rows counted on write, and indexes that serve the filtered lists.

``row_counts`` holds the number of documents, failed documents, stories and events, kept by every write
of the store, so a page's total reads one row instead of counting a table. Event pages walk
``ix_events_list`` (sort key, id and the filter columns) without reading the rows' payloads; type and
status pages walk their own ordered index; actor and topic filters find their events' ids in covering
indexes, then the events' sort keys and filter columns in ``ix_events_lookup``, never in the rows. An
actor's and a topic's links carry their event's sort key, so one actor's (or topic's) events are read in
date order from ``(code, sort_key, event_id)`` and a page stops at its end.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

UNDATED = "9999-12-31"
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COUNTS = {"documents": "SELECT count(*) FROM documents",
          "failed": "SELECT count(*) FROM documents WHERE error IS NOT NULL",
          "stories": "SELECT count(*) FROM stories",
          "events": "SELECT count(*) FROM events"}


def upgrade() -> None:
    counts = op.create_table(
        "row_counts",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    conn = op.get_bind()
    op.bulk_insert(counts, [{"name": name, "n": conn.execute(sa.text(query)).scalar_one()}
                            for name, query in COUNTS.items()])
    _replace("ix_events_type", "events", ["type", "sort_key", "id", "status"])
    _replace("ix_events_status", "events", ["status", "sort_key", "id", "type"])
    for table, column in (("event_actors", "code"), ("event_topics", "topic")):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("sort_key", sa.Date, nullable=False, server_default=UNDATED))
        op.execute(f"UPDATE {table} SET sort_key = (SELECT sort_key FROM events WHERE events.id = {table}.event_id)")
        _replace(f"ix_{table}_{column}", table, [column, "sort_key", "event_id"])
    op.drop_index("ix_events_sort", "events")
    op.create_index("ix_events_list", "events", ["sort_key", "id", "type", "status", "date_start", "date_end"])
    op.create_index("ix_events_lookup", "events", ["id", "sort_key", "type", "status", "date_start", "date_end"])
    if conn.dialect.name == "sqlite":
        op.execute("ANALYZE")  # without statistics SQLite walks the date order for a rare actor pair


def downgrade() -> None:
    op.drop_index("ix_events_lookup", "events")
    op.drop_index("ix_events_list", "events")
    op.create_index("ix_events_sort", "events", ["sort_key", "id"])
    for table, column in (("event_actors", "code"), ("event_topics", "topic")):
        _replace(f"ix_{table}_{column}", table, [column])
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sort_key")
    _replace("ix_events_status", "events", ["status"])
    _replace("ix_events_type", "events", ["type"])
    op.drop_table("row_counts")


def _replace(name: str, table: str, columns: list[str]) -> None:
    op.drop_index(name, table)
    op.create_index(name, table, columns)
