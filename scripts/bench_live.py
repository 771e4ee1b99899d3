#!/usr/bin/env python3
"""`make bench` (live store): one article added through the running service, at several store sizes.

For each size N, a SQLite store is filled with N documents cloned from the analyses of our examples
(each clone with its own words, day, parties and story vector, so stories, events and tracks grow with
the store as they would with real news; built from analyses, not re-analysed, so large stores are
quick to make). Then ``dragoman serve`` runs on it as a user runs it, with the real models; a first POST
restores the cross-document layer (timed apart: it happens once per process), then each of the
development set's articles is posted one at a time and timed: spaCy, e5, the incremental update of
stories, events and series, and the store's writes (with ``--phases``, also a later process's restore from
the snapshot the first one wrote). Prints p50/p95 per size, the ratio of each p50 to
the smallest size's, and the server's peak memory; writes reports/bench_live.json.

  python scripts/bench_live.py --sizes 1000 10000 --posts 20
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"
CODES = ("USA", "RUS", "FRA", "DEU", "GBR", "CHN", "UKR", "TUR", "IRN", "ISR", "IND", "BRA", "JPN", "EGY", "SAU",
         "POL", "ITA", "ESP", "CAN", "MEX", "QAT", "ARM", "AZE", "SRB", "PRK", "KOR", "VNM", "IDN", "NGA", "ZAF",
         "ARG", "CHL", "PER", "COL", "MAR", "DZA", "TUN", "ETH", "KEN", "SDN", "PAK", "AFG", "IRQ", "SYR", "LBN",
         "JOR", "ARE", "OMN", "KWT", "BHR")


def source_analyses():
    from dragoman.ingest import read_documents
    from dragoman.pipeline import Pipeline

    pipeline = Pipeline()
    docs = list(read_documents([ROOT / "examples", ROOT / "eval" / "devset"]))
    return [a for a in pipeline.analyse(docs) if a.document.ok and a.candidates]


def clone(analysis, i: int, rng: random.Random):
    from dragoman.model import Actor

    doc = analysis.document
    words = doc.text.split()
    rng.shuffle(words)
    text = " ".join(words) + f" ({i})"
    shift = timedelta(days=i // 30)  # about 30 articles a day
    codes = {a.code for c in analysis.candidates for a in c.actors}
    mapping = {code: rng.choice(CODES) for code in sorted(codes)}

    def moved(cand):
        date = cand.date
        if date.start is not None:
            date = replace(date, start=date.start + shift, end=(date.end or date.start) + shift)
        actors = tuple(Actor(mapping.get(a.code, a.code), a.name, a.role) for a in cand.actors)
        return replace(cand, document=doc_id, date=date, actors=actors,
                       evidence=tuple(replace(e, document=doc_id) for e in cand.evidence))

    doc_id = hashlib.sha1(f"bench-{i}".encode()).hexdigest()[:16]
    new_doc = replace(doc, id=doc_id, source=f"bench/{i}.txt", text=text, raw_text=text,
                      content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                      published=(doc.published + shift) if doc.published else None, published_at=None,
                      url=f"https://bench.example/{i}")
    return replace(analysis, document=new_doc, mentions=(), candidates=tuple(moved(c) for c in analysis.candidates))


def fill(url: str, n: int, pool, seed: int = 3) -> None:
    from dragoman.store import open_store
    from dragoman.stories import CachedEmbedder, E5Embedder, calibration_of, profile

    rng = random.Random(seed)
    store = open_store(url)
    cached = CachedEmbedder(E5Embedder(), store)
    lead = calibration_of(E5Embedder()).lead_chars
    vectors: dict[str, bytes] = {}
    for i in range(n):
        analysis = clone(pool[i % len(pool)], i, rng)
        store.add_analysis(analysis)
        vector = np.asarray([rng.gauss(0, 1) for _ in range(384)], dtype="<f4")
        vectors[cached.key(profile(analysis, lead).text)] = (vector / np.linalg.norm(vector)).tobytes()
        if len(vectors) >= 1000:
            store.add_vectors(vectors, embedder=cached.version)
            vectors = {}
    store.add_vectors(vectors, embedder=cached.version)
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, article: dict) -> float:
    body = json.dumps(article).encode("utf-8")
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=3600) as answer:
        answer.read()
    return time.perf_counter() - began


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def articles(count: int) -> list[dict]:
    files = sorted(p for p in (ROOT / "eval" / "devset").rglob("*.txt"))
    chosen = []
    for i, path in enumerate(files[:count]):
        lang = "fr" if "-fr-" in path.name else "en"
        chosen.append({"text": path.read_text(encoding="utf-8") + f"\n\n(bench {i})", "language": lang,
                       "url": f"https://posted.example/{i}"})
    return chosen


def run_size(n: int, pool, posts: list[dict], folder: Path) -> dict:
    url = f"sqlite:///{folder / f'store-{n}.sqlite'}"
    began = time.perf_counter()
    fill(url, n, pool)
    filled = time.perf_counter() - began
    port = free_port()
    env = dict(os.environ, DRAGOMAN_TOKEN=TOKEN, DRAGOMAN_DB=url)
    server = subprocess.Popen([sys.executable, "-m", "dragoman", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        restore = post(port, {"text": "Warm-up article. " * 20 + posts[0]["text"], "language": posts[0]["language"]})
        times = [post(port, article) for article in posts]
        peak = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
    times.sort()
    return {"documents": n, "fill_s": round(filled, 1), "restore_s": round(restore, 2),
            "p50_s": round(statistics.median(times), 3), "p95_s": round(times[int(0.95 * (len(times) - 1))], 3),
            "posts": len(times), "peak_rss_mb": round(peak)}


def phases(n: int, pool, posts: list[dict], folder: Path) -> dict:
    """The same additions in one process, each phase timed apart: what grows with the store is the update."""
    from dragoman.ingest import documents_from_records
    from dragoman.pipeline import Pipeline
    from dragoman.service import LiveStore
    from dragoman.store import open_store

    url = f"sqlite:///{folder / f'phases-{n}.sqlite'}"
    fill(url, n, pool)
    store = open_store(url)
    live = LiveStore(store, Pipeline())
    began = time.perf_counter()
    assembly = live.assembly
    restore = time.perf_counter() - began
    timing: dict[str, list[float]] = {"analyse": [], "store": [], "update": [], "write": []}
    for article in posts:
        doc = next(iter(documents_from_records([article], min_chars=40)))
        t0 = time.perf_counter()
        analysis = next(iter(live.pipeline.analyse([doc])))
        t1 = time.perf_counter()
        store.add_analysis(analysis)
        t2 = time.perf_counter()
        delta = assembly.add([analysis])
        t3 = time.perf_counter()
        live.apply(delta)
        t4 = time.perf_counter()
        for name, value in zip(timing, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            timing[name].append(value)
    store.close()
    store = open_store(url)  # a later process: the layer is thawed from the snapshot the first one wrote
    began = time.perf_counter()
    LiveStore(store, live.pipeline).assembly  # noqa: B018 - restoring is what is timed
    thaw = time.perf_counter() - began
    store.close()
    return {"documents": n, "restore_s": round(restore, 2), "thaw_s": round(thaw, 2),
            **{f"{name}_p50_s": round(statistics.median(values), 4) for name, values in timing.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--phases", action="store_true", help="time the phases in one process instead of the service")
    args = parser.parse_args()
    pool = source_analyses()
    posts = articles(args.posts)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            if args.phases:
                row = phases(n, pool, posts, Path(tmp))
                key = "update_p50_s"
            else:
                row = run_size(n, pool, posts, Path(tmp))
                key = "p50_s"
            row["p50_ratio_to_smallest"] = round(row[key] / max(rows[0][key], 1e-6), 2) if rows else 1.0
            rows.append(row)
            print(json.dumps(row), flush=True)
    out = ROOT / "reports" / ("bench_live_phases.json" if args.phases else "bench_live.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
