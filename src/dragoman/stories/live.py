"""The cross-document layer kept up to date one batch of documents at a time.

:class:`Assembly` holds what :func:`.assemble.assemble` computes — stories, wire copies, events and
series — and :meth:`Assembly.add` revisits only what new documents can change: the stories their
embeddings touch (:class:`.cluster.StoryIndex`), the copy groups they join, the events of the readings
the :class:`.resolver.Resolver` revisits, the stories those events tie together, and the negotiation
tracks of the rounds that changed. It returns a :class:`Delta` for the store to apply; the whole
result is :meth:`Assembly.result`. Both the in-memory ``extract`` and the store path run this code, so
one pass over every document and any sequence of batches give the same stories, events and series.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from ..model import Document, DocumentAnalysis, Event, EventCandidate, Relation, Result, Story
from .cluster import StoryIndex, profile, story_id, title_rank
from .dedup import DuplicateIndex
from .embedders import Embedder, calibration_of
from .fields import resolve_event
from .merge import event_id, reportable
from .resolver import GroupId, Resolver
from .series import Rounds, is_round, series_links

# A language without a pipeline keeps its error but still joins stories by its embedding.
CLUSTERED_ERRORS = frozenset({"E107"})
COPY_FLAG = "near_duplicate"


@dataclass
class Delta:
    """What one :meth:`Assembly.add` changed, for a store to apply."""
    documents: dict[str, Document] = field(default_factory=dict)  # new, or flags changed
    story_of: dict[str, str] = field(default_factory=dict)  # documents whose story changed
    stories: dict[str, Story] = field(default_factory=dict)  # new or changed
    removed_stories: set[str] = field(default_factory=set)
    events: dict[str, Event] = field(default_factory=dict)  # new or changed
    removed_events: set[str] = field(default_factory=set)


def event_order(event: Event) -> tuple[str, str]:
    return (event.date.start.isoformat() if event.date.start else "9999", event.id)


class Assembly:
    """Stories, events and series over every document added so far; see the module docstring."""

    def __init__(self, *, embedder: Embedder, threshold: float | None = None) -> None:
        calibration = calibration_of(embedder)
        articles = calibration.articles if threshold is None else replace(calibration.articles, threshold=threshold)
        self.lead_chars = calibration.lead_chars
        self.index = StoryIndex(embedder=embedder, settings=articles, titles=calibration.titles)
        self.copies = DuplicateIndex()
        self.resolver = Resolver()
        self.docs: dict[str, Document] = {}
        self.original: dict[str, Document] = {}  # as read, before the copy flag
        self.cands: dict[str, tuple[EventCandidate, ...]] = {}
        self.first: dict[str, Story] = {}  # story of the embeddings (before events join stories), by id
        self.first_of: dict[str, str] = {}
        self.group_event: dict[GroupId, str] = {}
        self.base: dict[str, Event] = {}  # every group's event, reportable or not, before series and story
        self.doc_events: dict[str, set[str]] = defaultdict(set)
        self.main: dict[str, str] = {}  # document -> the event its news is about
        self.main_docs: dict[str, set[str]] = defaultdict(set)
        self.final_of: dict[str, str] = {}  # first story -> story
        self.final_members: dict[str, set[str]] = defaultdict(set)  # story -> its first stories
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.links: dict[str, tuple[Relation, ...]] = {}
        self.events: dict[str, Event] = {}
        self.rounds = Rounds()
        self.previous: dict[str, str] = {}  # round -> the round it continues
        self.nexts: dict[str, set[str]] = defaultdict(set)  # round -> the rounds that continue it

    # ------------------------------------------------------------ the front door
    def add(self, analyses: Iterable[DocumentAnalysis]) -> Delta:
        fresh = [a for a in analyses if a.document.id not in self.docs]
        delta = Delta()
        for analysis in fresh:
            doc = analysis.document
            self.docs[doc.id] = self.original[doc.id] = delta.documents[doc.id] = doc
        good = sorted((a for a in fresh if a.document.ok), key=lambda a: a.document.id)
        flagged = self._mark_copies(good, delta)
        moved, vanished = self._place_in_stories([a for a in fresh if clusterable(a)])
        changes = self.resolver.add({a.document.id: a.candidates for a in good}, story_of=moved,
                                    published={a.document.id: a.document.published for a in good})
        for analysis in good:
            self.cands[analysis.document.id] = analysis.candidates
        regrouped = self._resolve(changes.gone, set(changes.groups) | self._groups_of(flagged))
        docs = {d for e in regrouped for d in self._documents_of(e)} | {a.document.id for a in good}
        self._refresh(docs, set(moved), vanished, regrouped, delta)
        return delta

    def result(self) -> Result:
        events = tuple(sorted(self.events.values(), key=event_order))
        stories = tuple(sorted(self.stories.values(), key=attrgetter("id")))
        docs = tuple(sorted(self.docs.values(), key=lambda d: (d.source, d.id)))
        return Result(docs, stories, events, tuple(sorted(self.story_of.items())))

    # ------------------------------------------------------------ copies and stories of embeddings
    def _mark_copies(self, good: Sequence[DocumentAnalysis], delta: Delta) -> set[str]:
        """Flags wire copies; returns the documents whose flag changed (their events weigh them anew)."""
        changed: set[str] = set()
        for analysis in good:
            doc = analysis.document
            if not self.copies.add(doc.id, doc.text, doc.published):
                continue
            for other, copy in self.copies.copies_in_group(doc.id).items():
                marked = with_flag(self.original[other], copy)
                if marked != self.docs[other]:
                    self.docs[other] = delta.documents[other] = marked
                    changed.add(other)
        return changed

    def _place_in_stories(self, analyses: Sequence[DocumentAnalysis]) -> tuple[dict[str, str], set[str]]:
        """Adds documents to the story index; returns every document whose first story changed, and the
        first stories that no longer exist."""
        self.index.extend(sorted((profile(a, self.lead_chars) for a in analyses), key=attrgetter("doc_id")))
        moved: dict[str, str] = {}
        left: set[str] = set()
        seen: set[str] = set()
        for doc in self.index.settle():
            if doc in seen:
                continue
            story = self.index.story_with(doc)
            seen.update(story.documents)
            self.first[story.id] = story
            for member in story.documents:
                old = self.first_of.get(member)
                if old != story.id:
                    moved[member] = self.first_of[member] = story.id
                    if old is not None:
                        left.add(old)
        vanished = {s for s in left if s in self.first and all(self.first_of.get(d) != s for d in self.first[s].documents)}
        for sid in vanished:
            del self.first[sid]
        return moved, vanished

    # ------------------------------------------------------------ events
    def _groups_of(self, docs: set[str]) -> set[GroupId]:
        return {self.resolver.gid((d, i)) for d in docs for i in range(len(self.cands.get(d, ())))}

    def _resolve(self, gone: set[GroupId], groups: set[GroupId]) -> set[str]:
        """Re-resolves the events of changed groups; returns the ids of events new, changed or removed."""
        touched: set[str] = set()
        for gid in gone | groups:
            old = self.group_event.pop(gid, None)
            if old is not None and old in self.base:
                touched.add(old)
                self._forget(self.base.pop(old))
        for gid in sorted(groups):
            members = self.resolver.members_of(gid)
            if not members:
                continue
            eid = event_id(members)
            event = resolve_event(eid, members, self.docs)
            self.group_event[gid] = eid
            self.base[eid] = event
            touched.add(eid)
            for doc in event.documents:
                self.doc_events[doc].add(eid)
        return touched

    def _forget(self, event: Event) -> None:
        for doc in event.documents:
            self.doc_events[doc].discard(event.id)

    def _documents_of(self, eid: str) -> tuple[str, ...]:
        event = self.base.get(eid) or self.events.get(eid)
        return event.documents if event else ()

    # ------------------------------------------------------------ news events, stories, series, output
    def _refresh(self, docs: set[str], moved: set[str], vanished: set[str], regrouped: set[str],
                 delta: Delta) -> None:
        firsts = {self.first_of[d] for d in moved if d in self.first_of}
        for doc in sorted(docs):
            old, new = self.main.get(doc), self._main_event(doc)
            if old == new:
                continue
            if old is not None:
                self.main_docs[old].discard(doc)
            if new is None:
                self.main.pop(doc, None)
            else:
                self.main[doc] = new
                self.main_docs[new].add(doc)
            firsts.update(self.first_of[d] for d in (doc, *self.main_docs.get(old or "", ())) if d in self.first_of)
        restoried = self._join_stories(firsts, vanished, delta)
        changed = regrouped | self._relink(regrouped) | {e for d in restoried for e in self.doc_events.get(d, ())}
        docs_seen: set[str] = set()
        for eid in sorted(changed):
            docs_seen |= self._emit(eid, delta)
        for sid in {self.story_of[d] for d in docs_seen if d in self.story_of} | set(delta.stories):
            if sid in self.stories:
                story = replace(self.stories[sid], events=self._story_events(self.stories[sid]))
                self.stories[sid] = delta.stories[sid] = story

    def _main_event(self, doc: str) -> str | None:
        """The event a document's news is about: that of its first reading not recalled as background."""
        readings = [(c.evidence[0].start, i) for i, c in enumerate(self.cands.get(doc, ()))
                    if not c.background and c.evidence and (doc, i) not in self.resolver.recalled]
        for _, i in sorted(readings):
            eid = self.group_event.get(self.resolver.gid((doc, i)))
            if eid is not None and reportable(self.base[eid]):
                return eid
        return None

    def _join_stories(self, firsts: set[str], vanished: set[str], delta: Delta) -> set[str]:
        """Stories whose news resolved to one event are one story; returns documents whose story changed."""
        for sid in vanished:
            old = self.final_of.pop(sid, None)
            if old is not None:
                self.final_members[old].discard(sid)
                firsts |= self.final_members[old]
                self._drop_story(old, delta)
        changed_docs: set[str] = set()
        done: set[str] = set()
        for start in sorted(s for s in firsts if s in self.first):
            if start in done:
                continue
            component = self._story_component(start)
            done |= component
            story = self._joined(component)
            for sid in component:
                old = self.final_of.get(sid)
                if old is not None and old != story.id:
                    self.final_members[old].discard(sid)
                    self._drop_story(old, delta)
                self.final_of[sid] = story.id
                self.final_members[story.id].add(sid)
            self.stories[story.id] = delta.stories[story.id] = story
            delta.removed_stories.discard(story.id)
            for doc in story.documents:
                if self.story_of.get(doc) != story.id:
                    self.story_of[doc] = delta.story_of[doc] = story.id
                    changed_docs.add(doc)
        return changed_docs

    def _joined(self, component: set[str]) -> Story:
        if len(component) == 1:
            return self.first[next(iter(component))]
        docs = tuple(sorted(d for s in component for d in self.first[s].documents))
        title = min((self.first[s].title for s in component), key=title_rank)
        return Story(story_id(docs), title, docs, ())

    def _drop_story(self, story: str, delta: Delta) -> None:
        if not self.final_members.get(story) and story in self.stories:
            del self.stories[story]
            self.final_members.pop(story, None)
            delta.removed_stories.add(story)
            delta.stories.pop(story, None)

    def _story_component(self, start: str) -> set[str]:
        component, stack = {start}, [start]
        while stack:
            for doc in self.first[stack.pop()].documents:
                event = self.main.get(doc)
                for other in self.main_docs.get(event, ()) if event else ():
                    sid = self.first_of.get(other)
                    if sid is not None and sid not in component:
                        component.add(sid)
                        stack.append(sid)
        return component

    def _relink(self, changed: set[str]) -> set[str]:
        """Recomputes the previous round of the rounds the changed events may precede or preceded
        (:class:`.series.Rounds`); returns the events whose links changed."""
        for eid in changed:
            base = self.base.get(eid)
            if base is not None and self._is_round(base):
                self.rounds.add(base)
            else:
                self.rounds.remove(eid)
        affected = set(changed)
        for eid in changed:
            affected |= self.nexts.get(eid, set())
            if eid in self.rounds.events:
                affected |= self.rounds.near(eid, later=True)
        touched = set(affected)
        for eid in affected:
            old = self.previous.pop(eid, None)
            if old is not None:
                self.nexts[old].discard(eid)
                touched.add(old)
            new = self.rounds.previous(eid)
            if new is not None:
                self.previous[eid] = new
                self.nexts[new].add(eid)
                touched.add(new)
        relinked: set[str] = set()
        for eid in touched:
            links = series_links(self.previous, self.nexts, self.rounds.events, eid)
            if self.links.get(eid, ()) != links:
                relinked.add(eid)
            if links:
                self.links[eid] = links
            else:
                self.links.pop(eid, None)
        return relinked

    def _is_round(self, event: Event) -> bool:
        return reportable(event) and is_round(event)

    def _emit(self, eid: str, delta: Delta) -> set[str]:
        """Writes one event's final form (or removes it); returns the documents of its old and new forms."""
        old = self.events.get(eid)
        docs = set(old.documents) if old else set()
        base = self.base.get(eid)
        if base is None or not reportable(base):
            if self.events.pop(eid, None) is not None:
                delta.removed_events.add(eid)
                delta.events.pop(eid, None)
            return docs
        event = replace(base, related=tuple(base.related) + self.links.get(eid, ()),
                        story=self.story_of.get(base.documents[0]))
        if old != event:
            self.events[eid] = delta.events[eid] = event
        delta.removed_events.discard(eid)
        return docs | set(event.documents)

    def _story_events(self, story: Story) -> tuple[str, ...]:
        ids = {e for d in story.documents for e in self.doc_events.get(d, ()) if e in self.events}
        return tuple(e.id for e in sorted((self.events[e] for e in ids), key=event_order))


def clusterable(analysis: DocumentAnalysis) -> bool:
    error = analysis.document.error
    return analysis.document.ok or (error is not None and error.code in CLUSTERED_ERRORS)


def with_flag(doc: Document, copy: bool) -> Document:
    """A wire copy seen on another site is flagged, so it weighs as one source, not two."""
    flags = set(doc.flags)
    if copy:
        flags.add(COPY_FLAG)
    else:
        flags.discard(COPY_FLAG)
    return replace(doc, flags=tuple(sorted(flags))) if flags != set(doc.flags) else doc

