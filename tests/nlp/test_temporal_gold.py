"""Accuracy floors on the shared temporal gold sets, scored by ``shared/eval/score.py``.

The gold files are read where they live (``../shared``); the test is skipped
when they are absent. The floors of the project are 0.85 on FR-TimeBank and
on the duckling corpus; the other two sets guard against regressions.
"""
from __future__ import annotations

import importlib.util
import json
import re
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dragoman.nlp.temporal import parse_anchor, resolve, run_dates

FLOORS = {
    "fr_timebank_timex3.jsonl": 0.85,
    "duckling_fr_time_corpus.jsonl": 0.85,
    "dateparser_fr_freshness_cases.jsonl": 0.80,
}
RECOGNIZERS_FLOOR = 0.70
DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange", "date", "daterange")


@pytest.fixture(scope="module")
def peers(shared_dir: Path) -> Path:
    return shared_dir / "eval" / "peers" / "temporal"


@pytest.fixture(scope="module")
def scorer(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_eval_score", shared_dir / "eval" / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip("shared/eval/score.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def contract_rows(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What ``make eval`` feeds ``dragoman dates``: FR-TimeBank anchors on the DCT, with its sentence."""
    rows = []
    for row in gold:
        item = {"text": row["text"], "anchor": row.get("anchor") or row.get("dct"), "language": "fr"}
        if row.get("sentence"):
            item["context"] = row["sentence"]
        rows.append(item)
    return rows


@pytest.mark.parametrize("name, floor", FLOORS.items())
def test_accuracy_on_gold_reaches_its_floor(name: str, floor: float, peers: Path, scorer: ModuleType) -> None:
    gold = scorer.load_jsonl(peers / name)
    report, summary = scorer.score_dates(gold, list(run_dates(contract_rows(gold))))
    print(f"{name}: {summary}")
    assert report["accuracy"] >= floor, (summary, report["wrong"][:10])


# ---------------------------------------------------------------- Microsoft Recognizers (French specs)

def recognizers_expected(row: dict[str, Any]) -> list[tuple[date, date | None]] | None:
    """Accepted (start, end) readings of a spec with a single date or date range; None when out of scope.

    Out of scope: several results, times, durations, sets, open ranges (``Mod``),
    unresolvable values, and specs whose reference date is not given (their
    values were resolved against a date the file does not state) unless the
    text itself states the year.
    """
    results = row.get("results") or []
    if len(results) != 1 or results[0].get("type") not in DATE_TYPES:
        return None
    values = results[0].get("values") or []
    if not values or any("Mod" in v or not re.match(r"\d{4}-", v.get("value") or v.get("start") or "") for v in values):
        return None
    if not row.get("reference_datetime") and not all(v.get("timex", "")[:4] in row["input"] for v in values):
        return None
    readings = []
    for v in values:
        if "value" in v:
            readings.append((date.fromisoformat(v["value"][:10]), None))
        else:
            end = date.fromisoformat(v["end"][:10]) - timedelta(days=1) if v.get("end") else None
            readings.append((date.fromisoformat(v["start"][:10]), end))
    return readings


def recognizers_accuracy(rows: list[dict[str, Any]]) -> tuple[int, int]:
    right = total = 0
    for row in rows:
        readings = recognizers_expected(row)
        if readings is None:
            continue
        total += 1
        value = resolve(row["input"], parse_anchor(row.get("reference_datetime") or "2016-11-07"), language="fr")
        right += value is not None and value.start is not None and any(
            value.start == start and (end is None or abs((value.end - end).days) <= 1) for start, end in readings)
    return right, total


def test_recognizers_french_date_specs(peers: Path) -> None:
    with open(peers / "recognizers_fr_datetime.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    right, total = recognizers_accuracy(rows)
    print(f"recognizers_fr_datetime.jsonl: date_accuracy={right / total:.3f} resolved={right}/{total}")
    assert total > 50 and right / total >= RECOGNIZERS_FLOOR
