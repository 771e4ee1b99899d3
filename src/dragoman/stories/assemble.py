"""The cross-document stage's front door: analysed documents -> stories, events and series.

Reports are clustered into stories (any language), wire copies are flagged so they weigh as one
source, candidates are merged into one event per real event with provenance and conflicts, and
rounds of talks are linked into series.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Document, DocumentAnalysis, Event, Result, Story
from .cluster import cluster
from .dedup import near_duplicates
from .embedders import Embedder
from .merge import merge_candidates, reportable
from .series import link_series

# A language without a pipeline keeps its error but still joins stories by its embedding.
CLUSTERED_ERRORS = frozenset({"E107"})


def assemble(analyses: Sequence[DocumentAnalysis], *, embedder: Embedder,
             threshold: float | None = None) -> Result:
    """Stories, merged events and series over every analysed document."""
    good = [a for a in analyses if a.document.ok]
    clusterable = good + [a for a in analyses if a.document.error and a.document.error.code in CLUSTERED_ERRORS]
    stories = cluster(clusterable, embedder=embedder, threshold=threshold)
    story_of = {d: s.id for s in stories for d in s.documents}
    copies = near_duplicates(good)
    documents = {a.document.id: mark_copy(a.document, copies) for a in analyses}
    candidates = [c for a in good for c in a.candidates]
    events = [e for e in merge_candidates(candidates, documents=documents, story_of=story_of) if reportable(e)]
    events = link_series(events)
    events = [replace(e, story=story_of.get(e.documents[0])) for e in events]
    stories = [with_events(s, events) for s in stories]
    docs = tuple(sorted(documents.values(), key=lambda d: (d.source, d.id)))
    return Result(docs, tuple(stories), tuple(events), tuple(sorted(story_of.items())))


def mark_copy(doc: Document, copies: dict[str, str]) -> Document:
    """A wire copy seen on another site is flagged, so it weighs as one source, not two."""
    if doc.id in copies and "near_duplicate" not in doc.flags:
        return replace(doc, flags=tuple(sorted((*doc.flags, "near_duplicate"))))
    return doc


def with_events(story: Story, events: Sequence[Event]) -> Story:
    ids = tuple(e.id for e in events if set(e.documents) & set(story.documents))
    return replace(story, events=ids)
