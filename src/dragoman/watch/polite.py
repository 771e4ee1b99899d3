"""Politeness: what the watcher owes the sites it reads.

Every request goes through one :class:`Client`, which (per host: scheme, name and port) reads robots.txt
first and obeys it (RFC 9309: a missing file allows everything, a server error forbids everything until it
answers), keeps ``host_delay`` seconds between two requests, and after a 429 or 503 with ``Retry-After``
sends nothing more to that host until the time has passed. It follows redirects itself and says when every
hop was permanent (301, 308): a feed that moved is polled at its new address from then on. A feed that
fails waits :func:`backoff` seconds before its next poll: doubling with each failure in a row, never less
than the server's ``Retry-After``.
"""
from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from ..errors import FetchFailed, RobotsDisallowed
from .http import Fetcher, Response, retry_after
from .urls import host_of

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
MAX_HOPS = 5
BACKOFF_BASE = 60.0  # seconds after a first failure
BACKOFF_MAX = 6 * 3600.0
RETRY_AFTER_MAX = 24 * 3600.0  # a server asking for more is asking for a day
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted
ROBOTS_RETRY = 300.0  # seconds before asking again a host whose robots.txt did not answer


def backoff(failures: int, *, retry_after: float | None = None, base: float = BACKOFF_BASE,
            cap: float = BACKOFF_MAX) -> float:
    """Seconds before the next poll after ``failures`` failed polls in a row."""
    delay = min(cap, base * 2 ** max(0, failures - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, RETRY_AFTER_MAX))
    return delay


@dataclass(frozen=True)
class Fetched:
    """The final answer of a GET; ``moved_to`` is set when every redirect on the way was permanent."""
    response: Response
    moved_to: str | None = None


@dataclass
class _Robots:
    rules: urllib.robotparser.RobotFileParser | None  # None: nothing is disallowed
    allow_all: bool
    until: float


class Client:
    """Polite GETs over a :class:`~dragoman.watch.http.Fetcher` (see the module docstring)."""

    def __init__(self, fetcher: Fetcher, *, user_agent: str, host_delay: float, timeout: float,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.fetcher = fetcher
        self.user_agent = user_agent
        self.host_delay = host_delay
        self.timeout = timeout
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._paused: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url`` following redirects; conditional ``headers`` go with the first request only."""
        moved: str | None = None
        permanent = True
        for hop in range(MAX_HOPS + 1):
            response = self._one(url, headers if hop == 0 and headers else {})
            if response.status not in REDIRECTS:
                return Fetched(response, moved if permanent else None)
            location = response.header("location")
            if not location:
                raise FetchFailed(url=url, detail=f"HTTP {response.status} without a Location", status=response.status)
            permanent = permanent and response.status in PERMANENT
            url = moved = urljoin(url, location.strip())
        raise FetchFailed(url=url, detail=f"more than {MAX_HOPS} redirects")

    def allowed(self, url: str) -> bool:
        robots = self._robots_of(host_of(url))
        return robots.allow_all or (robots.rules is not None and robots.rules.can_fetch(self.user_agent, url))

    def _one(self, url: str, headers: Mapping[str, str]) -> Response:
        host = host_of(url)
        self._check_pause(host, url)
        if not self.allowed(url):
            raise RobotsDisallowed(url=url)
        return self._fetch(host, url, headers)

    def _fetch(self, host: str, url: str, headers: Mapping[str, str]) -> Response:
        self._check_pause(host, url)
        wait = self._last.get(host, float("-inf")) + self.host_delay - self.clock()
        if wait > 0:
            self.sleep(wait)
        try:
            response = self.fetcher.get(url, headers={**headers, "User-Agent": self.user_agent}, timeout=self.timeout)
        finally:
            self._last[host] = self.clock()
        asked = retry_after(response.header("retry-after")) if response.status in (429, 503) else None
        if asked:
            self._paused[host] = self.clock() + min(asked, RETRY_AFTER_MAX)
        return response

    def _check_pause(self, host: str, url: str) -> None:
        left = self._paused.get(host, 0.0) - self.clock()
        if left > 0:
            raise FetchFailed(url=url, detail=f"the host asked to wait {left:.0f} s more (Retry-After)", status=429,
                              retry_after=left)

    def _robots_of(self, host: str) -> _Robots:
        known = self._robots.get(host)
        if known is None or known.until <= self.clock():
            known = self._robots[host] = self._read_robots(host)
        return known

    def _read_robots(self, host: str) -> _Robots:
        url = f"{host}/robots.txt"
        try:
            for _ in range(MAX_HOPS + 1):
                response = self._fetch(host_of(url), url, {})
                if response.status not in REDIRECTS or not response.header("location"):
                    break
                url = urljoin(url, str(response.header("location")))
        except FetchFailed:
            return _Robots(None, False, self.clock() + ROBOTS_RETRY)
        if response.status >= 500 or response.status in REDIRECTS:  # unreachable: assume everything is off limits
            return _Robots(None, False, self.clock() + ROBOTS_RETRY)
        if response.status >= 400:  # no robots.txt: nothing is disallowed
            return _Robots(None, True, self.clock() + ROBOTS_TTL)
        rules = urllib.robotparser.RobotFileParser(url)
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return _Robots(rules, False, self.clock() + ROBOTS_TTL)
