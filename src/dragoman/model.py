"""Typed records passed between dragoman's stages.

Data flows one way::

    Source -> RawItem -> Document -> Mention -> EventCandidate -> Story / Event

Every record is a frozen dataclass; collections are tuples so records hash
and pickle (Ray ships them between processes). Conversion to the JSON
contract (``shared/spec/OUTPUT.md``) lives in :mod:`dragoman.contract`; the storage format in :mod:`dragoman.serialize`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("planned", "ongoing", "occurred", "cancelled", "uncertain")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "unknown")

Status = Literal["planned", "ongoing", "occurred", "cancelled", "uncertain"]
Precision = Literal["day", "week", "month", "quarter", "year", "unknown"]
ActorRole = Literal["source", "target", "participant", "mediator", "host", "observer"]  # host, observer: no parties


# ----------------------------------------------------------------- ingestion

@dataclass(frozen=True)
class RawItem:
    """One article as read from a source, before cleaning.

    ``text`` is decoded, NFC-normalised text; for HTML it is the page's
    extracted main text (the HTML itself is not kept).
    """
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_at: datetime | None = None  # when the source gives a time (naive; in UTC if it gave an offset)
    language: str | None = None
    given_id: str | None = None
    media_type: str = "text/plain"
    outlet: str | None = None  # the publication's name, when the source gives it (sidecar, page metadata, feed)


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a cleaned text back to the raw text it came from.

    ``segments`` holds ``(clean_start, raw_start, length)`` runs, sorted by
    ``clean_start``; every kept character belongs to exactly one run.
    """
    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        for clean_start, raw_start, length in reversed(self.segments):
            if offset >= clean_start:
                return raw_start + min(offset - clean_start, length)
        return offset


@dataclass(frozen=True)
class DocumentError:
    """Why a document could not be processed: a code of :mod:`dragoman.errors` and its message."""
    code: str
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    @classmethod
    def parse(cls, text: str) -> DocumentError:
        """Back from its stored form, ``[E106] message``; a text without a code is E000."""
        if text.startswith("[E") and "] " in text[:8]:
            code, message = text[1:].split("] ", 1)
            return cls(code, message)
        return cls("E000", text)


@dataclass(frozen=True)
class Document:
    """A cleaned article. ``text`` is what every evidence offset points into."""
    id: str
    source: str
    text: str
    title: str | None = None
    language: str | None = None
    published: date | None = None
    url: str | None = None
    flags: tuple[str, ...] = ()
    error: DocumentError | None = None
    content_hash: str = ""
    raw_text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    published_at: datetime | None = None  # when the source gives a time (naive; in UTC if it gave an offset)
    outlet: str | None = None  # the publication's name, when the source gives it

    @property
    def ok(self) -> bool:
        return self.error is None


# ----------------------------------------------------------------- values

@dataclass(frozen=True)
class DateValue:
    """An interval with a precision; ``start``/``end`` inclusive."""
    start: date | None
    end: date | None
    precision: Precision = "unknown"
    text: str | None = None
    note: str | None = None  # why the text was read so, e.g. "weekday_contradicts_date" ("jeudi 3 juin", a Friday)

    @property
    def known(self) -> bool:
        return self.start is not None and self.precision != "unknown"


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    role: ActorRole = "participant"
    sector: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    actor: str | None = None
    title: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()  # other spellings of the name in the sources (Pachinian for Pashinyan)


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    venue: str | None = None

    @property
    def is_city(self) -> bool:
        """A city or a site of its own (geonames, or ``sites.json``: Panmunjom), not a country."""
        return self.geonames_id is not None or self.lat is not None


@dataclass(frozen=True)
class Evidence:
    document: str
    start: int
    end: int
    text: str


# ----------------------------------------------------------------- mentions

@dataclass(frozen=True)
class Mention:
    """A span of a document that extraction recognised.

    ``kind`` is one of ``actor``, ``person``, ``place``, ``venue``, ``date``,
    ``trigger``, ``topic``; ``value`` carries the typed reading (an
    :class:`Actor`, :class:`Person`, :class:`Location`, :class:`DateValue`,
    a trigger label or a topic code).
    """
    kind: str
    start: int
    end: int
    text: str
    sentence: int = 0
    value: Any = None


# ----------------------------------------------------------------- events

@dataclass(frozen=True)
class EventCandidate:
    """One document's reading of one event."""
    document: str
    type: str
    status: Status
    mode: str | None = None
    cameo: str | None = None
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    location: Location | None = None
    date: DateValue = DateValue(None, None)
    topics: tuple[str, ...] = ()
    excluded_topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    trigger: str | None = None
    confidence: float = 0.5
    background: bool = False  # recalled as context, not the article's news

    @cached_property
    def actor_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.actors)


@dataclass(frozen=True)
class FieldValue:
    """What one document said about one field of an event."""
    value: Any
    document: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Conflict:
    field: str
    values: tuple[tuple[Any, tuple[str, ...]], ...]  # (value, documents)


@dataclass(frozen=True)
class Relation:
    event: str
    relation: str  # previous_round | next_round | follow_up | part_of | response_to


@dataclass(frozen=True)
class StatusChange:
    status: Status
    reported: date | None
    document: str


@dataclass(frozen=True)
class Event:
    """One real-world event merged over every document that reports it."""
    id: str
    type: str
    status: Status
    mode: str | None = None
    cameo: str | None = None
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    location: Location | None = None
    date: DateValue = DateValue(None, None)
    topics: tuple[str, ...] = ()
    excluded_topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    related: tuple[Relation, ...] = ()
    provenance: tuple[tuple[str, tuple[FieldValue, ...]], ...] = ()
    status_history: tuple[StatusChange, ...] = ()
    story: str | None = None


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    documents: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentAnalysis:
    """Everything single-document extraction produced for one document."""
    document: Document
    mentions: tuple[Mention, ...] = ()
    candidates: tuple[EventCandidate, ...] = ()


@dataclass(frozen=True)
class Result:
    """The outcome of a run: what ``dragoman extract --json`` prints."""
    documents: tuple[Document, ...] = ()
    stories: tuple[Story, ...] = ()
    events: tuple[Event, ...] = ()
    story_of: tuple[tuple[str, str], ...] = ()  # (document id, story id)


@dataclass(frozen=True)
class Job:
    """Articles posted to the API, ingested in order by one writer; ``report`` once it is done."""
    id: str
    status: str  # queued, running, done, failed
    articles: tuple[dict[str, Any], ...] = ()
    report: dict[str, Any] | None = None
    created_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True)
class Feed:
    """A watched RSS/Atom feed and its polling state (``dragoman watch``); ``url`` follows permanent redirects,
    ``given_url`` is the address it was first added under."""
    url: str
    given_url: str = ""
    status: str = "active"  # active, or gone (HTTP 410: never polled again)
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None
    next_poll: datetime | None = None
    failures: int = 0  # polls failed in a row (the backoff grows with them)
    error: str | None = None  # the last poll's error, as "[E601] ..."; None after a good poll
    items: int = 0  # feed items seen
    added: int = 0  # documents stored from them
