"""Polling feeds: conditional GET, new items only, failures recorded on their feed while the others go on."""
from __future__ import annotations

from datetime import timedelta

from watch_samples import ARTICLES, atom, page, rss


def serve_articles(site, keys, *, host="127.0.0.1", prefix="/a/"):
    for key in keys:
        site.set(f"{prefix}{key}", page(key), headers={"Content-Type": "text/html; charset=utf-8"})
    return [(key, site.url(f"{prefix}{key}", host)) for key in keys]


def test_an_rss_and_an_atom_feed_ingest_each_item_once(site, store, make_watcher, pipeline):
    site.set("/rss.xml", rss(serve_articles(site, ["vienna", "geneve"])))
    site.set("/atom.xml", atom(serve_articles(site, ["pekin", "singapore"], prefix="/wire/")))
    watcher = make_watcher()
    watcher.add([site.url("/rss.xml"), site.url("/atom.xml")])
    reports = watcher.run(once=True)
    assert [(r.status, r.new, r.added) for r in reports] == [("ok", 2, 2), ("ok", 2, 2)]
    docs = store.documents(limit=100)
    assert sorted(d.title for d in docs) == sorted(ARTICLES[k][2] for k in ("vienna", "geneve", "pekin", "singapore"))
    assert {d.url for d in docs} == {site.url(f"/a/{k}") for k in ("vienna", "geneve")} | {
        site.url(f"/wire/{k}") for k in ("pekin", "singapore")}
    geneve = next(d for d in docs if d.url.endswith("/a/geneve"))
    assert geneve.language == "fr" and str(geneve.published) == "2021-06-16" and geneve.outlet == "Les nouvelles"
    assert [f.items for f in store.feeds()] == [2, 2] and all(f.error is None for f in store.feeds())


def test_a_second_poll_with_validators_gets_a_304_and_fetches_no_page(site, store, make_watcher):
    site.set("/rss.xml", rss(serve_articles(site, ["vienna"])), etag='"v1"', last_modified="Tue, 14 Jul 2015 10:00:00 GMT")
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/rss.xml")])
    watcher.run(once=True)
    [again] = watcher.run(once=True)
    assert again.status == "unchanged"
    feed_hits = site.requests("/rss.xml")
    assert len(feed_hits) == 2
    assert feed_hits[1].headers["if-none-match"] == '"v1"'
    assert feed_hits[1].headers["if-modified-since"] == "Tue, 14 Jul 2015 10:00:00 GMT"
    assert len(site.requests("/a/vienna")) == 1
    assert store.feeds()[0].etag == '"v1"'


def test_items_already_taken_are_not_fetched_again_when_the_feed_changes(site, store, make_watcher):
    site.set("/rss.xml", rss(serve_articles(site, ["vienna"])))
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/rss.xml")])
    watcher.run(once=True)
    site.set("/rss.xml", rss(serve_articles(site, ["vienna", "normandie"])))
    [report] = watcher.run(once=True)
    assert (report.items, report.new, report.added) == (2, 1, 1)
    assert len(site.requests("/a/vienna")) == 1 and len(site.requests("/a/normandie")) == 1
    assert store.counts()["documents"] == 2


def test_429_with_retry_after_backs_off_the_feed(site, store, make_watcher):
    site.set("/rss.xml", "slow down", status=429, headers={"Retry-After": "7200"})
    watcher = make_watcher()
    watcher.add([site.url("/rss.xml")])
    [report] = watcher.run(once=True)
    feed = store.feeds()[0]
    assert report.status == "failed" and "HTTP 429" in feed.error and "[E601]" in feed.error
    assert feed.failures == 1 and feed.next_poll - feed.last_poll >= timedelta(seconds=7200)
    assert watcher.run(once=True) == []  # not due before the server's time
    assert len(site.requests("/rss.xml")) == 1


def test_5xx_failures_in_a_row_double_the_wait_and_a_good_poll_resets_it(site, store, make_watcher):
    site.set("/rss.xml", "oops", status=503)
    clock = FakeClock()
    watcher = make_watcher()
    watcher.now = clock
    watcher.add([site.url("/rss.xml")])
    waits = []
    for _ in range(3):
        watcher.run(once=True)
        feed = store.feeds()[0]
        waits.append((feed.next_poll - feed.last_poll).total_seconds())
        clock.moment = feed.next_poll
    assert waits[1] == 2 * waits[0] and waits[2] == 2 * waits[1]
    site.set("/rss.xml", rss(serve_articles(site, ["vienna"])))
    watcher.run(once=True)
    feed = store.feeds()[0]
    assert feed.failures == 0 and feed.error is None and store.counts()["documents"] == 1


