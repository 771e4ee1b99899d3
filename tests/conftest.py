"""Shared fixtures: spaCy pipelines (loaded once per session) and paths."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Strict mode: an unexpected exception in a stage fails the test instead of becoming a document's error.
os.environ.setdefault("DRAGOMAN_STRICT", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp_fr():
    from dragoman.nlp.models import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from dragoman.nlp.models import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def nlp(nlp_fr, nlp_en):
    """Pipelines by language code."""
    return {"fr": nlp_fr, "en": nlp_en}
