"""The nearest-neighbour index behind stories, and constrained average linkage."""
from __future__ import annotations

import numpy as np
import pytest

from dragoman.stories.cluster import pair_cosines
from dragoman.stories.index import VectorIndex
from dragoman.stories.linkage import Limits, Node, average_link


def unit(rng: np.random.Generator, n: int, dim: int = 16) -> np.ndarray:
    vectors = rng.normal(size=(n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_search_finds_the_nearest_vectors_with_their_cosine():
    rng = np.random.default_rng(0)
    vectors = unit(rng, 50)
    index = VectorIndex(16)
    for row, vector in enumerate(vectors):
        index.add(row, vector, day=None)
    hits = index.search(vectors[7], day=None, window_days=3, k=3)
    assert hits[0].row == 7 and hits[0].cosine == pytest.approx(1.0, abs=1e-5)
    best = np.argsort(-(vectors @ vectors[7]))[:3]
    assert [h.row for h in hits] == list(best)


def test_search_visits_only_shards_within_the_window_and_undated_ones():
    index = VectorIndex(2, shard_days=7)
    same = np.array([1.0, 0.0])
    index.add(0, same, day=700)
    index.add(1, same, day=703)
    index.add(2, same, day=760)
    index.add(3, same, day=None)
    found = {h.row for h in index.search(same, day=701, window_days=5, k=10)}
    assert found == {0, 1, 3}
    assert {h.row for h in index.search(same, day=None, window_days=5, k=10)} == {0, 1, 2, 3}


def test_a_large_shard_becomes_hnsw_and_still_finds_neighbours():
    rng = np.random.default_rng(1)
    vectors = unit(rng, 300)
    index = VectorIndex(16, hnsw_from=100)
    for row, vector in enumerate(vectors):
        index.add(row, vector, day=10)
    (shard,) = index.shards.values()
    assert shard.approximate
    recall = np.mean([index.search(v, day=10, window_days=0, k=1)[0].row == i for i, v in enumerate(vectors)])
    assert recall >= 0.95
    assert np.allclose(index.vector(123), vectors[123])


def test_vectors_of_many_rows_come_from_every_kind_of_shard_in_the_order_asked():
    rng = np.random.default_rng(2)
    vectors = unit(rng, 260)
    index = VectorIndex(16, hnsw_from=100)
    for row, vector in enumerate(vectors):  # rows 0-199 in one shard (it becomes HNSW), the rest in two others
        index.add(row, vector, day=10 if row < 200 else (30 if row % 2 else None))
    assert sum(s.approximate for s in index.shards.values()) == 1
    asked = [259, 3, 150, 200, 201, 3]
    assert np.array_equal(index.vectors(asked), vectors[asked])
    assert index.vectors([]).shape == (0, 16)


def test_pair_cosines_do_not_depend_on_which_vector_is_the_query():
    rng = np.random.default_rng(4)
    for _ in range(200):
        a, b = unit(rng, 2, dim=384)
        before, after = unit(rng, int(rng.integers(0, 40)), dim=384), unit(rng, int(rng.integers(0, 40)), dim=384)
        one = pair_cosines(a, np.vstack([before, b[None], after]))[len(before)]
        other = pair_cosines(b, np.vstack([after, a[None]]))[len(after)]
        assert one == other and one == pytest.approx(float(a @ b), abs=1e-6)


def test_adding_a_row_twice_or_a_wrong_size_is_an_error():
    index = VectorIndex(2)
    index.add(0, np.array([1.0, 0.0]), day=None)
    with pytest.raises(ValueError):
        index.add(0, np.array([1.0, 0.0]), day=None)
    with pytest.raises(ValueError):
        index.add(1, np.array([1.0, 0.0, 0.0]), day=None)


def nodes(n: int, **dates) -> list[Node]:
    return [Node(i, f"d{i}", dates.get("published", [None] * n)[i], dates.get("spans", [None] * n)[i])
            for i in range(n)]


def edges(*pairs: tuple[int, int, float]) -> dict[int, dict[int, float]]:
    found: dict[int, dict[int, float]] = {}
    for a, b, w in pairs:
        found.setdefault(a, {})[b] = w
        found.setdefault(b, {})[a] = w
    return found


def test_average_link_does_not_chain_like_single_link():
    chain = edges((0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.9))
    found = average_link(nodes(4), chain, threshold=0.7, floor=0.4, limits=Limits())
    assert sorted(found) == [[0, 1], [2, 3]]


def test_average_link_merges_a_tight_group():
    tight = edges((0, 1, 0.9), (1, 2, 0.85), (0, 2, 0.8))
    assert average_link(nodes(3), tight, threshold=0.7, floor=0.4, limits=Limits()) == [[0, 1, 2]]


def test_limits_refuse_a_merge_however_similar():
    close = edges((0, 1, 0.95), (1, 2, 0.95), (0, 2, 0.95))
    apart = nodes(3, published=[100, 105, 112])
    found = average_link(apart, close, threshold=0.7, floor=0.4, limits=Limits(window_days=10))
    assert sorted(found) == [[0, 1], [2]]
    rounds = nodes(3, spans=[(100, 100), (101, 101), (140, 140)])
    found = average_link(rounds, close, threshold=0.7, floor=0.4, limits=Limits(max_event_gap_days=5))
    assert sorted(found) == [[0, 1], [2]]
