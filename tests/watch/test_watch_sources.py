"""Sources, not just texts: one URL one document, a changed page a new version, the same text elsewhere a copy."""
from __future__ import annotations

import pytest
from test_watch_poll import serve_articles
from watch_samples import ARTICLES, HashEmbedder, NoNlpPipeline, page, rss

from dragoman.service import LiveStore
from dragoman.stories import COPY_FLAG


def poll(site, make_watcher, items):
    site.set("/rss.xml", rss(items))
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/rss.xml")])
    return watcher.run(once=True)


def test_the_same_url_in_two_feeds_and_two_spellings_is_one_document(site, store, make_watcher):
    serve_articles(site, ["vienna"])
    site.set("/other.xml", rss([("vienna", site.url("/a/vienna?utm_source=rss&utm_medium=feed#top"))]))
    poll(site, make_watcher, [("vienna", site.url("/a/vienna"))])
    watcher = make_watcher()
    report = watcher.poll(*watcher.add([site.url("/other.xml")]))
    assert (report.new, report.added) == (1, 0)
    [doc] = store.documents()
    assert doc.url == site.url("/a/vienna")
    assert [f.items for f in store.feeds()] == [1, 1]  # each feed took the item; the store holds it once


def test_a_changed_article_at_the_same_url_is_kept_as_a_second_version(site, store, make_watcher):
    serve_articles(site, ["geneve"])
    site.set("/rss.xml", rss([("geneve", site.url("/a/geneve"))]))
    watcher = make_watcher(interval=0.0)
    watcher.add([site.url("/rss.xml")])
    watcher.run(once=True)
    site.set("/a/geneve", page("geneve", extra="Mise à jour : les deux délégations publieront une déclaration commune."))
    # the feed says the item was updated (its date changed): it is taken again
    site.set("/rss.xml", rss([("geneve", site.url("/a/geneve"))]).replace("+0000", "+0100"))
    [report] = watcher.run(once=True)
    assert (report.new, report.added) == (1, 1)
    first, second = store.documents()
    assert first.url == second.url == site.url("/a/geneve")
    assert second.id == f"{first.id}~{second.content_hash[:8]}" and "Mise à jour" in second.text
    assert "Mise à jour" not in first.text
    site.set("/rss.xml", rss([("geneve", site.url("/a/geneve"))]).replace("+0000", "+0200"))
    [again] = watcher.run(once=True)  # updated again, same text: a no-op
    assert (again.new, again.added) == (1, 0) and store.counts()["documents"] == 2


@pytest.fixture
def layered(make_watcher, store):
    """A watcher whose LiveStore runs the real cross-document layer (stories, wire copies) without spaCy."""
    live = LiveStore(store, NoNlpPipeline(embedder=HashEmbedder()))

    def make(**options):
        watcher = make_watcher(**options)
        watcher.live = lambda: live
        return watcher

    return make, live


def test_the_same_text_at_two_urls_is_two_documents_the_later_one_a_copy(site, store, layered):
    make, live = layered
    serve_articles(site, ["pekin"])
    serve_articles(site, ["pekin"], host="localhost", prefix="/syndication/")
    poll(site, make, [("pekin", site.url("/a/pekin"))])
    # the agency's copy comes out the next morning
    wire = rss([("pekin", site.url("/syndication/pekin", "localhost"))], title="Agence").replace("Fri, 10 Mar", "Sat, 11 Mar")
    site.set("/wire.xml", wire)
    watcher = make()
    report = watcher.poll(*watcher.add([site.url("/wire.xml")]))
    assert report.added == 1
    first, second = store.documents()
    assert first.text == second.text and first.url != second.url and str(second.published) == "2023-03-11"
    assert COPY_FLAG not in first.flags and COPY_FLAG in second.flags
    assert COPY_FLAG in live.assembly.docs[second.id].flags and COPY_FLAG not in live.assembly.docs[first.id].flags


def test_copies_found_in_one_poll_are_flagged_in_the_store_and_the_layer(site, store, layered):
    make, live = layered
    serve_articles(site, ["normandie"])
    serve_articles(site, ["normandie"], prefix="/copy/")
    [report] = poll(site, make, [("normandie", site.url("/a/normandie")), ("normandie", site.url("/copy/normandie"))])
    assert report.added == 2
    in_layer = {doc.url: COPY_FLAG in doc.flags for doc in live.assembly.docs.values()}
    assert sorted(in_layer.values()) == [False, True]  # one original, one copy
    assert {d.url: COPY_FLAG in d.flags for d in store.documents()} == in_layer


def test_a_page_naming_its_canonical_url_is_stored_under_it(site, store, make_watcher):
    site.set("/amp/vienna", page("vienna", canonical="/news/vienna?utm_campaign=x"))
    poll(site, make_watcher, [("vienna", site.url("/amp/vienna"))])
    [doc] = store.documents()
    assert doc.url == site.url("/news/vienna") and doc.title == ARTICLES["vienna"][2]


def test_robots_txt_disallowing_a_page_is_respected(site, store, make_watcher):
    site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n")
    serve_articles(site, ["vienna"])
    serve_articles(site, ["singapore"], prefix="/private/")
    poll(site, make_watcher, [("vienna", site.url("/a/vienna")), ("singapore", site.url("/private/singapore"))])
    assert site.requests("/private/singapore") == []
    assert len(site.requests("/robots.txt")) == 1  # read once per host
    [failed] = store.documents(errors=True)
    assert failed.error.code == "E602" and site.url("/private/singapore") in str(failed.error)
    assert [d.title for d in store.documents(errors=False)] == [ARTICLES["vienna"][2]]


def test_robots_txt_disallowing_the_feed_for_our_agent_only(site, store, make_watcher):
    site.set("/robots.txt", "User-agent: dragoman\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    [report] = poll(site, make_watcher, serve_articles(site, ["vienna"]))
    assert report.status == "failed" and "[E602]" in report.error
    assert site.requests("/rss.xml") == [] and store.counts()["documents"] == 0
