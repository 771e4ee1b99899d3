"""Reading each input format, sidecars, folders, encodings."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.ingest import detect_language, documents_from_records, iter_raw, read_documents
from dragoman.model import RawItem

FR_BODY = ("Les ministres des affaires étrangères de la France et de l’Algérie se sont entretenus mardi "
           "par téléphone pour apaiser la crise diplomatique.")
EN_BODY = ("The foreign ministers of Japan and South Korea met in Seoul on Friday and agreed to resume "
           "regular security talks, officials said.")

HTML_PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Seoul talks | The Daily</title>
<meta property="article:published_time" content="2025-03-07T09:30:00Z">
<link rel="canonical" href="https://news.example/seoul-talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Japan and South Korea resume security talks</h1><p>{EN_BODY}</p>
<p>The next meeting is planned for June in Tokyo, according to the two ministries.</p></article>
<footer>Copyright The Daily</footer><script>var x = 1;</script></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Appel entre Paris et Alger</title><link>https://wire.example/fr/1</link>
<pubDate>Tue, 18 Mar 2025 10:00:00 +0100</pubDate><description>&lt;p&gt;{FR_BODY}&lt;/p&gt;</description></item>
<item><title>Seoul talks resume</title><link>https://wire.example/en/2</link>
<description>{EN_BODY}</description></item></channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Seoul talks resume</title><link href="https://wire.example/en/3"/><updated>2025-03-08T12:00:00Z</updated>
<content type="html">&lt;p&gt;{EN_BODY}&lt;/p&gt;&lt;p&gt;More talks in June.&lt;/p&gt;</content></entry></feed>"""


def read(*paths, **options) -> list:
    return list(read_documents([str(p) for p in paths], **options))


