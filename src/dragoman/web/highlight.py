"""Cutting a document's text into plain runs and highlighted evidence spans."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    span: dict[str, Any] | None = None  # the evidence span (event, start, end) when highlighted
    focus: bool = False


def segments(text: str, spans: list[dict[str, Any]], *, focus: tuple[int, int] | None = None) -> list[Segment]:
    """Runs in text order; a span overlapping an earlier one is skipped so runs never overlap.

    ``focus`` (a span linked to from an event page) is highlighted even when no
    event of the document's story cites it.
    """
    wanted = list(spans)
    if focus and 0 <= focus[0] < focus[1] <= len(text) and not any((s["start"], s["end"]) == focus for s in wanted):
        wanted.append({"event": None, "start": focus[0], "end": focus[1], "text": text[focus[0]:focus[1]]})
    runs: list[Segment] = []
    cursor = 0
    for span in sorted(wanted, key=lambda s: (s["start"], -s["end"])):
        if span["start"] < cursor or span["end"] <= span["start"]:
            continue
        if span["start"] > cursor:
            runs.append(Segment(text[cursor:span["start"]]))
        runs.append(Segment(text[span["start"]:span["end"]], span, focus == (span["start"], span["end"])))
        cursor = span["end"]
    if cursor < len(text):
        runs.append(Segment(text[cursor:]))
    return runs
