"""Issue #16: ``watch`` killed with SIGKILL while it ingests, then restarted: nothing lost, nothing twice.

The watcher runs as a subprocess (the no-spaCy pipeline, slowed so the kill lands midway through a poll)
over three feeds of eight items each, served by the test's own local site. A restart with ``--once``
semantics must end with every item taken once, one document per page, and every document in a story.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from test_watch_poll import serve_articles
from watch_samples import ARTICLES, rss

from dragoman.store import open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WATCHER = """
import sys, time
sys.path[:0] = [{here!r}, {tests!r}]
from watch_samples import FakePipeline
from dragoman.service import LiveStore
from dragoman.store import open_store
from dragoman.watch import open_watcher

class Slow(FakePipeline):
    def analyse(self, docs):
        for analysis in super().analyse(docs):
            time.sleep(0.08)  # long enough for a kill to land in the middle of a feed's items
            yield analysis

store = open_store({url!r})
live = LiveStore(store, Slow())
watcher = open_watcher(store, live=lambda: live, host_delay=0.0, timeout=5.0, interval=3600.0)
watcher.add({feeds!r})
for report in watcher.run(once=True):
    print(report.line(), flush=True)
"""
CHECKS = {
    "duplicate documents": "SELECT count(*) FROM (SELECT url FROM documents GROUP BY url HAVING count(*) > 1) AS twice",
    "duplicate page versions": "SELECT count(*) FROM (SELECT url FROM page_versions GROUP BY url HAVING count(*) > 1) AS t",
    "items without a document": "SELECT count(*) FROM feed_items WHERE document_id IS NULL",
    "documents in no story": "SELECT count(*) FROM documents WHERE story_id IS NULL",
}


def start(url: str, feeds: list[str]) -> subprocess.Popen:
    code = WATCHER.format(here=str(HERE), tests=str(HERE.parent), url=url, feeds=feeds)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def count(url: str, query: str) -> int:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).scalar() or 0
    except Exception:  # noqa: BLE001 (the watcher may not have created the tables yet)
        return 0
    finally:
        engine.dispose()


def test_a_killed_watcher_resumes_without_loss_or_duplicates(site, store_url):
    open_store(store_url).close()
    feeds = []
    for number in range(3):
        items = serve_articles(site, list(ARTICLES), prefix=f"/f{number}/") + [
            (key, link + "?edition=2") for key, link in serve_articles(site, ["vienna", "geneve", "pekin"],
                                                                         prefix=f"/f{number}/more/")]
        feeds.append(site.set(f"/feed{number}.xml", rss(items), etag=f'"feed{number}"'))
    watcher = start(store_url, feeds)
    deadline = time.monotonic() + 40
    while count(store_url, "SELECT count(*) FROM documents") < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    watcher.send_signal(signal.SIGKILL)
    watcher.communicate()
    stored = count(store_url, "SELECT count(*) FROM documents")
    assert 10 <= stored < 24, stored  # the kill landed midway

    again = start(store_url, feeds)
    output, errors = again.communicate(timeout=120)
    assert again.returncode == 0, errors.decode()

    store = open_store(store_url)
    try:
        docs = store.documents(limit=100)
        assert len(docs) == 24 and not store.documents(errors=True)
        assert {d.url for d in docs} == {site.url(f"/f{n}/{k}") for n in range(3) for k in ARTICLES} | {
            site.url(f"/f{n}/more/{k}?edition=2") for n in range(3) for k in ("vienna", "geneve", "pekin")}
        assert [(f.items, f.added, f.etag, f.error) for f in store.feeds()] == [
            (8, 8, f'"feed{n}"', None) for n in range(3)]
        assert not store.needs_rebuild() and len(store.story("s-all").documents) == 24
    finally:
        store.close()
    assert {name: count(store_url, query) for name, query in CHECKS.items()} == dict.fromkeys(CHECKS, 0)
    assert "0 failed" in output.decode()