def test_plain_text_title_body_and_language(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Crise entre Paris et Alger\n\n{FR_BODY}\n", encoding="utf-8")
    [doc] = read(tmp_path / "a.txt")
    assert doc.ok and doc.title == "Crise entre Paris et Alger"
    assert doc.text == f"Crise entre Paris et Alger\n\n{FR_BODY}"
    assert doc.language == "fr" and doc.source == str(tmp_path / "a.txt")


def test_markdown_heading_marker_is_not_part_of_the_title(tmp_path: Path):
    (tmp_path / "a.md").write_text(f"# Crise entre Paris et Alger\n\n{FR_BODY}\n", encoding="utf-8")
    [doc] = read(tmp_path / "a.md")
    assert doc.title == "Crise entre Paris et Alger" and doc.text.startswith("Crise entre Paris et Alger\n\n")


def test_html_main_text_title_date_and_url_via_trafilatura(tmp_path: Path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [doc] = read(tmp_path / "page.html")
    assert doc.title == "Japan and South Korea resume security talks"
    assert doc.text.startswith(f"Japan and South Korea resume security talks\n\n{EN_BODY}\n\nThe next meeting")
    assert "Copyright" not in doc.text and "var x" not in doc.text
    assert doc.published == date(2025, 3, 7) and doc.url == "https://news.example/seoul-talks"


def test_html_date_does_not_come_from_the_body(tmp_path: Path):
    page = f"<html><body><article><p>Le 3 mars 2021, {FR_BODY}</p><p>{FR_BODY}</p></article></body></html>"
    (tmp_path / "p.htm").write_text(page, encoding="utf-8")
    [doc] = read(tmp_path / "p.htm")
    assert doc.ok and doc.published is None


def test_html_falls_back_to_lxml_text_when_trafilatura_finds_nothing(tmp_path: Path, monkeypatch):
    import dragoman.ingest.formats as formats

    monkeypatch.setattr(formats.trafilatura, "bare_extraction", lambda *a, **k: None)
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [doc] = read(tmp_path / "page.html")
    assert doc.ok and EN_BODY in doc.text and "var x" not in doc.text
    assert f"\n\n{EN_BODY}\n\n" in doc.text


def test_html_sniffed_from_content_without_extension(tmp_path: Path):
    (tmp_path / "page").write_text(HTML_PAGE, encoding="utf-8")
    [doc] = read(tmp_path / "page")
    assert doc.title == "Japan and South Korea resume security talks" and "<p>" not in doc.text


def test_json_object_fields(tmp_path: Path):
    record = {"id": "wire-7", "title": "Seoul talks resume", "text": EN_BODY, "url": "https://x.example/7",
              "published": "2025-03-07T08:00:00+09:00", "language": "en"}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    [doc] = read(tmp_path / "one.json")
    assert (doc.id, doc.title, doc.url, doc.published, doc.language) == (
        "wire-7", "Seoul talks resume", "https://x.example/7", date(2025, 3, 7), "en")
    assert doc.text == f"Seoul talks resume\n\n{EN_BODY}"
    # the day as the source wrote it; the time in UTC (8:00 in Seoul is 23:00 the day before)
    assert doc.published_at == datetime(2025, 3, 6, 23, 0)


@pytest.mark.parametrize(("given", "day", "time"), [
    ("2025-03-07", date(2025, 3, 7), None),
    ("2025-03-07T14:05:00", date(2025, 3, 7), datetime(2025, 3, 7, 14, 5)),
    ("2025-03-07 14:05", date(2025, 3, 7), datetime(2025, 3, 7, 14, 5)),
    ("2025-03-07T14:05:00Z", date(2025, 3, 7), datetime(2025, 3, 7, 14, 5)),
    ("2025-03-07T01:30:00+02:00", date(2025, 3, 7), datetime(2025, 3, 6, 23, 30)),
])
def test_record_keeps_the_publication_time_when_given(tmp_path: Path, given, day, time):
    (tmp_path / "one.json").write_text(json.dumps({"text": EN_BODY, "published": given}), encoding="utf-8")
    [doc] = read(tmp_path / "one.json")
    assert (doc.published, doc.published_at) == (day, time)


def test_json_list_with_html_field(tmp_path: Path):
    records = [{"text": FR_BODY, "title": "Appel Paris-Alger"}, {"html": f"<p>{EN_BODY}</p>", "published": "2025-03-07"}]
    (tmp_path / "many.json").write_text(json.dumps(records), encoding="utf-8")
    first, second = read(tmp_path / "many.json")
    assert first.source.endswith("many.json#0") and first.language == "fr"
    assert second.source.endswith("many.json#1") and second.text == EN_BODY and second.published == date(2025, 3, 7)


def test_jsonl_one_document_per_line(tmp_path: Path):
    lines = [json.dumps({"text": FR_BODY}), "", json.dumps({"text": EN_BODY, "id": "b"})]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read(tmp_path / "wire.jsonl")
    assert first.source.endswith("wire.jsonl:1") and second.source.endswith("wire.jsonl:3")
    assert second.id == "b" and first.language == "fr" and second.language == "en"


def test_rss_feed_one_item_per_entry(tmp_path: Path):
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    first, second = read(tmp_path / "feed.rss", published=date(2025, 1, 1))
    assert first.title == "Appel entre Paris et Alger" and first.url == "https://wire.example/fr/1"
    assert first.text == f"Appel entre Paris et Alger\n\n{FR_BODY}" and "<p>" not in first.text
    assert first.published == date(2025, 3, 18)
    assert second.published == date(2025, 1, 1)  # no entry date: the argument applies
    assert first.published_at == datetime(2025, 3, 18, 9, 0)  # 10:00 +0100, in UTC
    assert second.published_at is None  # a day given on the command line has no time


def test_atom_feed_sniffed_from_xml_content(tmp_path: Path):
    (tmp_path / "feed").write_text(ATOM, encoding="utf-8")
    [doc] = read(tmp_path / "feed")
    assert doc.title == "Seoul talks resume" and doc.published == date(2025, 3, 8)
    assert doc.text.endswith(f"{EN_BODY}\n\nMore talks in June.")


def test_sidecar_gives_title_url_date_language_and_id(tmp_path: Path):
    (tmp_path / "a.txt").write_text(FR_BODY, encoding="utf-8")
    meta = {"title": "Paris et Alger se parlent", "url": "https://j.example/a", "published": "2025-03-18",
            "language": "fr", "id": "journal-a"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    docs = read(tmp_path)
    assert len(docs) == 1  # the sidecar is not an article
    [doc] = docs
    assert (doc.title, doc.url, doc.published, doc.language, doc.id) == (
        "Paris et Alger se parlent", "https://j.example/a", date(2025, 3, 18), "fr", "journal-a")
    assert doc.text.startswith("Paris et Alger se parlent\n\n")


def test_date_precedence_sidecar_then_html_metadata_then_argument(tmp_path: Path):
    (tmp_path / "with.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "with.meta.json").write_text('{"published": "2025-03-09"}', encoding="utf-8")
    (tmp_path / "meta.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(EN_BODY, encoding="utf-8")
    docs = {Path(d.source).name: d.published for d in read(tmp_path, published=date(2024, 12, 31))}
    assert docs == {"with.html": date(2025, 3, 9), "meta.html": date(2025, 3, 7), "plain.txt": date(2024, 12, 31)}


def test_folder_is_read_recursively_in_order_skipping_hidden_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.txt").write_text(EN_BODY, encoding="utf-8")
    (tmp_path / "b" / "deep" / "y.txt").write_text(FR_BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FR_BODY + " Encore.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN_BODY, encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text(EN_BODY, encoding="utf-8")
    names = [Path(item.source).relative_to(tmp_path).as_posix() for item in iter_raw([tmp_path])]
    assert names == ["a.txt", "b/deep/y.txt", "z.txt"]


def test_iter_raw_yields_raw_items_and_errors(tmp_path: Path):
    (tmp_path / "a.txt").write_text(EN_BODY, encoding="utf-8")
    items = list(iter_raw([tmp_path / "a.txt", tmp_path / "missing.txt"], published=date(2025, 1, 2)))
    assert isinstance(items[0], RawItem) and items[0].published == date(2025, 1, 2)
    assert isinstance(items[1], InputError) and items[1].code == "E101"


@pytest.mark.parametrize("data", [
    "\ufeff" + FR_BODY,
], ids=["utf8-bom"])
def test_utf8_bom_is_dropped(tmp_path: Path, data):
    (tmp_path / "a.txt").write_bytes(data.encode("utf-8"))
    [doc] = read(tmp_path / "a.txt")
    assert doc.text == FR_BODY


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "cp1252", "latin-1"])
def test_encodings_are_detected(tmp_path: Path, encoding):
    (tmp_path / "a.txt").write_bytes(FR_BODY.replace("’", "'").encode(encoding))
    [doc] = read(tmp_path / "a.txt")
    assert doc.ok and doc.text == FR_BODY.replace("’", "'")


def test_line_endings_and_unicode_are_normalised(tmp_path: Path):
    decomposed = "Re\u0301union a\u0300 Gene\u0300ve\r\n\r\n" + EN_BODY + "\r\nSecond line."
    (tmp_path / "a.txt").write_bytes(decomposed.encode("utf-8"))
    [doc] = read(tmp_path / "a.txt")
    assert doc.title == "Réunion à Genève" and "\r" not in doc.raw_text
    assert doc.raw_text.startswith("Réunion à Genève\n\n")


def test_documents_from_records_like_the_api(tmp_path: Path):
    docs = list(documents_from_records(
        [{"text": EN_BODY, "title": "Seoul talks"}, {"html": f"<p>{FR_BODY}</p>"}, {"title": "no body"}],
        source="<api>", published=date(2025, 3, 1)))
    assert [d.ok for d in docs] == [True, True, False]
    assert docs[0].source == "<api>#0" and docs[0].published == date(2025, 3, 1)
    assert docs[1].language == "fr"
    assert str(docs[2].error).startswith("[E106] <api>#2") and "text" in docs[2].error.message


@pytest.mark.parametrize("text, expected", [
    (FR_BODY, "fr"), (EN_BODY, "en"), ("", None), ("12 34 !!", None),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_reading_twice_gives_the_same_ids_and_hashes(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Crise entre Paris et Alger\n\n{FR_BODY}\n", encoding="utf-8")
    first, second = read(tmp_path / "a.txt"), read(tmp_path / "a.txt")
    assert (first[0].id, first[0].content_hash) == (second[0].id, second[0].content_hash)


def test_folder_readme_is_not_an_article(tmp_path):
    from dragoman.ingest import read_documents

    (tmp_path / "README.md").write_text("About this folder\n\nThese files are examples written for tests.\n")
    (tmp_path / "a.txt").write_text("Talks resume\n\nThe two delegations met again on Monday in Geneva to discuss visas.\n")
    names = [Path(d.source).name for d in read_documents([tmp_path])]
    assert names == ["a.txt"]


def test_the_outlet_comes_from_the_source_sidecar_record_page_or_feed(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Appel Paris-Alger\n\n{FR_BODY}", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "La Gazette d'Oran"}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": EN_BODY, "outlet": "The Seoul Courier"}), encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML_PAGE.replace("<title>", '<meta property="og:site_name" content="The Daily">'
                                                                 "<title>"), encoding="utf-8")
    (tmp_path / "d.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "e.txt").write_text(f"No outlet given\n\n{EN_BODY}", encoding="utf-8")
    outlets = {Path(d.source.split("#")[0]).name: d.outlet for d in read(tmp_path)}
    assert outlets == {"a.txt": "La Gazette d'Oran", "b.json": "The Seoul Courier", "c.html": "The Daily",
                       "d.rss": "Wire", "e.txt": None}


def test_a_sidecar_outlet_must_be_a_string(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Appel\n\n{FR_BODY}", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": ["x"]}), encoding="utf-8")
    [doc] = read(tmp_path)
    assert doc.error is not None and doc.error.code == "E106" and "outlet" in doc.error.message
