"""The JSON contract of ``dragoman extract`` (``shared/spec/OUTPUT.md`` §1): documents, stories, events.

Only this module knows the contract's field names; the API, the CLI and the
exports call it, so the shape is defined once. Fields the project adds beyond
the contract (``provenance``, ``status_history``, ``mode`` of a person...) are
additions, never renamings.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from ..model import (
    Actor,
    Conflict,
    DateValue,
    Document,
    Event,
    Evidence,
    Feed,
    FieldValue,
    Location,
    Person,
    Relation,
    Result,
    Story,
)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def outlet(doc: Document) -> str:
    """The outlet an analyst names: the one the source gives, else its URL's host, else its file name."""
    if doc.outlet:
        return doc.outlet
    host = urlsplit(doc.url).hostname if doc.url and "://" in doc.url else None
    if host:
        return host.removeprefix("www.")
    return PurePath(doc.source.split("#")[0]).name or doc.source


def source_json(doc: Document) -> dict[str, Any]:
    """A document as a citation: outlet, title and date, for conflicts, provenance and status history."""
    return {"document": doc.id, "outlet": outlet(doc), "title": doc.title, "published": iso(doc.published),
            "url": doc.url}


def document_json(doc: Document, *, story: str | None = None) -> dict[str, Any]:
    return {"id": doc.id, "source": doc.source, "language": doc.language, "title": doc.title,
            "published": iso(doc.published), "story": story, "flags": list(doc.flags),
            "error": str(doc.error) if doc.error else None,
            "url": doc.url, "outlet": outlet(doc)}


def story_json(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "documents": list(story.documents), "events": list(story.events)}


def actor_json(actor: Actor) -> dict[str, Any]:
    return {"role": actor.role, "code": actor.code, "name": actor.name, "sector": actor.sector}


def person_json(person: Person) -> dict[str, Any]:
    return {"name": person.name, "actor": person.actor, "title": person.title, "role": person.role,
            "aliases": list(person.aliases)}


def location_json(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            "geonames_id": loc.geonames_id, "venue": loc.venue}


def date_json(value: DateValue) -> dict[str, Any]:
    return {"start": iso(value.start), "end": iso(value.end), "precision": value.precision, "text": value.text}


def evidence_json(ev: Evidence) -> dict[str, Any]:
    return {"document": ev.document, "start": ev.start, "end": ev.end, "text": ev.text}


def value_json(value: Any) -> Any:
    """A field value as JSON: records through their own converter, tuples as lists."""
    converters: dict[type, Callable[[Any], Any]] = {DateValue: date_json, Location: location_json,
                                                    Person: person_json, Actor: actor_json}
    for kind, convert in converters.items():
        if isinstance(value, kind):
            return convert(value)
    if isinstance(value, (tuple, list)):
        return [value_json(v) for v in value]
    return value


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {"field": conflict.field,
            "values": [{"value": value_json(v), "documents": list(docs)} for v, docs in conflict.values]}


def relation_json(rel: Relation) -> dict[str, Any]:
    return {"event": rel.event, "relation": rel.relation}


def provenance_json(field_values: tuple[FieldValue, ...]) -> list[dict[str, Any]]:
    return [{"value": value_json(fv.value), "document": fv.document,
             "evidence": evidence_json(fv.evidence) if fv.evidence else None} for fv in field_values]


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "cameo": event.cameo, "status": event.status,
        "actors": [actor_json(a) for a in event.actors], "people": [person_json(p) for p in event.people],
        "location": location_json(event.location), "date": date_json(event.date),
        "topics": list(event.topics), "excluded_topics": list(event.excluded_topics),
        "documents": list(event.documents), "evidence": [evidence_json(e) for e in event.evidence],
        "conflicts": [conflict_json(c) for c in event.conflicts],
        "related": [relation_json(r) for r in event.related],
        "story": event.story,
        "provenance": {name: provenance_json(values) for name, values in event.provenance},
        "status_history": [{"status": s.status, "reported": iso(s.reported), "document": s.document}
                           for s in event.status_history],
    }


def result_json(result: Result) -> dict[str, Any]:
    story_of = dict(result.story_of)
    documents = {d.id: d for d in result.documents}
    return {
        "dragoman": __version__,
        "documents": [document_json(d, story=story_of.get(d.id)) for d in result.documents],
        "stories": [story_json(s) for s in result.stories],
        "events": [event_json(e) | {"sources": [source_json(documents[d]) for d in e.documents if d in documents]}
                   for e in result.events],
    }


def feed_json(feed: Feed) -> dict[str, Any]:
    """A watched feed's state (``dragoman feeds``, ``GET /api/feeds``, the Feeds page)."""
    return {"url": feed.url, "given_url": feed.given_url, "status": feed.status,
            "last_poll": feed.last_poll.isoformat() if feed.last_poll else None,
            "next_poll": feed.next_poll.isoformat() if feed.next_poll else None, "failures": feed.failures,
            "error": feed.error, "items": feed.items, "added": feed.added, "etag": feed.etag,
            "last_modified": feed.last_modified}
