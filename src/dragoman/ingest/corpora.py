"""Corpus formats read as streams: JSONL line by line, Parquet by row group, WARC record by record.

A corpus file can be far larger than ``max_bytes`` (a CC-NEWS WARC is about a gigabyte), so these
readers never load a file whole; ``max_bytes`` bounds each record instead. Every reader also reads
a part of its file (``start``/``count``), so :mod:`dragoman.scale` can hand the parts of one file to
many workers; a record's source names it the same way whoever reads it: ``file.jsonl:LINE``,
``file.parquet#ROW`` (from 0), ``file.warc.gz#OFFSET`` (the record's byte offset).
"""
from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import EmptyInput, InputError, MalformedInput, OversizedInput, UnreadableInput
from ..model import RawItem
from .decode import check_bytes, decode_bytes
from .formats import Result, load_json, parse_html, parse_published, record_item

KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".warc": "warc", ".warc.gz": "warc"}
RECORD_COLUMNS = ("language", "id", "outlet", "html")  # read by their own names when a Parquet file has them


@dataclass(frozen=True)
class Columns:
    """Which Parquet columns hold an article's fields."""
    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"


COLUMNS = Columns()


def corpus_kind(path: Path) -> str | None:
    """``jsonl``, ``parquet`` or ``warc`` for a corpus file, by its name; else None."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return KINDS.get(path.suffix.lower())


def read_corpus(path: Path, *, max_bytes: int, columns: Columns = COLUMNS) -> Iterator[Result]:
    """Every record of a whole corpus file."""
    kind = corpus_kind(path)
    if kind == "jsonl":
        yield from jsonl_records(path, max_bytes=max_bytes)
    elif kind == "parquet":
        yield from parquet_records(path, columns=columns)
    else:
        yield from warc_records(path, max_bytes=max_bytes)


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise UnreadableInput(source=str(path), detail=exc.strerror or str(exc)) from exc


# ----------------------------------------------------------------- JSONL

def jsonl_records(path: Path, *, max_bytes: int, start: int = 0, first_line: int = 1,
                  count: int | None = None) -> Iterator[Result]:
    """One article per line from byte ``start`` (line ``first_line``), ``count`` lines at most."""
    seen = 0
    try:
        with _open(path) as handle:
            handle.seek(start)
            for number, line in _lines(handle, first_line, count, max_bytes):
                if line.strip():
                    seen += 1
                    yield _jsonl_record(line, f"{path}:{number}", number, max_bytes)
    except InputError as exc:
        yield exc
        return
    if seen == 0 and start == 0 and count is None:
        yield EmptyInput(source=str(path))


def _lines(handle: IO[bytes], first_line: int, count: int | None, max_bytes: int) -> Iterator[tuple[int, bytes]]:
    number = first_line
    while count is None or number < first_line + count:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # an oversized line is skipped to its end, then reported
        yield number, line
        number += 1


def _jsonl_record(line: bytes, source: str, number: int, max_bytes: int) -> Result:
    if len(line) > max_bytes:
        return OversizedInput(source=source, size=f"more than {max_bytes}", limit=max_bytes)
    try:
        check_bytes(line, source)
        record = load_json(decode_bytes(line, source), source, line=number)  # depth and number limits too
    except InputError as exc:
        return exc
    return _item(record, source)


def jsonl_parts(path: Path, *, size: int) -> Iterator[tuple[int, int, int]]:
    """``(start byte, first line, lines)`` of consecutive parts of ``size`` lines (blank lines included)."""
    with _open(path) as handle:
        start, first, number = 0, 1, 1
        for _line in iter(handle.readline, b""):
            number += 1
            if number - first == size:
                yield start, first, size
                start, first = handle.tell(), number
        if number > first:
            yield start, first, number - first


# ----------------------------------------------------------------- Parquet

def parquet_records(path: Path, *, columns: Columns = COLUMNS, group: int | None = None, offset: int = 0,
                    count: int | None = None) -> Iterator[Result]:
    """Rows as articles: every row group, or ``count`` rows of row group ``group`` from ``offset``."""
    try:
        parquet, names, first_rows = _parquet(path, columns)
    except InputError as exc:
        yield exc
        return
    groups = range(parquet.num_row_groups) if group is None else (group,)
    for index in groups:
        table = parquet.read_row_group(index, columns=names)
        table = table.slice(offset, count) if group is not None else table
        first = first_rows[index] + (offset if group is not None else 0)
        for row, values in enumerate(table.to_pylist(), start=first):
            yield _item(_parquet_record(values, columns), f"{path}#{row}")


def parquet_parts(path: Path, *, size: int, columns: Columns = COLUMNS) -> Iterator[tuple[int, int, int]]:
    """``(row group, offset, rows)`` of parts of ``size`` rows at most (a part stays in its row group)."""
    parquet, _, _ = _parquet(path, columns)
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        for offset in range(0, rows, size):
            yield group, offset, min(size, rows - offset)


def _parquet(path: Path, columns: Columns) -> tuple[Any, list[str], list[int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except OSError as exc:
        raise UnreadableInput(source=str(path), detail=str(exc)) from exc
    except pa.ArrowException as exc:
        raise MalformedInput(source=str(path), detail=f"not a Parquet file ({exc})") from exc
    have = set(parquet.schema_arrow.names)
    if columns.text not in have and "html" not in have:
        detail = f"no text column {columns.text!r} (columns: {', '.join(sorted(have))})"
        raise MalformedInput(source=str(path), detail=detail)
    wanted = [columns.text, columns.title, columns.published, columns.url, *RECORD_COLUMNS]
    names = list(dict.fromkeys(name for name in wanted if name in have))
    sizes = [parquet.metadata.row_group(g).num_rows for g in range(parquet.num_row_groups)]
    first_rows = [sum(sizes[:g]) for g in range(len(sizes))]
    return parquet, names, first_rows


def _parquet_record(values: dict[str, Any], columns: Columns) -> dict[str, Any]:
    mapped = {"text": values.get(columns.text), "title": values.get(columns.title), "url": values.get(columns.url),
              "published": _iso(values.get(columns.published))}
    mapped.update({name: values.get(name) for name in RECORD_COLUMNS})
    return {name: value for name, value in mapped.items() if value is not None}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


# ----------------------------------------------------------------- WARC

def warc_records(path: Path, *, max_bytes: int, start: int = 0, count: int | None = None) -> Iterator[Result]:
    """HTML ``response`` records (from byte ``start``, ``count`` at most): the page's text, the target URI as
    its url, its publication date from the page's metadata, else the capture's ``WARC-Date``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    taken, offset = 0, start
    try:
        with _open(path) as handle:
            handle.seek(start)
            records = ArchiveIterator(handle)
            for record in records:
                offset = records.offset  # get_record_offset() would read the record to its end first
                if count is not None and taken >= count:
                    return
                if _is_html_response(record):
                    taken += 1
                    yield _warc_item(record, f"{path}#{offset}", max_bytes)
    except InputError as exc:
        yield exc
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        yield MalformedInput(source=f"{path}#{offset}", detail=f"WARC does not read on ({type(exc).__name__}: {exc})")


