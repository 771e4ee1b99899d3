#!/usr/bin/env python3
"""Bench the store path as a user runs it: one article added with `dragoman ingest` to stores of N documents.

Stores are built from OG2021's French and English titles (read from ../shared at run time, never copied);
each timed run adds one new title to a fresh copy of the store, so the figure is what the next article of a
growing store costs. Prints p50/p95 seconds per store size and writes reports/bench_ingest.json.

  python scripts/bench_ingest.py --sizes 400 1400 --runs 5
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLES = ROOT.parent / "shared" / "eval" / "peers" / "clustering" / "og2021_titles_reconstructed.tsv"
_SCRIPT = ROOT / ".venv" / "bin" / "dragoman"
DRAGOMAN = [str(_SCRIPT)] if _SCRIPT.exists() and "PYTHONPATH" not in os.environ else [sys.executable, "-m", "dragoman"]


def titles(limit: int) -> list[dict]:
    rows = []
    with open(TITLES, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["lang"] in ("fra", "eng") and row["title"].strip():
                rows.append({"id": f"og-{row['uri']}", "title": row["title"], "text": row["title"],
                             "language": row["lang"][:2], "published": row["datetime"].replace(" ", "T")})
            if len(rows) >= limit:
                break
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def ingest(path: Path, db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*DRAGOMAN, "ingest", str(path), "--db", f"sqlite:///{db}"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench(size: int, runs: int, tmp: Path) -> dict:
    rows = titles(size + runs)
    store = tmp / f"store-{size}.sqlite"
    build = ingest(write_jsonl(tmp / f"base-{size}.jsonl", rows[:size]), store)
    times = []
    for n, row in enumerate(rows[size:size + runs]):
        copy = tmp / "run.sqlite"
        shutil.copy(store, copy)
        times.append(ingest(write_jsonl(tmp / f"one-{n}.jsonl", [row]), copy))
    ordered = sorted(times)
    return {"documents": size, "build_seconds": round(build, 1), "p50": round(statistics.median(ordered), 2),
            "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2), "runs": runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[400, 1400])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        results = [bench(size, args.runs, Path(name)) for size in args.sizes]
    for r in results:
        print(f"ingest one title into {r['documents']} stored: p50={r['p50']}s p95={r['p95']}s "
              f"(store built in {r['build_seconds']}s, {r['runs']} runs)")
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "bench_ingest.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
