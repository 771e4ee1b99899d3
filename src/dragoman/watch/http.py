"""HTTP for the watcher, injected: a :class:`Fetcher` makes one request and never follows a redirect.

The watcher decides what a redirect means (a permanent one moves a feed), so the fetcher hands every answer
back as a :class:`Response`, 3xx, 4xx and 5xx included; only a network failure, a timeout or a body over the
limit raise :class:`~dragoman.errors.FetchFailed`. :class:`UrllibFetcher` is the real one (the standard
library: no extra dependency); tests pass a local server's URLs to it, or a fake.
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import IO, Any, Protocol

from ..errors import FetchFailed

_CHUNK = 65_536


@dataclass(frozen=True)
class Response:
    """One HTTP answer; ``headers`` with lower-case names."""
    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class Fetcher(Protocol):
    def get(self, url: str, *, headers: Mapping[str, str], timeout: float) -> Response:
        """One GET of ``url``, redirects not followed; :class:`FetchFailed` when no answer came in time."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        return None  # urllib then raises the 3xx as an HTTPError, which becomes a Response


class UrllibFetcher:
    """The standard library's HTTP client with a total deadline per request and a bounded body."""

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._opener = urllib.request.build_opener(_NoRedirect())

    def get(self, url: str, *, headers: Mapping[str, str], timeout: float) -> Response:
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(url, headers=dict(headers), method="GET")
        try:
            answer = self._opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:  # a status other than 2xx is an answer too
            with exc:
                return Response(url, exc.code, _headers(exc.headers), self._body(exc, url, deadline))
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchFailed(url=url, detail=_reason(exc)) from None
        with answer:
            return Response(url, answer.status, _headers(answer.headers), self._body(answer, url, deadline))

    def _body(self, stream: IO[bytes], url: str, deadline: float) -> bytes:
        """The body, read in chunks: a host that trickles bytes still meets the deadline."""
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchFailed(url=url, detail=f"body over the limit of {self.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise FetchFailed(url=url, detail="timed out reading the body")
                chunks.append(chunk)
        except (http.client.HTTPException, OSError, ValueError) as exc:  # a connection cut midway, a bad chunk
            raise FetchFailed(url=url, detail=_reason(exc)) from None
        declared = getattr(stream, "length", None)  # what Content-Length promised and did not come
        if declared:
            raise FetchFailed(url=url, detail=f"the connection closed {declared} bytes before the body's end")
        return b"".join(chunks)


def _headers(message: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in message.items()} if message is not None else {}


def _reason(exc: BaseException) -> str:
    cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(cause, (socket.timeout, TimeoutError)):
        return "timed out"
    return " ".join(str(cause).split()) or type(cause).__name__


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date); None when absent or bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
