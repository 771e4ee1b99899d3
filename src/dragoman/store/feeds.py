"""The watcher's state in the store: feeds, the items taken from them, and the versions of each page URL.

A watcher killed at any moment resumes from these rows: a feed's validators (ETag, Last-Modified) are saved
only after its items are stored, an item is marked seen only after its document is stored, and a page's text
already stored at its URL is a no-op, so a rerun neither loses nor repeats an item.
"""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Row, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import NotFound
from ..model import Feed
from .schema import documents, feed_items, feeds, page_versions

_FEED_FIELDS = ("url", "given_url", "status", "etag", "last_modified", "last_poll", "next_poll", "failures", "error",
                "items", "added")
_POLL_FIELDS = _FEED_FIELDS[:-2]


class FeedStore(Protocol):
    """What the watcher needs of a store (the SQL store has it all)."""

    def add_feed(self, url: str) -> Feed: ...

    def feeds(self) -> list[Feed]: ...

    def feed(self, url: str) -> Feed: ...

    def save_feed(self, url: str, feed: Feed) -> None: ...

    def seen_items(self, feed_url: str, keys: Iterable[str]) -> set[str]: ...

    def add_item(self, feed_url: str, key: str, *, url: str, document_id: str | None, error: str | None) -> None: ...

    def page_version(self, url: str, text_hash: str) -> str | None: ...

    def add_page_version(self, url: str, text_hash: str, document_id: str) -> None: ...

    def document_with_key(self, key: str) -> str | None: ...


class _Connected(Protocol):
    def _write(self, action: str) -> AbstractContextManager[Connection]: ...

    def _read(self, action: str) -> AbstractContextManager[Connection]: ...


class FeedRows:
    """:class:`FeedStore` for :class:`~dragoman.store.sql.SqlStore` (mixed in: it shares its connections)."""

    def add_feed(self: _Connected, url: str) -> Feed:
        """The feed known under ``url`` (as given or as it moved to), else a new active one, due now."""
        with self._write(f"add feed {url!r}") as conn:
            row = _feed_row(conn, url)
            if row is None:
                conn.execute(_insert(conn, feeds).values(url=url, given_url=url, status="active", failures=0,
                                                        items=0, added=0).on_conflict_do_nothing(index_elements=["url"]))
                row = _feed_row(conn, url)
        return _feed(row)

    def feeds(self: _Connected) -> list[Feed]:
        with self._read("list feeds") as conn:
            return [_feed(row) for row in conn.execute(select(feeds).order_by(feeds.c.seq))]

    def feed(self: _Connected, url: str) -> Feed:
        with self._read("read a feed") as conn:
            row = _feed_row(conn, url)
        if row is None:
            raise NotFound(what="feed", key=url)
        return _feed(row)

    def save_feed(self: _Connected, url: str, feed: Feed) -> None:
        """Writes ``feed``'s polling state over the row now at ``url`` (``feed.url`` differs after a permanent
        redirect); its item counts are the store's own (:meth:`add_item` keeps them)."""
        values = {name: value for name, value in asdict(feed).items() if name in _POLL_FIELDS}
        with self._write(f"save feed {url!r}") as conn:
            conn.execute(update(feeds).where(feeds.c.url == url).values(**values))

    def seen_items(self: _Connected, feed_url: str, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        found: set[str] = set()
        with self._read("read a feed's items") as conn:
            seq = _seq(conn, feed_url)
            for start in range(0, len(wanted), 200):
                query = select(feed_items.c.key).where(feed_items.c.feed_seq == seq,
                                                       feed_items.c.key.in_(wanted[start:start + 200]))
                found.update(conn.scalars(query))
        return found

    def add_item(self: _Connected, feed_url: str, key: str, *, url: str, document_id: str | None,
                 error: str | None) -> None:
        with self._write(f"mark item {url!r} seen") as conn:
            seq = _seq(conn, feed_url)
            statement = _insert(conn, feed_items).values(feed_seq=seq, key=key, url=url, document_id=document_id,
                                                         error=error, seen_at=datetime.now(UTC))
            if conn.execute(statement.on_conflict_do_nothing().returning(feed_items.c.key)).first() is not None:
                bump = {"items": feeds.c["items"] + 1, **({"added": feeds.c.added + 1} if document_id else {})}
                conn.execute(update(feeds).where(feeds.c.seq == seq).values(**bump))

    def page_version(self: _Connected, url: str, text_hash: str) -> str | None:
        """The document already holding this text at this URL, if any."""
        with self._read("read a page's versions") as conn:
            return conn.scalar(select(page_versions.c.document_id)
                               .where(page_versions.c.url == url, page_versions.c.text_hash == text_hash))

    def add_page_version(self: _Connected, url: str, text_hash: str, document_id: str) -> None:
        with self._write(f"record a version of {url!r}") as conn:
            conn.execute(_insert(conn, page_versions).values(url=url, text_hash=text_hash, document_id=document_id,
                                                             seen_at=datetime.now(UTC)).on_conflict_do_nothing())


    def document_with_key(self: _Connected, key: str) -> str | None:
        """The id of the document stored under ``key`` (its content hash), if any."""
        with self._read("look up a document by key") as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.key == key))


def _insert(conn: Connection, table: Any) -> Any:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def _feed_row(conn: Connection, url: str) -> Row[Any] | None:
    row = conn.execute(select(feeds).where(feeds.c.url == url)).first()
    if row is None:
        row = conn.execute(select(feeds).where(feeds.c.given_url == url).order_by(feeds.c.seq).limit(1)).first()
    return row


def _seq(conn: Connection, url: str) -> int:
    row = _feed_row(conn, url)
    if row is None:
        raise NotFound(what="feed", key=url)
    return int(row.seq)


def _feed(row: Row[Any] | None) -> Feed:
    if row is None:  # only when a concurrent writer removed it between two statements
        raise NotFound(what="feed", key="?")
    values = {name: getattr(row, name) for name in _FEED_FIELDS}
    return Feed(**{**values, "last_poll": _utc(row.last_poll), "next_poll": _utc(row.next_poll)})


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes: every stored time is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)

