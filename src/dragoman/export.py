"""Events out of the store as files: ``jsonl``, ``csv``, ``parquet`` and ``plover``.

``jsonl`` is one contract event per line. ``csv`` and ``parquet`` are one flat
row per event with the same columns, in the spirit of GDELT's event table.
``plover`` is one PLOVER record per line. The record shapes live in
:mod:`dragoman.contract`; this module writes them.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .contract import COLUMNS, LIST_COLUMNS, UrlOf, event_json, flat_row, no_url, plover_record
from .errors import ConfigError, NotFound
from .model import Event

FORMATS = ("plover", "jsonl", "csv", "parquet")
# ------------------------------------------------------------------ writers

def export(events: Iterable[Event], fmt: str, sink: BinaryIO, *, url_of: UrlOf = no_url) -> int:
    """Write ``events`` to ``sink`` in format ``fmt``; the number of events written."""
    writers = {"jsonl": _write_jsonl, "plover": _write_plover, "csv": _write_csv, "parquet": _write_parquet}
    if fmt not in writers:
        raise ConfigError(name="--format", detail=f"{fmt!r} is not one of {', '.join(FORMATS)}")
    return writers[fmt](events, sink, url_of)


def _lines(records: Iterable[dict[str, Any]], sink: BinaryIO) -> int:
    count = 0
    for record in records:
        sink.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        count += 1
    return count


def _write_jsonl(events: Iterable[Event], sink: BinaryIO, url_of: UrlOf) -> int:
    return _lines((event_json(e) for e in events), sink)


def _write_plover(events: Iterable[Event], sink: BinaryIO, url_of: UrlOf) -> int:
    return _lines((plover_record(e, url_of=url_of) for e in events), sink)


def _csv_value(name: str, value: Any) -> Any:
    if name in LIST_COLUMNS:
        return ";".join(value)
    return "" if value is None else value


def _write_csv(events: Iterable[Event], sink: BinaryIO, url_of: UrlOf) -> int:
    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for event in events:
        row = flat_row(event, url_of=url_of)
        writer.writerow({name: _csv_value(name, row[name]) for name in COLUMNS})
        count += 1
    text.detach()  # leave the caller's stream open
    return count


def parquet_schema():
    import pyarrow as pa

    types = {"date_start": pa.date32(), "date_end": pa.date32(), "lat": pa.float64(), "lon": pa.float64(),
             "num_documents": pa.int64()}
    return pa.schema([(name, pa.list_(pa.string()) if name in LIST_COLUMNS else types.get(name, pa.string()))
                      for name in COLUMNS])


def _write_parquet(events: Iterable[Event], sink: BinaryIO, url_of: UrlOf) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e, url_of=url_of) for e in events]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    buffer = io.BytesIO()  # parquet wants a seekable file; the sink may be a pipe
    pq.write_table(table, buffer)
    sink.write(buffer.getvalue())
    return len(rows)


# ------------------------------------------------------------------ from a store

def stored_events(store, *, batch: int = 1000) -> Iterator[Event]:
    """Every event of the store in date order, read a page at a time."""
    offset = 0
    while page := store.events(limit=batch, offset=offset):
        yield from page
        offset += len(page)


def document_urls(store) -> UrlOf:
    """A cached ``doc id -> url`` lookup on ``store`` (``None`` for unknown documents)."""
    seen: dict[str, str | None] = {}

    def url_of(doc_id: str) -> str | None:
        if doc_id not in seen:
            try:
                seen[doc_id] = store.document(doc_id).url
            except NotFound:
                seen[doc_id] = None
        return seen[doc_id]

    return url_of
