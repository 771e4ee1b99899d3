"""The UI in a real browser: Debian's Chromium driven by Playwright against a live uvicorn.

Skipped only when /usr/bin/chromium is missing outside CI; in CI (``CI`` set)
the Makefile installs it and these tests must run.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from api_samples import XSS_IMG, XSS_SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("DRAGOMAN_SCREENSHOTS", "/tmp"))

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="/usr/bin/chromium is not installed (CI installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_timeline_shows_the_rounds(page):
    page.goto("/timeline?a=RUS&b=USA")
    rounds = page.locator("ol.timeline li.round")
    assert rounds.count() == 4
    first = rounds.first
    assert first.locator(".badge").inner_text() == "occurred"
    assert "Alexandre Darchiev" in first.inner_text() and "⚠ date" in first.inner_text()
    assert rounds.nth(3).locator(".badge").inner_text() == "planned"
    page.screenshot(path=str(SHOTS / "dragoman-timeline.png"), full_page=True)
    assert page.errors == []


def test_event_page_reveals_a_source_quote(page):
    page.goto("/timeline?a=RUS&b=USA")
    page.locator("ol.timeline li.round").first.locator("a.title").click()
    page.wait_for_url("**/events/e-r1")
    row = page.locator("#field-date")
    quote = row.locator("mark", has_text="jeudi 27 février")
    assert not quote.is_visible()
    row.locator("summary").click()
    quote.wait_for(state="visible")
    assert quote.is_visible()
    assert "se sont réunies" in row.locator("blockquote").first.inner_text()
    page.locator("#field-people summary").click()
    page.screenshot(path=str(SHOTS / "dragoman-event.png"), full_page=True)
    assert page.errors == []


def test_show_every_source_opens_all_fields(page):
    page.goto("/events/e-r1")
    page.get_by_role("button", name="Show every source").click()
    details = page.locator("details.sources")
    assert details.count() >= 5
    assert all(details.nth(i).evaluate("d => d.open") for i in range(details.count()))


def test_quote_link_opens_the_document_at_the_span(page):
    page.goto("/events/e-r1")
    page.locator("#field-date summary").click()
    page.locator("#field-date a.at").first.click()
    page.wait_for_url("**/documents/d-fr1?start=52&end=68#span-52")
    focus = page.locator("mark.focus")
    assert focus.inner_text().startswith("jeudi 27 février")


def test_injected_script_never_runs_and_shows_as_text(page):
    for url in ("/documents/d-xss", "/events/e-agree", "/stories/s-xss", "/"):
        page.goto(url)
        page.wait_for_load_state("load")
    page.goto("/documents/d-xss")
    text = page.locator("article.doc-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert page.locator("article.doc-text img, article.doc-text script").count() == 0
    assert XSS_SCRIPT in page.locator("h1").inner_text()
    page.goto("/events/e-agree")
    page.get_by_role("button", name="Show every source").click()
    assert XSS_IMG in page.locator("#field-status blockquote").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == []


def test_search_form_drops_empty_filters_and_finds_events(page):
    page.goto("/")
    page.get_by_label("Search").fill("pétrole")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=p%C3%A9trole")
    assert page.locator("table.events tbody tr").count() == 1
    assert page.locator("table.events a").first.get_attribute("href") == "/events/e-sanction"
