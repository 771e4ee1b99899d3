"""Series: rounds of talks between the same parties on the same subject.

Meetings (CONSULT, not by phone) between the same set of states are ordered
by date and linked ``previous_round`` / ``next_round``; two meetings whose
topics are both known and share nothing belong to different series.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import Event, Relation

ROUND_TYPES = frozenset({"CONSULT"})


def is_round(event: Event) -> bool:
    return event.type in ROUND_TYPES and event.mode != "phone" and event.date.known


def same_subject(a: Event, b: Event) -> bool:
    return not (a.topics and b.topics) or bool(set(a.topics) & set(b.topics))


def link_series(events: Sequence[Event]) -> list[Event]:
    by_dyad: dict[frozenset[str], list[Event]] = defaultdict(list)
    for event in events:
        if is_round(event):
            by_dyad[frozenset(a.code for a in event.actors)].append(event)
    links: dict[str, list[Relation]] = defaultdict(list)
    for rounds in by_dyad.values():
        rounds.sort(key=lambda e: (e.date.start, e.id))
        for before, after in zip(rounds, rounds[1:]):
            if same_subject(before, after):
                links[before.id].append(Relation(after.id, "next_round"))
                links[after.id].append(Relation(before.id, "previous_round"))
    return [replace(e, related=tuple(e.related) + tuple(links[e.id])) if e.id in links else e for e in events]
