"""Canonical page URLs: one article, one address, however a feed or a share link spelled it.

Two spellings of one page (tracking parameters, a fragment, an upper-case host, a default port) must meet,
or the same article would be stored twice; the page's own ``<link rel="canonical">`` wins when it names a
page of the same site. The tracking parameters are data (``data/common/tracking_params.json``).
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from ..languages import common_data

_DEFAULT_PORTS = {"http": 80, "https": 443}
_CANONICAL = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(rb"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
_HEAD_BYTES = 200_000  # a canonical link sits in the head


@cache
def _tracking() -> tuple[tuple[str, ...], frozenset[str]]:
    data = common_data("tracking_params")
    return tuple(data["prefixes"]), frozenset(data["names"])


def is_tracking(name: str) -> bool:
    prefixes, names = _tracking()
    lowered = name.lower()
    return lowered in names or lowered.startswith(prefixes)


def canonical_url(url: str) -> str:
    """``url`` without fragment or tracking parameters, scheme and host lower-case, no default port, the path's
    escapes normalised; the other parameters keep their order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = host if port is None else f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def page_canonical(markup: bytes, page_url: str) -> str:
    """The page's canonical URL: its ``<link rel="canonical">`` when it points into the same site, else the
    address it was fetched from (canonicalised either way)."""
    found = _CANONICAL.search(markup[:_HEAD_BYTES])
    href = _HREF.search(found.group(0)) if found else None
    if href is not None:
        raw = next(g for g in href.groups() if g is not None).decode("utf-8", "replace").strip()
        target = urljoin(page_url, raw)
        if raw and _site(target) == _site(page_url):  # a page may not claim another site's address
            return canonical_url(target)
    return canonical_url(page_url)


def host_of(url: str) -> str:
    """``scheme://host[:port]``: the unit of politeness (delay, robots.txt, Retry-After)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _site(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
