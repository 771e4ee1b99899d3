"""A store built in tmp_path from hand-made records, and a client over the app serving it."""
from __future__ import annotations

import warnings

import pytest
from api_samples import TOKEN, FakePipeline, store  # noqa: F401 (fixture)

from dragoman.server import create_app

with warnings.catch_warnings():
    # Starlette suggests another HTTP client package; httpx still works and is what we pin.
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

@pytest.fixture
def pipeline() -> FakePipeline:
    return FakePipeline()

@pytest.fixture
def make_client(store, pipeline):
    def make(token: str | None = TOKEN, **options) -> TestClient:
        app = create_app(store, token=token, pipeline_factory=lambda: pipeline, **options)
        return TestClient(app, raise_server_exceptions=False)

    return make

@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()
