"""Issue #15: ``dragoman ingest`` killed with SIGKILL at ten moments, then rerun, ends as a clean run does.

The real command runs as a subprocess (real models; the faster embedder) over a few example articles.
Each write is one transaction (a document with its analysis; all stories and events at once), and a
rerun rebuilds when a document is in no story, so counts match a clean run: no orphans, no duplicates.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dragoman.store import open_store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10
ORPHANS = {
    "analyses without a document": "SELECT count(*) FROM analyses a LEFT JOIN documents d ON d.id = a.document_id "
                                   "WHERE d.id IS NULL",
    "candidates without a document": "SELECT count(*) FROM candidates c LEFT JOIN documents d "
                                     "ON d.id = c.document_id WHERE d.id IS NULL",
    "event actors without an event": "SELECT count(*) FROM event_actors x LEFT JOIN events e ON e.id = x.event_id "
                                     "WHERE e.id IS NULL",
    "event topics without an event": "SELECT count(*) FROM event_topics x LEFT JOIN events e ON e.id = x.event_id "
                                     "WHERE e.id IS NULL",
    "documents in a missing story": "SELECT count(*) FROM documents d LEFT JOIN stories s ON s.id = d.story_id "
                                    "WHERE d.story_id IS NOT NULL AND s.id IS NULL",
    "events in a missing story": "SELECT count(*) FROM events e LEFT JOIN stories s ON s.id = e.story_id "
                                 "WHERE e.story_id IS NOT NULL AND s.id IS NULL",
    "analysed documents in no story": "SELECT count(*) FROM documents d JOIN analyses a ON a.document_id = d.id "
                                      "WHERE d.story_id IS NULL",
    "duplicate contents": "SELECT count(*) FROM (SELECT content_hash FROM documents WHERE error IS NULL "
                          "GROUP BY content_hash HAVING count(*) > 1) AS twice",
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    for story in ("us-russia-istanbul", "us-iran-talks", "eu-sanctions"):
        shutil.copytree(ROOT / "examples" / story, folder / story)
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    return folder


@pytest.fixture
def second_url(store_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'clean.sqlite'}"
    server = request.getfixturevalue("pg_server")
    name = server.new_schema()
    request.addfinalizer(lambda: server.drop(name))
    return server.url(name)


def ingest(folder: Path, url: str) -> subprocess.Popen:
    env = {**os.environ, "DRAGOMAN_EMBEDDER": "use", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "dragoman", "ingest", str(folder), "--db", url], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finished(folder: Path, url: str) -> float:
    started = time.monotonic()
    process = ingest(folder, url)
    _, errors = process.communicate(timeout=600)
    assert process.returncode == 0, errors.decode()
    return time.monotonic() - started


def state(url: str) -> tuple[dict[str, int], list[str], dict[str, int]]:
    store = open_store(url)
    try:
        counts = store.counts()
        ids = sorted(doc.id for doc in store.documents(limit=10_000))
    finally:
        store.close()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            orphans = {name: conn.execute(text(query)).scalar() or 0 for name, query in ORPHANS.items()}
    finally:
        engine.dispose()
    return counts, ids, orphans


@pytest.mark.slow
def test_ingest_killed_ten_times_then_rerun_matches_a_clean_run(articles, store_url, second_url):
    clean_seconds = finished(articles, second_url)
    clean = state(second_url)
    assert clean[0]["documents"] > 8 and clean[0]["failed"] == 1 and clean[0]["events"] > 0
    rng = random.Random(15)
    for _ in range(KILLS):
        process = ingest(articles, store_url)
        time.sleep(rng.uniform(0.3, 1.1) * clean_seconds)
        process.send_signal(signal.SIGKILL)
        process.communicate()
    finished(articles, store_url)
    counts, ids, orphans = state(store_url)
    assert (counts, ids) == clean[:2]
    assert orphans == dict.fromkeys(ORPHANS, 0)
