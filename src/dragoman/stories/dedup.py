"""Near-duplicates: the same wire copy published on several sites.

A document's cleaned text becomes a set of word shingles (runs of
``SHINGLE_WORDS`` words, case and accents folded). MinHash LSH (datasketch)
proposes pairs whose Jaccard similarity may reach the threshold, and the
exact Jaccard of their shingle sets decides. Copies form groups (connected
components); a group's canonical copy is its earliest published document
(undated ones last), then the smallest id. Copies are not independent
confirmations of each other: :func:`near_duplicates` maps every copy to its
canonical document so that later stages can count them once.

Every step is a function of the set of documents, so the answer does not
depend on the order they arrive in.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from datasketch import MinHash, MinHashLSH

from ..model import DocumentAnalysis
from ..text import fold_accents

SHINGLE_WORDS = 3
THRESHOLD = 0.8
LSH_SLACK = 0.1  # LSH proposes from threshold - slack, the exact Jaccard then decides
NUM_PERM = 128
SEED = 1
WORD = re.compile(r"\w+")


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Word ``size``-grams of the folded text; a text shorter than that is one shingle."""
    words = WORD.findall(fold_accents(text))
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass(frozen=True)
class Copy:
    """One document as duplicate detection sees it."""
    doc_id: str
    shingles: frozenset[str]
    published: date | None = None

    @property
    def rank(self) -> tuple:
        """Canonical-copy order: earliest publication, undated last, then id."""
        return (self.published is None, self.published or date.min, self.doc_id)


class DuplicateIndex:
    """Near-duplicate groups built one document at a time."""

    def __init__(self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=max(threshold - LSH_SLACK, 0.05), num_perm=num_perm)
        self._copies: dict[str, Copy] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # root -> the documents of its group

    def add(self, doc_id: str, text: str, published: date | None = None) -> list[str]:
        """Indexes one document; returns the earlier documents it copies (sorted)."""
        if doc_id in self._copies:
            return []
        copy = Copy(doc_id, shingles(text), published)
        self._copies[doc_id] = copy
        self._parent[doc_id] = doc_id
        self._members[doc_id] = [doc_id]
        if not copy.shingles:
            return []
        signature = minhash(copy.shingles, self.num_perm)
        found = sorted(other for other in self._lsh.query(signature)
                       if jaccard(copy.shingles, self._copies[other].shingles) >= self.threshold)
        self._lsh.insert(doc_id, signature)
        for other in found:
            self._union(doc_id, other)
        return found

    def canonical(self) -> dict[str, str]:
        """Every document that copies another -> its group's canonical document."""
        groups: dict[str, list[Copy]] = {}
        for doc_id, copy in self._copies.items():
            groups.setdefault(self._find(doc_id), []).append(copy)
        mapping: dict[str, str] = {}
        for members in groups.values():
            first = min(members, key=_rank)
            mapping.update((c.doc_id, first.doc_id) for c in members if c is not first)
        return dict(sorted(mapping.items()))

    def _find(self, doc_id: str) -> str:
        while self._parent[doc_id] != doc_id:
            self._parent[doc_id] = self._parent[self._parent[doc_id]]
            doc_id = self._parent[doc_id]
        return doc_id

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            low, high = min(root_a, root_b), max(root_a, root_b)
            self._parent[high] = low
            self._members[low].extend(self._members.pop(high))

    def copies_in_group(self, doc_id: str) -> dict[str, bool]:
        """Each document of ``doc_id``'s group -> whether it is a copy (not the group's canonical one)."""
        members = [self._copies[d] for d in self._members[self._find(doc_id)]]
        first = min(members, key=_rank)
        return {c.doc_id: c is not first for c in members}


def _rank(copy: Copy) -> tuple:
    return copy.rank


def minhash(items: Iterable[str], num_perm: int = NUM_PERM) -> MinHash:
    signature = MinHash(num_perm=num_perm, seed=SEED)
    signature.update_batch([item.encode("utf-8") for item in items])
    return signature


def near_duplicates(analyses: Sequence[DocumentAnalysis], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """``{doc_id: canonical_doc_id}`` for every document that is a near-copy of another.

    Canonical documents themselves are not keys; documents without text are ignored.
    """
    index = DuplicateIndex(threshold=threshold)
    for analysis in sorted(analyses, key=_doc_id):
        doc = analysis.document
        index.add(doc.id, doc.text, doc.published)
    return index.canonical()


def _doc_id(analysis: DocumentAnalysis) -> str:
    return analysis.document.id
