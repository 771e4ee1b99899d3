#!/usr/bin/env python3
"""`make bench` (API part): latency and throughput of the REST API and the web pages on a large store.

For each store size (``--events``, 10k and 100k by default, as many documents as events) it fills a
store with synthetic records in bulk (SQLite in a temporary folder, or a fresh schema of ``--db``
PostgreSQL), serves it with uvicorn on a free loopback port in a child process, starts a writer process
that keeps ingesting (a document and a small ``apply_changes`` every ``--write-every`` seconds, no spaCy),
and for each number of concurrent clients (``--clients``, 1 16 64 100) fires ``--requests`` requests over
the list, detail and timeline endpoints and the HTML pages: each client sends its next request when its
last one is answered (a closed loop, so at most that many requests are in flight). Reports p50/p95/p99
per kind of request and overall, requests per second, the writes done meanwhile and the peak RSS of the
serving process (VmHWM), as JSON on stdout and in reports/bench_api.json. Loopback only; stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import secrets
import socket
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CODES = ("RUS", "USA", "FRA", "DEU", "GBR", "CHN", "UKR", "TUR", "IRN", "ISR", "IND", "BRA", "JPN", "EGY", "SAU",
         "POL", "ITA", "ESP", "CAN", "MEX", "NATO", "EU", "UN", "AU", "QAT")
TOPICS = ("diplomatic_missions", "visas", "ukraine_war", "peace_process", "sanctions", "arms_control", "trade",
          "energy", "security", "prisoners", "migration", "humanitarian_aid")
CITIES = (("Istanbul", "TUR"), ("Geneva", "CHE"), ("Paris", "FRA"), ("Riyadh", "SAU"), ("Vienna", "AUT"),
          ("Doha", "QAT"), ("Moscow", "RUS"), ("Washington", "USA"))
WORDS = ("talks", "sanctions", "meeting", "ministers", "agreed", "embassy", "visit", "ceasefire")
WEIGHTS = {"list": 3, "detail": 3, "timeline": 1, "html": 3}


# ------------------------------------------------------------------ synthetic records

def make_document(i: int, rng: random.Random, *, prefix: str = "doc"):
    from dragoman.model import Document, DocumentAnalysis

    text = f"Article {i}: " + " ".join(rng.choice(WORDS) for _ in range(60))
    return DocumentAnalysis(Document(id=f"{prefix}{i}", source=f"{prefix}{i}.txt", text=text, title=f"Article {i}",
                                     language=("fr", "en")[i % 2], published=date(2020, 1, 1) + timedelta(days=i % 2000),
                                     url=f"https://news.example/{prefix}{i}", content_hash=f"bench-{prefix}-{i}"))


def make_event(event_id: str, doc, story: str, rng: random.Random):
    from dragoman.model import PLOVER_TYPES, STATUSES, Actor, DateValue, Event, Evidence, FieldValue, Location

    a, b = rng.sample(CODES, 2)
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
    ev = Evidence(doc.id, 12, 30, doc.text[12:30])
    city, country = rng.choice(CITIES)
    return Event(id=event_id, type=rng.choice(PLOVER_TYPES), status=rng.choice(STATUSES),
                 actors=(Actor(a, a, "source"), Actor(b, b, "target")), location=Location(city, country),
                 date=DateValue(start, start, "day"), topics=tuple(rng.sample(TOPICS, 2)), documents=(doc.id,),
                 evidence=(ev,), provenance=(("status", (FieldValue("occurred", doc.id, ev),)),), story=story)


def synthetic(n_events: int, n_docs: int, seed: int = 7):
    from dragoman.model import Story

    rng = random.Random(seed)
    docs = [make_document(i, rng) for i in range(n_docs)]
    n_stories = max(1, n_docs // 2)
    events = [make_event(f"ev{i:06d}", docs[rng.randrange(n_docs)].document, f"st{i % n_stories}", rng)
              for i in range(n_events)]
    stories = [Story(f"st{k}", f"Story {k}", tuple(f"doc{d}" for d in (2 * k, 2 * k + 1) if d < n_docs),
                     tuple(e.id for e in events[k::n_stories])) for k in range(n_stories)]
    story_of = {d: s.id for s in stories for d in s.documents}
    return docs, stories, events, story_of


def fill(url: str, n_events: int, n_docs: int) -> None:
    """Stories and events through the store (one transaction), documents by bulk inserts of their rows."""
    from sqlalchemy import insert

    from dragoman.store import open_store
    from dragoman.store.engine import make_engine
    from dragoman.store.rows import document_key, document_row
    from dragoman.store.schema import analyses, documents

    docs, stories, events, story_of = synthetic(n_events, n_docs)
    store = open_store(url)
    try:
        store.replace_derived(stories=stories, events=events, story_of={})
        engine = make_engine(url)
        now = datetime.now(UTC)
        with engine.begin() as conn:
            for start in range(0, len(docs), 2000):
                chunk = [a.document for a in docs[start:start + 2000]]
                conn.execute(insert(documents), [{**document_row(doc, key=document_key(doc), now=now),
                                                  "story_id": story_of.get(doc.id)} for doc in chunk])
                conn.execute(insert(analyses), [{"document_id": doc.id, "mentions": []} for doc in chunk])
        engine.dispose()
        recount = getattr(store, "recount", None)  # a store that keeps its counts on write
        if recount is not None:
            recount()
    finally:
        store.close()


# ------------------------------------------------------------------ processes

def serve(url: str, port: int) -> None:
    import uvicorn

    from dragoman.server import create_app
    from dragoman.store import open_store

    # keep-alive outlasts a queued request, so a client never reuses a connection the server is closing
    uvicorn.run(create_app(open_store(url), token=None), host="127.0.0.1", port=port, log_level="warning",
                access_log=False, timeout_keep_alive=300, backlog=4096)


def ingest(url: str, n_events: int, every: float, stop, done) -> None:
    """The writer: a new document, then a new story with a new event and a changed old one, each cycle."""
    from dragoman.model import Story
    from dragoman.store import open_store

    store = open_store(url)
    rng = random.Random(os.getpid())
    tag = secrets.token_hex(3)
    cycles = 0
    while not stop.is_set():
        analysis = make_document(cycles, rng, prefix=f"live{tag}-")
        doc = analysis.document
        store.add_analysis(analysis)
        story_id = f"live{tag}-st{cycles}"
        new = make_event(f"live{tag}-ev{cycles}", doc, story_id, rng)
        changed = make_event(f"ev{rng.randrange(n_events):06d}", doc, story_id, rng)
        store.apply_changes(stories=[Story(story_id, doc.title or "", (doc.id,), (new.id,))], removed_stories=(),
                            events=[new, changed], removed_events=(), story_of={doc.id: story_id})
        cycles += 1
        stop.wait(every)
    store.close()
    done.value = cycles


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set (VmHWM from /proc); elsewhere its current RSS, when psutil is installed."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import psutil
    except ImportError:
        return None
    return round(psutil.Process(pid).memory_info().rss / 2**20, 1)


def cpu_seconds(pid: int) -> float:
    """User and system CPU the process has used (Linux /proc), 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_ready(base: str, proc, deadline_s: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if not proc.is_alive():
            raise SystemExit("the server process died")
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=5, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start in time")


# ------------------------------------------------------------------ load

def requests_plan(n: int, n_events: int, n_docs: int, seed: int = 11) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pair = lambda: rng.sample(CODES, 2)
    makers = {
        "list": lambda: rng.choice((
            f"/api/events?limit=50&offset={rng.randrange(0, n_events - 50)}",
            "/api/events?limit=50",
            f"/api/events?actor={rng.choice(CODES)}&limit=50",
            f"/api/events?dyad={','.join(pair())}",
            "/api/events?type=CONSULT&status=planned&limit=50",
            f"/api/events?topic={rng.choice(TOPICS)}&start=2022-01-01&end=2022-06-30",
            f"/api/events?q={rng.choice(('istanbul', 'talks', 'geneva'))}&limit=20",
            "/api/stories?limit=50", "/api/documents?limit=50",
            f"/api/documents?limit=50&offset={rng.randrange(0, n_docs - 50)}")),
        "detail": lambda: rng.choice((f"/api/events/ev{rng.randrange(n_events):06d}",
                                      f"/api/events/ev{rng.randrange(n_events):06d}",
                                      f"/api/documents/doc{rng.randrange(n_docs)}",
                                      f"/api/stories/st{rng.randrange(n_docs // 2)}")),
        "timeline": lambda: "/api/timeline?a={}&b={}".format(*pair()),
        "html": lambda: rng.choice(("/", f"/?actor={rng.choice(CODES)}", f"/events/ev{rng.randrange(n_events):06d}",
                                    "/timeline?a={}&b={}".format(*pair()), "/stories", "/documents",
                                    f"/stories/st{rng.randrange(n_docs // 2)}", f"/documents/doc{rng.randrange(n_docs)}")),
    }
    kinds = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=n)
    return [(kind, makers[kind]()) for kind in kinds]


