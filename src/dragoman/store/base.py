"""The one interface every store implements; the pipeline, API and CLI see only this."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from ..model import Document, DocumentAnalysis, Event, Job, Story

T = TypeVar("T")


@dataclass(frozen=True)
class Slice(Generic[T]):
    """One page of a list; ``cursor`` (given back as ``after``) reads the next one, ``None`` at the end."""
    items: list[T]
    cursor: str | None


@dataclass(frozen=True)
class EventFilter:
    """The filters of an event list (:meth:`Store.events`); empty values filter nothing.

    ``dyad``: both codes among the event's actors. ``start``/``end``: the
    event's dates overlap ``[start, end]`` (undated events never match).
    ``text``: case-insensitive substring of an evidence text or the location name.
    """
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    topic: str | None = None
    start: date | None = None
    end: date | None = None
    text: str | None = None


@runtime_checkable
class Store(Protocol):
    """Documents with their analyses (what was read) and stories/events (what was derived).

    Writes are atomic per call: a document is stored with all its mentions and
    candidates or not at all; derived records are replaced all at once.
    """

    def has_document(self, content_hash: str) -> bool: ...

    def has_id(self, doc_id: str) -> bool: ...

    def add_analysis(self, analysis: DocumentAnalysis) -> bool:
        """Store a document and what was extracted from it; ``False`` if its content is already stored."""

    def add_failed(self, document: Document) -> bool:
        """Store a document whose ``.error`` is set, so it is shown; ``False`` if already stored."""

    def analyses(self, *, after: int = 0) -> Iterator[DocumentAnalysis]:
        """Every stored analysis, in ingestion order (of documents whose seq is past ``after``)."""

    def replace_derived(self, *, stories: Sequence[Story], events: Sequence[Event],
                        story_of: Mapping[str, str]) -> None:
        """Replace all stories and events, and set each document's story id."""

    def apply_changes(self, *, stories: Sequence[Story], removed_stories: Iterable[str], events: Sequence[Event],
                      removed_events: Iterable[str], story_of: Mapping[str, str],
                      flags: Mapping[str, Sequence[str]] | None = None) -> None:
        """Replace the rows of changed stories and events, delete removed ones, relink documents' stories, and
        set the ``flags`` the cross-document layer gave documents (a wire copy is ``near_duplicate``)."""

    def add_job(self, job_id: str, articles: Sequence[Mapping[str, Any]]) -> None: ...

    def claim_job(self) -> Job | None: ...

    def finish_job(self, job_id: str, *, status: str, report: Mapping[str, Any]) -> None: ...

    def job(self, job_id: str) -> Job: ...

    def documents(self, *, limit: int = 100, offset: int = 0, errors: bool | None = None,
                  language: str | None = None) -> list[Document]:
        """Documents in ingestion order; ``errors`` keeps only failed (True) or only good (False) ones."""

    def document_slice(self, *, limit: int, offset: int = 0, after: str | None = None, errors: bool | None = None,
                       language: str | None = None) -> Slice[tuple[Document, str | None]]:
        """A page of :meth:`documents`, each with its story id; ``after`` is the cursor of the page before."""

    def document(self, doc_id: str) -> Document: ...

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        """The stored documents among ``doc_ids``, in one read."""

    def story_of(self, doc_id: str) -> str | None: ...

    def events(self, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
               type: str | None = None, status: str | None = None, topic: str | None = None,
               start: date | None = None, end: date | None = None, text: str | None = None,
               limit: int = 100, offset: int = 0) -> list[Event]:
        """Events by date start then id; see :class:`EventFilter`."""

    def event_slice(self, query: EventFilter, *, limit: int, offset: int = 0, after: str | None = None) -> Slice[Event]:
        """A page of :meth:`events`; with ``after`` (the cursor of the page before) ``offset`` is ignored."""

    def count_events(self, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
                     type: str | None = None, status: str | None = None, topic: str | None = None,
                     start: date | None = None, end: date | None = None, text: str | None = None,
                     cap: int | None = None) -> int:
        """Matching events; with ``cap``, counting stops at ``cap`` (unfiltered: the exact count kept on write)."""

    def event(self, event_id: str) -> Event: ...

    def events_by_id(self, event_ids: Iterable[str]) -> dict[str, Event]:
        """The stored events among ``event_ids``, in one read."""

    def stories(self, *, limit: int = 100, offset: int = 0) -> list[Story]: ...

    def story_slice(self, *, limit: int, offset: int = 0, after: str | None = None) -> Slice[Story]: ...

    def story(self, story_id: str) -> Story: ...

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored story vectors by key (see :class:`dragoman.stories.CachedEmbedder`)."""

    def add_vectors(self, rows: Mapping[str, bytes], *, embedder: str) -> None: ...

    def needs_rebuild(self) -> bool:
        """Whether stories and events miss a stored document (an ingest stopped before its rebuild)."""

    def counts(self) -> dict[str, int]:
        """``documents`` (all, failed included), ``failed``, ``stories``, ``events``: kept on write, read at once."""

    def close(self) -> None: ...