def warc_parts(path: Path, *, size: int) -> Iterator[tuple[int, int | None]]:
    """``(start byte, records)`` of parts of ``size`` HTML responses; the last part (None) runs to the end."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    starts: list[int] = []
    try:
        with _open(path) as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if _is_html_response(record):
                    starts.append(records.get_record_offset())
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError):
        pass  # the reader of the last part meets the same problem and reports it
    if not starts:
        yield 0, None
    for index in range(0, len(starts), size):
        yield starts[index], None if index + size >= len(starts) else size


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in kind


def _warc_item(record: Any, source: str, max_bytes: int) -> Result:
    try:
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            raise OversizedInput(source=source, size=f"more than {max_bytes}", limit=max_bytes)
        check_bytes(body, source)
        item = parse_html(decode_bytes(body, source), source)
        day, moment = parse_published(record.rec_headers.get_header("WARC-Date"), source, name="WARC-Date")
    except InputError as exc:
        return exc
    url = record.rec_headers.get_header("WARC-Target-URI") or item.url
    if item.published is not None:
        return dataclasses.replace(item, url=url)
    return dataclasses.replace(item, url=url, published=day, published_at=moment)


# ----------------------------------------------------------------- records

def _item(record: object, source: str) -> RawItem | InputError:
    try:
        return record_item(record, source)
    except InputError as exc:
        return exc
