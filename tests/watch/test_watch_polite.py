"""The polite client over a fake transport: per-host delay, Retry-After, robots.txt answers, redirects; URLs."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dragoman.errors import ConfigError, FetchFailed, RobotsDisallowed
from dragoman.watch import Client, Response, backoff, canonical_url, feed_urls, page_canonical, retry_after


class FakeFetcher:
    """Answers from a table by URL (robots.txt 404 unless given); a fake clock advances with each request."""

    def __init__(self, answers: dict[str, Response], clock: FakeTime) -> None:
        self.answers = answers
        self.clock = clock
        self.calls: list[tuple[str, float]] = []

    def get(self, url, *, headers, timeout):
        self.calls.append((url, self.clock.now))
        self.clock.now += 0.1
        if url.endswith("/robots.txt") and url not in self.answers:
            return Response(url, 404)
        return self.answers[url]


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def client(answers, *, delay=2.0):
    clock = FakeTime()
    fetcher = FakeFetcher({u: (a if isinstance(a, Response) else Response(u, *a)) for u, a in answers.items()}, clock)
    return Client(fetcher, user_agent="dragoman/test", host_delay=delay, timeout=5.0, clock=clock,
                  sleep=clock.sleep), fetcher, clock


def test_requests_to_one_host_keep_the_delay_and_other_hosts_do_not_wait():
    polite, fetcher, clock = client({"http://a.example/1": (200,), "http://a.example/2": (200,),
                                     "http://b.example/1": (200,)})
    for url in ("http://a.example/1", "http://b.example/1", "http://a.example/2"):
        polite.get(url)
    times = {url: at for url, at in fetcher.calls}
    assert times["http://a.example/2"] - times["http://a.example/1"] >= 2.0
    assert times["http://b.example/robots.txt"] - times["http://a.example/1"] < 0.5  # another host: no wait
    assert times["http://b.example/1"] - times["http://b.example/robots.txt"] >= 2.0  # robots.txt is a request too
    assert all(later - earlier >= 2.0 for (u1, earlier), (u2, later) in zip(fetcher.calls, fetcher.calls[1:])
               if u1.split("/")[2] == u2.split("/")[2])


def test_retry_after_pauses_the_host_without_another_request():
    polite, fetcher, _ = client({"http://a.example/feed": Response("http://a.example/feed", 429, {"retry-after": "120"}),
                                 "http://a.example/page": (200,)}, delay=0.0)
    assert polite.get("http://a.example/feed").response.status == 429
    with pytest.raises(FetchFailed) as caught:
        polite.get("http://a.example/page")
    assert caught.value.status == 429 and 119 <= caught.value.retry_after <= 120
    assert [u for u, _ in fetcher.calls] == ["http://a.example/robots.txt", "http://a.example/feed"]


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (403, True), (500, False), (503, False)])
def test_a_robots_txt_error_allows_all_and_a_server_error_allows_nothing(status, allowed):
    polite, _, _ = client({"http://a.example/robots.txt": (status,), "http://a.example/x": (200,)}, delay=0.0)
    assert polite.allowed("http://a.example/x") is allowed


def test_robots_txt_rules_for_our_agent():
    rules = b"User-agent: dragoman\nDisallow: /archive/\n\nUser-agent: *\nDisallow: /\n"
    polite, _, _ = client({"http://a.example/robots.txt": (200, {}, rules), "http://a.example/archive/1": (200,)})
    assert polite.allowed("http://a.example/news/1") and not polite.allowed("http://a.example/archive/1")
    with pytest.raises(RobotsDisallowed, match="disallowed by robots.txt"):
        polite.get("http://a.example/archive/1")


def test_redirects_are_permanent_only_when_every_hop_is():
    polite, _, _ = client({"http://a.example/1": (301, {"location": "/2"}), "http://a.example/2": (308, {"location": "http://b.example/3"}),
                           "http://b.example/3": (200,), "http://a.example/t": (307, {"location": "/2"})}, delay=0.0)
    assert polite.get("http://a.example/1").moved_to == "http://b.example/3"
    assert polite.get("http://a.example/t").moved_to is None


def test_a_redirect_loop_is_an_error():
    polite, _, _ = client({"http://a.example/1": (302, {"location": "/2"}), "http://a.example/2": (302, {"location": "/1"})},
                          delay=0.0)
    with pytest.raises(FetchFailed, match="more than 5 redirects"):
        polite.get("http://a.example/1")


def test_backoff_doubles_up_to_a_cap_and_never_undercuts_retry_after():
    assert [backoff(n, base=10, cap=50) for n in (1, 2, 3, 4, 5)] == [10, 20, 40, 50, 50]
    assert backoff(1, base=10, retry_after=300) == 300
    assert backoff(3, base=100, retry_after=5) == 400


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    assert retry_after("120") == 120
    assert retry_after("Fri, 01 Mar 2024 12:05:00 GMT", now=now) == 300
    assert retry_after("soon") is None and retry_after(None) is None


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTP://News.Example.COM:80/Monde/article?utm_source=rss&id=4#comments", "http://news.example.com/Monde/article?id=4"),
    ("https://lemonde.example/a%C3%A9?fbclid=xyz&xtor=RSS-3208", "https://lemonde.example/a%C3%A9"),
    ("https://www.example.org", "https://www.example.org/"),
    ("https://example.org:8443/x?b=2&a=1", "https://example.org:8443/x?b=2&a=1"),
])
def test_canonical_urls_drop_tracking_and_spelling(url, canonical):
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical  # a canonical URL is its own canonical form


def test_a_page_may_name_its_canonical_url_on_its_own_site_only():
    own = b'<html><head><link rel="canonical" href="https://www.example.org/story?utm_medium=x"></head></html>'
    other = b"<html><head><link href='https://elsewhere.example/story' rel='canonical'></head></html>"
    assert page_canonical(own, "https://example.org/amp/story") == "https://www.example.org/story"
    assert page_canonical(other, "https://example.org/amp/story") == "https://example.org/amp/story"


def test_feed_lists_read_files_and_refuse_what_is_not_a_url(tmp_path):
    listed = tmp_path / "feeds.txt"
    listed.write_text("# world news\nhttps://a.example/rss.xml\n\nhttps://b.example/atom  # wire\n", encoding="utf-8")
    assert feed_urls(["https://c.example/feed", f"@{listed}"]) == [
        "https://c.example/feed", "https://a.example/rss.xml", "https://b.example/atom"]
    with pytest.raises(ConfigError):
        feed_urls(["feeds.txt"])


@pytest.mark.parametrize("answer", [b"garbage, not HTTP\r\n\r\n", b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\ncut",
                                    b""])
def test_a_server_speaking_nonsense_or_hanging_up_is_a_fetch_error(answer):
    import socket
    import threading

    from dragoman.watch import UrllibFetcher

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(answer)
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed"
    try:
        with pytest.raises(FetchFailed, match="cannot fetch"):
            UrllibFetcher(max_bytes=10_000).get(url, headers={}, timeout=2.0)
    finally:
        thread.join(5)
        listener.close()


def test_a_body_over_the_limit_is_a_fetch_error(site):
    from dragoman.watch import UrllibFetcher

    url = site.set("/big.xml", b"x" * 300_000)
    with pytest.raises(FetchFailed, match="over the limit of 100000 bytes"):
        UrllibFetcher(max_bytes=100_000).get(url, headers={}, timeout=2.0)
