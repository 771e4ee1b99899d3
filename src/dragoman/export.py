"""Events out of the store as files: ``jsonl``, ``csv``, ``parquet`` and ``plover``.

``jsonl`` is one contract event per line. ``csv`` and ``parquet`` are one flat
row per event with the same columns, in the spirit of GDELT's event table.
``plover`` is one PLOVER record per line; PLOVER has no "planned" status, so
a few (type, status) pairs are recoded (``PLANNED_AS``).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, BinaryIO

from .languages import common_data
from . import __version__
from .contract import conflict_json, event_json, location_json
from .errors import ConfigError, NotFound
from .model import Actor, Event

FORMATS = ("plover", "jsonl", "csv", "parquet")
COLUMNS = ("id", "date_start", "date_end", "date_precision", "type", "mode", "cameo", "status",
           "source_actors", "target_actors", "actors", "location_name", "location_country", "lat", "lon", "venue",
           "topics", "excluded_topics", "num_documents", "first_source_url", "story", "conflict_fields", "conflicts")
LIST_COLUMNS = ("source_actors", "target_actors", "actors", "topics", "excluded_topics", "conflict_fields")
# An announced meeting is, in PLOVER, an agreement to meet: AGREE (CAMEO 036,
# "express intent to meet or negotiate"), not a CONSULT that has not happened.
PLANNED_AS: dict[str, tuple[str, str]] = {"CONSULT": ("AGREE", "036")}

UrlOf = Callable[[str], "str | None"]


def _no_url(_doc_id: str) -> str | None:
    return None


# ------------------------------------------------------------------ rows

def sides(event: Event) -> tuple[list[Actor], list[Actor]]:
    """Source and target actors; a symmetric event's first participant acts, the others receive."""
    sources = [a for a in event.actors if a.role == "source"]
    targets = [a for a in event.actors if a.role == "target"]
    participants = [a for a in event.actors if a.role == "participant"]
    if not sources and participants:
        sources, participants = participants[:1], participants[1:]
    return sources, targets + participants


def flat_row(event: Event, *, url_of: UrlOf = _no_url) -> dict[str, Any]:
    """One GDELT-like row; list columns hold lists (joined with ';' in CSV)."""
    sources, targets = sides(event)
    loc = event.location
    return {
        "id": event.id, "date_start": event.date.start, "date_end": event.date.end,
        "date_precision": event.date.precision, "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "status": event.status, "source_actors": [a.code for a in sources], "target_actors": [a.code for a in targets],
        "actors": [a.code for a in event.actors], "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None, "venue": loc.venue if loc else None, "topics": list(event.topics),
        "excluded_topics": list(event.excluded_topics), "num_documents": len(event.documents),
        "first_source_url": url_of(event.documents[0]) if event.documents else None, "story": event.story,
        "conflict_fields": [c.field for c in event.conflicts],
        "conflicts": json.dumps([conflict_json(c) for c in event.conflicts], ensure_ascii=False)
        if event.conflicts else None,
    }


@lru_cache(maxsize=1)
def _quads() -> dict[str, str]:
    types = common_data("plover")["types"]
    return {name: spec["quad"] for name, spec in types.items()}


def plover_record(event: Event, *, url_of: UrlOf = _no_url) -> dict[str, Any]:
    """The event as a PLOVER record; extra actors on a side go to ``source_actors`` / ``target_actors``."""
    event_type, mode, cameo = event.type, event.mode, event.cameo
    if event.status == "planned" and event.type in PLANNED_AS:
        event_type, cameo = PLANNED_AS[event.type]
        mode = None
    sources, targets = sides(event)
    first_source, first_target = (sources[:1] or [None])[0], (targets[:1] or [None])[0]
    return {
        "id": event.id, "date": event.date.start.isoformat() if event.date.start else None,
        "date_end": event.date.end.isoformat() if event.date.end else None, "date_precision": event.date.precision,
        "event_type": event_type, "mode": mode, "quad": _quads().get(event_type), "cameo": cameo,
        "context": list(event.topics), "excluded_context": list(event.excluded_topics),
        "source_actor": first_source.code if first_source else None,
        "source_sector": first_source.sector if first_source else None,
        "source_actors": [a.code for a in sources],
        "target_actor": first_target.code if first_target else None,
        "target_sector": first_target.sector if first_target else None,
        "target_actors": [a.code for a in targets],
        "location": location_json(event.location), "status": event.status, "dragoman_type": event.type,
        "event_text": event.evidence[0].text if event.evidence else None,
        "documents": list(event.documents),
        "url": url_of(event.documents[0]) if event.documents else None,
        "version": f"dragoman {__version__}",
    }


# ------------------------------------------------------------------ writers

def export(events: Iterable[Event], fmt: str, sink: BinaryIO, *, url_of: UrlOf = _no_url) -> int:
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
