"""Bad input becomes a Document with a clear, coded error; the good files still come through."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from dragoman.ingest import read_documents

GOOD = ("Crise à Alger\n\nLes ministres des affaires étrangères de la France et de l’Algérie se sont "
        "entretenus mardi par téléphone pour apaiser la crise diplomatique.\n")


def run(tmp_path: Path, name: str, data: bytes | str, **options) -> tuple[object, object]:
    """Read a bad file between two good ones; return the bad document and the good ones."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z_good.txt").write_text(GOOD.replace("mardi", "mercredi"), encoding="utf-8")
    target = tmp_path / name
    if isinstance(data, str):
        target.write_text(data, encoding="utf-8")
    else:
        target.write_bytes(data)
    docs = list(read_documents([tmp_path], **options))
    bad = [d for d in docs if not d.ok]
    good = [d for d in docs if d.ok]
    assert len(good) == 2, [d.error for d in bad]
    return bad, good


@pytest.mark.parametrize("name, data, code, words", [
    ("nul.txt", b"Texte \x00 avec des octets nuls \x00" * 10, "E102", "NUL bytes"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "E102", "PNG image"),
    ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E102", "PDF document"),
    ("archive.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "E102", "ZIP archive"),
    ("data.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "E102", "GZIP archive"),
    ("prog", b"\x7fELF\x02\x01\x01\x00", "E102", "ELF executable"),
    ("empty.txt", b"", "E103", "no text left"),
    ("blank.txt", b"  \n\n\t \n", "E103", "no text left"),
    ("tiny.txt", b"Oui.", "E103", "no text left"),
    ("noise.txt", "Partager sur Facebook\n\nLire aussi : autre chose\n", "E103", "no text left"),
    ("latin.txt", bytes(range(128, 256)) * 4, "E104", "no text encoding fits"),
    ("broken.json", '{"text": "abc", ', "E106", "bad JSON"),
    ("scalar.json", "42", "E106", "expected an article object"),
    ("nobody.json", '{"title": "Sans texte"}', "E106", "no 'text' or 'html' field"),
    ("baddate.json", json.dumps({"text": GOOD, "published": "hier"}), "E106", "'published' is not"),
    ("badfeed.rss", "<rss><channel><title>x", "E106", "not a readable feed"),
    ("emptyfeed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>T</title></item></channel></rss>',
     "E106", "feed entry has no content"),
    ("nothing.html", "<html><body><script>var a = 1;</script></body></html>", "E106", "no text in the HTML"),
])
def test_bad_file_becomes_an_error_document_naming_it(tmp_path, name, data, code, words):
    [bad], _ = run(tmp_path, name, data)
    assert str(bad.error).startswith(f"[{code}] ")
    assert name in str(bad.error) and words in str(bad.error)
    assert Path(bad.source.split("#")[0]).name == name
    assert bad.text == "" and bad.id == hashlib.sha256(bad.source.encode()).hexdigest()[:16]


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(20_000_000_000)  # sparse: reading it would take minutes
    good, bad = read_documents([tmp_path], max_bytes=10_000)
    assert good.ok and not bad.ok
    assert str(bad.error) == f"[E105] {tmp_path / 'huge.txt'} is 20000000000 bytes, over the limit of 10000 bytes"


def test_missing_path_is_an_error_document_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs = list(read_documents([tmp_path / "nope.txt", tmp_path / "good.txt"]))
    assert [d.ok for d in docs] == [False, True]
    assert str(docs[0].error).startswith(f"[E101] cannot read {tmp_path / 'nope.txt'}")
    assert docs[0].source == str(tmp_path / "nope.txt")


def test_special_file_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer
    [doc] = read_documents([tmp_path / "pipe.txt"])
    assert str(doc.error) == f"[E101] cannot read {tmp_path / 'pipe.txt'}: not a regular file"


def test_bad_jsonl_line_is_its_own_error_and_other_lines_come_through(tmp_path):
    lines = [json.dumps({"text": GOOD}), "{not json", json.dumps({"title": "x"}), json.dumps({"text": GOOD, "id": "4"})]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = list(read_documents([tmp_path / "wire.jsonl"]))
    assert [d.ok for d in docs] == [True, False, False, True]
    assert str(docs[1].error).startswith(f"[E106] {tmp_path / 'wire.jsonl'}:2 is malformed: line 2 is not JSON")
    assert str(docs[2].error).startswith(f"[E106] {tmp_path / 'wire.jsonl'}:3 is malformed: no 'text'")
    assert docs[3].id == "4"


def test_bad_record_in_a_json_list_does_not_lose_the_others(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": GOOD}, "oops", {"text": GOOD, "id": "b"}]))
    docs = list(read_documents([tmp_path / "list.json"]))
    assert [d.ok for d in docs] == [True, False, True]
    assert "list.json#1" in str(docs[1].error)


def test_malformed_sidecar_names_the_article_and_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{title: oops}", encoding="utf-8")
    [doc] = read_documents([tmp_path])
    assert str(doc.error).startswith(f"[E106] {tmp_path / 'a.txt'} is malformed: sidecar a.meta.json")


def test_folder_given_as_a_file_path_and_directory_entries_are_not_articles(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    docs = list(read_documents([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["a.txt"] and docs[0].ok


def test_read_documents_never_raises_on_a_mix_of_everything(tmp_path):
    (tmp_path / "a.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "b.json").write_text("[", encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "d.xml").write_text("<feed", encoding="utf-8")
    docs = list(read_documents([tmp_path, tmp_path / "missing"]))
    assert [d.ok for d in docs] == [False, False, True, False, False]
    assert all(d.error.code.startswith("E1") for d in docs if not d.ok)
