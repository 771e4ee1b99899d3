"""``make fuzz``: generated bad inputs ingested one by one into a store, as a user would (issue #15).

Each input of ``tests/fuzzgen.py`` goes through :func:`dragoman.service.ingest` (the path behind
``dragoman ingest``) into a SQLite store (a fresh one every ``--per-store`` inputs, so that the
rebuild after each input stays small), in strict mode: an unexpected exception is a crash. Then every
input must show up in the store, stored or listed among the failed documents. Reported: inputs tried,
errors recorded, crashes (must be 0), inputs over ``--hang`` seconds (must be 0), peak resident memory
of the process (must be under 1.5 GB), wall time; written to ``reports/fuzz.json``.

    python scripts/fuzz.py --count 2000
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("DRAGOMAN_STRICT", "1")

import fuzzgen  # noqa: E402  (tests/ is put on the path just above)
from dragoman import service  # noqa: E402
from dragoman.cli import make_pipeline  # noqa: E402
from dragoman.store import open_store  # noqa: E402

MAX_RSS_MB = 1536


class Hang(Exception):
    """The watchdog's alarm: one input ran past the limit."""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def accounted(report: service.IngestReport, store: Any) -> bool:
    """Every document the run read is in the store: added, already there, or listed as failed."""
    if not (report.added or report.skipped or report.failed):
        return False
    failed = {doc.id for doc in store.documents(errors=True, limit=100_000)}
    good = {doc.id for doc in store.documents(errors=False, limit=100_000)}
    return all(doc.id in failed for doc in report.failed) and all(key in good for key in report.added)


def run_case(case: fuzzgen.Case, folder: Path, store: Any, pipeline: Any, *, hang: int) -> dict:
    target = case.write(folder)
    outcome: dict = {"case": case.name, "family": case.family}
    signal.alarm(hang)
    start = time.perf_counter()
    try:
        report = service.ingest([target], store=store, pipeline=pipeline)
    except Hang:
        outcome["hang"] = True
        return outcome
    except Exception as exc:  # noqa: BLE001  (a crash is what this script counts)
        outcome["crash"] = f"{type(exc).__name__}: {exc}"[:500]
        outcome["trace"] = traceback.format_exc(limit=-6)[-3000:]
        return outcome
    finally:
        signal.alarm(0)
        outcome["seconds"] = round(time.perf_counter() - start, 3)
    outcome.update(added=len(report.added), skipped=len(report.skipped), failed=len(report.failed),
                   codes=sorted({d.error.code for d in report.failed if d.error}),
                   accounted=accounted(report, store))
    return outcome


def warm_up(pipeline: Any, work: Path) -> None:
    """Load the models, gazetteers and embedder once, before any input is timed (one-time start-up costs)."""
    store = open_store(f"sqlite:///{work / 'warm-up.sqlite'}")
    try:
        service.ingest([ROOT / "examples" / "us-iran-talks"], store=store, pipeline=pipeline)
    finally:
        store.close()


