"""Stories: documents that report the same news, in any language.

Two documents are similar when a multilingual sentence embedding of their
title and lead says so (cosine; :mod:`.embedders`: e5 by default), more so when they share at least two
parties or the city of their events, or a rare term of their titles (a
name, a number: :mod:`.lexical`), or are in different languages (cosines
across languages run lower), less so the further apart they were
published (to the minute when both sources give a time: wire copies and
first reports come hours apart, the next day's follow-ups a day later).
Titles alone are short and their cosines run lower than title and lead: a
pair of title-only documents is scored with its own calibration, mapped
onto the article scale; each embedder carries both
(:mod:`.calibration`), so the settings depend on the pair and the embedder,
never on the rest of the collection. Dates also forbid: a story never holds two documents whose own
events lie more than ``max_event_gap_days`` apart (rounds of talks between
the same parties in the same city are different stories), nor reports
published more than ``window_days`` apart.

:class:`StoryIndex` takes documents one at a time. A new document's
neighbours come from an approximate nearest-neighbour index sharded by
publication week (:mod:`.index`), so finding them does not get slower as the
index grows; it joins the story of its best neighbour at once
(provisionally). :meth:`StoryIndex.stories` then settles every story touched
since the last call by average linkage over the similarity graph
(:mod:`.linkage`), which depends on the set of documents only: whatever
order they arrived in, the same documents give the same stories, with ids
derived from their members' ids.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from operator import attrgetter

import numpy as np

from ..model import DocumentAnalysis, Story
from .calibration import TITLE_SETTINGS, Calibration, StorySettings
from .embedders import E5Embedder, Embedder, UseEmbedder, calibration_of
from .index import VectorIndex
from .lexical import rare_terms, shared_terms
from .linkage import Group, Node, average_link, fits, ordinal

ARTICLE_SETTINGS = StorySettings()  # the defaults: full articles under USE

__all__ = ["TITLE_SETTINGS", "Calibration", "E5Embedder", "Embedder", "Profile", "StoryIndex", "StorySettings",
           "UseEmbedder", "cluster", "pair_cosines", "pair_similarity", "profile", "publication_gap", "similarity",
           "story_id", "title_only"]

LEAD_CHARS = 600
ENCODE_BATCH = 256
OWN_STATUSES = frozenset({"occurred", "ongoing"})


@dataclass(frozen=True)
class Profile:
    """What clustering knows of one document."""
    doc_id: str
    text: str
    actors: frozenset[str] = frozenset()
    places: frozenset[int] = frozenset()  # geonames ids of the cities of its events
    span: tuple[date, date] | None = None  # (start, end) of the document's own main events
    published: date | None = None
    title: str = ""
    language: str = ""
    terms: frozenset[str] = frozenset()  # rare terms of the title (:mod:`.lexical`)
    short: bool = False  # a title alone: scored with the title calibration when the other one is too
    published_at: datetime | None = None  # the publication time, when the source gives one


def profile(analysis: DocumentAnalysis, lead_chars: int = LEAD_CHARS) -> Profile:
    """The profile of an analysed document; one without mentions clusters by its text alone.

    Its text, the one embedded, is the title and the first ``lead_chars`` characters of the body.
    """
    doc = analysis.document
    short = title_only(doc.text, doc.title)
    # a title alone is embedded once, not as a title followed by itself
    lead = (doc.title or doc.text).strip() if short else (doc.title or "") + "\n" + doc.text[:lead_chars]
    actors = frozenset(m.value.code for m in analysis.mentions if m.kind == "actor")
    title = (doc.title or doc.text[:80]).strip()
    return Profile(doc.id, lead, actors, event_places(analysis), own_span(analysis), doc.published, title,
                   language=doc.language or "", terms=rare_terms(title, doc.language), short=short,
                   published_at=doc.published_at)


def title_only(text: str, title: str | None) -> bool:
    """Whether the document says no more than its title (a headline feed, a title-only record)."""
    body = " ".join(text.split())
    return body == " ".join((title or "").split()) or (not title and "\n" not in text.strip())


def own_span(analysis: DocumentAnalysis) -> tuple[date, date] | None:
    """The dates of the document's own news: what happened, else what it announces."""
    dated = [c for c in analysis.candidates
             if not c.background and c.date.known and c.date.precision in ("day", "week")]
    own = [c.date for c in dated if c.status in OWN_STATUSES] or [c.date for c in dated]
    # a day or week date always has both ends; one without could not bound a span
    bounds = [(d.start, d.end) for d in own if d.start is not None and d.end is not None]
    return (min(start for start, _ in bounds), max(end for _, end in bounds)) if bounds else None


