"""The REST API and web UI: one FastAPI app over a :class:`~dragoman.store.Store`.

``create_app(store, token=...)`` builds it; ``/api/...`` answers JSON (the
contract of :mod:`dragoman.contract`), the other paths HTML pages that show
the same data.
"""
from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
