"""Two different texts under one article id: both are kept, the second as a version with its own id."""
from __future__ import annotations

from api_samples import FakePipeline

from dragoman.ingest import documents_from_records
from dragoman.service import ingest_documents
from dragoman.store import open_store

FIRST = {"id": "a1", "language": "fr", "published": "2023-05-11",
         "text": "Les délégations se sont retrouvées à Djeddah pour une nouvelle séance de pourparlers."}
SECOND = {**FIRST, "text": "Les délégations se sont retrouvées à Djeddah ; la séance a été reportée au lendemain."}


def test_a_reused_id_in_one_batch_and_across_batches_keeps_every_text(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    report = ingest_documents(documents_from_records([FIRST, SECOND]), store=store, pipeline=FakePipeline())
    assert len(report.added) == 2 and report.added[0] == "a1" and report.added[1].startswith("a1~")
    third = {**FIRST, "text": FIRST["text"] + " Elle reprendra lundi."}
    later = ingest_documents(documents_from_records([third]), store=store, pipeline=FakePipeline())
    assert len(later.added) == 1 and later.added[0].startswith("a1~")
    assert store.counts()["documents"] == 3
    store.close()
