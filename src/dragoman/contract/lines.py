"""The line contracts of ``dragoman code`` (§2) and ``dragoman dates`` (§3) of ``shared/spec/OUTPUT.md``."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from .records import iso


def coded_json(kind: str, cameo: str | None, mode: str | None, sources: Iterable[str],
               targets: Iterable[str]) -> dict[str, Any]:
    """One event of a coded sentence: type, CAMEO code, mode, source and target codes (each once, in order)."""
    return {"type": kind, "cameo": cameo, "mode": mode, "source": list(dict.fromkeys(sources)),
            "target": list(dict.fromkeys(targets))}


def code_line(row_id: Any, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": row_id, "events": events}


def dates_line(row: Mapping[str, Any], start: date | None, end: date | None, grain: str | None) -> dict[str, Any]:
    """The main expression's interval and grain; the input's ``id`` and ``anchor`` ride along (the scorer
    pairs rows by text and anchor)."""
    out: dict[str, Any] = {key: row[key] for key in ("id", "anchor") if key in row}
    out.update(text=row.get("text"), start=iso(start), end=iso(end), grain=grain)
    return out
