"""The watcher's shells: ``dragoman watch`` (``--once``, a loop stopped by SIGTERM), ``dragoman feeds``, the
Feeds page and ``GET /api/feeds``; and one watch through the real pipeline, to events."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from test_watch_poll import serve_articles
from typer.testing import CliRunner
from watch_samples import FakePipeline, rss

from dragoman import cli
from dragoman.server import create_app
from dragoman.store import open_store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def test_watch_once_prints_each_feed_and_its_errors(site, sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "make_pipeline", FakePipeline)
    monkeypatch.setenv("DRAGOMAN_WATCH_HOST_DELAY", "0")
    site.set("/rss.xml", rss(serve_articles(site, ["vienna", "pekin"])))
    site.set("/broken.xml", "<rss><channel><item><title>oops")
    listed = tmp_path / "feeds.txt"
    listed.write_text(f"# two feeds\n{site.url('/broken.xml')}\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["watch", site.url("/rss.xml"), f"@{listed}", "--once", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert f"{site.url('/rss.xml')}: 2 items, 2 new, 2 added, 0 failed" in result.output
    assert f"{site.url('/broken.xml')}: failed — [E604]" in result.output
    shown = CliRunner().invoke(cli.app, ["feeds", "--db", sqlite_url, "--json"])
    assert [(f["url"], f["added"], f["error"] is None) for f in json.loads(shown.output)] == [
        (site.url("/rss.xml"), 2, True), (site.url("/broken.xml"), 0, False)]


def test_watch_once_exits_1_when_every_feed_failed(site, sqlite_url, monkeypatch):
    monkeypatch.setattr(cli, "make_pipeline", FakePipeline)
    monkeypatch.setenv("DRAGOMAN_WATCH_HOST_DELAY", "0")
    site.set("/rss.xml", "no", status=500)
    result = CliRunner().invoke(cli.app, ["watch", site.url("/rss.xml"), "--once", "--db", sqlite_url])
    assert result.exit_code == 1 and "HTTP 500" in result.output


def test_watch_refuses_what_is_not_a_feed_url(sqlite_url):
    result = CliRunner().invoke(cli.app, ["watch", "feeds.txt", "--once", "--db", sqlite_url])
    assert result.exit_code != 0 and "E401" in str(result.exception)


def test_the_watch_loop_stops_cleanly_on_sigterm(site, sqlite_url):
    site.set("/rss.xml", rss([]), etag='"empty"')
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "dragoman", "watch", site.url("/rss.xml"), "--db", sqlite_url,
                                "--interval", "1", "--host-delay", "0"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(site.requests("/rss.xml")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    output, errors = process.communicate(timeout=20)
    assert process.returncode == 0, errors.decode()
    assert len(site.requests("/rss.xml")) >= 2 and "not modified" in output.decode()  # it looped, with an ETag


def test_the_feeds_page_and_endpoint_show_each_feed_and_its_last_error(site, sqlite_url):
    store = open_store(sqlite_url)
    store.add_feed(site.url("/rss.xml"))
    feed = store.add_feed("http://broken.example/feed")
    store.save_feed(feed.url, replace(feed, failures=2, error="[E604] feed <b>x</b> is not a readable feed"))
    client = TestClient(create_app(store, token=None, pipeline_factory=FakePipeline), raise_server_exceptions=False)
    try:
        body = client.get("/api/feeds").json()
        assert [(f["url"], f["failures"], f["status"]) for f in body["feeds"]] == [
            (site.url("/rss.xml"), 0, "active"), ("http://broken.example/feed", 2, "active")]
        html = client.get("/feeds").text
        assert site.url("/rss.xml") in html and "[E604] feed &lt;b&gt;x&lt;/b&gt;" in html
        assert '<a href="/feeds">Feeds</a>' in client.get("/stories").text
    finally:
        store.close()


def test_watched_articles_become_events_through_the_real_pipeline(site, store, make_watcher):
    from dragoman.pipeline import Pipeline
    from dragoman.service import LiveStore
    from dragoman.stories import UseEmbedder

    live = LiveStore(store, Pipeline(embedder=UseEmbedder()))
    site.set("/rss.xml", rss(serve_articles(site, ["pekin", "singapore"])))
    watcher = make_watcher()
    watcher.live = lambda: live
    watcher.add([site.url("/rss.xml")])
    [report] = watcher.run(once=True)
    assert report.added == 2
    actors = {frozenset(a.code for a in e.actors) for e in store.events(limit=100)}
    assert any({"SAU", "IRN"} <= codes for codes in actors), actors
    assert any({"USA", "PRK"} <= codes for codes in actors), actors
