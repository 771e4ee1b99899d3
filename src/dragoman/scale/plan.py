"""Inputs cut into shards of a few documents each, and a shard read back into documents.

A shard names where its documents are (a few files, or a run of lines, rows or records of one corpus
file), never the documents themselves, so the plan of a corpus of millions stays small and a worker
reads its own shard. Reading a shard gives the same documents, with the same sources, as
:func:`dragoman.ingest.read_documents` gives for those inputs.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import DEFAULT
from ..errors import InputError
from ..ingest import Columns, document_of, iter_raw
from ..ingest.corpora import (
    COLUMNS,
    corpus_kind,
    jsonl_parts,
    jsonl_records,
    parquet_parts,
    parquet_records,
    warc_parts,
    warc_records,
)
from ..ingest.files import walk
from ..model import Document, RawItem

SHARD_DOCUMENTS = 16  # small, so that two workers share even a short corpus evenly


@dataclass(frozen=True)
class Shard:
    """``files``: whole files (read as :func:`~dragoman.ingest.iter_raw` reads them); ``jsonl``: ``count`` lines from
    byte ``start`` (line ``first``); ``parquet``: ``count`` rows of row group ``group`` from ``start``; ``warc``:
    ``count`` HTML responses (None: all) from byte ``start``."""
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    first: int = 1
    count: int | None = None
    group: int = 0


@dataclass(frozen=True)
class Reading:
    """How documents are read, the same in every worker."""
    max_bytes: int = DEFAULT.max_bytes
    min_chars: int = DEFAULT.min_chars
    published: date | None = None
    columns: Columns = COLUMNS


def plan(paths: Iterable[str | Path], *, reading: Reading = Reading(), size: int = SHARD_DOCUMENTS) -> Iterator[Shard]:
    """Shards over files and folders, in the order :func:`~dragoman.ingest.read_documents` reads them."""
    files: list[str] = []
    for given in paths:
        for path in walk([given]):
            kind = None if isinstance(path, InputError) else corpus_kind(path)
            if kind is None or isinstance(path, InputError):
                files.append(str(given) if isinstance(path, InputError) else str(path))
                if len(files) == size:
                    yield Shard("files", tuple(files))
                    files = []
                continue
            if files:
                yield Shard("files", tuple(files))
                files = []
            yield from _corpus_shards(path, kind, reading, size)
    if files:
        yield Shard("files", tuple(files))


def _corpus_shards(path: Path, kind: str, reading: Reading, size: int) -> Iterator[Shard]:
    name = (str(path),)
    try:
        if kind == "jsonl":
            parts = [Shard("jsonl", name, start, first, count) for start, first, count in jsonl_parts(path, size=size)]
        elif kind == "parquet":
            parts = [Shard("parquet", name, offset, 0, count, group)
                     for group, offset, count in parquet_parts(path, size=size, columns=reading.columns)]
        else:
            parts = [Shard("warc", name, start, 0, count) for start, count in warc_parts(path, size=size)]
    except InputError:
        parts = []
    # a file that cannot be cut (unreadable, empty, no text column) is read whole, which reports why
    yield from parts or [Shard("files", name)]


def read_shard(shard: Shard, reading: Reading) -> Iterator[Document]:
    """The shard's documents, cleaned; a failing one comes out with ``error`` set."""
    for item in _items(shard, reading):
        if isinstance(item, RawItem) and item.published is None and reading.published is not None:
            item = dataclasses.replace(item, published=reading.published)
        yield document_of(item, min_chars=reading.min_chars)


def _items(shard: Shard, reading: Reading) -> Iterator[RawItem | InputError]:
    path = Path(shard.paths[0])
    if shard.kind == "jsonl":
        return jsonl_records(path, max_bytes=reading.max_bytes, start=shard.start, first_line=shard.first,
                             count=shard.count)
    if shard.kind == "parquet":
        return parquet_records(path, columns=reading.columns, group=shard.group, offset=shard.start, count=shard.count)
    if shard.kind == "warc":
        return warc_records(path, max_bytes=reading.max_bytes, start=shard.start, count=shard.count)
    return iter_raw(shard.paths, max_bytes=reading.max_bytes, columns=reading.columns)
