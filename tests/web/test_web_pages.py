"""Server-rendered pages: content, highlighting, escaping of article text."""
from __future__ import annotations

import re
from html import unescape

import pytest

from dragoman.web.highlight import segments


def page(client, url: str) -> str:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_shows_counts_stories_and_events(client):
    html = page(client, "/")
    assert re.search(r'<span class="count">6</span><span class="label">events</span>', html)
    assert "Russia–US embassy talks in Istanbul" in html
    assert html.count('href="/events/') == 6


def test_home_filters_are_the_api_filters(client):
    html = page(client, "/?type=SANCTION&status=&actor=&start=&end=&q=&topic=")
    assert 'href="/events/e-sanction"' in html and 'href="/events/e-r1"' not in html
    assert '<option value="SANCTION" selected>' in html


def test_home_with_a_bad_filter_is_an_html_error_page(client):
    response = client.get("/?start=nonsense", headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert "<h1>Error 422</h1>" in response.text and "E501" in response.text


def test_timeline_shows_each_round_with_its_details(client):
    html = page(client, "/timeline?a=RUS&b=USA")
    rounds = re.findall(r'<li class="round status-line-(\w+)">', html)
    assert rounds == ["occurred", "occurred", "occurred", "planned"]
    assert "Alexandre Darchiev (ambassadeur, RUS) — head of delegation" in html
    assert "résidence du consul général des États-Unis" in html
    assert '<span class="chip excluded">ukraine_war</span>' in html
    assert "⚠ date" in html and "2 documents" in html
    assert "2025-06-01 – 2025-06-30 (month)" in html


def test_timeline_without_actors_asks_for_them(client):
    assert "Choose two actor codes" in page(client, "/timeline")


def test_event_page_reveals_each_source_quote_in_its_sentence(client):
    html = page(client, "/events/e-r1")
    assert ('<span class="sentence">Les délégations russe et américaine se sont réunies <mark>jeudi 27 février</mark>'
            " à Istanbul, dans la résidence du consul général des États-Unis.</span>") in html
    assert 'href="/documents/d-fr1?start=52&amp;end=68#span-52"' in html
    assert '<tr class="field in-conflict" id="field-date">' in html
    assert "Sources disagree" in html


def test_event_page_cites_outlets_and_dates_not_document_ids(client):
    html = page(client, "/events/e-r1")
    conflicts = html[html.index('class="conflicts"'):html.index("</div>", html.index('class="conflicts"'))]
    history = html[html.index('class="history"'):html.index("</ul>", html.index('class="history"'))]
    for part in (conflicts, history):
        assert '<span class="outlet">news.example</span>, 2025-02-27' in part
        assert ">d-fr1<" not in part


def test_document_page_highlights_evidence_and_the_linked_span(client):
    html = page(client, "/documents/d-fr1?start=52&end=68")
    assert '<mark id="span-52" class="evidence focus" title="evidence of event e-r1">jeudi 27 février' in html
    assert html.count("<mark") >= 5


def test_story_page_lists_documents_with_language_flags(client):
    html = page(client, "/stories/s-talks")
    assert html.count('src="/static/flags/fr.svg"') == 1 and html.count('src="/static/flags/en.svg"') == 2
    assert '<span class="chip flag">anonymous_sources</span>' in html


def test_documents_page_shows_failures(client):
    html = page(client, "/documents?errors=true")
    assert "[E102] broken.bin looks binary" in html and 'href="/documents/d-fr1"' not in html


@pytest.mark.parametrize("url", ["/documents/d-xss", "/events/e-agree", "/stories/s-xss", "/documents", "/"])
def test_article_html_is_escaped_never_markup(client, url):
    html = page(client, url)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "<script" not in html.replace('<script src="/static/app.js" defer></script>', "")


def test_injected_text_appears_literally_escaped(client):
    html = page(client, "/documents/d-xss")
    assert "said &lt;script&gt;alert(1)&lt;/script&gt; and then &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Injected &lt;script&gt;alert(1)&lt;/script&gt; title" in html


def test_pages_forbid_inline_script(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_unknown_event_page_is_a_404_html_page(client):
    response = client.get("/events/nope", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "event &#39;nope&#39; not found" in response.text


def test_static_assets_are_served_from_the_package(client):
    assert client.get("/static/style.css").status_code == 200
    assert "DOMContentLoaded" in client.get("/static/app.js").text


def test_segments_skip_overlaps_and_mark_the_focus():
    text = "abcdefghij"
    runs = segments(text, [{"event": "e", "start": 2, "end": 5, "text": "cde"},
                           {"event": "e", "start": 4, "end": 7, "text": "efg"}], focus=(8, 10))
    assert [(r.text, r.span is not None, r.focus) for r in runs] == [
        ("ab", False, False), ("cde", True, False), ("fgh", False, False), ("ij", True, True)]
    assert "".join(r.text for r in runs) == text


def test_a_javascript_url_is_never_a_link(store, client):
    from dataclasses import replace

    from api_samples import document

    from dragoman.model import DocumentAnalysis

    doc = replace(document("fr1"), id="d-js", content_hash="h-js", url="javascript:alert(1)")
    store.add_analysis(DocumentAnalysis(doc))
    assert "javascript:" not in page(client, "/documents/d-js")


@pytest.mark.parametrize(("path", "second_starts"), [("/?limit=2", 3), ("/stories?limit=1", 2),
                                                   ("/documents?limit=2", 3)])
def test_pages_link_to_the_next_page_by_cursor(client, path, second_starts):
    link = re.search(r'rel="next" href="([^"]+)"', client.get(path).text)
    assert link and "after=" in link.group(1)
    second = client.get(unescape(link.group(1)))
    assert second.status_code == 200
    assert f"showing {second_starts}–" in second.text
