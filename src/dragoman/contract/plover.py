"""PLOVER records and flat GDELT-like rows of an event (``dragoman export``).

PLOVER has no "planned" status: an announced act is coded as PLOVER codes intentions, by the same
table the sentence coder uses (``data/common/plover.json``, ``future``): an announced meeting is AGREE
(CAMEO 036, "express intent to meet or negotiate"), an announced retreat CONCEDE, announced material
conflict THREATEN.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .. import __version__
from ..languages import common_data
from ..model import Actor, Event
from .records import conflict_json, location_json

COLUMNS = ("id", "date_start", "date_end", "date_precision", "type", "mode", "cameo", "status",
           "source_actors", "target_actors", "actors", "location_name", "location_country", "lat", "lon", "venue",
           "topics", "excluded_topics", "num_documents", "first_source_url", "story", "conflict_fields", "conflicts")
LIST_COLUMNS = ("source_actors", "target_actors", "actors", "topics", "excluded_topics", "conflict_fields")

UrlOf = Callable[[str], "str | None"]


def no_url(_doc_id: str) -> str | None:
    return None


@lru_cache(maxsize=1)
def planned_codes() -> dict[str, tuple[str, str, str | None]]:
    """PLOVER type -> (type, CAMEO, mode) of the act when it is only announced."""
    table = common_data("plover")["future"]
    return {key: (value[0], value[1], value[2]) for key, value in table.items() if not key.startswith("_")}


def sides(event: Event) -> tuple[list[Actor], list[Actor]]:
    """Source and target actors; a symmetric event's first participant acts, the others receive."""
    sources = [a for a in event.actors if a.role == "source"]
    targets = [a for a in event.actors if a.role == "target"]
    participants = [a for a in event.actors if a.role == "participant"]
    if not sources and participants:
        sources, participants = participants[:1], participants[1:]
    return sources, targets + participants


def flat_row(event: Event, *, url_of: UrlOf = no_url) -> dict[str, Any]:
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


def plover_record(event: Event, *, url_of: UrlOf = no_url) -> dict[str, Any]:
    """The event as a PLOVER record; extra actors on a side go to ``source_actors`` / ``target_actors``."""
    event_type, mode, cameo = event.type, event.mode, event.cameo
    if event.status == "planned" and event.type in planned_codes():
        event_type, cameo, mode = planned_codes()[event.type]
    sources, targets = sides(event)
    first_source = sources[0] if sources else None
    first_target = targets[0] if targets else None
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
