"""Test fakes shared by every test folder (importable as ``fakes``: the root conftest's folder is on the path).

Embedders stand in for the sentence encoder so that story tests say which documents are alike.
"""
from __future__ import annotations

import numpy as np


class TableEmbedder:
    """Fixed vectors looked up by a text's first line (its title); counts the texts it encoded."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.array([self.vectors[t.split("\n")[0]] for t in texts], dtype=np.float32)


class InlineEmbedder:
    """Returns the vector written in the text's first line itself ("1,0,2")."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.array([[float(x) for x in t.split("\n")[0].split(",")] for t in texts], dtype=np.float32)


class AngleEmbedder:
    """Unit vectors whose cosine to "base" is the text's first word ("0.6 ...")."""

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            cosine = float(text.split()[0])
            rows.append([cosine, float(np.sqrt(max(0.0, 1 - cosine * cosine)))])
        return np.array(rows, dtype=np.float32)


class NoEmbedder:
    """For tests that never cluster: asking it for a vector is a test bug."""

    def encode(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("this test does not embed")
