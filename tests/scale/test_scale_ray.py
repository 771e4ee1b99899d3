"""`ingest`, `ingest --workers 2` and `ingest --ray` store the same documents, stories and events; a killed
Ray ingest, run again, loses nothing and stores nothing twice. Ray runs locally on 2 CPUs, started once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dragoman.contract import event_json, story_json
from dragoman.pipeline import Pipeline
from dragoman.scale import ingest_parallel
from dragoman.service import ingest
from dragoman.store import open_store

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'dragoman[ray]' (make test installs it)")
pytestmark = pytest.mark.ray

ROOT = Path(__file__).resolve().parents[2]
BROKEN = '{"text": "Le chef de la diplomatie suisse a reçu mardi à Berne son homologue chilien pour parler de commerce.", ' \
         '"published": "2023-09-12", "language": "fr"}\n{not json\n'


@pytest.fixture(scope="module")
def local_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing leaves the machine
    ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> list[str]:
    extra = tmp_path_factory.mktemp("corpus") / "extra.jsonl"
    extra.write_text(BROKEN, encoding="utf-8")
    return [str(ROOT / "examples" / "us-russia-istanbul"), str(ROOT / "examples" / "france-algeria"),
            str(ROOT / "examples" / "wires.jsonl"), str(extra)]


def snapshot(url: str) -> dict[str, list]:
    store = open_store(url)
    try:
        docs = sorted((d.id, d.source, str(d.error or "")) for d in store.documents(limit=10_000))
        stories = sorted(json.dumps(story_json(s), sort_keys=True) for s in store.stories(limit=10_000))
        events = sorted(json.dumps(event_json(e), sort_keys=True, default=str) for e in store.events(limit=10_000))
        return {"documents": docs, "stories": stories, "events": events, "counts": [store.counts()]}
    finally:
        store.close()


def run(url: str, paths: list[str], **options) -> object:
    store = open_store(url)
    try:
        if not options:
            return ingest(paths, store=store, pipeline=Pipeline())
        return ingest_parallel(paths, store=store, db=url, pipeline=Pipeline(), **options)
    finally:
        store.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, paths) -> dict[str, list]:
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'store.sqlite'}"
    report = run(url, paths)
    assert report.added and report.failed  # the corpus has good and bad documents
    return snapshot(url)


def test_the_reference_store_has_documents_stories_events_and_an_error(reference):
    assert len(reference["documents"]) >= 9 and reference["stories"] and reference["events"]
    assert any(error.startswith("[E106]") for _, _, error in reference["documents"])


def test_two_worker_processes_store_what_one_process_stores(tmp_path, paths, reference):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    run(url, paths, workers=2, shard_size=2)
    assert snapshot(url) == reference


def test_ray_stores_what_one_process_stores(tmp_path, paths, reference, local_ray):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    report = run(url, paths, ray=True, workers=2, shard_size=2)
    assert snapshot(url) == reference
    again = run(url, paths, ray=True, workers=2)  # everything stored: nothing analysed, nothing added
    assert not again.added and len(again.skipped) == len(report.added)


KILLED_RUN = """
import sys
from dragoman.pipeline import Pipeline
from dragoman.scale import ingest_parallel
from dragoman.store import open_store
url, paths = sys.argv[1], sys.argv[2:]
ingest_parallel(paths, store=open_store(url), db=url, pipeline=Pipeline(), ray=True, workers=2, shard_size=1)
"""


def stored(url: str) -> int:
    store = open_store(url)
    try:
        return store.counts()["documents"]
    finally:
        store.close()


def test_a_killed_ray_ingest_run_again_loses_nothing_and_duplicates_nothing(tmp_path, paths, reference, local_ray):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    open_store(url).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    job = subprocess.Popen([sys.executable, "-c", KILLED_RUN, url, *paths], env=env, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 150
    while job.poll() is None and stored(url) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(job.pid, signal.SIGKILL)  # the driver, its local Ray and its workers, at once
    job.wait()
    before = stored(url)
    total = len(reference["documents"])
    assert 0 < before < total, "the job was not killed midway"
    report = run(url, paths, ray=True, workers=2, shard_size=2)
    assert report.skipped and len(report.added) + len(report.skipped) + len(report.failed) == total
    assert snapshot(url) == reference
