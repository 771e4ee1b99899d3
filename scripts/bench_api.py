#!/usr/bin/env python3
"""`make bench` (API part): latency and throughput of the REST API on a large store.

Fills a SQLite store in a temporary folder with synthetic records (10,000
events by default), serves it with uvicorn on a free loopback port in a
child process, and fires a bounded number of requests (2,000 by default,
16 at a time) over the list, filter and detail endpoints. Prints p50/p99
latency per kind of request and overall, and requests per second, as JSON;
also writes reports/bench_api.json. Loopback only; stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import socket
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODES = ("RUS", "USA", "FRA", "DEU", "GBR", "CHN", "UKR", "TUR", "IRN", "ISR", "IND", "BRA", "JPN", "EGY", "SAU",
         "POL", "ITA", "ESP", "CAN", "MEX", "NATO", "EU", "UN", "AU", "QAT")
TOPICS = ("diplomatic_missions", "visas", "ukraine_war", "peace_process", "sanctions", "arms_control", "trade",
          "energy", "security", "prisoners", "migration", "humanitarian_aid")
CITIES = (("Istanbul", "TUR"), ("Geneva", "CHE"), ("Paris", "FRA"), ("Riyadh", "SAU"), ("Vienna", "AUT"),
          ("Doha", "QAT"), ("Moscow", "RUS"), ("Washington", "USA"))


def synthetic(n_events: int, n_docs: int, seed: int = 7):
    from dragoman.model import (
        PLOVER_TYPES,
        STATUSES,
        Actor,
        DateValue,
        Document,
        DocumentAnalysis,
        Event,
        Evidence,
        FieldValue,
        Location,
        Story,
    )

    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        text = f"Article {i}: " + " ".join(rng.choice(("talks", "sanctions", "meeting", "ministers", "agreed",
                                                         "embassy", "visit", "ceasefire")) for _ in range(60))
        docs.append(DocumentAnalysis(Document(id=f"doc{i}", source=f"doc{i}.txt", text=text, title=f"Article {i}",
                                              language=("fr", "en")[i % 2], published=date(2020, 1, 1)
                                              + timedelta(days=i % 2000), url=f"https://news.example/{i}",
                                              content_hash=f"bench-{i}")))
    events = []
    for i in range(n_events):
        a, b = rng.sample(CODES, 2)
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        doc = docs[rng.randrange(n_docs)].document
        ev = Evidence(doc.id, 12, 30, doc.text[12:30])
        city, country = rng.choice(CITIES)
        events.append(Event(
            id=f"ev{i:05d}", type=rng.choice(PLOVER_TYPES), status=rng.choice(STATUSES),
            actors=(Actor(a, a, "source"), Actor(b, b, "target")), location=Location(city, country),
            date=DateValue(start, start, "day"), topics=tuple(rng.sample(TOPICS, 2)), documents=(doc.id,),
            evidence=(ev,), provenance=(("status", (FieldValue("occurred", doc.id, ev),)),),
            story=f"st{i % (n_docs // 2)}"))
    stories = [Story(f"st{k}", f"Story {k}", (f"doc{2 * k}", f"doc{2 * k + 1}"),
                     tuple(e.id for e in events[k::n_docs // 2])) for k in range(n_docs // 2)]
    story_of = {d: s.id for s in stories for d in s.documents}
    return docs, stories, events, story_of


def fill(url: str, n_events: int, n_docs: int) -> None:
    from dragoman.store import open_store

    docs, stories, events, story_of = synthetic(n_events, n_docs)
    store = open_store(url)
    try:
        for analysis in docs:
            store.add_analysis(analysis)
        store.replace_derived(stories=stories, events=events, story_of=story_of)
    finally:
        store.close()


def serve(url: str, port: int) -> None:
    import uvicorn

    from dragoman.server import create_app
    from dragoman.store import open_store

    uvicorn.run(create_app(open_store(url), token=None), host="127.0.0.1", port=port, log_level="warning",
                access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def requests_plan(n: int, n_events: int, seed: int = 11) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    makers = {
        "list": lambda: f"/api/events?limit=50&offset={rng.randrange(0, n_events - 50)}",
        "filter": lambda: rng.choice((f"/api/events?actor={rng.choice(CODES)}&limit=50",
                                      f"/api/events?dyad={','.join(rng.sample(CODES, 2))}",
                                      "/api/events?type=CONSULT&status=planned&limit=50",
                                      f"/api/events?topic={rng.choice(TOPICS)}&start=2022-01-01&end=2022-06-30",
                                      f"/api/events?q={rng.choice(('istanbul', 'talks', 'geneva'))}&limit=20")),
        "detail": lambda: f"/api/events/ev{rng.randrange(n_events):05d}",
        "timeline": lambda: "/api/timeline?a={}&b={}".format(*rng.sample(CODES, 2)),
        "other": lambda: rng.choice(("/api/stories?limit=50", "/api/documents?limit=50",
                                     f"/api/documents/doc{rng.randrange(100)}", f"/api/stories/st{rng.randrange(50)}")),
    }
    weights = {"list": 3, "filter": 3, "detail": 3, "timeline": 1, "other": 1}
    kinds = rng.choices(list(weights), weights=list(weights.values()), k=n)
    return [(kind, makers[kind]()) for kind in kinds]


async def fire(base: str, plan: list[tuple[str, str]], concurrency: int) -> tuple[dict, float]:
    import httpx

    gate = asyncio.Semaphore(concurrency)
    timings: dict[str, list[float]] = {}
    failures: list[str] = []

    async def one(client: httpx.AsyncClient, kind: str, path: str) -> None:
        async with gate:
            start = time.perf_counter()
            response = await client.get(path)
            elapsed = time.perf_counter() - start
        if response.status_code != 200:
            failures.append(f"{response.status_code} {path}")
        timings.setdefault(kind, []).append(elapsed)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits, trust_env=False) as client:
        await client.get("/api/events?limit=1")  # warm up
        began = time.perf_counter()
        await asyncio.gather(*(one(client, kind, path) for kind, path in plan))
        wall = time.perf_counter() - began
    return {"timings": timings, "failures": failures}, wall


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1), "p99_ms": round(p99 * 1000, 1)}


def wait_ready(base: str, proc, deadline_s: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if not proc.is_alive():
            raise SystemExit("the server process died")
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        began = time.perf_counter()
        fill(url, args.events, args.documents)
        fill_s = time.perf_counter() - began
        port = free_port()
        proc = multiprocessing.get_context("spawn").Process(target=serve, args=(url, port), daemon=True)
        proc.start()
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base, proc)
            result, wall = asyncio.run(fire(base, requests_plan(args.requests, args.events), args.concurrency))
        finally:
            proc.terminate()
            proc.join(timeout=10)
    every = [t for values in result["timings"].values() for t in values]
    report = {"events": args.events, "documents": args.documents, "requests": len(every),
              "concurrency": args.concurrency, "fill_seconds": round(fill_s, 1),
              "requests_per_second": round(len(every) / wall, 1), "overall": summary(every),
              "by_kind": {kind: summary(values) for kind, values in sorted(result["timings"].items())},
              "errors": len(result["failures"]), "error_samples": result["failures"][:5]}
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "bench_api.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    if result["failures"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