def event_places(analysis: DocumentAnalysis) -> frozenset[int]:
    """Cities where the document's events happen, else every city it names."""
    located = frozenset(c.location.geonames_id for c in analysis.candidates
                        if not c.background and c.location is not None and c.location.geonames_id)
    if located:
        return located
    return frozenset(m.value.geonames_id for m in analysis.mentions if m.kind == "place" and m.value.geonames_id)


def similarity(a: Profile, b: Profile, cosine: float, settings: StorySettings = ARTICLE_SETTINGS) -> float | None:
    """The combined similarity of two documents, or None when their dates forbid one story."""
    if a.span and b.span and far_apart(a.span, b.span, settings.max_event_gap_days):
        return None
    gap = publication_gap(a, b)
    if gap is not None and gap > settings.window_days:
        return None
    bonus = settings.actor_bonus * (len(a.actors & b.actors) >= 2) + settings.place_bonus * bool(a.places & b.places)
    bonus += settings.term_bonus * (shared_terms(a.terms, b.terms) >= 1)
    bonus += settings.cross_language_bonus * bool(a.language and b.language and a.language != b.language)
    return cosine + bonus - settings.day_penalty * (gap or 0)


def pair_similarity(a: Profile, b: Profile, cosine: float, *, settings: StorySettings = ARTICLE_SETTINGS,
                    titles: StorySettings = TITLE_SETTINGS) -> float | None:
    """:func:`similarity` on the article scale; two titles alone are scored with ``titles``, then mapped."""
    if not (a.short and b.short):
        return similarity(a, b, cosine, settings)
    score = similarity(a, b, cosine, titles)
    return None if score is None else titles.onto(settings, score)


def far_apart(a: tuple[date, date], b: tuple[date, date], max_gap_days: int) -> bool:
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days)
    return gap > max_gap_days


