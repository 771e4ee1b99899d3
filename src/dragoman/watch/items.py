"""A new feed item's page, fetched and read into a document that knows its source.

Sources, not just texts: a watched document is keyed by its canonical URL *and* its text. The same text at
the same URL is already stored (a no-op); a changed text at the same URL is a new version, kept (its id is
the first version's, suffixed with its content, as :class:`~dragoman.service.LiveStore` does for any reused
id); the same text at another URL is a second document, which the cross-document layer flags a copy
(``near_duplicate``: the later publication; on the same day, the larger id) so that events weigh the two
as one source.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from ..errors import DragomanError, FetchFailed, WatchError
from ..ingest import read_page
from ..model import Document
from .feeds import Entry
from .polite import Client
from .urls import canonical_url, page_canonical

TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})  # try the item again at the next poll


@dataclass(frozen=True)
class Page:
    """A new item read: its document (``error`` set when the page could not be used) and its text's hash."""
    entry: Entry
    url: str
    doc: Document
    text_hash: str = ""


class Retry(Exception):
    """A page that did not answer this time (timeout, 429, 5xx): its item stays new, the feed is read again."""

    def __init__(self, error: WatchError) -> None:
        super().__init__(str(error))
        self.error = error


def url_id(url: str) -> str:
    """A page's document id: its canonical URL's hash (a later version adds its content's)."""
    return "u" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:15]


def source_hash(url: str, text_hash: str) -> str:
    """The store's key of a watched document: its URL and its text (the same text elsewhere is another source)."""
    return hashlib.sha256(f"{url}\n{text_hash}".encode("utf-8", "surrogatepass")).hexdigest()


def fetch_page(client: Client, entry: Entry, *, min_chars: int, max_chars: int) -> Page:
    """The item's page as a document; :class:`Retry` when it should be fetched again later."""
    try:
        fetched = client.get(entry.link)
    except FetchFailed as exc:
        if exc.status is None or exc.status in TRANSIENT:
            raise Retry(exc) from None
        return failed(entry, canonical_url(entry.link), exc)
    except WatchError as exc:  # robots.txt forbids the page: it is not fetched, and says why
        return failed(entry, canonical_url(entry.link), exc)
    response = fetched.response
    if response.status != 200:
        error = FetchFailed(url=response.url, detail=f"HTTP {response.status}", status=response.status)
        if response.status in TRANSIENT:
            raise Retry(error)
        return failed(entry, canonical_url(response.url), error)
    url = page_canonical(response.body, response.url)
    doc = read_page(response.body, url=url, title=entry.title, published=entry.published, outlet=entry.outlet,
                    given_id=url_id(url), min_chars=min_chars, max_chars=max_chars)
    if not doc.ok:
        return Page(entry, url, replace(doc, id=_failed_id(url, str(doc.error)), source=url, url=url))
    return Page(entry, url, replace(doc, content_hash=source_hash(url, doc.content_hash), source=url),
                text_hash=doc.content_hash)


def failed(entry: Entry, url: str, error: DragomanError) -> Page:
    record = error.record()
    doc = Document(id=_failed_id(url, str(record)), source=url, text="", url=url, title=entry.title, error=record)
    return Page(entry, url, doc)


def _failed_id(url: str, error: str) -> str:
    return "x" + hashlib.sha1(f"{url}\n{error}".encode("utf-8", "surrogatepass")).hexdigest()[:15]
