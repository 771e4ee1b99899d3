"""Where documents, their analyses, stories and events are kept.

    store = open_store("sqlite:///dragoman.sqlite")      # or postgresql://user@host/db
    store.add_analysis(analysis); store.events(actor="FRA")

One :class:`Store` protocol; one SQLAlchemy implementation serves SQLite and
PostgreSQL. Opening a store brings its schema up to date (Alembic migrations
packaged in ``migrations/``), so there is no separate setup step.
"""
from __future__ import annotations

from .base import EventFilter, Slice, Store
from .engine import make_engine, mask, migrate
from .feeds import FeedStore
from .snapshots import Snapshot, SnapshotStore
from .sql import SqlStore

__all__ = ["EventFilter", "FeedStore", "Slice", "Snapshot", "SnapshotStore", "SqlStore", "Store", "open_store"]


def open_store(url: str, *, schema: str | None = None) -> Store:
    """Open (and migrate) the store at ``url``; ``StoreError`` if it cannot be reached or set up.

    ``schema`` (PostgreSQL only) keeps the tables in that schema, created if
    needed; the URL may instead carry ``?options=-csearch_path=NAME``.
    """
    masked = mask(url)
    engine = make_engine(url, schema=schema)
    try:
        migrate(engine, url=masked, schema=schema)
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine, url=masked)
