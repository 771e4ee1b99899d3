"""The store path updates only what a batch changes, and ends where one pass over everything ends."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dragoman.ingest import read_documents
from dragoman.pipeline import Pipeline
from dragoman.service import LiveStore, ingest_documents
from dragoman.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


class TitleEmbedder:
    """Cheap vectors that still separate the examples' stories: letters counted in the embedded text."""
    version = "title-letters-1"

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = [[t.lower().count(c) + 0.1 for c in "aeioustrnl"] for t in texts]
        return np.array(rows, dtype=np.float32)


class Replay(Pipeline):
    """The real pipeline, with each document's analysis computed once for the whole module."""
    cache: dict = {}

    def analyse(self, docs):
        docs = list(docs)
        missing = [d for d in docs if d.id not in self.cache]
        for analysis in super().analyse(missing):
            self.cache[analysis.document.id] = analysis
        for doc in docs:
            yield self.cache[doc.id]


@pytest.fixture(scope="module")
def documents():
    return sorted(read_documents([EXAMPLES]), key=lambda d: d.id)


def snapshot(store):
    events = {e.id: e for e in store.events(limit=100_000)}
    stories = {s.id: s for s in store.stories(limit=100_000)}
    story_of = {d.id: store.story_of(d.id) for d in store.documents(limit=100_000)}
    return events, stories, story_of


def test_batches_through_one_live_store_end_where_one_ingest_ends(documents, store_url, tmp_path):
    pipeline = Replay(embedder=TitleEmbedder())
    whole = open_store(f"sqlite:///{tmp_path / 'whole.sqlite'}")
    ingest_documents(documents, store=whole, pipeline=pipeline)
    expected = snapshot(whole)
    whole.close()
    assert expected[0] and len(expected[1]) > 1
    batched = open_store(store_url)
    live = LiveStore(batched, pipeline)
    order = documents[::2] + documents[1::2]  # interleaved: stories and events grow across batches
    for start in range(0, len(order), 4):
        report = live.ingest(order[start:start + 4])
        assert len(report.added) == len(order[start:start + 4])
    assert snapshot(batched) == expected
    batched.close()


def test_a_fresh_process_restores_the_layer_from_the_store_and_adds_to_it(documents, tmp_path):
    pipeline = Replay(embedder=TitleEmbedder())
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    half = len(documents) // 2
    ingest_documents(documents[:half], store=store, pipeline=pipeline)
    ingest_documents(documents[half:], store=store, pipeline=pipeline)  # a new LiveStore, as a new CLI run
    result = pipeline.assemble(list(pipeline.analyse(documents)))
    events, stories, story_of = snapshot(store)
    assert events == {e.id: e for e in result.events}
    assert {s.id: s.documents for s in stories.values()} == {s.id: s.documents for s in result.stories}
    assert story_of == {d: s for d, s in result.story_of} | {d.id: None for d in documents if d.id not in dict(result.story_of)}
    store.close()
