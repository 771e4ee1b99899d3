"""Story vectors kept in the store: each text is embedded once, on SQLite and PostgreSQL."""
from __future__ import annotations

import numpy as np

from dragoman.stories import CachedEmbedder


class Counting:
    """Vectors from the text's length; counts what it was asked to embed."""
    version = "counting-1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return np.array([[len(t), 1.0, 0.5] for t in texts], dtype=np.float32)


def test_vectors_round_trip_and_a_stored_key_keeps_its_vector(store):
    store.add_vectors({"k1": b"\x00\x00\x80?", "k2": b"\x00\x00\x00@"}, embedder="x")
    store.add_vectors({"k1": b"\x00\x00\x00\x00"}, embedder="x")
    assert store.vectors(["k1", "k2", "k3"]) == {"k1": b"\x00\x00\x80?", "k2": b"\x00\x00\x00@"}


def test_a_text_is_embedded_once_whatever_is_asked_after(store):
    inner = Counting()
    cached = CachedEmbedder(inner, store)
    first = cached.encode(["Accord à Pékin", "Talks in Geneva", "Accord à Pékin"])
    again = CachedEmbedder(Counting(), store).encode(["Talks in Geneva", "Accord à Pékin", "New round in Doha"])
    assert inner.seen == ["Accord à Pékin", "Talks in Geneva"] or inner.seen == ["Talks in Geneva", "Accord à Pékin"]
    assert np.array_equal(first[0], again[1]) and np.array_equal(first[1], again[0])
    assert again[2].tolist() == [17.0, 1.0, 0.5]


def test_another_embedder_version_never_reuses_vectors(store):
    CachedEmbedder(Counting(), store).encode(["Talks in Geneva"])
    other = Counting()
    other.version = "counting-2"
    CachedEmbedder(other, store).encode(["Talks in Geneva"])
    assert other.seen == ["Talks in Geneva"]
