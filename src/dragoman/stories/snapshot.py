"""The cross-document layer frozen to bytes and thawed again, so that a process restores it from a snapshot
and the analyses stored after it instead of assembling every stored analysis again.

A snapshot is only as good as the code that made it: its :func:`snapshot_key` hashes every module and data
file of the package, the embedder's version and the story threshold, and a snapshot under another key is
never thawed (the layer is then assembled from the stored analyses, as without one). Snapshots are pickles:
they are read only from the store this process writes to, never from elsewhere.
"""
from __future__ import annotations

import hashlib
import pickle
import zlib
from functools import lru_cache
from pathlib import Path

from .embedders import Embedder
from .live import Assembly

FORMAT = "2"  # zlib-compressed pickle
PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".json", ".txt", ".csv", ".tsv"}):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def snapshot_key(assembly: Assembly) -> str:
    """What a snapshot of ``assembly`` depends on besides the documents: code, data, embedder, threshold."""
    embedder = assembly.index.embedder
    version = str(getattr(embedder, "version", type(embedder).__name__))
    threshold = assembly.index.settings.threshold
    return hashlib.sha256(f"{FORMAT}|{code_hash()}|{version}|{threshold}".encode()).hexdigest()[:32]


def freeze(assembly: Assembly) -> bytes:
    """The layer as compressed bytes, without its embedder (a model, and a store it caches vectors in)."""
    embedder, assembly.index.embedder = assembly.index.embedder, None
    try:
        return zlib.compress(pickle.dumps(assembly, protocol=pickle.HIGHEST_PROTOCOL), 1)
    finally:
        assembly.index.embedder = embedder


def thaw(data: bytes, embedder: Embedder | None) -> Assembly:
    assembly = pickle.loads(zlib.decompress(data))  # our own store's snapshot, under our own key
    if not isinstance(assembly, Assembly):
        raise TypeError(f"a snapshot holds {type(assembly).__name__}, not the layer")
    assembly.index.embedder = embedder
    return assembly
