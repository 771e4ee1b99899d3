"""The web UI: server-rendered Jinja2 pages (autoescaped) with a little vanilla JS.

Every asset (templates, CSS, JS) ships inside the package; pages work offline.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def static_dir() -> Path:
    return HERE / "static"


def templates_dir() -> Path:
    return HERE / "templates"
