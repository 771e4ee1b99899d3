#!/usr/bin/env python3
"""`make eval`: every suite of ../shared/eval through the CLI and the shared scorer.

Prints one table and writes reports/eval.json. Inputs for the scorer are
built in a temporary folder from the gold files (never copied into the repo).
Exits 1 when a suite misses its floor or fails to run. Floors guard what the issues
accept (seeds 1.000, PLOVER GSR >= 0.8, French dates >= 0.9); the development set's
floors sit just under today's figures so that a regression fails, and rise as it improves.
The PETRARCH unit records are reported without a floor: their verb codes are the
suite's own, not PLOVER's (README).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
PEERS = EVAL / "peers"
# A worktree without its own venv runs the CLI of the interpreter that runs this script
# (with PYTHONPATH=src it imports the worktree's code).
_SCRIPT = ROOT / ".venv" / "bin" / "dragoman"
DRAGOMAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "dragoman"]
DEVSET = ROOT / "eval" / "devset"
FLOORS = {"seeds": "events_f1>=0.99 field_accuracy>=0.99 records_per_event<=1.0",
          "devset": "events_recall>=0.85 events_precision>=0.57 field_accuracy>=0.67 story_bcubed_f1>=0.93 "
                    "documents_complete>=0.38 records_per_event<=1.15",
          "plover_gsr": "type_f1>=0.8", "petrarch_unit_verbs": "type_f1>=0.6",
          "fr_timebank": "date_accuracy>=0.9", "duckling_fr": "date_accuracy>=0.9"}


def run(cmd: list[str], out: Path) -> float:
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run(cmd, stdout=handle, check=True)
    return time.perf_counter() - start


def score(kind: str, gold: Path, pred: Path) -> dict[str, str]:
    scorer = [str(EVAL / "report.py")] if kind == "report" else [str(EVAL / "score.py"), kind]
    done = subprocess.run([sys.executable, *scorer, str(gold), str(pred)],
                          capture_output=True, text=True, check=True)
    summary = done.stdout.strip().splitlines()[-1]
    return dict(pair.split("=", 1) for pair in summary.split())


def date_inputs(gold: Path, tmp: Path) -> Path:
    path = tmp / f"{gold.stem}.in.jsonl"
    with open(gold, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            item = {"text": row["text"], "anchor": row.get("anchor") or row.get("dct"), "language": "fr"}
            if row.get("sentence"):
                item["context"] = row["sentence"]
            dst.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def sentence_inputs(gold: Path, tmp: Path) -> Path:
    path = tmp / f"{gold.stem}.in.jsonl"
    with open(gold, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            dst.write(json.dumps({"id": row["id"], "text": row["text"], "date": row.get("date"),
                                  "language": row.get("language", "en")}, ensure_ascii=False) + "\n")
    return path


def suites(tmp: Path):
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    yield "seeds", "report", SHARED / "seeds" / "gold.json", DRAGOMAN + ["extract", "--json", *seeds]
    articles = sorted(str(p) for p in DEVSET.rglob("*.txt"))
    yield "devset", "report", DEVSET / "gold.json", DRAGOMAN + ["extract", "--json", *articles]
    gsr = PEERS / "plover" / "PLOVER_GSR_CAMEO.jsonl"
    yield "plover_gsr", "sentences", gsr, DRAGOMAN + ["code", "--jsonl", str(sentence_inputs(gsr, tmp))]
    unit = PEERS / "petrarch" / "PETR.UnitTest.records.jsonl"
    dicts = ["--actors", str(PEERS / "petrarch" / "PETR.Validate.actors.txt"),
             "--actors", str(PEERS / "petrarch" / "PETR.Validate.agents.txt")]
    yield "petrarch_unit", "sentences", unit, DRAGOMAN + ["code", "--jsonl", str(sentence_inputs(unit, tmp)), *dicts]
    verbs = ["--verbs", str(PEERS / "petrarch" / "PETR.Validate.verbs.txt")]
    yield "petrarch_unit_verbs", "sentences", unit, DRAGOMAN + ["code", "--jsonl", str(sentence_inputs(unit, tmp)),
                                                               *dicts, *verbs]
    upetr = PEERS / "petrarch" / "UniversalPetrarch.PETR2_GSR_validation.jsonl"
    yield "universal_petrarch", "sentences", upetr, DRAGOMAN + ["code", "--jsonl", str(sentence_inputs(upetr, tmp))]
    for name, file in (("fr_timebank", "fr_timebank_timex3.jsonl"), ("duckling_fr", "duckling_fr_time_corpus.jsonl"),
                       ("dateparser_fr", "dateparser_fr_freshness_cases.jsonl")):
        gold = PEERS / "temporal" / file
        yield name, "dates", gold, DRAGOMAN + ["dates", "--jsonl", str(date_inputs(gold, tmp))]


def main() -> int:
    if not EVAL.is_dir():
        print(f"no evaluation data at {EVAL}", file=sys.stderr)
        return 2
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for suite, kind, gold, cmd in suites(tmp):
            pred = tmp / f"{suite}.out"
            try:
                seconds = run(cmd, pred)
                report[suite] = {"kind": kind, "seconds": round(seconds, 1), **score(kind, gold, pred)}
            except subprocess.CalledProcessError as exc:
                report[suite] = {"kind": kind, "error": f"exit {exc.returncode}"}
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "eval.json").write_text(json.dumps(report, indent=1) + "\n")
    print(f"{'suite':<20} {'floor':<40} result")
    missed = []
    for suite, figures in report.items():
        shown = " ".join(f"{k}={v}" for k, v in figures.items() if k not in ("kind",))
        print(f"{suite:<20} {FLOORS.get(suite, '-'):<40} {shown}")
        missed += [f"{suite}: {rule}" for rule in misses(figures, FLOORS.get(suite, ""))]
    for line in missed:
        print(f"floor missed: {line}", file=sys.stderr)
    return 1 if missed else 0


def misses(figures: dict, floors: str) -> list[str]:
    """The rules of ``floors`` ("name>=0.9 other<=1.0") that ``figures`` break (an error breaks them all)."""
    failed = []
    for rule in floors.split():
        op = ">=" if ">=" in rule else "<="
        name, bound = rule.split(op)
        value = figures.get(name)
        try:
            ok = value is not None and (float(value) >= float(bound) if op == ">=" else float(value) <= float(bound))
        except ValueError:
            ok = False
        if not ok:
            failed.append(f"{rule} (got {value})")
    return failed


if __name__ == "__main__":
    sys.exit(main())
