"""The cross-document stage's front door: analysed documents -> stories, events and series.

Reports are clustered into stories (any language), wire copies are flagged so they weigh as one
source, readings are resolved into one event per real event with provenance and conflicts, reports
whose news is one event join one story, and rounds of talks are linked into series. The work is done by
:class:`.live.Assembly`, which the store path keeps up to date one batch at a time; :func:`assemble`
is one batch of everything.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import DocumentAnalysis, Result
from .embedders import Embedder
from .live import Assembly, Delta

__all__ = ["Assembly", "Delta", "assemble"]


def assemble(analyses: Sequence[DocumentAnalysis], *, embedder: Embedder,
             threshold: float | None = None) -> Result:
    """Stories, merged events and series over every analysed document."""
    assembly = Assembly(embedder=embedder, threshold=threshold)
    assembly.add(analyses)
    return assembly.result()
