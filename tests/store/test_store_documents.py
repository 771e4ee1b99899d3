"""Documents and their analyses: round trip, re-ingest, failures, listing, atomic writes."""
from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime

import pytest
from store_samples import analysis, doc

from dragoman.errors import ConfigError, NotFound, StoreError
from dragoman.model import Document, DocumentAnalysis, DocumentError, EventCandidate
from dragoman.store import Store, rows


def test_store_follows_the_protocol(store):
    assert isinstance(store, Store)


def test_analysis_round_trips(store):
    first, second = analysis(1), analysis(2, language="en")
    assert store.add_analysis(first) and store.add_analysis(second)
    assert list(store.analyses()) == [first, second]
    assert store.document("d2") == second.document
    assert store.has_document("h1") and not store.has_document("nope")


def test_publication_time_round_trips(store):
    timed = analysis(3)
    timed = replace(timed, document=replace(timed.document, published_at=datetime(2024, 1, 4, 17, 45)))
    assert store.add_analysis(timed) and store.add_analysis(analysis(4))
    assert [a.document.published_at for a in store.analyses()] == [datetime(2024, 1, 4, 17, 45), None]
    assert store.document("d3") == timed.document


def test_analyses_are_read_in_batches(store, monkeypatch):
    monkeypatch.setattr("dragoman.store.sql._BATCH", 2)
    stored = [analysis(n) for n in range(1, 6)]
    for item in stored:
        store.add_analysis(item)
    assert list(store.analyses()) == stored


def test_reingest_with_same_content_hash_is_a_noop(store):
    store.add_analysis(analysis(1))
    again = DocumentAnalysis(replace(doc(1), id="other", title="changed"))
    assert store.add_analysis(analysis(1)) is False
    assert store.add_analysis(again) is False
    assert store.counts()["documents"] == 1
    assert store.document("d1").title == "Titre 1"
    with pytest.raises(NotFound):
        store.document("other")


def test_document_without_hash_is_keyed_by_its_text(store):
    plain = DocumentAnalysis(Document(id="x1", source="a", text="Même texte"))
    twin = DocumentAnalysis(Document(id="x2", source="b", text="Même texte"))
    assert store.add_analysis(plain) and not store.add_analysis(twin)


def test_failed_documents_are_stored_and_listed(store):
    store.add_analysis(analysis(1))
    failed = doc(2, error=DocumentError("E103", "a2.txt has no text left after cleaning"), text="")
    assert store.add_failed(failed) is True
    assert store.add_failed(failed) is False
    assert store.documents(errors=True) == [failed]
    assert [d.id for d in store.documents(errors=False)] == ["d1"]
    assert [d.id for d in store.documents()] == ["d1", "d2"]
    assert store.counts() == {"documents": 2, "failed": 1, "stories": 0, "events": 0}
    assert [a.document.id for a in store.analyses()] == ["d1"]


def test_failed_without_text_is_keyed_by_source_and_error(store):
    assert store.add_failed(Document(id="d1", source="a1.txt", text="", error=DocumentError("E101", "unreadable")))
    assert not store.add_failed(Document(id="d1-again", source="a1.txt", text="", error=DocumentError("E101", "unreadable")))
    assert store.add_failed(Document(id="d1-binary", source="a1.txt", text="", error=DocumentError("E102", "binary")))
    assert store.counts()["failed"] == 2


def test_add_failed_needs_an_error(store):
    with pytest.raises(StoreError, match="no error"):
        store.add_failed(doc(1))


def test_documents_filter_by_language_and_paginate(store):
    for n in range(1, 8):
        store.add_analysis(analysis(n, language="fr" if n % 2 else "en"))
    assert [d.id for d in store.documents(language="en")] == ["d2", "d4", "d6"]
    assert [d.id for d in store.documents(limit=3, offset=2)] == ["d3", "d4", "d5"]
    assert [d.id for d in store.documents(limit=2, offset=1, language="fr")] == ["d3", "d5"]
    assert store.documents(offset=50) == []


def test_negative_page_is_a_config_error(store):
    with pytest.raises(ConfigError):
        store.documents(limit=-1)
    with pytest.raises(ConfigError):
        store.events(offset=-5)


def test_unknown_document_is_not_found(store):
    with pytest.raises(NotFound, match="document 'd9'"):
        store.document("d9")
    with pytest.raises(NotFound):
        store.story_of("d9")


def test_unserialisable_candidate_leaves_nothing_of_its_document(store):
    bad = analysis(1)
    broken = EventCandidate("d1", "AGREE", "occurred", trigger=object())  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="d1"):
        store.add_analysis(DocumentAnalysis(bad.document, bad.mentions, bad.candidates + (broken,)))
    assert not store.has_document("h1")
    assert store.counts()["documents"] == 0 and list(store.analyses()) == []
    assert store.add_analysis(bad)
    assert list(store.analyses()) == [bad]


def test_write_killed_midway_leaves_nothing(store, monkeypatch):
    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # after the document and mention rows were written

    monkeypatch.setattr(rows, "candidate_rows", killed)
    with pytest.raises(KeyboardInterrupt):
        store.add_analysis(analysis(1))
    monkeypatch.undo()
    assert store.documents() == [] and not store.has_document("h1")
    assert store.add_analysis(analysis(1))


def test_document_id_clash_with_other_content_is_an_error(store):
    store.add_analysis(analysis(1))
    clash = DocumentAnalysis(replace(doc(2), id="d1"))
    with pytest.raises(StoreError):
        store.add_analysis(clash)
    assert store.counts()["documents"] == 1


def test_concurrent_writers_do_not_collide(store):
    problems: list[BaseException] = []

    def ingest(first: int) -> None:
        try:
            for n in range(first, first + 5):
                store.add_analysis(analysis(n))
                store.add_analysis(analysis(n))  # the same content again from another thread: a no-op
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            problems.append(exc)

    threads = [threading.Thread(target=ingest, args=(k * 5 + 1,)) for k in range(4)] + \
              [threading.Thread(target=ingest, args=(1,))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert store.counts()["documents"] == 20
