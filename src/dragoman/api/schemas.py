"""Pydantic models of what the API answers, for its OpenAPI schema and response checks.

The JSON itself is built by :mod:`dragoman.contract`; these models only
describe it (``tests/api/test_api_schemas.py`` checks that their fields are
exactly the contract's keys). ``extra="allow"`` lets a field the contract adds
pass through before it is described here.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import PLOVER_TYPES, PRECISIONS, STATUSES

# Literals built from the model's tuples, so the lists exist once: pydantic reads them at run time, mypy cannot.
PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
StatusName = Literal[STATUSES]  # type: ignore[valid-type]
PrecisionName = Literal[PRECISIONS]  # type: ignore[valid-type]


class Contract(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorOut(Contract):
    role: str
    code: str
    name: str
    sector: str | None


class PersonOut(Contract):
    name: str
    actor: str | None
    title: str | None
    role: str | None
    aliases: list[str] = Field(default_factory=list, description="Other spellings of the name in the sources.")


class LocationOut(Contract):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    venue: str | None


class DateOut(Contract):
    start: date | None
    end: date | None
    precision: PrecisionName
    text: str | None


class EvidenceOut(Contract):
    document: str
    start: int
    end: int
    text: str


class ConflictValueOut(Contract):
    value: Any
    documents: list[str]


class ConflictOut(Contract):
    field: str
    values: list[ConflictValueOut]


class RelationOut(Contract):
    event: str
    relation: str


class SourceValueOut(Contract):
    """What one document said about one field (an entry of ``provenance``)."""
    value: Any
    document: str
    evidence: EvidenceOut | None


class StatusChangeOut(Contract):
    status: StatusName
    reported: date | None
    document: str


class EventOut(Contract):
    id: str
    type: str
    mode: str | None
    cameo: str | None
    status: StatusName
    actors: list[ActorOut]
    people: list[PersonOut]
    location: LocationOut | None
    date: DateOut
    topics: list[str]
    excluded_topics: list[str]
    documents: list[str]
    evidence: list[EvidenceOut]
    conflicts: list[ConflictOut]
    related: list[RelationOut]
    story: str | None
    provenance: dict[str, list[SourceValueOut]]
    status_history: list[StatusChangeOut]


class DocumentOut(Contract):
    id: str
    source: str
    language: str | None
    title: str | None
    published: date | None
    story: str | None
    flags: list[str]
    error: str | None
    url: str | None
    outlet: str = Field(description="The outlet that published it: its URL's host, else its file name.")


class StoryOut(Contract):
    id: str
    title: str
    documents: list[str]
    events: list[str]


class QuoteOut(BaseModel):
    """An evidence span with the rest of its sentence around it."""
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str


class CitationOut(Contract):
    document: str
    outlet: str
    title: str | None
    published: date | None
    url: str | None


class EventDetailOut(EventOut):
    sources: list[DocumentOut] = Field(description="The documents that report the event.")
    cited: dict[str, CitationOut] = Field(description="Every document the event cites (sources, conflicts, "
                                                      "provenance, status history) as an analyst names it.")
    quotes: list[QuoteOut] = Field(description="Every evidence span of the event and its provenance, in context.")


class SpanOut(BaseModel):
    event: str
    start: int
    end: int
    text: str


class DocumentDetailOut(DocumentOut):
    text: str = Field(description="The cleaned text every evidence offset points into.")
    spans: list[SpanOut] = Field(description="Evidence spans of the events of the document's story.")


class StoryDetailOut(BaseModel):
    story: StoryOut
    documents: list[DocumentOut]
    events: list[EventOut]


class PageOut(BaseModel):
    total: int | None = Field(description="Matching rows; when `total_capped`, at least this many (counting "
                                          "stops at 10,000).")
    total_capped: bool = False
    limit: int
    offset: int
    cursor: str | None = Field(None, description="Give as `after` for the next page; null on the last one.")
    next: str | None = Field(description="The next page's URL (by `after`), null on the last one.")


class EventPageOut(PageOut):
    items: list[EventOut]
    total: int


class StoryPageOut(PageOut):
    items: list[StoryOut]
    total: int


class DocumentPageOut(PageOut):
    items: list[DocumentOut]


class TimelineOut(BaseModel):
    a: str
    b: str
    items: list[EventOut]


class IngestReportOut(BaseModel):
    added: list[str]
    skipped: list[str]
    failed: list[DocumentOut]
    summary: str


class JobOut(BaseModel):
    """An ingestion queued by ``POST /api/documents``; ``report`` once it is done (or why it failed)."""
    id: str
    status: str = Field(description="queued, running, done or failed")
    articles: int = Field(description="How many articles were posted.")
    report: IngestReportOut | None = None
    error: str | None = None
    url: str
    created_at: str | None = None
    finished_at: str | None = None


class FeedOut(Contract):
    """A watched feed (``dragoman watch``) and its polling state."""
    url: str = Field(description="Where it is polled (a permanent redirect moves it).")
    given_url: str = Field(description="The address it was added under.")
    status: str = Field(description="active, or gone (HTTP 410: never polled again)")
    last_poll: str | None = None
    next_poll: str | None = None
    failures: int = Field(description="Polls failed in a row; the wait before the next one doubles with each.")
    error: str | None = Field(None, description="The last poll's error, with its code.")
    items: int = Field(description="Feed items taken.")
    added: int = Field(description="Documents stored from them.")
    etag: str | None = None
    last_modified: str | None = None


class FeedListOut(BaseModel):
    feeds: list[FeedOut]


class ArticleIn(BaseModel):
    """One posted article: ``text`` or ``html`` with optional metadata."""
    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD, or an ISO datetime whose time is kept (in UTC)")
    language: str | None = Field(None, description="ISO 639-1; detected when absent")
    id: str | None = None


class ErrorDetail(BaseModel):
    code: str
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail
