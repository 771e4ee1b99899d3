"""The stage loop of :class:`dragoman.pipeline.Pipeline`, without spaCy."""
from __future__ import annotations

import pytest

from dragoman.errors import ConfigError
from dragoman.model import Document
from dragoman.pipeline import STAGES, Pipeline


def test_candidates_without_the_mentions_stage_is_a_coded_document_error():
    """A stage list that drops "mentions" gets E201 naming the stage, not an AttributeError (strict mode raised it)."""
    candidates = next(stage for stage in STAGES if stage.name == "candidates")
    pipeline = Pipeline(stages=(candidates,), strict=True)
    doc = Document("d1", "d1.txt", "Some text.")
    analysis = pipeline.analyse_parsed(doc, None, "en")
    assert analysis.document.error is not None
    assert analysis.document.error.code == "E201"
    assert "candidates" in analysis.document.error.message
    assert analysis.candidates == ()


def test_assemble_without_an_embedder_is_a_coded_error():
    pipeline = Pipeline(strict=True)
    pipeline.embedder = None
    with pytest.raises(ConfigError, match="E401"):
        pipeline.assemble([])
