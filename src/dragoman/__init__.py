"""dragoman: multilingual news to a verified, source-linked timeline of diplomatic events.

The public API; heavy modules (spaCy, embeddings) load on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "dragoman.service",
    "ingest": "dragoman.service",
    "rebuild": "dragoman.service",
    "timeline": "dragoman.service",
    "Pipeline": "dragoman.pipeline",
    "open_store": "dragoman.store",
    "result_json": "dragoman.contract",
    "Document": "dragoman.model",
    "Event": "dragoman.model",
    "EventCandidate": "dragoman.model",
    "Story": "dragoman.model",
    "Result": "dragoman.model",
    "DragomanError": "dragoman.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
