"""Shards read back the documents ``read_documents`` reads, with the same sources, ids and errors."""
from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest

from dragoman.ingest import Columns, read_documents
from dragoman.scale import Reading, plan, read_shard

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