def test_a_permanent_redirect_moves_the_feed_and_a_temporary_one_does_not(site, store, make_watcher):
    new = site.set("/new.xml", rss(serve_articles(site, ["vienna"])))
    site.set("/old.xml", status=301, headers={"Location": "/new.xml"})
    site.set("/tmp.xml", status=302, headers={"Location": "/new2.xml"})
    site.set("/new2.xml", rss(serve_articles(site, ["geneve"])))
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/old.xml"), site.url("/tmp.xml")])
    moved, kept = watcher.run(once=True)
    assert moved.moved_to == new and kept.moved_to is None
    assert [f.url for f in store.feeds()] == [new, site.url("/tmp.xml")]
    assert store.feeds()[0].given_url == site.url("/old.xml")
    watcher.run(once=True)
    assert len(site.requests("/old.xml")) == 1 and len(site.requests("/tmp.xml")) == 2
    assert watcher.add([site.url("/old.xml")])[0].url == new  # the old address still names the moved feed


def test_410_marks_the_feed_gone_and_it_is_never_polled_again(site, store, make_watcher):
    site.set("/rss.xml", "gone", status=410)
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/rss.xml")])
    [report] = watcher.run(once=True)
    assert report.status == "gone" and store.feeds()[0].status == "gone" and "[E603]" in store.feeds()[0].error
    assert watcher.run(once=True) == [] and len(site.requests("/rss.xml")) == 1


def test_broken_xml_is_an_error_on_its_feed_and_the_other_feeds_go_on(site, store, make_watcher):
    site.set("/broken.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Oops</title><item><title>Half')
    site.set("/html.xml", "<html><body><p>This is a login page, not a feed.</p></body></html>")
    site.set("/rss.xml", rss(serve_articles(site, ["pekin"])))
    watcher = make_watcher()
    watcher.add([site.url("/broken.xml"), site.url("/html.xml"), site.url("/rss.xml")])
    reports = watcher.run(once=True)
    assert [r.status for r in reports] == ["failed", "failed", "ok"]
    broken, html, good = store.feeds()
    assert "[E604]" in broken.error and site.url("/broken.xml") in broken.error and "[E604]" in html.error
    assert good.error is None and store.counts()["documents"] == 1


def test_a_slow_feed_times_out_and_the_next_feed_is_read(site, store, make_watcher):
    site.set("/slow.xml", rss(serve_articles(site, ["vienna"])), delay=3.0)
    site.set("/rss.xml", rss(serve_articles(site, ["pekin"], prefix="/b/")))
    watcher = make_watcher(timeout=0.5)
    watcher.add([site.url("/slow.xml", "localhost"), site.url("/rss.xml")])
    slow, good = watcher.run(once=True)
    assert slow.status == "failed" and "timed out" in slow.error
    assert good.status == "ok" and store.counts()["documents"] == 1
    assert store.feeds()[0].failures == 1


def test_a_page_that_times_out_is_retried_at_the_next_poll(site, store, make_watcher):
    items = serve_articles(site, ["vienna", "geneve"])
    site.set("/a/geneve", page("geneve"), delay=3.0)
    site.set("/rss.xml", rss(items), etag='"e1"')
    watcher = make_watcher(timeout=0.5, interval=0.0)
    watcher.add([site.url("/rss.xml")])
    [first] = watcher.run(once=True)
    assert (first.added, first.retry) == (1, 1) and "timed out" in store.feeds()[0].error
    assert store.feeds()[0].etag is None  # the validators wait until every item is taken
    site.set("/a/geneve", page("geneve"))
    [second] = watcher.run(once=True)
    assert (second.new, second.added, second.retry) == (1, 1, 0) and store.counts()["documents"] == 2
    assert store.feeds()[0].etag == '"e1"' and store.feeds()[0].error is None


def test_a_bad_article_is_a_stored_error_naming_its_url(site, store, make_watcher):
    items = serve_articles(site, ["vienna"]) + [("singapore", site.url("/missing")), ("geneve", site.url("/scan"))]
    site.set("/scan", b"%PDF-1.4\n\x00\x01\x02 binary", headers={"Content-Type": "application/pdf"})
    site.set("/rss.xml", rss(items))
    watcher = make_watcher()
    watcher.add([site.url("/rss.xml")])
    [report] = watcher.run(once=True)
    assert (report.new, report.added, report.failed) == (3, 1, 2)
    errors = {d.source: d.error for d in store.documents(errors=True)}
    assert errors[site.url("/missing")].code == "E601" and site.url("/missing") in str(errors[site.url("/missing")])
    assert errors[site.url("/scan")].code == "E102" and site.url("/scan") in str(errors[site.url("/scan")])
    assert [d.title for d in store.documents(errors=False)] == [ARTICLES["vienna"][2]]


class FakeClock:
    def __init__(self):
        from datetime import UTC, datetime

        self.moment = datetime(2024, 1, 1, tzinfo=UTC)

    def __call__(self):
        return self.moment
