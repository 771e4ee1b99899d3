"""A polled feed's body to its items: what each one links to and what makes it new.

An item is new when its key — its id (the guid, else its link) and its update time — has not been taken
from this feed before: an article the feed says was updated is fetched again (and kept as a new version if
its text changed). Entities are refused as in :mod:`dragoman.ingest` (nothing is expanded or fetched).
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser

from ..errors import BadFeed

_DECLARATIONS = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PROLOG_BYTES = 1_000_000


@dataclass(frozen=True)
class Entry:
    """One feed item: the page it links to, and what the feed says of it."""
    key: str
    link: str
    title: str | None = None
    published: str | None = None  # ISO datetime in UTC, when the feed gives one
    outlet: str | None = None  # the feed's title


def feed_entries(data: bytes, url: str) -> list[Entry]:
    """The items of a feed, in feed order; :class:`BadFeed` when the body is no readable RSS/Atom."""
    if _DECLARATIONS.search(data[:_PROLOG_BYTES]):
        raise BadFeed(url=url, detail="it declares entities, which are not expanded")
    # a stream, not bytes: feedparser treats a short bytes value as a file name or URL to open
    parsed = feedparser.parse(io.BytesIO(data))
    outlet = " ".join(str(parsed.get("feed", {}).get("title", "")).split()) or None
    entries = [entry for raw in parsed.entries if (entry := _entry(raw, url, outlet)) is not None]
    if parsed.get("bozo") and not entries:
        raise BadFeed(url=url, detail=_reason(parsed.get("bozo_exception")))
    if not parsed.get("version") and not entries:
        raise BadFeed(url=url, detail="neither RSS nor Atom")
    return entries


def _entry(raw: Any, feed_url: str, outlet: str | None) -> Entry | None:
    get = dict.get  # FeedParserDict's own get maps "updated" onto "published", with a deprecation warning
    link = str(get(raw, "link") or "").strip()
    if not link:
        return None
    link = urljoin(feed_url, link)
    ident = str(get(raw, "id") or link)
    when = _iso(get(raw, "updated_parsed") or get(raw, "published_parsed"))
    stamp = get(raw, "updated") or get(raw, "published") or ""
    key = hashlib.sha1(f"{ident}\x00{stamp}".encode()).hexdigest()
    title = " ".join(str(get(raw, "title", "")).split()) or None
    return Entry(key=key, link=link, title=title, published=when, outlet=outlet)


def _iso(stamp: Any) -> str | None:
    """feedparser's UTC time tuple as an ISO datetime with its offset."""
    if not stamp:
        return None
    try:
        return "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+00:00".format(*stamp[:6])
    except (TypeError, ValueError, IndexError):
        return None


def _reason(exc: object) -> str:
    text = " ".join(str(exc or "").split())
    return text[:200] or "it does not parse"
