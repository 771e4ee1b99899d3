"""Average-link clustering over a sparse similarity graph, with cannot-link limits.

Only similarities above ``floor`` are stored; every other pair counts as
``floor``, so the average between two groups is over all their pairs, as in
plain average linkage with low similarities clipped. Two groups merge when
that average reaches ``threshold`` and their union stays within the limits:
its reports were published within ``window_days`` of each other and its
documents' own events lie at most ``max_event_gap_days`` apart (rounds of
talks weeks apart stay apart even when every report of them looks alike).
The limits only grow with a group, so a pair refused once is refused for good.

Merges go best first and ties break on the groups' smallest document ids:
the result is a function of the graph alone, not of the order in which it
was built. A group that reaches ``threshold`` with another is always joined
to it by at least one edge at or above ``threshold``, so the components of
those strong edges can be clustered one by one.
"""
from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Node:
    """What the limits need to know of one document."""
    row: int
    key: str  # the document id: canonical order and tie-breaking
    published: int | None = None  # date ordinal
    span: tuple[int, int] | None = None  # own event dates, as ordinals


@dataclass(frozen=True)
class Limits:
    window_days: int = 10
    max_event_gap_days: int = 5


@dataclass
class Group:
    """A cluster while it grows: members and the date ranges the limits check."""
    members: list[int]
    key: str
    # Each range is None or both ends set, so the limits check whole ranges.
    published: tuple[int, int] | None = None  # (earliest, latest) publication
    events: tuple[int, int] | None = None  # (earliest end, latest start) of members' own events
    version: int = 0
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.size = len(self.members)

    @classmethod
    def of(cls, node: Node) -> Group:
        published = None if node.published is None else (node.published, node.published)
        events = (node.span[1], node.span[0]) if node.span else None
        return cls([node.row], node.key, published, events)

    def absorb(self, other: Group) -> None:
        self.members.extend(other.members)
        self.size = len(self.members)
        self.key = min(self.key, other.key)
        self.published = _widen(self.published, other.published)
        self.events = _widen(self.events, other.events)
        self.version += 1


def fits(a: Group, b: Group, limits: Limits) -> bool:
    """Whether every pair across ``a`` and ``b`` respects the limits."""
    if a.published is not None and b.published is not None:
        first, last = _cover(a.published, b.published)
        if last - first > limits.window_days:
            return False
    if a.events is None or b.events is None:
        return True
    (a_end, a_start), (b_end, b_start) = a.events, b.events
    gap = max(b_start - a_end, a_start - b_end)
    return gap <= limits.max_event_gap_days


def average_link(nodes: Sequence[Node], edges: Mapping[int, Mapping[int, float]], *, threshold: float,
                 floor: float, limits: Limits) -> list[list[int]]:
    """Groups of rows; ``edges[row][other]`` is a similarity, symmetric, stored above ``floor``."""
    run = _Run(threshold, floor, limits, {node.row: Group.of(node) for node in nodes})
    run.links = {node.row: {} for node in nodes}
    for node in nodes:
        for other, weight in edges.get(node.row, {}).items():
            if node.row < other and other in run.groups and weight > floor:
                run.links[node.row][other] = run.links[other][node.row] = weight - floor
                run.push(node.row, other)
    run.merge_all()
    return [sorted(g.members) for g in run.groups.values()]


@dataclass
class _Run:
    threshold: float
    floor: float
    limits: Limits
    groups: dict[int, Group]
    links: dict[int, dict[int, float]] = field(default_factory=dict)  # summed (similarity - floor)
    heap: list[tuple] = field(default_factory=list)

    def push(self, a: int, b: int) -> None:
        ga, gb = self.groups[a], self.groups[b]
        average = self.floor + self.links[a][b] / (ga.size * gb.size)
        if average >= self.threshold:
            first, second = sorted((ga.key, gb.key))
            heapq.heappush(self.heap, (-average, first, second, a, b, ga.version, gb.version))

    def merge_all(self) -> None:
        while self.heap:
            _, _, _, a, b, version_a, version_b = heapq.heappop(self.heap)
            ga, gb = self.groups.get(a), self.groups.get(b)
            if ga is None or gb is None or (ga.version, gb.version) != (version_a, version_b):
                continue
            if fits(ga, gb, self.limits):
                self.merge(a, b)

    def merge(self, a: int, b: int) -> None:
        keep, gone = (a, b) if len(self.links[a]) >= len(self.links[b]) else (b, a)
        self.groups[keep].absorb(self.groups.pop(gone))
        near = self.links[keep]
        del near[gone]
        for other, total in self.links.pop(gone).items():
            if other != keep:
                near[other] = near.get(other, 0.0) + total
                self.links[other][keep] = near[other]
                del self.links[other][gone]
        for other in near:
            self.push(keep, other)


def _widen(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    """The smallest range covering both; a missing range adds nothing."""
    if a is None or b is None:
        return b if a is None else a
    return _cover(a, b)


def _cover(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return min(a[0], b[0]), max(a[1], b[1])


def ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()
