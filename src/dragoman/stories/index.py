"""Nearest-neighbour search over story embeddings, sharded by publication week.

Reports of one story are published within days of each other, so the index
keeps one shard per week of publication (plus one for undated documents) and
a query only visits the shards within its time window: the cost of finding a
new article's neighbours depends on how much news appeared around its date,
not on how much the index holds. A shard is searched exactly (inner product
over normalised vectors, i.e. cosine) until it holds ``hnsw_from`` vectors,
then it becomes an HNSW graph (faiss ``IndexHNSWFlat``), which answers in
logarithmic time. Small collections therefore get exact answers, whatever
order their vectors arrived in.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import faiss
import numpy as np

SHARD_DAYS = 7
# Exact search over two thousand 512-d vectors costs about what HNSW costs (about 0.1 ms a query
# on 2 cores); beyond that the graph wins and keeps winning.
HNSW_FROM = 2048
HNSW_LINKS = 16
HNSW_EF_CONSTRUCTION = 40
HNSW_EF_SEARCH = 48


@dataclass(frozen=True)
class Hit:
    """One neighbour: the row it was added under and its cosine to the query."""
    row: int
    cosine: float


class Shard:
    """The vectors of one publication week; exact search, then HNSW once large."""

    def __init__(self, dim: int, *, hnsw_from: int = HNSW_FROM) -> None:
        self.dim = dim
        self.hnsw_from = hnsw_from
        self.rows: list[int] = []
        self.index: faiss.IndexFlat | faiss.IndexHNSWFlat = faiss.IndexFlatIP(dim)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def approximate(self) -> bool:
        return isinstance(self.index, faiss.IndexHNSWFlat)

    def add(self, row: int, vector: np.ndarray) -> int:
        """Stores ``vector`` under ``row``; returns its position in the shard."""
        self.index.add(vector.reshape(1, -1))
        self.rows.append(row)
        if not self.approximate and len(self.rows) >= self.hnsw_from:
            self.index = to_hnsw(self.index, self.dim)
        return len(self.rows) - 1

    def search(self, vector: np.ndarray, k: int, min_cosine: float) -> Iterator[Hit]:
        scores, found = self.index.search(vector.reshape(1, -1), min(k, len(self.rows)))
        keep = (found[0] >= 0) & (scores[0] >= min_cosine)
        for score, position in zip(scores[0][keep].tolist(), found[0][keep].tolist()):
            yield Hit(self.rows[position], score)

    def vector(self, position: int) -> np.ndarray:
        return self.index.reconstruct(int(position))

    def matrix(self) -> np.ndarray:
        """Every stored vector by position: a read-only view of the index's own storage, valid until the next add."""
        flat = self.index
        if isinstance(flat, faiss.IndexHNSWFlat):
            # downcast_index returns the storage's own class (an IndexFlat here); faiss's stub says only Index
            flat = cast(faiss.IndexFlat, faiss.downcast_index(flat.storage))
        view = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * self.dim).reshape(flat.ntotal, self.dim)
        view.flags.writeable = False
        return view


def to_hnsw(flat: faiss.Index, dim: int) -> faiss.IndexHNSWFlat:
    graph = faiss.IndexHNSWFlat(dim, HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    graph.hnsw.efSearch = HNSW_EF_SEARCH
    graph.add(flat.reconstruct_n(0, flat.ntotal))
    return graph


class VectorIndex:
    """Rows (small integers given by the caller) -> normalised vectors, searchable by time window.

    ``day`` is a publication date as an ordinal (``date.toordinal()``) or
    ``None``; an undated query searches one index of every vector (visiting each week's shard made it cost
    the store's whole history: at 100k documents, most of a restore), and undated vectors are visited by
    every query.
    """

    def __init__(self, dim: int, *, shard_days: int = SHARD_DAYS, hnsw_from: int = HNSW_FROM) -> None:
        self.dim = dim
        self.shard_days = shard_days
        self.hnsw_from = hnsw_from
        self.shards: dict[int | None, Shard] = {}
        self.where: dict[int, tuple[int | None, int]] = {}
        self.everything = Shard(dim, hnsw_from=hnsw_from)  # what an undated query searches

    def __len__(self) -> int:
        return len(self.where)

    def add(self, row: int, vector: np.ndarray, *, day: int | None) -> None:
        if row in self.where:
            raise ValueError(f"row {row} is already in the index")
        key = None if day is None else day // self.shard_days
        shard = self.shards.get(key)
        if shard is None:
            shard = self.shards[key] = Shard(self.dim, hnsw_from=self.hnsw_from)
        self.where[row] = (key, shard.add(row, as_row(vector, self.dim)))
        self.everything.add(row, as_row(vector, self.dim))

    def search(self, vector: np.ndarray, *, day: int | None, window_days: int, k: int,
               min_cosine: float = -1.0) -> list[Hit]:
        """The ``k`` best rows of every shard that may hold a date within ``window_days`` of ``day``.

        Hits below ``min_cosine`` are left out.
        """
        query = as_row(vector, self.dim)
        if day is None:  # any time: one search over every vector, not one per week of the store's history
            return list(self.everything.search(query, k, min_cosine)) if len(self.everything) else []
        hits: list[Hit] = []
        for key in self.shard_keys(day, window_days):
            if key in self.shards:
                hits.extend(self.shards[key].search(query, k, min_cosine))
        return hits

    def shard_keys(self, day: int | None, window_days: int) -> list[int | None]:
        if day is None:
            return list(self.shards)
        first, last = (day - window_days) // self.shard_days, (day + window_days) // self.shard_days
        return [None, *range(first, last + 1)]

    def vector(self, row: int) -> np.ndarray:
        key, position = self.where[row]
        return self.shards[key].vector(position)

    def vectors(self, rows: list[int]) -> np.ndarray:
        """The vectors of ``rows``, stacked in that order (a copy)."""
        found = np.empty((len(rows), self.dim), dtype=np.float32)
        by_shard: dict[int | None, tuple[list[int], list[int]]] = {}
        for i, row in enumerate(rows):
            key, position = self.where[row]
            slots, positions = by_shard.setdefault(key, ([], []))
            slots.append(i)
            positions.append(position)
        for key, (slots, positions) in by_shard.items():
            found[slots] = self.shards[key].matrix()[positions]
        return found


def as_row(vector: np.ndarray, dim: int) -> np.ndarray:
    row = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
    if row.shape[0] != dim:
        raise ValueError(f"expected a vector of {dim} values, got {row.shape[0]}")
    return row
