"""The watcher: polls the feeds that are due, reads their new items' pages, ingests them incrementally.

One poll of one feed, in an order that survives a kill at any moment: a conditional GET (ETag,
Last-Modified); the items not taken before; their pages, fetched politely; the new documents through the
one :class:`~dragoman.service.LiveStore` (each document its own transaction); then each item is marked seen
and each page version recorded; last, the feed's validators and next poll are saved. A rerun after a kill
fetches again what was not marked, and the store already holds (or not) each text at each URL, so nothing
is lost and nothing is stored twice. A failing feed (broken XML, a timeout, 429 or 5xx) records its error
and waits a growing backoff; the other feeds go on. A feed answering 410 is gone and never polled again.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import DragomanError, FeedGone, FetchFailed
from ..model import Feed
from .feeds import Entry, feed_entries
from .http import Response, retry_after
from .items import Page, Retry, fetch_page
from .polite import Client, backoff

Clock = Callable[[], datetime]
BATCH = 8  # pages fetched, then ingested together


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PollReport:
    """What one poll of one feed did; ``status`` is ok, unchanged (304), failed or gone."""
    feed: str
    status: str
    items: int = 0  # in the feed
    new: int = 0  # not taken before
    added: int = 0  # documents stored
    failed: int = 0  # items whose page could not be used (stored as failed documents)
    retry: int = 0  # items left for the next poll (no answer this time)
    error: str | None = None
    moved_to: str | None = None

    def line(self) -> str:
        if self.status == "unchanged":
            return f"{self.feed}: not modified"
        head = f"{self.feed}: {self.status}" if self.status != "ok" else f"{self.feed}: {self.items} items, " \
            f"{self.new} new, {self.added} added, {self.failed} failed, {self.retry} to retry"
        moved = f" (moved to {self.moved_to})" if self.moved_to else ""
        return head + moved + (f" — {self.error}" if self.error else "")


@dataclass
class Watcher:
    """Feeds in a store, polled through a polite client; ``live`` builds the LiveStore on first need."""
    store: Any  # a Store that is also a FeedStore
    live: Callable[[], Any]
    client: Client
    interval: float
    min_chars: int
    max_chars: int
    now: Clock = _utcnow

    def add(self, urls: Iterable[str]) -> list[Feed]:
        return [self.store.add_feed(url) for url in dict.fromkeys(u.strip() for u in urls if u.strip())]

    def due(self) -> list[Feed]:
        moment = self.now()
        return [f for f in self.store.feeds()
                if f.status == "active" and (f.next_poll is None or f.next_poll <= moment)]

    def poll_due(self, *, progress: Callable[[PollReport], None] | None = None,
                 stop: threading.Event | None = None) -> list[PollReport]:
        reports = []
        for feed in self.due():
            if stop is not None and stop.is_set():
                break
            report = self.poll(feed, stop=stop)
            reports.append(report)
            if progress is not None:
                progress(report)
        return reports

    def run(self, *, once: bool = False, stop: threading.Event | None = None,
            progress: Callable[[PollReport], None] | None = None) -> list[PollReport]:
        """Polls what is due; with ``once`` returns, else sleeps until the next feed is due, until ``stop``."""
        stop = stop or threading.Event()
        reports: list[PollReport] = []
        while True:
            reports.extend(self.poll_due(progress=progress, stop=stop))
            if once or stop.wait(self.seconds_to_next()):
                return reports

    def seconds_to_next(self) -> float:
        moment = self.now()
        waits = [(f.next_poll - moment).total_seconds() if f.next_poll else 0.0
                 for f in self.store.feeds() if f.status == "active"]
        return min(self.interval, max(1.0, min(waits, default=self.interval)))

    # ------------------------------------------------------------ one feed
    def poll(self, feed: Feed, *, stop: threading.Event | None = None) -> PollReport:
        shown = feed.url  # the report names the feed as it was polled
        try:
            fetched = self.client.get(feed.url, headers=_conditional(feed))
            if fetched.moved_to:
                feed = self._moved(feed, fetched.moved_to)
                self.store.save_feed(shown, feed)  # at once: a kill must not forget the move
                if feed.status == "gone":
                    return PollReport(shown, "gone", error=feed.error, moved_to=fetched.moved_to)
            report = self._answer(feed, fetched.response, stop=stop)
        except FeedGone as exc:
            self.store.save_feed(feed.url, replace(feed, status="gone", error=str(exc), last_poll=self.now(),
                                                   next_poll=None))
            report = PollReport(feed.url, "gone", error=str(exc))
        except DragomanError as exc:
            report = self._failed(feed, exc)
        return replace(report, feed=shown, moved_to=feed.url if feed.url != shown else None)

    def _answer(self, feed: Feed, response: Response, *, stop: threading.Event | None) -> PollReport:
        if response.status == 304:
            self._succeeded(_validated(feed, response))
            return PollReport(feed.url, "unchanged")
        if response.status == 410:
            raise FeedGone(url=feed.url)
        if response.status != 200:
            raise FetchFailed(url=feed.url, detail=f"HTTP {response.status}", status=response.status,
                              retry_after=retry_after(response.header("retry-after")))
        entries = feed_entries(response.body, feed.url)
        report = self._take(feed, entries, stop=stop)
        # new validators only when every new item was taken: else the next poll must see the items again
        self._succeeded(feed if report.retry else _validated(feed, response), error=report.error)
        return report

    def _moved(self, feed: Feed, target: str) -> Feed:
        """A feed moved permanently: polled at its new address, unless another feed is already there."""
        if any(other.url == target for other in self.store.feeds()):
            return replace(feed, status="gone", error=f"moved permanently to {target}, which is already watched",
                           last_poll=self.now(), next_poll=None)
        return replace(feed, url=target)

    def _succeeded(self, feed: Feed, *, error: str | None = None) -> None:
        moment = self.now()
        self.store.save_feed(feed.url, replace(feed, status="active", last_poll=moment, failures=0, error=error,
                                               next_poll=moment + timedelta(seconds=self.interval)))

    def _failed(self, feed: Feed, exc: DragomanError) -> PollReport:
        failures = feed.failures + 1
        wait = backoff(failures, retry_after=getattr(exc, "retry_after", None))
        moment = self.now()
        self.store.save_feed(feed.url, replace(feed, failures=failures, error=str(exc), last_poll=moment,
                                               next_poll=moment + timedelta(seconds=wait)))
        return PollReport(feed.url, "failed", error=str(exc))

    # ------------------------------------------------------------ its items
    def _take(self, feed: Feed, entries: Sequence[Entry], *, stop: threading.Event | None) -> PollReport:
        seen = self.store.seen_items(feed.url, [e.key for e in entries])
        new = list({e.key: e for e in entries if e.key not in seen}.values())
        retry: list[Retry] = []
        added = failed = 0
        for start in range(0, len(new), BATCH):  # stored as they come: a kill loses at most one batch's fetches
            pages: list[Page] = []
            for entry in new[start:start + BATCH]:
                if stop is not None and stop.is_set():
                    retry.append(Retry(FetchFailed(url=entry.link, detail="the watcher was stopped")))
                    continue
                try:
                    pages.append(fetch_page(self.client, entry, min_chars=self.min_chars, max_chars=self.max_chars))
                except Retry as exc:
                    retry.append(exc)
            stored, bad = self._ingest(feed, pages)
            added, failed = added + stored, failed + bad
        error = f"{len(retry)} item(s) to retry: {retry[0].error}" if retry else None
        return PollReport(feed.url, "ok", items=len(entries), new=len(new), added=added, failed=failed,
                          retry=len(retry), error=error)

    def _ingest(self, feed: Feed, pages: list[Page]) -> tuple[int, int]:
        """Stores the pages' documents (new texts only), then marks their items seen; (added, failed)."""
        fresh = self._sources(pages)
        report = self.live().ingest([p.doc for p in fresh]) if fresh else None
        added = set(report.added) if report else set()
        for page in pages:
            doc_id = self.store.document_with_key(page.doc.content_hash) if page.doc.ok else None
            if doc_id is not None:
                self.store.add_page_version(page.url, page.text_hash, doc_id)
            self.store.add_item(feed.url, page.entry.key, url=page.url, document_id=doc_id,
                                error=None if page.doc.ok else str(page.doc.error))
        return len(added), sum(1 for p in fresh if not p.doc.ok)

    def _sources(self, pages: list[Page]) -> list[Page]:
        """The pages worth storing: not the same text at the same URL again (the same text at another URL is
        another source: stored, and the cross-document layer flags the later one a copy)."""
        chosen: list[Page] = []
        for page in pages:
            if page.doc.ok and ((page.url, page.text_hash) in {(p.url, p.text_hash) for p in chosen}
                                or self.store.page_version(page.url, page.text_hash) is not None):
                continue
            chosen.append(page)
        return chosen


def _validated(feed: Feed, response: Response) -> Feed:
    """The feed with the validators the answer gave (a 304 may repeat them or not)."""
    return replace(feed, etag=response.header("etag") or feed.etag,
                   last_modified=response.header("last-modified") or feed.last_modified)


def _conditional(feed: Feed) -> dict[str, str]:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers
