"""Shards read back the documents ``read_documents`` reads, with the same sources, ids and errors."""
from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest

from dragoman.ingest import Columns, read_documents
from dragoman.model import DocumentAnalysis
from dragoman.scale import Outcome, Reading, Shard, plan, read_shard
from dragoman.scale import absolute as absolute_url
from dragoman.stories import E5Embedder

ROOT = Path(__file__).resolve().parents[2]
FR = ("La ministre néerlandaise des affaires étrangères a reçu lundi à La Haye son homologue polonais pour "
      "discuter de la coopération énergétique, selon un communiqué publié en mars 2023.")
EN = ("The prime ministers of Norway and Finland met in Oslo on Monday to discuss a joint plan for Arctic "
      "research stations, according to a statement issued in May 2024.")


def corpus(tmp_path: Path) -> list[Path]:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    lines = [json.dumps({"text": f"{FR} Note {i}.", "id": f"fr{i}"}) for i in range(5)] + ["{broken"]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    pq.write_table(pa.table({"body": [f"{EN} Row {i}." for i in range(7)] + [None]}), tmp_path / "rows.parquet",
                   row_group_size=3)
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    return [ROOT / "examples" / "us-russia-istanbul", ROOT / "examples" / "france-algeria", tmp_path / "wire.jsonl",
            tmp_path / "rows.parquet", tmp_path / "empty.jsonl", tmp_path / "missing.txt"]


def described(docs) -> list[tuple]:
    return [(d.id, d.source, d.content_hash, d.published, str(d.error) if d.error else "") for d in docs]


@pytest.mark.parametrize("size", [1, 2, 16])
def test_shards_read_the_documents_read_documents_reads(tmp_path, size):
    paths = corpus(tmp_path)
    reading = Reading(columns=Columns(text="body"), published=date(2023, 6, 1))
    shards = list(plan(paths, reading=reading, size=size))
    from_shards = [doc for shard in shards for doc in read_shard(pickle.loads(pickle.dumps(shard)), reading)]
    expected = list(read_documents(paths, columns=Columns(text="body"), published=date(2023, 6, 1)))
    assert described(from_shards) == described(expected)
    assert len(expected) == 5 + 2 + 6 + 8 + 1 + 1
    assert all(sum(1 for _ in read_shard(s, reading)) <= max(size, 1) for s in shards if s.kind != "files")


def test_what_travels_between_driver_and_workers_pickles_intact(tmp_path):
    (doc,) = read_documents([ROOT / "examples" / "us-iran-talks" / "thecourier-en-20250412.txt"])
    records = [Shard("jsonl", ("a.jsonl",), 10, 3, 2), Reading(published=date(2023, 1, 2)),
               Outcome(DocumentAnalysis(doc), vectors=(("k", b"\x00\x01"),), embedder="e5/x")]
    assert [pickle.loads(pickle.dumps(r)) for r in records] == records


def test_a_relative_sqlite_url_is_made_absolute_for_workers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert absolute_url("sqlite:///big.sqlite") == f"sqlite:///{tmp_path / 'big.sqlite'}"
    assert absolute_url("sqlite:////abs/x.sqlite") == "sqlite:////abs/x.sqlite"
    assert absolute_url("postgresql://u@h/db") == "postgresql://u@h/db"


class Counting:
    """A fake embedder that counts the texts it embeds, calibrated as e5 (a 200-character lead, not the default)."""
    version = "counting-1"
    calibration = E5Embedder.calibration

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]):
        import numpy as np

        self.calls += len(texts)
        return np.array([[1.0, float(len(t) % 7), 0.5] for t in texts], dtype=np.float32)


def test_vectors_made_by_a_worker_are_the_ones_the_rebuild_uses(tmp_path):
    from dragoman.pipeline import Pipeline
    from dragoman.scale import Analyser, Recipe, write
    from dragoman.service import rebuild
    from dragoman.store import open_store

    worker_side, writer_side = Counting(), Counting()
    analyser = Analyser(recipe=Recipe(embedder=worker_side), reading=Reading())
    shards = plan([ROOT / "examples" / "us-iran-talks"])
    outcomes = [o for shard in shards for o in analyser.shard(shard)]
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    report = write(outcomes, store=store)
    rebuild(store=store, pipeline=Pipeline(embedder=writer_side))
    store.close()
    assert len(report.added) == 2 and worker_side.calls == 2
    assert writer_side.calls == 0  # every story text was embedded by the worker, under the key the store looks up


class Breaking:
    """spaCy, except that a text with BOOM in it breaks ``nlp.pipe``."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def __getattr__(self, name: str):  # max_length and the rest: spaCy's own
        return getattr(self.nlp, name)

    def pipe(self, texts, batch_size: int = 16):
        for text in texts:
            if "BOOM" in text:
                raise RuntimeError("parser crashed")
            yield self.nlp(text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_document_that_breaks_the_parser_is_its_own_error_and_the_shard_goes_on(tmp_path, lang):
    from dragoman.nlp import load_pipeline
    from dragoman.scale import Analyser, Recipe

    text = FR if lang == "fr" else EN
    lines = [{"text": text, "id": "a"}, {"text": f"{text} BOOM.", "id": "b"}, {"text": f"{text} Encore.", "id": "c"}]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    analyser = Analyser(recipe=Recipe(embedder=Counting(), strict=False), reading=Reading())
    analyser.pipeline.load_nlp = lambda language: Breaking(load_pipeline(language))
    (shard,) = plan([tmp_path / "wire.jsonl"])
    outcomes = {o.analysis.document.id: o.analysis.document for o in analyser.shard(shard)}
    assert outcomes["a"].ok and outcomes["c"].ok and outcomes["a"].language == lang
    assert outcomes["b"].error.code == "E201" and "parser crashed" in outcomes["b"].error.message


def test_a_worker_embeds_a_lead_repeated_by_copies_once_and_none_the_store_holds(tmp_path):
    from dragoman.scale import Analyser, Recipe, write
    from dragoman.store import open_store

    # three copies of one wire story (same title and lead, another closing line) in two shards of two
    lines = [{"title": "Accord", "text": f"{FR} Mise à jour {n}.", "id": f"copy-{n}"} for n in range(3)]
    lines.append({"title": "Deal", "text": EN, "id": "other"})
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    worker_side = Counting()
    analyser = Analyser(recipe=Recipe(embedder=worker_side), reading=Reading(), db=url)
    outcomes = [o for shard in plan([tmp_path / "wire.jsonl"], size=2) for o in analyser.shard(shard)]
    assert worker_side.calls == 2  # the copies' one lead, and the other story's
    store = open_store(url)
    write(outcomes, store=store)
    store.close()
    again = Counting()  # a second worker (a rerun with new copies) finds the lead in the store
    lines = [{"title": "Accord", "text": f"{FR} Mise à jour {n}.", "id": f"copy-{n}"} for n in range(3, 5)]
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    fresh = Analyser(recipe=Recipe(embedder=again), reading=Reading(), db=url)
    found = [o for shard in plan([tmp_path / "more.jsonl"]) for o in fresh.shard(shard)]
    assert again.calls == 0 and len(found) == 2 and all(o.analysis.document.ok for o in found)
