"""A later process restores the cross-document layer from the store's snapshot and the analyses stored after
it, and ends where assembling everything again ends; a snapshot of other code, or one that no longer
matches the stored analyses, is never used."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dragoman import service
from dragoman.pipeline import Pipeline
from dragoman.service import LiveStore, ingest, rebuild
from dragoman.store import Snapshot, open_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted(p for sub in ("us-russia-istanbul", "russia-ukraine-istanbul", "us-iran-talks")
                  for p in (ROOT / "examples" / sub).glob("*.txt"))


class Lengths:
    version = "lengths-1"

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = np.array([[1.0, (len(t) % 11) / 11, (t.count(" ") % 5) / 5] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(embedder=Lengths())


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield opened
    opened.close()


@pytest.fixture
def thaws(monkeypatch):
    """How each restore went: "thawed" or "assembled"."""
    seen: list[str] = []
    original = LiveStore._thaw

    def spy(self, empty):
        found = original(self, empty)
        seen.append("assembled" if found is None else "thawed")
        return found

    monkeypatch.setattr(LiveStore, "_thaw", spy)
    monkeypatch.setattr(service, "SNAPSHOT_EVERY", 2)
    return seen


def state(store) -> tuple:
    events = sorted((e.id, e.type, tuple(sorted(e.documents)), tuple(sorted((r.event, r.relation) for r in e.related)))
                    for e in store.events(limit=10_000))
    stories = sorted((s.id, tuple(sorted(s.documents))) for s in store.stories(limit=10_000))
    return events, stories


def test_a_later_run_thaws_the_snapshot_and_ends_as_assembling_everything(store, pipeline, thaws):
    assert len(ARTICLES) >= 6
    for i in range(0, len(ARTICLES), 3):  # one process per run, as `dragoman ingest` is
        ingest(ARTICLES[i:i + 3], store=store, pipeline=pipeline)
    assert thaws[0] == "assembled" and "thawed" in thaws[1:]
    assert store.snapshot(service.SNAPSHOT) is not None
    incremental = state(store)
    rebuild(store=store, pipeline=pipeline)
    assert state(store) == incremental and incremental[0]


def test_a_snapshot_of_other_code_is_not_thawed(store, pipeline, thaws, monkeypatch):
    ingest(ARTICLES[:3], store=store, pipeline=pipeline)
    monkeypatch.setattr(service, "snapshot_key", lambda assembly: "another version of the code")
    ingest(ARTICLES[3:5], store=store, pipeline=pipeline)
    assert thaws == ["assembled", "assembled"]
    assert store.snapshot(service.SNAPSHOT).key == "another version of the code"  # written again, under its key


def test_a_snapshot_that_no_longer_counts_the_stored_analyses_is_not_thawed(store, pipeline, thaws):
    ingest(ARTICLES[:3], store=store, pipeline=pipeline)
    snap = store.snapshot(service.SNAPSHOT)
    store.save_snapshot(service.SNAPSHOT, Snapshot(snap.key, snap.watermark, snap.analyses - 1, snap.data))
    ingest(ARTICLES[3:5], store=store, pipeline=pipeline)
    assert thaws == ["assembled", "assembled"]
    incremental = state(store)
    rebuild(store=store, pipeline=pipeline)
    assert state(store) == incremental


def test_a_snapshot_too_large_for_a_database_field_is_not_saved_and_the_ingest_goes_on(store, pipeline, thaws,
                                                                                          monkeypatch):
    monkeypatch.setattr(service, "SNAPSHOT_MAX_BYTES", 10)
    report = ingest(ARTICLES[:3], store=store, pipeline=pipeline)
    assert len(report.added) == 3 and store.snapshot(service.SNAPSHOT) is None
    ingest(ARTICLES[3:5], store=store, pipeline=pipeline)
    assert thaws == ["assembled", "assembled"] and store.counts()["documents"] == 5
