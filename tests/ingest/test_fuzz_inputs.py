"""Issue #15: any generated bad input is read without a crash and ends up stored or listed as an error.

Strict mode is on (tests/conftest.py): an unexpected exception anywhere fails the test. The long run is
``make fuzz`` (scripts/fuzz.py, 2,000 inputs); here a few hundred small ones.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import fuzzgen
from dragoman.ingest import read_documents
from dragoman.pipeline import Pipeline
from dragoman.service import ingest
from dragoman.store import open_store

READ_ONLY = 320  # through reading and cleaning
STORED = 16  # through the whole ingest path, models and store included: one of each family


class LengthEmbedder:
    """Vectors from the text's length: cheap, deterministic, never alike enough to merge much."""
    version = "length-1"

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.array([[1.0, float(len(t) % 11), float(len(t) % 5)] for t in texts], dtype=np.float32)


def test_the_generator_is_deterministic_and_covers_every_family(tmp_path):
    first = [(c.name, c.family) for c in fuzzgen.cases(64, seed=3)]
    assert first == [(c.name, c.family) for c in fuzzgen.cases(64, seed=3)]
    assert {family for _, family in first} == set(fuzzgen.FAMILY_NAMES)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    case_one, case_two = next(fuzzgen.cases(1, seed=3)), next(fuzzgen.cases(1, seed=3))
    assert case_one.write(one).read_bytes() == case_two.write(two).read_bytes()


@pytest.mark.parametrize("seed", [15, 16])
def test_every_bad_input_reads_as_documents_or_errors(tmp_path, seed):
    for case in fuzzgen.cases(READ_ONLY // 2, seed=seed, scale=0.01):
        folder = tmp_path / case.name
        folder.mkdir()
        docs = list(read_documents([case.write(folder)]))
        assert docs, case.name
        for doc in docs:
            assert doc.ok or doc.error.code.startswith("E1"), (case.name, doc.error)
            assert doc.ok or doc.source, case.name
            json.dumps([doc.source, doc.text, doc.title, str(doc.error)], ensure_ascii=False).encode("utf-8")


def test_every_bad_input_is_stored_or_listed_as_failed(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'fuzz.sqlite'}")
    pipeline = Pipeline(embedder=LengthEmbedder())
    seen: list[str] = []
    try:
        for case in fuzzgen.cases(STORED, seed=21, scale=0.002):
            folder = tmp_path / case.name
            folder.mkdir()
            report = ingest([case.write(folder)], store=store, pipeline=pipeline)
            assert report.added or report.skipped or report.failed, case.name
            seen.extend(doc.id for doc in report.failed)
        listed = {doc.id for doc in store.documents(errors=True, limit=10_000)}
        assert seen and set(seen) <= listed
        assert store.counts()["failed"] == len(listed)
    finally:
        store.close()


def test_truncated_texts_are_cut_at_a_sentence_and_flagged(tmp_path):
    sentence = "The envoys of Peru and Ghana met in Lima on Friday to talk about trade. "
    (tmp_path / "long.txt").write_text("Talks in Lima\n\n" + sentence * 2000, encoding="utf-8")
    [doc] = read_documents([tmp_path / "long.txt"], max_chars=5_000)
    assert doc.ok and "truncated" in doc.flags
    assert len(doc.text) <= 5_000 and doc.text.endswith("trade.")


def _special(tmp_path: Path) -> Path:
    import os

    folder = tmp_path / "walk"
    folder.mkdir()
    (folder / "good.txt").write_text(fuzzgen.article(__import__("random").Random(1), 4), encoding="utf-8")
    os.symlink(folder / "b", folder / "a")
    os.symlink(folder / "a", folder / "b")
    os.symlink(folder, folder / "again")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write("Les ministres se sont retrouvés jeudi à Dakar pour parler de la pêche.".encode("cp1252"))
    return folder


def test_walking_survives_loops_special_files_and_undecodable_names(tmp_path):
    docs = list(read_documents([_special(tmp_path)], min_chars=10))
    errors = {Path(d.source).name: str(d.error) for d in docs if not d.ok}
    assert "symbolic link loop" in errors["a"] and "symbolic link loop" in errors["b"]
    assert "already on the walk" in errors["again"]
    assert "named pipe" in errors["pipe.txt"] and "character device" in errors["zero.txt"]
    assert {Path(d.source).name for d in docs if d.ok} == {"good.txt", "caf\\xe9.txt"}


@pytest.mark.parametrize(("name", "data", "words"), [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("number.json", '{"text": "x", "id": ' + "9" * 5000 + "}", "bad JSON value"),
    ("date.json", json.dumps({"text": "x " * 50, "published": "0001-01-01T00:00:00+14:00"}), "out of range"),
    ("laughs.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                   "<rss><channel><item><description>&b;</description></item></channel></rss>", "declares entities"),
])
def test_hostile_inputs_are_that_document_s_error(tmp_path, name, data, words):
    (tmp_path / name).write_text(data, encoding="utf-8")
    [doc] = read_documents([tmp_path / name])
    assert doc.error is not None and doc.error.code == "E106" and words in doc.error.message


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    text = "Les ministres du Chili et du Japon se sont entretenus lundi \\ud800 par t\\u00e9l\\u00e9phone."
    (tmp_path / "s.json").write_text('{"text": "' + text + '", "title": "\\udfff"}', encoding="utf-8")
    [doc] = read_documents([tmp_path / "s.json"])
    assert doc.ok and "\ufffd" in doc.text
    doc.text.encode("utf-8")