def on_alarm(_signum: int, _frame: object) -> None:
    raise Hang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--per-store", type=int, default=25)
    parser.add_argument("--hang", type=int, default=30, help="seconds per document over which an input is a hang")
    parser.add_argument("--watchdog", type=int, default=300, help="seconds after which one input is stopped")
    parser.add_argument("--start", type=int, default=0, help="first case index (to share a run between processes)")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--merge", type=Path, nargs="+", help="only merge these reports into --report")
    parser.add_argument("--report", type=Path, default=ROOT / "reports" / "fuzz.json")
    args = parser.parse_args()
    if args.merge:
        outcomes = [o for path in args.merge for o in json.loads(path.read_text(encoding="utf-8"))["outcomes"]]
        walls = [json.loads(path.read_text(encoding="utf-8"))["summary"]["wall_seconds"] for path in args.merge]
        summary = summarise(outcomes, wall=max(walls), hang=args.hang)
        summary["peak_rss_mb"] = max(json.loads(p.read_text(encoding="utf-8"))["summary"]["peak_rss_mb"]
                                     for p in args.merge)
        args.report.write_text(json.dumps({"summary": summary, "outcomes": outcomes}, indent=1) + "\n",
                               encoding="utf-8")
        print(line(summary))
        return 0
    signal.signal(signal.SIGALRM, on_alarm)
    pipeline = make_pipeline()
    outcomes: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="dragoman-fuzz-"))
    warm_up(pipeline, work)
    started = time.perf_counter()
    store = None
    try:
        chosen = [c for c in fuzzgen.cases(args.count, seed=args.seed, scale=args.scale)
                  if not args.family or c.family in args.family][args.start:]
        for index, case in enumerate(chosen):
            if index % args.per_store == 0:
                if store is not None:
                    store.close()
                store = open_store(f"sqlite:///{work / f'store{index:05d}.sqlite'}")
            folder = work / case.name
            folder.mkdir()
            outcome = run_case(case, folder, store, pipeline, hang=args.watchdog)
            shutil.rmtree(folder, ignore_errors=True)
            outcomes.append(outcome)
            if (index + 1) % 100 == 0:  # a partial report, in case the run is stopped
                write_report(args.report, outcomes, started=started, hang=args.hang)
                print(line(summarise(outcomes, wall=time.perf_counter() - started, hang=args.hang)), flush=True)
            if "crash" in outcome or "hang" in outcome or not outcome.get("accounted"):
                print(json.dumps({k: v for k, v in outcome.items() if k != "trace"}), file=sys.stderr, flush=True)
    finally:
        if store is not None:
            store.close()
        shutil.rmtree(work, ignore_errors=True)
    summary = write_report(args.report, outcomes, started=started, hang=args.hang)
    print(line(summary))
    bad = summary["crashes"] or summary["hangs"] or summary["unaccounted"] or summary["peak_rss_mb"] >= MAX_RSS_MB
    return 1 if bad else 0


def write_report(path: Path, outcomes: list[dict], *, started: float, hang: int) -> dict:
    summary = summarise(outcomes, wall=time.perf_counter() - started, hang=hang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"summary": summary, "outcomes": outcomes}, indent=1) + "\n", encoding="utf-8")
    return summary


def summarise(outcomes: list[dict], *, wall: float, hang: int) -> dict:
    slowest = sorted((o for o in outcomes if "seconds" in o), key=lambda o: -o["seconds"])[:10]
    return {
        "inputs": len(outcomes),
        "errors_recorded": sum(o.get("failed", 0) for o in outcomes),
        "documents_added": sum(o.get("added", 0) for o in outcomes),
        "crashes": sum("crash" in o for o in outcomes),
        "hangs": sum(1 for o in outcomes if o.get("hang") or per_document(o) > hang),
        "slowest_per_document": round(max((per_document(o) for o in outcomes), default=0.0), 2),
        "unaccounted": sum(1 for o in outcomes if "crash" not in o and not o.get("hang") and not o.get("accounted")),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "wall_seconds": round(wall, 1),
        "slowest": [{k: o[k] for k in ("case", "family", "seconds")} for o in slowest],
        "families": dict(Counter(o["family"] for o in outcomes)),
        "codes": dict(Counter(code for o in outcomes for code in o.get("codes", ()))),
    }


def per_document(outcome: dict) -> float:
    """Seconds per document the input held (a feed or a JSON list holds many)."""
    documents = outcome.get("added", 0) + outcome.get("skipped", 0) + outcome.get("failed", 0)
    return outcome.get("seconds", 0.0) / max(documents, 1)


def line(summary: dict) -> str:
    return (f"fuzz: {summary['inputs']} inputs, {summary['errors_recorded']} errors recorded, "
            f"{summary['documents_added']} documents added, {summary['crashes']} crashes, {summary['hangs']} hangs, "
            f"{summary['unaccounted']} unaccounted, slowest {summary['slowest_per_document']} s per document, "
            f"peak memory {summary['peak_rss_mb']} MB, "
            f"{summary['wall_seconds']} s")


if __name__ == "__main__":
    raise SystemExit(main())
