"""Pages by key, totals that do not scan, and decoded payloads kept for reuse (issue #16).

A cursor names the last row of a page by its sort key: ``2025-02-27.e-r1`` (an event's sort key and
id), ``17.s-3`` (a story's position and id), ``42`` (a document's sequence number). The next page is
the rows after it, found through the index of that order however deep the page is, and a row added
meanwhile before the cursor never shifts what follows. Unfiltered totals come from ``row_counts``,
which every write keeps; a filtered total is counted up to a cap.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from sqlalchemy import Cast, ColumnElement, Connection, Select, Text, cast, func, select, tuple_, update

from ..errors import ConfigError
from ..model import Event
from ..serialize import from_data
from .base import EventFilter
from .keys import Keys, event_keys
from .schema import documents, events, row_counts, stories

COUNTED = ("documents", "failed", "stories", "events")
_DECODED = 4096  # events kept decoded: a hot page or timeline skips JSON and dataclass decoding


# ---------------------------------------------------------------- cursors

def event_cursor(sort_key: date, event_id: str) -> str:
    return f"{sort_key.isoformat()}.{event_id}"


def after_event(cursor: str, keys: Keys) -> ColumnElement[bool]:
    day, _, key = cursor.partition(".")
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise _bad(cursor) from exc
    return tuple_(keys.sort_key, keys.id) > tuple_(when, key)


def after_story(cursor: str) -> ColumnElement[bool]:
    position, _, key = cursor.partition(".")
    return tuple_(stories.c.position, stories.c.id) > tuple_(_number(position, cursor), key)


def after_document(cursor: str) -> ColumnElement[bool]:
    return documents.c.seq > _number(cursor, cursor)


def _number(text: str, cursor: str) -> int:
    if not text.isdigit() or len(text) > 18:
        raise _bad(cursor)
    return int(text)


def _bad(cursor: str) -> ConfigError:
    return ConfigError(name="after", detail=f"{cursor[:60]!r} is not a cursor of this list")


def keyset(query: Select, *, limit: int, offset: int, after: ColumnElement[bool] | None) -> Select:
    """One row more than ``limit``, so the caller knows whether a next page exists."""
    if limit < 0 or offset < 0:
        raise ConfigError(name="limit" if limit < 0 else "offset", detail="must not be negative")
    if after is not None:
        return query.where(after).limit(limit + 1)
    return query.limit(limit + 1).offset(offset)


# ---------------------------------------------------------------- counts

def read_counts(conn: Connection) -> dict[str, int]:
    found = dict(conn.execute(select(row_counts.c.name, row_counts.c.n)).all())
    return {name: found.get(name, 0) for name in COUNTED}


def capped_count(conn: Connection, query: EventFilter, cap: int | None) -> int:
    """Matching events, counted up to ``cap`` rows when one is given; all of them, the count kept on write."""
    if query == EventFilter():
        return read_counts(conn)["events"]
    matching = event_keys(query).query
    if cap is not None:
        matching = matching.limit(cap)
    return conn.scalar(select(func.count()).select_from(matching.subquery())) or 0


def bump(conn: Connection, **deltas: int) -> None:
    """Add to the counts (a relative update: two processes writing at once both count)."""
    for name, delta in deltas.items():
        if delta:
            conn.execute(update(row_counts).where(row_counts.c.name == name).values(n=row_counts.c.n + delta))


def reset(conn: Connection, **values: int) -> None:
    for name, value in values.items():
        conn.execute(update(row_counts).where(row_counts.c.name == name).values(n=value))


def recount(conn: Connection) -> None:
    """Count every table again (after rows were written around the store, as a bulk load does)."""
    failed = select(func.count()).select_from(documents).where(documents.c.error.is_not(None)).scalar_subquery()
    queries = {"documents": select(func.count()).select_from(documents).scalar_subquery(), "failed": failed,
               "stories": select(func.count()).select_from(stories).scalar_subquery(),
               "events": select(func.count()).select_from(events).scalar_subquery()}
    for name, query in queries.items():
        conn.execute(update(row_counts).where(row_counts.c.name == name).values(n=query))


# ---------------------------------------------------------------- payloads

def payload_text(column: ColumnElement) -> Cast[str]:
    """The payload as the JSON text stored (PostgreSQL's driver would otherwise parse it)."""
    return cast(column, Text)


@lru_cache(maxsize=_DECODED)
def decode_event(text: str) -> Event:
    """The event a payload holds; the same text (an unchanged event) is decoded once."""
    return from_data(Event, json.loads(text))
