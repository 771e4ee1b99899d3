"""One plain function per resource, shared by the JSON endpoints and the HTML pages.

Each takes the store and plain values and returns contract JSON (from
:mod:`dragoman.contract`) with a few additions (``sources``, ``quotes``,
``text``, ``spans``), so the page shows exactly what the endpoint answers.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from .. import service
from ..contract import document_json, event_json, evidence_json, feed_json, source_json, story_json
from ..errors import NotFound
from ..model import Document, Event, Evidence, Job
from ..store import EventFilter, Slice, Store

# Where a quote's sentence ends: sentence punctuation before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_REACH = 300  # most characters of context taken on each side of a quote
COUNT_CAP = 10_000  # a filtered total counts this many events at most; more is shown as "10000+"


@dataclass(frozen=True)
class Page:
    """A slice of a listing; ``total`` is ``None`` when it is not known cheaply, and a lower bound when
    ``capped``; ``cursor`` reads the next page by key (``offset`` then only numbers it)."""
    items: list[dict[str, Any]]
    total: int | None
    limit: int
    offset: int
    more: bool
    cursor: str | None = None
    capped: bool = False

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.more and self.limit > 0 else None


# ------------------------------------------------------------------ events

def event_page(store: Store, query: EventFilter, *, limit: int, offset: int, after: str | None = None) -> Page:
    filters = asdict(query)
    counted = store.count_events(**filters, cap=COUNT_CAP + 1)
    capped = counted > COUNT_CAP and any(value for value in filters.values())
    found = store.event_slice(query, limit=limit, offset=offset, after=after) if limit else Slice([], None)
    return Page([event_json(e) for e in found.items], COUNT_CAP if capped else counted, limit, offset,
                found.cursor is not None, found.cursor, capped)


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """The event, the documents reporting it, and every quote of it in its sentence."""
    event = store.event(event_id)
    docs = store.documents_by_id(_cited_documents(event))
    body = event_json(event)
    body["sources"] = [document_json(docs[d], story=event.story) for d in event.documents if d in docs]
    body["cited"] = {d: source_json(doc) for d, doc in docs.items()}
    body["quotes"] = [quote_json(ev, docs.get(ev.document)) for ev in _evidence(event)]
    return body


def timeline(store: Store, a: str, b: str) -> dict[str, Any]:
    a, b = a.upper(), b.upper()
    events = service.timeline(store.events(dyad=(a, b), limit=10_000), a, b)
    return {"a": a, "b": b, "items": [event_json(e) for e in events]}


def _evidence(event: Event) -> list[Evidence]:
    spans = list(event.evidence)
    spans += [fv.evidence for _, values in event.provenance for fv in values if fv.evidence]
    return list(dict.fromkeys(spans))


def _cited_documents(event: Event) -> list[str]:
    conflicting = (d for c in event.conflicts for _, docs in c.values for d in docs)
    reported = (s.document for s in event.status_history)
    return list(dict.fromkeys([*event.documents, *(ev.document for ev in _evidence(event)), *conflicting, *reported]))


def quote_json(ev: Evidence, doc: Document | None) -> dict[str, Any]:
    """The span with the rest of its sentence; without its document (or if offsets drifted), the span alone."""
    before, after = ("", "")
    if doc is not None and 0 <= ev.start <= ev.end <= len(doc.text) and doc.text[ev.start:ev.end] == ev.text:
        before, after = sentence_around(doc.text, ev.start, ev.end)
    return {**evidence_json(ev), "before": before, "after": after}


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text between the sentence's start and ``start``, and between ``end`` and its end."""
    left = text[max(0, start - _REACH):start]
    cuts = list(_SENTENCE_END.finditer(left))
    before = left[cuts[-1].end():] if cuts else left
    right = text[end:end + _REACH]
    stop = _SENTENCE_END.search(right)
    after = right[:stop.start() + (stop.group() != "\n")] if stop else right
    return before.lstrip(), after.rstrip()


# ------------------------------------------------------------------ stories

def story_page(store: Store, *, limit: int, offset: int, after: str | None = None) -> Page:
    total = store.counts()["stories"]
    found = store.story_slice(limit=limit, offset=offset, after=after) if limit else Slice([], None)
    return Page([story_json(s) for s in found.items], total, limit, offset, found.cursor is not None, found.cursor)


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    story = store.story(story_id)
    docs = store.documents_by_id(story.documents)
    events = _events(store, story.events)
    return {"story": story_json(story),
            "documents": [document_json(docs[d], story=story.id) for d in story.documents if d in docs],
            "events": [event_json(e) for e in events]}


def _events(store: Store, event_ids) -> list[Event]:
    """The events that exist among ``event_ids`` (a story may outlive a rebuild's event), in their order."""
    found = store.events_by_id(event_ids)
    return [found[event_id] for event_id in event_ids if event_id in found]


# ------------------------------------------------------------------ documents

def document_page(store: Store, *, errors: bool | None, language: str | None, limit: int, offset: int,
                  after: str | None = None) -> Page:
    found = (store.document_slice(limit=limit, offset=offset, after=after, errors=errors, language=language)
             if limit else Slice([], None))
    items = [document_json(doc, story=story) for doc, story in found.items]
    return Page(items, _document_total(store, errors, language), limit, offset, found.cursor is not None,
                found.cursor)


def _document_total(store: Store, errors: bool | None, language: str | None) -> int | None:
    if language:
        return None
    counts = store.counts()
    return {None: counts["documents"], True: counts["failed"], False: counts["documents"] - counts["failed"]}[errors]


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """The document with its cleaned text and the evidence spans its story's events took from it."""
    doc = store.document(doc_id)
    story_id = store.story_of(doc_id)
    body = document_json(doc, story=story_id)
    body["text"] = doc.text
    body["spans"] = _spans(store, doc, story_id)
    return body


def _spans(store: Store, doc: Document, story_id: str | None) -> list[dict[str, Any]]:
    if story_id is None:
        return []
    try:
        event_ids = store.story(story_id).events
    except NotFound:
        return []
    spans: dict[tuple[int, int], dict[str, Any]] = {}
    for event in _events(store, event_ids):
        for ev in _evidence(event):
            if ev.document == doc.id and 0 <= ev.start <= ev.end <= len(doc.text):
                spans.setdefault((ev.start, ev.end), {"event": event.id, **evidence_json(ev)})
    return [{k: v for k, v in span.items() if k != "document"} for _, span in sorted(spans.items())]


# ------------------------------------------------------------------ home

def overview(store: Store, *, stories: int = 20) -> dict[str, Any]:
    return {"counts": store.counts(), "stories": [story_json(s) for s in store.stories(limit=stories)]}


def job_json(job: Job) -> dict[str, Any]:
    report = job.report or {}
    done = job.status == "done"
    return {"id": job.id, "status": job.status, "articles": len(job.articles), "report": report if done else None,
            "error": report.get("error"), "url": f"/api/jobs/{job.id}",
            "created_at": job.created_at.isoformat() if job.created_at else None,
            "finished_at": job.finished_at.isoformat() if job.finished_at else None}


def feed_list(store: Store) -> dict[str, Any]:
    """Every watched feed with its state (the JSON endpoint and the Feeds page)."""
    return {"feeds": [feed_json(feed) for feed in store.feeds()]}  # type: ignore[attr-defined]  # a FeedStore too
