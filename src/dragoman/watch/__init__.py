"""Watching feeds (``dragoman watch``): RSS/Atom polled politely, new items' pages ingested as they come.

    watcher = open_watcher(store, live=lambda: LiveStore(store, Pipeline()))
    watcher.add(["https://news.example/rss.xml"])
    watcher.run(once=True, progress=print)

``http`` is the injected transport (:class:`Fetcher`; :class:`UrllibFetcher` in production), ``polite``
the one client every request goes through (robots.txt, per-host delay, Retry-After, redirects, backoff),
``urls`` canonical page addresses, ``feeds`` a feed's items, ``items`` an item's page as a document that
knows its source, and ``watcher`` the poll loop. Its state lives in the store
(:class:`~dragoman.store.FeedStore`), so a killed watcher resumes where it stopped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..config import Settings, settings
from ..errors import ConfigError
from .feeds import Entry, feed_entries
from .http import Fetcher, Response, UrllibFetcher, retry_after
from .items import source_hash, url_id
from .polite import Client, Fetched, backoff
from .urls import canonical_url, page_canonical
from .watcher import PollReport, Watcher

__all__ = ["Client", "Entry", "Fetched", "Fetcher", "PollReport", "Response", "UrllibFetcher", "Watcher", "backoff",
           "canonical_url", "feed_entries", "feed_urls", "open_watcher", "page_canonical", "retry_after",
           "source_hash", "url_id"]


def open_watcher(store: Any, *, live: Callable[[], Any], fetcher: Fetcher | None = None, conf: Settings | None = None,
                 interval: float | None = None, host_delay: float | None = None,
                 timeout: float | None = None) -> Watcher:
    """A watcher over ``store`` with the configured politeness (``DRAGOMAN_WATCH_*``), options winning."""
    conf = conf or settings()
    client = Client(fetcher or UrllibFetcher(max_bytes=conf.max_bytes), user_agent=conf.user_agent,
                    host_delay=conf.watch_host_delay if host_delay is None else host_delay,
                    timeout=conf.watch_timeout if timeout is None else timeout)
    return Watcher(store=store, live=live, client=client,
                   interval=conf.watch_interval if interval is None else interval,
                   min_chars=conf.min_chars, max_chars=conf.max_chars)


def feed_urls(args: Iterable[str], *, files: Iterable[Path] = ()) -> list[str]:
    """Feed URLs from arguments (``@FILE`` reads a file) and files: one URL a line, ``#`` lines are comments."""
    urls: list[str] = []
    named = list(files)
    for arg in args:
        if arg.startswith("@"):
            named.append(Path(arg[1:]))
        else:
            urls.append(arg.strip())
    for path in named:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(name="feeds file", detail=f"cannot read {path}: {exc}") from exc
        urls.extend(line.split()[0] for line in lines if line.strip() and not line.lstrip().startswith("#"))
    bad = [u for u in urls if u and not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise ConfigError(name="FEED", detail=f"{bad[0]!r} is not an http(s) URL")
    return list(dict.fromkeys(u for u in urls if u))
