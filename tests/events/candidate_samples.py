"""One analysed document's candidates, for the candidate tests (spaCy, no embeddings)."""
from __future__ import annotations

import pytest

from dragoman.ingest import documents_from_records
from dragoman.pipeline import Pipeline
from fakes import NoEmbedder


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(embedder=NoEmbedder())


def candidates(pipeline, text: str, language: str, published: str | None = "2025-03-12"):
    """The candidates of one article whose first line is its title."""
    record = {"title": text.split("\n")[0], "text": text, "language": language}
    if published:
        record["published"] = published
    (analysis,) = list(pipeline.analyse(documents_from_records([record])))
    assert analysis.document.error is None, analysis.document.error
    return analysis.candidates
