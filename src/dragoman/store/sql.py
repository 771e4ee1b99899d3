"""The store on SQLAlchemy 2: one implementation for SQLite and PostgreSQL.

Every write is one transaction taken under a process-wide writer lock, so
concurrent callers queue instead of colliding and a write interrupted midway
(an error, a kill) leaves nothing of itself behind.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import NotFound, StoreError
from ..model import Document, DocumentAnalysis, Event, EventCandidate, Job, Mention, Story
from ..serialize import from_data
from . import listing, rows
from .base import EventFilter, Slice
from .engine import WRITE
from .engine import errors as db_errors
from .feeds import FeedRows
from .keys import event_keys
from .schema import analyses, candidates, documents, event_actors, event_topics, events, jobs, stories, vectors
from .schema import events as events_table
from .schema import stories as stories_table
from .snapshots import SnapshotRows

_BATCH = 200  # analyses read per query by analyses()


class SqlStore(FeedRows, SnapshotRows):
    """:class:`~dragoman.store.base.Store` over a SQLAlchemy engine already migrated; also the watcher's
    :class:`~dragoman.store.feeds.FeedStore`."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self.url = url  # password masked
        self._engine = engine
        self._writer = threading.Lock()

    def __repr__(self) -> str:
        return f"SqlStore({self.url!r})"

    @property
    def engine(self) -> Engine:
        """The engine, for what watches its statements (a test counting them, a profiler)."""
        return self._engine

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with self._writer, db_errors(self.url, action), self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        with db_errors(self.url, action), self._engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------ documents

    def has_document(self, content_hash: str) -> bool:
        with self._read("look up a document") as conn:
            found = conn.execute(select(documents.c.seq).where(documents.c.key == content_hash)).first()
        return found is not None

    def has_id(self, doc_id: str) -> bool:
        with self._read("look up a document id") as conn:
            return conn.execute(select(documents.c.seq).where(documents.c.id == doc_id)).first() is not None

    def add_analysis(self, analysis: DocumentAnalysis) -> bool:
        doc = analysis.document
        with self._write(f"store document {doc.id!r}") as conn:
            if not _insert_document(conn, doc):
                return False
            listing.bump(conn, documents=1)
            conn.execute(insert(analyses), {"document_id": doc.id, "mentions": rows.payload(analysis.mentions)})
            if analysis.candidates:
                conn.execute(insert(candidates), rows.candidate_rows(doc.id, analysis.candidates))
        return True

    def add_failed(self, document: Document) -> bool:
        if document.error is None:
            raise StoreError(url=self.url, detail=f"add_failed: document {document.id!r} has no error set")
        with self._write(f"store failed document {document.id!r}") as conn:
            added = _insert_document(conn, document)
            listing.bump(conn, documents=int(added), failed=int(added))
        return added

    def analyses(self, *, after: int = 0) -> Iterator[DocumentAnalysis]:
        """Every stored analysis in the order stored (of documents whose seq is past ``after``)."""
        while batch := self._analysis_batch(after):
            yield from (analysis for _, analysis in batch)
            after = batch[-1][0]

    def _analysis_batch(self, after: int) -> list[tuple[int, DocumentAnalysis]]:
        query = (select(documents, analyses.c.mentions).join(analyses, analyses.c.document_id == documents.c.id)
                 .where(documents.c.seq > after).order_by(documents.c.seq).limit(_BATCH))
        with self._read("read analyses") as conn:
            found = conn.execute(query).all()
            cands = _candidates_of(conn, [row.id for row in found])
        return [(row.seq, DocumentAnalysis(document=rows.row_document(row),
                                           mentions=from_data(tuple[Mention, ...], row.mentions),
                                           candidates=tuple(cands.get(row.id, ())))) for row in found]

    def documents(self, *, limit: int = 100, offset: int = 0, errors: bool | None = None,
                  language: str | None = None) -> list[Document]:
        found = self.document_slice(limit=limit, offset=offset, errors=errors, language=language)
        return [doc for doc, _ in found.items]

    def document_slice(self, *, limit: int, offset: int = 0, after: str | None = None, errors: bool | None = None,
                       language: str | None = None) -> Slice[tuple[Document, str | None]]:
        query = select(documents).order_by(documents.c.seq)
        if errors is not None:
            query = query.where(documents.c.error.is_not(None) if errors else documents.c.error.is_(None))
        if language:
            query = query.where(documents.c.language == language)
        query = listing.keyset(query, limit=limit, offset=offset, after=listing.after_document(after) if after else None)
        with self._read("list documents") as conn:
            found = conn.execute(query).all()
        cursor = str(found[limit - 1].seq) if len(found) > limit and limit > 0 else None
        return Slice([(rows.row_document(row), row.story_id) for row in found[:limit]], cursor)

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        chosen, found = list(dict.fromkeys(doc_ids)), {}
        with self._read("read documents") as conn:
            for start in range(0, len(chosen), _BATCH):
                query = select(documents).where(documents.c.id.in_(chosen[start:start + _BATCH]))
                found.update({row.id: rows.row_document(row) for row in conn.execute(query)})
        return found

    def document(self, doc_id: str) -> Document:
        with self._read("read a document") as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            raise NotFound(what="document", key=doc_id)
        return rows.row_document(row)

    def story_of(self, doc_id: str) -> str | None:
        """The id of the story the document belongs to; ``NotFound`` if the document is not stored."""
        with self._read("read a document's story") as conn:
            row = conn.execute(select(documents.c.story_id).where(documents.c.id == doc_id)).first()
        if row is None:
            raise NotFound(what="document", key=doc_id)
        return row.story_id

    # ------------------------------------------------------------ derived

    def replace_derived(self, *, stories: Sequence[Story], events: Sequence[Event],
                        story_of: Mapping[str, str]) -> None:
        with self._write("replace stories and events") as conn:
            _clear_derived(conn)
            _insert_derived(conn, stories, events)
            listing.reset(conn, stories=len(stories), events=len(events))
            if story_of:
                link = (update(documents).where(documents.c.id == bindparam("doc_key"))
                        .values(story_id=bindparam("story_key")))
                conn.execute(link, [{"doc_key": doc, "story_key": story} for doc, story in story_of.items()])

    def apply_changes(self, *, stories: Sequence[Story], removed_stories: Iterable[str], events: Sequence[Event],
                      removed_events: Iterable[str], story_of: Mapping[str, str],
                      flags: Mapping[str, Sequence[str]] | None = None) -> None:
        """Writes what one batch changed (new or changed stories and events replace their rows), in one
        transaction: a kill midway leaves the store as it was."""
        with self._write("update stories and events") as conn:
            _delete_ids(conn, [event_topics, event_actors], {e.id for e in events} | set(removed_events), "event_id")
            gone_events = _delete_ids(conn, [events_table], {e.id for e in events} | set(removed_events), "id")
            gone_stories = _delete_ids(conn, [stories_table], {s.id for s in stories} | set(removed_stories), "id")
            listing.bump(conn, events=len(events) - gone_events, stories=len(stories) - gone_stories)
            start = conn.execute(select(func.coalesce(func.max(stories_table.c.position), -1))).scalar_one() + 1
            _insert_derived(conn, sorted(stories, key=lambda s: s.id), events, first_position=start)
            if story_of:
                link = (update(documents).where(documents.c.id == bindparam("doc_key"))
                        .values(story_id=bindparam("story_key")))
                conn.execute(link, [{"doc_key": doc, "story_key": story} for doc, story in sorted(story_of.items())])
            if flags:
                mark = update(documents).where(documents.c.id == bindparam("doc_key")).values(flags=bindparam("marks"))
                conn.execute(mark, [{"doc_key": doc, "marks": list(marks)} for doc, marks in sorted(flags.items())])

    def events(self, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
               type: str | None = None, status: str | None = None, topic: str | None = None,
               start: date | None = None, end: date | None = None, text: str | None = None,
               limit: int = 100, offset: int = 0) -> list[Event]:
        query = EventFilter(actor=actor, dyad=dyad, type=type, status=status, topic=topic, start=start, end=end,
                            text=text)
        return self.event_slice(query, limit=limit, offset=offset).items

    def event_slice(self, query: EventFilter, *, limit: int, offset: int = 0, after: str | None = None) -> Slice[Event]:
        # keys first through an index of the order, then only that page's payloads
        keys = event_keys(query)
        ordered = keys.query.order_by(keys.sort_key, keys.id)
        ordered = listing.keyset(ordered, limit=limit, offset=offset,
                                 after=listing.after_event(after, keys) if after else None)
        with self._read("list events") as conn:
            page = [tuple(row) for row in conn.execute(ordered)]
            found = _event_payloads(conn, [key for _, key in page[:limit]])
        cursor = listing.event_cursor(*page[limit - 1]) if len(page) > limit and limit > 0 else None
        return Slice([found[key] for _, key in page[:limit]], cursor)

    def events_by_id(self, event_ids: Iterable[str]) -> dict[str, Event]:
        with self._read("read events") as conn:
            return _event_payloads(conn, list(dict.fromkeys(event_ids)))

    def count_events(self, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
                     type: str | None = None, status: str | None = None, topic: str | None = None,
                     start: date | None = None, end: date | None = None, text: str | None = None,
                     cap: int | None = None) -> int:
        query = EventFilter(actor=actor, dyad=dyad, type=type, status=status, topic=topic, start=start, end=end,
                            text=text)
        with self._read("count events") as conn:
            return listing.capped_count(conn, query, cap)

    def event(self, event_id: str) -> Event:
        found = self.events_by_id([event_id])
        if event_id not in found:
            raise NotFound(what="event", key=event_id)
        return found[event_id]

    def stories(self, *, limit: int = 100, offset: int = 0) -> list[Story]:
        return self.story_slice(limit=limit, offset=offset).items

    def story_slice(self, *, limit: int, offset: int = 0, after: str | None = None) -> Slice[Story]:
        query = select(stories.c.position, stories.c.id, stories.c.payload).order_by(stories.c.position, stories.c.id)
        query = listing.keyset(query, limit=limit, offset=offset, after=listing.after_story(after) if after else None)
        with self._read("list stories") as conn:
            found = conn.execute(query).all()
        cursor = f"{found[limit - 1].position}.{found[limit - 1].id}" if len(found) > limit and limit > 0 else None
        return Slice([from_data(Story, row.payload) for row in found[:limit]], cursor)

    def story(self, story_id: str) -> Story:
        return from_data(Story, self._payload(stories, story_id, "story"))

    def _payload(self, table: Any, key: str, what: str) -> Any:
        with self._read(f"read a {what}") as conn:
            row = conn.execute(select(table.c.payload).where(table.c.id == key)).first()
        if row is None:
            raise NotFound(what=what, key=key)
        return row.payload

    # ------------------------------------------------------------ whole store

    def needs_rebuild(self) -> bool:
        """Whether a stored document is in no story: a run stopped between storing it and rebuilding."""
        query = (select(documents.c.seq).join(analyses, analyses.c.document_id == documents.c.id)
                 .where(documents.c.story_id.is_(None), documents.c.error.is_(None)).limit(1))
        with self._read("look for documents not yet in a story") as conn:
            return conn.execute(query).first() is not None

    def counts(self) -> dict[str, int]:
        with self._read("count records") as conn:
            return listing.read_counts(conn)

    def recount(self) -> None:
        """Count every table again: for rows written around the store (a bulk load)."""
        with self._write("count records") as conn:
            listing.recount(conn)

    # ------------------------------------------------------------ jobs

    def add_job(self, job_id: str, articles: Sequence[Mapping[str, Any]]) -> None:
        with self._write(f"queue job {job_id!r}") as conn:
            conn.execute(insert(jobs), {"id": job_id, "status": "queued", "articles": [dict(a) for a in articles],
                                        "created_at": datetime.now(UTC)})

    def claim_job(self) -> Job | None:
        """The oldest job not finished (one left running by a killed server first), marked running."""
        with self._write("claim a job") as conn:
            row = conn.execute(select(jobs).where(jobs.c.status.in_(("running", "queued")))
                               .order_by(jobs.c.seq).limit(1)).first()
            if row is None:
                return None
            conn.execute(update(jobs).where(jobs.c.id == row.id).values(status="running"))
        return rows.row_job(row, status="running")

    def finish_job(self, job_id: str, *, status: str, report: Mapping[str, Any]) -> None:
        with self._write(f"finish job {job_id!r}") as conn:
            conn.execute(update(jobs).where(jobs.c.id == job_id)
                         .values(status=status, report=dict(report), finished_at=datetime.now(UTC)))

    def job(self, job_id: str) -> Job:
        with self._read("read a job") as conn:
            row = conn.execute(select(jobs).where(jobs.c.id == job_id)).first()
        if row is None:
            raise NotFound(what="job", key=job_id)
        return rows.row_job(row)

    # ------------------------------------------------------------ vectors

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored vectors by key; keys never stored are absent."""
        found: dict[str, bytes] = {}
        with self._read("read vectors") as conn:
            for start in range(0, len(keys), _BATCH):
                query = select(vectors.c.key, vectors.c.data).where(vectors.c.key.in_(keys[start:start + _BATCH]))
                found.update({key: bytes(data) for key, data in conn.execute(query)})
        return found

    def add_vectors(self, rows: Mapping[str, bytes], *, embedder: str) -> None:
        """Keep vectors by key (a key already stored keeps its vector)."""
        if not rows:
            return
        with self._write("store vectors") as conn:
            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            values = [{"key": key, "embedder": embedder, "data": data} for key, data in sorted(rows.items())]
            for start in range(0, len(values), _BATCH):
                statement = dialect.insert(vectors).values(values[start:start + _BATCH])
                conn.execute(statement.on_conflict_do_nothing(index_elements=["key"]))

    def close(self) -> None:
        self._engine.dispose()


def _insert_document(conn: Connection, doc: Document) -> bool:
    """Insert the document row; ``False`` if a document with the same key is already there."""
    row = rows.document_row(doc, key=rows.document_key(doc), now=datetime.now(UTC))
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(documents).values(row).on_conflict_do_nothing(index_elements=["key"])
                 .returning(documents.c.seq))
    return conn.execute(statement).first() is not None


def _candidates_of(conn: Connection, doc_ids: list[str]) -> dict[str, list[EventCandidate]]:
    found: dict[str, list[EventCandidate]] = {}
    if not doc_ids:
        return found
    query = (select(candidates.c.document_id, candidates.c.payload)
             .where(candidates.c.document_id.in_(doc_ids))
             .order_by(candidates.c.document_id, candidates.c.position))
    for doc_id, data in conn.execute(query):
        found.setdefault(doc_id, []).append(from_data(EventCandidate, data))
    return found


def _clear_derived(conn: Connection) -> None:
    for table in (event_topics, event_actors, events, stories):
        conn.execute(delete(table))
    conn.execute(update(documents).where(documents.c.story_id.is_not(None)).values(story_id=None))


def _delete_ids(conn: Connection, tables: Sequence[Any], ids: set[str], column: str) -> int:
    """Delete the rows of ``ids``; how many rows went."""
    chosen, gone = sorted(ids), 0
    for start in range(0, len(chosen), _BATCH):
        chunk = chosen[start:start + _BATCH]
        for table in tables:
            gone += conn.execute(delete(table).where(table.c[column].in_(chunk))).rowcount
    return gone


def _insert_derived(conn: Connection, new_stories: Sequence[Story], new_events: Sequence[Event], *,
                    first_position: int = 0) -> None:
    if new_stories:
        conn.execute(insert(stories), [rows.story_row(first_position + i, story) for i, story in enumerate(new_stories)])
    if not new_events:
        return
    conn.execute(insert(events), [rows.event_row(event) for event in new_events])
    links = [rows.event_links(event) for event in new_events]
    actor_rows = [row for actors, _ in links for row in actors]
    topic_rows = [row for _, topics in links for row in topics]
    if actor_rows:
        conn.execute(insert(event_actors), actor_rows)
    if topic_rows:
        conn.execute(insert(event_topics), topic_rows)


def _event_payloads(conn: Connection, event_ids: list[str]) -> dict[str, Event]:
    found: dict[str, Event] = {}
    for start in range(0, len(event_ids), _BATCH):
        query = (select(events.c.id, listing.payload_text(events.c.payload))
                 .where(events.c.id.in_(event_ids[start:start + _BATCH])))
        found.update({key: listing.decode_event(text) for key, text in conn.execute(query)})
    return found
