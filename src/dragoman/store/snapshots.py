"""Snapshots of the cross-document layer in the store, and the marks that say what a snapshot holds.

A snapshot holds the layer over the stored analyses of seq <= its watermark; it is used only when the store
still holds exactly that many analyses up to the watermark (a late commit below it, or a document removed,
makes it stale) and when the code and embedder that made it are those running (its ``key``).
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Connection, delete, func, insert, select

from .schema import analyses, documents, snapshots


@dataclass(frozen=True)
class Snapshot:
    key: str
    watermark: int  # the highest document seq it holds
    analyses: int  # how many stored analyses it holds
    data: bytes


class SnapshotStore(Protocol):
    def snapshot(self, name: str) -> Snapshot | None: ...

    def save_snapshot(self, name: str, snapshot: Snapshot) -> None: ...

    def analysis_mark(self, upto: int | None = None) -> tuple[int, int]: ...


class _Connected(Protocol):
    def _write(self, action: str) -> AbstractContextManager[Connection]: ...

    def _read(self, action: str) -> AbstractContextManager[Connection]: ...


class SnapshotRows:
    """:class:`SnapshotStore` for :class:`~dragoman.store.sql.SqlStore` (mixed in: it shares its connections)."""

    def snapshot(self: _Connected, name: str) -> Snapshot | None:
        with self._read(f"read snapshot {name!r}") as conn:
            row = conn.execute(select(snapshots).where(snapshots.c.name == name)).first()
        return Snapshot(row.key, row.watermark, row.analyses, bytes(row.data)) if row else None

    def save_snapshot(self: _Connected, name: str, snapshot: Snapshot) -> None:
        with self._write(f"save snapshot {name!r}") as conn:
            conn.execute(delete(snapshots).where(snapshots.c.name == name))
            conn.execute(insert(snapshots).values(name=name, key=snapshot.key, watermark=snapshot.watermark,
                                                  analyses=snapshot.analyses, created_at=datetime.now(UTC),
                                                  data=snapshot.data))

    def analysis_mark(self: _Connected, upto: int | None = None) -> tuple[int, int]:
        """The highest seq of a document with an analysis and how many there are (up to seq ``upto``)."""
        query = (select(func.coalesce(func.max(documents.c.seq), 0), func.count())
                 .select_from(documents.join(analyses, analyses.c.document_id == documents.c.id)))
        if upto is not None:
            query = query.where(documents.c.seq <= upto)
        with self._read("count analyses") as conn:
            high, count = conn.execute(query).one()
        return int(high), int(count)
