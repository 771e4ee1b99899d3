"""One worker: builds its pipeline once, then reads shards and analyses their new documents.

:class:`Analyser` is the callable class Ray Data's ``map_batches`` runs in each actor (and each process
of ``--workers``): spaCy models and the embedder load once per worker, not per shard. For each document
it returns an :class:`Outcome`: the analysis (parse, mentions, coding, candidates), the story vector of
its text (unless the store or this worker's recent work already holds it: a lead repeated by wire copies is
embedded once), or that the store already holds the document (a resumed run analyses only what is missing).
"""
from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import DragomanError, PipelineError
from ..model import Document, DocumentAnalysis
from ..pipeline import Pipeline
from ..stories import CachedEmbedder, Embedder, calibration_of, embedder_named, profile
from .plan import Reading, Shard, read_shard


@dataclass(frozen=True)
class Recipe:
    """What a worker builds its pipeline from: settings and picklable parts, never loaded models."""
    embedder: str | Embedder = "e5"
    batch_size: int = 16
    story_threshold: float | None = None
    extra_actors: tuple = ()
    strict: bool = False

    @classmethod
    def of(cls, pipeline: Pipeline) -> Recipe:
        """The recipe of a pipeline: a named embedder travels by name (its model may be loaded), others as they are."""
        embedder: Any = pipeline.embedder
        name = getattr(embedder, "name", None)
        return cls(embedder=name if isinstance(name, str) else embedder, batch_size=pipeline.batch_size,
                   story_threshold=pipeline.story_threshold, extra_actors=pipeline.extra_actors, strict=pipeline.strict)

    def build(self) -> Pipeline:
        embedder = embedder_named(self.embedder) if isinstance(self.embedder, str) else self.embedder
        return Pipeline(embedder=embedder, batch_size=self.batch_size, story_threshold=self.story_threshold,
                        extra_actors=self.extra_actors, strict=self.strict)


@dataclass(frozen=True)
class Outcome:
    """What a worker sends the writer for one document."""
    analysis: DocumentAnalysis
    stored: bool = False  # the store already holds it: not analysed again
    vectors: tuple[tuple[str, bytes], ...] = ()  # its story text's vector, keyed as the store keeps vectors
    embedder: str = ""


SEEN_VECTORS = 20_000  # story vectors a worker remembers (1.5 kB each): repeated leads are embedded once


class _Collected:
    """A vector cache that keeps what is added (the vectors go to the writer) and knows what need not be
    embedded again: texts this worker embedded lately (``seen``) and texts the store already holds."""

    def __init__(self, seen: OrderedDict[str, bytes], store: Any = None) -> None:
        self.rows: dict[str, bytes] = {}
        self.seen = seen
        self.store = store

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        found = {k: self.seen[k] for k in keys if k in self.seen}
        rest = [k for k in keys if k not in found]
        if rest and self.store is not None:
            found.update(self.store.vectors(rest))
        return found

    def add_vectors(self, rows: Mapping[str, bytes], *, embedder: str) -> None:
        self.rows.update(rows)
        self.seen.update(rows)
        while len(self.seen) > SEEN_VECTORS:
            self.seen.popitem(last=False)


class Analyser:
    """Reads shards and analyses their documents; ``db`` (the store's URL) lets it skip stored ones."""

    def __init__(self, *, recipe: Recipe, reading: Reading, db: str | None = None, embed: bool = True) -> None:
        self.pipeline = recipe.build()
        self.reading = reading
        self.embed = embed
        self.seen: OrderedDict[str, bytes] = OrderedDict()
        self.store: Any = None
        if db is not None:
            from ..store import open_store

            self.store = open_store(db)

    def __call__(self, batch: Mapping[str, Any]) -> Any:
        """Ray Data: a batch of pickled shards in column ``shard``, one pickled :class:`Outcome` a row out."""
        import pyarrow as pa

        outcomes = [o for data in batch["shard"] for o in self.shard(pickle.loads(data))]
        return pa.table({"outcome": pa.array([pickle.dumps(o) for o in outcomes], pa.binary())})

    def shard(self, shard: Shard) -> list[Outcome]:
        docs = list(read_shard(shard, self.reading))
        known = [doc.ok and self.store is not None and self.store.has_document(doc.content_hash) for doc in docs]
        fresh = [doc for doc, stored in zip(docs, known) if not stored]
        results = dict(zip(map(_key, fresh), self._analyse(fresh)))
        outcomes = [Outcome(DocumentAnalysis(doc), stored=True) if stored else Outcome(results[_key(doc)])
                    for doc, stored in zip(docs, known)]
        return self._with_vectors(outcomes) if self.embed else outcomes

    def _analyse(self, docs: list[Document]) -> list[DocumentAnalysis]:
        """In input order; a document the pipeline breaks on becomes its own E201 error (outside strict mode)."""
        try:
            found = {_key(analysis.document): analysis for analysis in self.pipeline.analyse(docs)}
            return [found[_key(doc)] for doc in docs]
        except Exception as exc:  # one bad document must not lose its shard: retried one by one
            if self.pipeline.strict:
                raise
            if len(docs) == 1:
                return [_failed(docs[0], exc)]
        return [self._analyse([doc])[0] for doc in docs]

    def _with_vectors(self, outcomes: list[Outcome]) -> list[Outcome]:
        new = [o for o in outcomes if not o.stored and o.analysis.document.ok]
        if not new or self.pipeline.embedder is None:
            return outcomes
        cache = _Collected(self.seen, self.store)
        embedder = CachedEmbedder(self.pipeline.embedder, cache)
        # the text clustering embeds: its lead is as long as the embedder's calibration says
        texts = [profile(o.analysis, calibration_of(self.pipeline.embedder).lead_chars).text for o in new]
        keys = [embedder.key(text) for text in texts]
        try:
            embedder.encode(texts)
        except DragomanError:  # no vectors: the rebuild embeds these texts itself (and reports the problem)
            return outcomes
        vectors = {id(o): ((k, cache.rows[k]),) for o, k in zip(new, keys) if k in cache.rows}
        return [replace(o, vectors=vectors.get(id(o), ()), embedder=embedder.version) for o in outcomes]


def _key(doc: Document) -> tuple[str, str]:
    return doc.source, doc.content_hash


def _failed(doc: Document, exc: Exception) -> DocumentAnalysis:
    error = PipelineError(stage="parse", source=doc.source, detail=f"{type(exc).__name__}: {exc}")
    return DocumentAnalysis(replace(doc, error=error.record()))