class Connection:
    """One keep-alive HTTP/1.1 connection: a load generator that costs the machine far less than the server
    it measures (httpx spent more CPU per request than the server did on two cores)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, *, html: bool) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        accept = "text/html" if html else "application/json"
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: {accept}\r\n\r\n".encode())
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), None)
        if length is None:
            raise ConnectionError(f"no content-length for {path}")
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def fire(base: str, plan: list[tuple[str, str]], clients: int) -> tuple[dict, float]:
    """``clients`` loops, each on its own connection, sending the plan's next request when its last one is
    answered (a closed loop: at most ``clients`` requests in flight)."""
    host, port = base.removeprefix("http://").split(":")
    timings: dict[str, list[float]] = {}
    failures: list[str] = []
    queue = list(reversed(plan))
    connections = [Connection(host, int(port)) for _ in range(clients)]

    async def client_loop(conn: Connection) -> None:
        while queue:
            kind, path = queue.pop()
            start = time.perf_counter()
            try:
                status, _ = await conn.get(path, html=kind == "html")
            except (OSError, asyncio.IncompleteReadError, ConnectionError) as exc:
                failures.append(f"{type(exc).__name__} {path}")
                conn.close()
                conn.writer = None
                continue
            timings.setdefault(kind, []).append(time.perf_counter() - start)
            if status != 200:
                failures.append(f"{status} {path}")

    await asyncio.gather(*(conn.get("/api/events?limit=1", html=False) for conn in connections))
    began = time.perf_counter()
    await asyncio.gather(*(client_loop(conn) for conn in connections))
    wall = time.perf_counter() - began
    for conn in connections:
        conn.close()
    return {"timings": timings, "failures": failures}, wall


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000, 1)
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": at(0.95),
            "p99_ms": at(0.99)}


# ------------------------------------------------------------------ one store size

def pg_schema_url(base: str, name: str, *, create: bool) -> str:
    import psycopg

    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        if create:
            conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={name}')}"


def run_size(url: str, args, n_events: int) -> dict:
    n_docs = args.documents or n_events
    began = time.perf_counter()
    fill(url, n_events, n_docs)
    report: dict = {"events": n_events, "documents": n_docs, "fill_seconds": round(time.perf_counter() - began, 1),
                    "runs": []}
    ctx = multiprocessing.get_context("spawn")
    port = free_port()
    server = ctx.Process(target=serve, args=(url, port), daemon=True)
    server.start()
    stop, done = ctx.Event(), ctx.Value("i", 0)
    writer = ctx.Process(target=ingest, args=(url, n_events, args.write_every, stop, done), daemon=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base, server)
        if args.write_every > 0:
            writer.start()
        for clients in args.clients:
            plan = requests_plan(args.requests, n_events, n_docs, seed=11 + clients)
            served, loaded = cpu_seconds(server.pid), time.process_time()
            result, wall = asyncio.run(fire(base, plan, clients))
            served, loaded = cpu_seconds(server.pid) - served, time.process_time() - loaded
            every = [t for values in result["timings"].values() for t in values]
            report["runs"].append({
                "clients": clients, "requests": len(every), "requests_per_second": round(len(every) / wall, 1),
                # CPU per request of the server and of this load generator: what the machine's load does not change
                "server_cpu_ms_per_request": round(served * 1000 / max(1, len(every)), 2),
                "client_cpu_ms_per_request": round(loaded * 1000 / max(1, len(every)), 2),
                "overall": summary(every),
                "by_kind": {kind: summary(values) for kind, values in sorted(result["timings"].items())},
                "errors": len(result["failures"]), "error_samples": result["failures"][:5]})
            print(json.dumps({"events": n_events, **report["runs"][-1]}), file=sys.stderr, flush=True)
        report["serve_peak_rss_mb"] = peak_rss_mb(server.pid)
    finally:
        stop.set()
        if writer.pid is not None:
            writer.join(timeout=30)
        report["writes"] = done.value
        server.terminate()
        server.join(timeout=10)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--documents", type=int, default=0, help="documents per store (default: as many as events)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16, 64, 100])
    parser.add_argument("--requests", type=int, default=2_000, help="requests per number of clients")
    parser.add_argument("--write-every", type=float, default=0.2,
                        help="seconds between the writer's ingests (0: no writer)")
    parser.add_argument("--db", default="", help="a PostgreSQL URL (a schema is created and dropped); default SQLite")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench_api.json")
    args = parser.parse_args()
    sizes = []
    for n_events in args.events:
        if args.db:
            name = f"dragoman_bench_{secrets.token_hex(3)}"
            try:
                sizes.append(run_size(pg_schema_url(args.db, name, create=True), args, n_events))
            finally:
                pg_schema_url(args.db, name, create=False)
            continue
        with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as tmp:
            sizes.append(run_size(f"sqlite:///{Path(tmp) / 'bench.sqlite'}", args, n_events))
    report = {"backend": "postgresql" if args.db else "sqlite", "write_every_s": args.write_every,
              "cpus": os.cpu_count(), "load_average": os.getloadavg(), "sizes": sizes}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    if any(run["errors"] for size in sizes for run in size["runs"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