def days_between(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def publication_gap(a: Profile, b: Profile) -> float | None:
    """Days between two publications: to the minute when both sources give a time, else whole days."""
    if a.published_at is not None and b.published_at is not None:
        return abs((a.published_at - b.published_at).total_seconds()) / 86400
    return days_between(a.published, b.published)


def node_of(row: int, prof: Profile) -> Node:
    span = (prof.span[0].toordinal(), prof.span[1].toordinal()) if prof.span else None
    return Node(row, prof.doc_id, ordinal(prof.published), span)


class StoryIndex:
    """Stories built one document at a time; see the module docstring.

    ``add`` returns the document's story id at once (provisional: the story
    may still grow, or be split by the next :meth:`stories`); ``stories``
    returns the settled partition, the same for any arrival order.
    """

    def __init__(self, *, embedder: Embedder | None = None, settings: StorySettings | None = None,
                 titles: StorySettings | None = None) -> None:
        calibration = calibration_of(embedder)
        self.embedder = embedder
        self.settings = settings or calibration.articles
        self.titles = titles or calibration.titles
        self.vectors: VectorIndex | None = None
        self._profiles: list[Profile] = []
        self._nodes: list[Node] = []
        self._row_of: dict[str, int] = {}
        self._edges: list[dict[int, float]] = []
        self._parent: list[int] = []  # union-find over edges at or above the threshold
        self._component: dict[int, list[int]] = {}
        self._story: list[int] = []  # row -> label of its story
        self._groups: dict[int, Group] = {}  # label -> the story's members and date ranges
        self._dirty: set[int] = set()

    def __len__(self) -> int:
        return len(self._profiles)

    def add(self, prof: Profile, vector: np.ndarray | None = None) -> str:
        """Places one document (embedding its text unless ``vector`` is given); returns its story id."""
        if prof.doc_id not in self._row_of:
            if vector is None:
                vector = self._encode([prof.text])[0]
            self._insert(prof, vector)
        return self.story_of(prof.doc_id, settle=False)

    def extend(self, profiles: Iterable[Profile]) -> None:
        """Adds many documents, embedding their texts in batches."""
        fresh = list({p.doc_id: p for p in profiles if p.doc_id not in self._row_of}.values())
        for start in range(0, len(fresh), ENCODE_BATCH):
            batch = fresh[start:start + ENCODE_BATCH]
            for prof, vector in zip(batch, self._encode([p.text for p in batch])):
                self._insert(prof, vector)

    def story_of(self, doc_id: str, *, settle: bool = True) -> str:
        if settle:
            self.settle()
        label = self._story[self._row_of[doc_id]]
        return story_id([self._profiles[r].doc_id for r in self._groups[label].members])

    def stories(self) -> list[Story]:
        """Every story, settled, sorted by id."""
        self.settle()
        found = (make_story([self._profiles[r] for r in g.members]) for g in self._groups.values())
        return sorted(found, key=attrgetter("id"))

    # ------------------------------------------------------------ placing one document
    def _encode(self, texts: list[str]) -> np.ndarray:
        if self.embedder is None:
            raise ValueError("StoryIndex has no embedder: pass vectors to add()")
        vectors = np.asarray(self.embedder.encode(texts), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def _insert(self, prof: Profile, vector: np.ndarray) -> None:
        vector = np.asarray(vector, dtype=np.float32).reshape(-1)
        vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
        if self.vectors is None:
            self.vectors = VectorIndex(vector.shape[0])
        node = node_of(len(self._profiles), prof)
        # The index's cosine (to within float error) rules out pairs that cannot reach the floor.
        scales = (self.settings, self.titles) if prof.short else (self.settings,)
        reach = min(s.floor - s.bonuses for s in scales) - 1e-4
        hits = self.vectors.search(vector, day=node.published, window_days=self.settings.window_days,
                                   k=max(s.neighbours for s in scales), min_cosine=reach)
        self.vectors.add(node.row, vector, day=node.published)
        self._register(prof, node)
        others = sorted({hit.row for hit in hits})
        self._link(node.row, others, pair_cosines(vector, self.vectors.vectors(others)).tolist())
        self._assign(node.row)

    def _register(self, prof: Profile, node: Node) -> None:
        self._profiles.append(prof)
        self._nodes.append(node)
        self._row_of[prof.doc_id] = node.row
        self._edges.append({})
        self._parent.append(node.row)
        self._component[node.row] = [node.row]

    def _link(self, row: int, others: list[int], cosines: list[float]) -> None:
        for other, cosine in zip(others, cosines):
            weight = self._weight(row, other, cosine)
            if weight is None or weight <= self.settings.floor:
                continue
            self._edges[row][other] = self._edges[other][row] = weight
            if weight >= self.settings.threshold:
                self._union(row, other)
        self._dirty.add(self._find(row))

    def _weight(self, row: int, other: int, cosine: float) -> float | None:
        """The pair's similarity, computed the same way whichever of the two arrived first."""
        first, second = sorted((self._profiles[row], self._profiles[other]), key=attrgetter("doc_id"))
        score = pair_similarity(first, second, cosine, settings=self.settings, titles=self.titles)
        return None if score is None else round(score, 9)

    def _assign(self, row: int) -> None:
        """Provisional: the story of the best neighbour it may join, else a story of its own."""
        node, group = self._nodes[row], Group.of(self._nodes[row])
        near = sorted(((w, self._nodes[o].key, o) for o, w in self._edges[row].items()
                       if w >= self.settings.threshold), reverse=True)
        for _, _, other in near:
            label = self._story[other]
            if fits(self._groups[label], group, self.settings.limits):
                self._groups[label].absorb(group)
                self._story.append(label)
                return
        self._story.append(node.row)
        self._groups[node.row] = group

    def _find(self, row: int) -> int:
        while self._parent[row] != row:
            self._parent[row] = self._parent[self._parent[row]]
            row = self._parent[row]
        return row

    def _union(self, a: int, b: int) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        if len(self._component[root_a]) < len(self._component[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._component[root_a].extend(self._component.pop(root_b))
        self._dirty.discard(root_b)
        self._dirty.add(root_a)

    # ------------------------------------------------------------ settling
    def settle(self) -> list[str]:
        """Re-clusters every component of the graph that changed since the last call; returns the ids of
        the documents of those components (their stories may have changed)."""
        settled: list[str] = []
        for root in sorted({self._find(r) for r in self._dirty}):
            rows = self._component[root]
            self._settle_component(rows)
            settled.extend(self._profiles[r].doc_id for r in rows)
        self._dirty.clear()
        return settled

    def story_with(self, doc_id: str) -> Story:
        """The (settled) story holding a document, without events."""
        label = self._story[self._row_of[doc_id]]
        return make_story([self._profiles[r] for r in self._groups[label].members])

    def _settle_component(self, rows: list[int]) -> None:
        for label in {self._story[r] for r in rows}:
            del self._groups[label]
        nodes = sorted((self._nodes[r] for r in rows), key=attrgetter("key"))
        edges = {r: self._edges[r] for r in rows}
        for members in average_link(nodes, edges, threshold=self.settings.threshold,
                                    floor=self.settings.floor, limits=self.settings.limits):
            group = Group.of(self._nodes[members[0]])
            for r in members[1:]:
                group.absorb(Group.of(self._nodes[r]))
            label = min(members)
            self._groups[label] = group
            for r in members:
                self._story[r] = label


def pair_cosines(vector: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Cosines of ``vector`` with each row of ``others``, in float64.

    Each is the sum of the same elementwise products in the same order whichever of the two vectors is
    the query, so a pair's cosine does not depend on which of its documents arrived first.
    """
    query = np.asarray(vector, dtype=np.float64).reshape(1, -1)
    return (np.asarray(others, dtype=np.float64) * query).sum(axis=1)


def cluster(analyses: Sequence[DocumentAnalysis], *, embedder: Embedder, threshold: float | None = None,
            settings: StorySettings | None = None, titles: StorySettings | None = None) -> list[Story]:
    """Stories over analysed documents (any language, with or without mentions, titles alone or articles).

    Settings default to the embedder's calibration; ``threshold`` overrides the article threshold.
    """
    calibration = calibration_of(embedder)
    chosen = settings or calibration.articles
    if threshold is not None:
        chosen = replace(chosen, threshold=threshold)
    index = StoryIndex(embedder=embedder, settings=chosen, titles=titles or calibration.titles)
    index.extend(sorted((profile(a, calibration.lead_chars) for a in analyses), key=attrgetter("doc_id")))
    return index.stories()


def story_id(doc_ids: Iterable[str]) -> str:
    """A story's id: a function of its members' ids."""
    return "st-" + hashlib.sha1("|".join(sorted(doc_ids)).encode()).hexdigest()[:10]


def make_story(members: Sequence[Profile]) -> Story:
    ordered = sorted(members, key=attrgetter("doc_id"))
    ids = tuple(p.doc_id for p in ordered)
    title = min((p.title for p in ordered), key=title_rank)
    return Story(story_id(ids), title.strip()[:160], ids, ())


def title_rank(title: str) -> tuple[bool, int]:
    """Shortest title first, but not one too short to say anything over a long one."""
    return len(title) > 120, len(title)
