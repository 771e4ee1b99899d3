"""Records to table rows and back."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row

from ..model import Document, DocumentError, Event, EventCandidate, Job, OffsetMap, Story
from ..serialize import from_data, to_data
from .engine import Unserialisable


def payload(obj: Any) -> Any:
    try:
        return to_data(obj)
    except TypeError as exc:
        raise Unserialisable(f"{type(obj).__name__}: {exc}") from exc


# ---------------------------------------------------------------- documents

def document_key(doc: Document) -> str:
    """What makes two documents the same: their content hash, else a hash of text or (source, error)."""
    if doc.content_hash:
        return doc.content_hash
    if doc.text:
        return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    failure = f"{doc.source}\x00{doc.error or ''}"
    return "failed:" + hashlib.sha256(failure.encode("utf-8", "surrogatepass")).hexdigest()


def document_row(doc: Document, *, key: str, now: datetime) -> dict[str, Any]:
    return {"id": doc.id, "key": key, "content_hash": doc.content_hash, "source": doc.source, "url": doc.url,
            "title": doc.title, "language": doc.language, "published": doc.published,
            "published_at": doc.published_at, "outlet": doc.outlet, "flags": list(doc.flags),
            "error": str(doc.error) if doc.error else None, "text": doc.text,
            "raw_text": doc.raw_text, "offsets": payload(doc.offsets), "ingested_at": now}


def row_document(row: Row[Any]) -> Document:
    return Document(id=row.id, source=row.source, text=row.text, title=row.title, language=row.language,
                    published=row.published, url=row.url, flags=tuple(row.flags),
                    error=DocumentError.parse(row.error) if row.error else None,
                    content_hash=row.content_hash, raw_text=row.raw_text,
                    offsets=from_data(OffsetMap, row.offsets), published_at=row.published_at,
                    outlet=row.outlet)


def row_job(row: Row[Any], *, status: str | None = None) -> Job:
    return Job(id=row.id, status=status or row.status, articles=tuple(row.articles), report=row.report,
               created_at=row.created_at, finished_at=row.finished_at)


def candidate_rows(doc_id: str, cands: Sequence[EventCandidate]) -> list[dict[str, Any]]:
    return [{"document_id": doc_id, "position": i, "type": cand.type, "status": cand.status,
             "payload": payload(cand)} for i, cand in enumerate(cands)]


# ---------------------------------------------------------------- derived

def story_row(position: int, story: Story) -> dict[str, Any]:
    return {"id": story.id, "position": position, "title": story.title, "payload": payload(story)}


UNDATED = date(9999, 12, 31)


def event_row(event: Event) -> dict[str, Any]:
    """The event's filter columns; a one-sided date interval is kept as a single day."""
    texts = [ev.text for ev in event.evidence] + ([event.location.name] if event.location else [])
    return {"id": event.id, "type": event.type, "status": event.status,
            "date_start": event.date.start or event.date.end, "date_end": event.date.end or event.date.start,
            "location_name": event.location.name if event.location else None, "story_id": event.story,
            "search_text": "\n".join(texts).lower(), "payload": payload(event),
            "sort_key": event.date.start or event.date.end or UNDATED}


def event_links(event: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    codes = dict.fromkeys(actor.code for actor in event.actors)
    topics = dict.fromkeys(event.topics)
    sort_key = event.date.start or event.date.end or UNDATED  # the event's own, see event_row
    return ([{"event_id": event.id, "code": code, "sort_key": sort_key} for code in codes],
            [{"event_id": event.id, "topic": topic, "sort_key": sort_key} for topic in topics])
