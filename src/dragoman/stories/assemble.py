"""The cross-document stage's front door: analysed documents -> stories, events and series.

Reports are clustered into stories (any language), wire copies are flagged so they weigh as one
source, candidates are merged into one event per real event with provenance and conflicts, and
rounds of talks are linked into series.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import Document, DocumentAnalysis, Event, EventCandidate, Result, Story
from .cluster import cluster, story_id, title_rank
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
    stories = follow_events(stories, events, candidates)
    story_of = {d: s.id for s in stories for d in s.documents}
    events = link_series(events)
    events = [replace(e, story=story_of.get(e.documents[0])) for e in events]
    stories = [with_events(s, events) for s in stories]
    docs = tuple(sorted(documents.values(), key=lambda d: (d.source, d.id)))
    return Result(docs, tuple(stories), tuple(events), tuple(sorted(story_of.items())))


def main_events(events: Sequence[Event], candidates: Sequence[EventCandidate]) -> dict[str, str]:
    """Document id -> the event its news is about: the one its first non-background reading belongs to."""
    event_of = {ev: e.id for e in events for ev in e.evidence}
    first: dict[str, tuple[int, str]] = {}
    for cand in candidates:
        if cand.background or not cand.evidence or cand.evidence[0] not in event_of:
            continue
        start = cand.evidence[0].start
        if cand.document not in first or start < first[cand.document][0]:
            first[cand.document] = (start, event_of[cand.evidence[0]])
    return {doc: event for doc, (_, event) in first.items()}


def follow_events(stories: Sequence[Story], events: Sequence[Event], candidates: Sequence[EventCandidate]) -> list[Story]:
    """Reports whose news resolved to one event are one story, across languages, however far their wording."""
    story_of = {d: s.id for s in stories for d in s.documents}
    parent = {s.id: s.id for s in stories}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    by_event: dict[str, list[str]] = defaultdict(list)
    for doc, event in sorted(main_events(events, candidates).items()):
        if doc in story_of:
            by_event[event].append(story_of[doc])
    for ids in by_event.values():
        for other in ids[1:]:
            a, b = sorted((root(ids[0]), root(other)))
            parent[b] = a
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        groups[root(story.id)].append(story)
    return [joined(group) for _, group in sorted(groups.items())]


def joined(group: list[Story]) -> Story:
    if len(group) == 1:
        return group[0]
    docs = tuple(sorted(d for s in group for d in s.documents))
    title = min((s.title for s in group), key=title_rank)
    return Story(story_id(docs), title, docs, ())


def mark_copy(doc: Document, copies: dict[str, str]) -> Document:
    """A wire copy seen on another site is flagged, so it weighs as one source, not two."""
    if doc.id in copies and "near_duplicate" not in doc.flags:
        return replace(doc, flags=tuple(sorted((*doc.flags, "near_duplicate"))))
    return doc


def with_events(story: Story, events: Sequence[Event]) -> Story:
    ids = tuple(e.id for e in events if set(e.documents) & set(story.documents))
    return replace(story, events=ids)
