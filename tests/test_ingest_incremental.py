"""The store path embeds each stored document once: a new article costs its own embedding, not the store's."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dragoman.pipeline import Pipeline
from dragoman.service import ingest
from dragoman.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "us-russia-istanbul").glob("*.txt"))


class Counting:
    version = "counting-1"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.array([[1.0, float(len(t) % 7), 0.0] for t in texts], dtype=np.float32)


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield opened
    opened.close()


def test_a_second_ingest_embeds_only_the_new_documents(store):
    embedder = Counting()
    pipeline = Pipeline(embedder=embedder)
    first = ingest(EXAMPLES[:-1], store=store, pipeline=pipeline)
    after_first = embedder.calls
    second = ingest(EXAMPLES[-1:], store=store, pipeline=pipeline)
    assert len(first.added) == len(EXAMPLES) - 1 and len(second.added) == 1
    assert after_first == len(EXAMPLES) - 1
    assert embedder.calls - after_first == 1
    assert store.counts()["documents"] == len(EXAMPLES)
