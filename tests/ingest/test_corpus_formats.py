"""Corpus formats: JSONL streamed by line, Parquet with a column mapping, WARC responses; a bad record is its own error."""
from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from dragoman.ingest import Columns, read_documents
from dragoman.ingest.corpora import jsonl_parts, jsonl_records, parquet_parts, parquet_records, warc_parts, warc_records

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
warcio = pytest.importorskip("warcio")

FR = ("Les chefs de la diplomatie de l'Espagne et du Maroc se sont retrouvés jeudi à Rabat pour préparer "
      "un sommet bilatéral prévu au printemps, selon un communiqué commun publié à l'issue de la rencontre.")
EN = ("The foreign ministers of Chile and Argentina met in Santiago on Tuesday and agreed to set up a joint "
      "commission on border crossings, according to a statement released after the talks.")
TEXTS = {"fr": FR, "en": EN}


def page(title: str, body: str, lang: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{meta}</head><body>'
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            f"</body></html>").encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """records: (uri, WARC-Date, body, content type); a ``404`` content type writes a not-found response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for uri, when, body, kind in records:
            status = "404 Not Found" if kind == "404" else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", "text/html" if kind == "404" else kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                          warc_headers_dict={"WARC-Date": when}))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": when}))


# ----------------------------------------------------------------- JSONL

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_jsonl_lines_stream_and_a_bad_line_is_its_own_error(tmp_path, lang):
    lines = [json.dumps({"text": TEXTS[lang], "id": "a"}), "", "{oops", json.dumps({"text": TEXTS[lang] + " Bis.", "id": "b"})]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(read_documents([path], max_bytes=10_000))
    assert [d.id for d in docs if d.ok] == ["a", "b"] and all(d.language == lang for d in docs if d.ok)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert "line 3 is not JSON" in str(docs[1].error)


def test_a_jsonl_file_larger_than_max_bytes_is_read_and_an_oversized_line_is_its_error(tmp_path):
    path = tmp_path / "big.jsonl"
    rows = [{"text": f"{EN} Item {i}.", "id": f"n{i}"} for i in range(30)]
    rows[5]["text"] = EN * 40
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = list(read_documents([path], max_bytes=2_000))
    assert len(docs) == 30 and path.stat().st_size > 2_000
    assert [d.ok for d in docs].count(False) == 1 and docs[5].error.code == "E105"


def test_jsonl_parts_read_back_every_line_once_with_its_number(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"{FR} {i}"}) for i in range(11)), encoding="utf-8")
    parts = list(jsonl_parts(path, size=4))
    assert [count for _, _, count in parts] == [4, 4, 3]
    sources = [r.source for s, first, n in parts for r in jsonl_records(path, max_bytes=10_000, start=s, first_line=first, count=n)]
    assert sources == [f"{path}:{i}" for i in range(1, 12)]


# ----------------------------------------------------------------- Parquet

def write_parquet(path: Path, rows: dict[str, list], *, group: int = 2) -> None:
    pq.write_table(pa.table(rows), path, row_group_size=group)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_parquet_columns_are_mapped_and_a_bad_row_is_its_own_error(tmp_path, lang):
    path = tmp_path / "archive.parquet"
    write_parquet(path, {"body": [TEXTS[lang], None, TEXTS[lang] + " Encore."],
                         "headline": ["Talks", "Empty", "More talks"],
                         "day": [date(2023, 5, 4), date(2023, 5, 5), None],
                         "link": ["https://news.example/1", None, "https://news.example/3"]})
    columns = Columns(text="body", title="headline", published="day", url="link")
    docs = list(read_documents([path], columns=columns))
    assert [d.ok for d in docs] == [True, False, True]
    assert [d.source for d in docs] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    assert docs[0].published == date(2023, 5, 4) and docs[0].url == "https://news.example/1" and docs[0].language == lang
    assert docs[1].error.code == "E106"


def test_parquet_without_the_text_column_is_one_error_naming_the_columns(tmp_path):
    path = tmp_path / "archive.parquet"
    write_parquet(path, {"body": [EN]})
    (doc,) = read_documents([path])
    assert doc.error.code == "E106" and "'text'" in doc.error.message and "body" in doc.error.message


def test_parquet_timestamps_keep_their_time_and_parts_cover_every_row(tmp_path):
    path = tmp_path / "archive.parquet"
    write_parquet(path, {"text": [f"{EN} {i}" for i in range(5)],
                         "published": [datetime(2024, 2, 1, 8, i) for i in range(5)]}, group=3)
    parts = list(parquet_parts(path, size=2))
    assert parts == [(0, 0, 2), (0, 2, 1), (1, 0, 2)]
    items = [r for g, o, n in parts for r in parquet_records(path, group=g, offset=o, count=n)]
    assert [r.source for r in items] == [f"{path}#{i}" for i in range(5)]
    assert items[4].published_at == datetime(2024, 2, 1, 8, 4)


# ----------------------------------------------------------------- WARC

@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_articles_with_capture_url_and_date(tmp_path, name):
    path = tmp_path / name
    write_warc(path, [
        ("https://news.example/fr/1", "2023-11-02T10:15:00Z", page("Rencontre à Rabat", FR, "fr"), "text/html; charset=utf-8"),
        ("https://news.example/logo.png", "2023-11-02T10:16:00Z", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://news.example/gone", "2023-11-02T10:17:00Z", b"<html>gone</html>", "404"),
        ("https://news.example/en/2", "2023-11-03T08:00:00Z", page("Santiago talks", EN, "en", "2023-11-01"), "text/html"),
    ])
    docs = list(read_documents([path]))
    assert [d.url for d in docs] == ["https://news.example/fr/1", "https://news.example/en/2"]
    assert [d.language for d in docs] == ["fr", "en"]
    assert docs[0].published == date(2023, 11, 2) and docs[0].published_at == datetime(2023, 11, 2, 10, 15)
    assert docs[1].published == date(2023, 11, 1)  # the page's own date wins over the capture's
    assert all("#" in d.source and d.source.startswith(str(path)) for d in docs)


def test_a_bad_warc_record_is_its_own_error_and_a_truncated_file_keeps_what_came_before(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://news.example/1", "2023-11-02T10:15:00Z", page("Rabat", FR, "fr"), "text/html"),
                      ("https://news.example/2", "2023-11-02T10:16:00Z", b"<html><body></body></html>", "text/html"),
                      ("https://news.example/3", "2023-11-02T10:17:00Z", page("Santiago", EN, "en"), "text/html")])
    docs = list(read_documents([path]))
    assert [d.ok for d in docs] == [True, False, True] and docs[1].error.code == "E106"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    cut = list(read_documents([path]))
    assert cut[0].ok and not cut[-1].ok and cut[-1].source == docs[2].source


def test_warc_parts_read_back_every_response_once(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://news.example/{i}", "2023-11-02T10:15:00Z", page(f"Talks {i}", f"{EN} {i}", "en"), "text/html")
                      for i in range(5)])
    parts = list(warc_parts(path, size=2))
    assert [n for _, n in parts] == [2, 2, None]
    urls = [r.url for s, n in parts for r in warc_records(path, max_bytes=100_000, start=s, count=n)]
    assert urls == [f"https://news.example/{i}" for i in range(5)]
