"""Kill -9 of a serving process while its writer ingests, then restart: nothing lost, nothing twice."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dragoman.store import open_store

HERE = Path(__file__).resolve().parent
SERVER = """
import sys, time, uvicorn
sys.path[:0] = [{here!r}, {tests!r}]
from api_samples import FakePipeline
from dragoman.server import create_app
from dragoman.store import open_store

class Slow(FakePipeline):
    def analyse(self, docs):
        for analysis in super().analyse(docs):
            time.sleep(0.05)  # long enough for a kill to land midway through a job
            yield analysis

app = create_app(open_store({url!r}), token="t", pipeline_factory=Slow)
uvicorn.run(app, host="127.0.0.1", port={port}, log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(url: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    code = SERVER.format(here=str(HERE), tests=str(HERE.parent), url=url, port=port)
    server = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, DRAGOMAN_STRICT="0"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=2).read()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("the server did not start")


def post(port: int, articles: list[dict]) -> str:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", data=json.dumps(articles).encode(),
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "Authorization": "Bearer t"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())["id"]


def article(i: int) -> dict:
    lang = ("fr", "en")[i % 2]
    text = (f"Article {i} : les délégations se sont retrouvées pour la séance numéro {i} des pourparlers."
            if lang == "fr" else f"Article {i}: the delegations met for session number {i} of the talks.")
    return {"id": f"art-{i:03d}", "text": text * 2, "language": lang, "published": "2023-05-11"}


def test_a_killed_server_loses_and_repeats_nothing_after_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    open_store(url).close()
    batches = [[article(10 * b + i) for i in range(10)] for b in range(4)]
    server, port = start(url)
    jobs = [post(port, batch) for batch in batches]
    time.sleep(0.8)  # the writer is inside the first jobs
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    store = open_store(url)
    stored_before = store.counts()["documents"]
    assert stored_before < 40  # the kill landed before the end
    server, port = start(url)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(store.job(j).status != "done" for j in jobs):
            time.sleep(0.1)
        assert [store.job(j).status for j in jobs] == ["done"] * 4
        ids = sorted(d.id for d in store.documents(limit=1000))
        assert ids == sorted(a["id"] for batch in batches for a in batch)
        assert store.counts()["stories"] == 1 and len(store.story("s-all").documents) == 40
    finally:
        server.terminate()
        server.wait(timeout=30)
        store.close()
