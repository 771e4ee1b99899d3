"""Merging: candidates from every document -> one Event per real-world event.

Candidates join when they agree on type, parties, place and time (date
intervals overlap). Candidates with no date of their own join the main event
of their document, else of their story. Each field of the merged event keeps
every document's value (provenance); the chosen value is the best supported
one, sources with quality flags weighing less; disagreements become
conflicts. The procedure works on candidates sorted canonically, so the
result does not depend on the order documents arrived in.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Document, Event, EventCandidate, Location
from .fields import resolve_event

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "unknown": 5}


@dataclass
class Group:
    """Candidates believed to describe one event, while merging."""
    members: list[EventCandidate] = field(default_factory=list)

    @property
    def first(self) -> EventCandidate:
        return self.members[0]

    def codes(self) -> set[str]:
        return {a.code for c in self.members for a in c.actors}

    def main_in(self, docs: set[str]) -> int:
        return sum(1 for c in self.members if not c.background and c.document in docs)


def canonical(cand: EventCandidate) -> tuple:
    d = cand.date
    start = cand.evidence[0].start if cand.evidence else 0
    return (PRECISION_RANK.get(d.precision, 5), d.start.isoformat() if d.start else "", cand.document, start,
            cand.type)


def merge_candidates(candidates: Sequence[EventCandidate], *, documents: Mapping[str, Document],
                     story_of: Mapping[str, str]) -> list[Event]:
    ordered = sorted(candidates, key=canonical)
    groups: list[Group] = []
    for cand in (c for c in ordered if c.date.known):
        place(cand, groups, dated_match)
    for cand in (c for c in ordered if not c.date.known):
        target = undated_home(cand, groups, story_of)
        if target is None:
            place(cand, groups, undated_peer(story_of))
        else:
            target.members.append(cand)
    events = [resolve_event(event_id(g.members), g.members, documents) for g in groups]
    return sorted(events, key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.id))


def place(cand: EventCandidate, groups: list[Group], match) -> None:
    for group in groups:
        if match(group, cand):
            group.members.append(cand)
            return
    groups.append(Group([cand]))


def same_kind(group: Group, cand: EventCandidate) -> bool:
    first = group.first
    if first.type != cand.type or (first.mode == "phone") != (cand.mode == "phone"):
        return False
    have, want = group.codes(), cand.actor_codes
    return want <= have or have <= want or len(have & want) >= 2


def places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return a.name == b.name or not (a.geonames_id and b.geonames_id)


def dates_overlap(a, b) -> bool:
    return not (a.end < b.start or b.end < a.start)


def dated_match(group: Group, cand: EventCandidate) -> bool:
    if not all(places_agree(m.location, cand.location) for m in group.members):
        return False
    if same_kind(group, cand):
        return any(m.date.known and dates_overlap(m.date, cand.date) for m in group.members)
    return same_day_same_city(group, cand)


def same_day_same_city(group: Group, cand: EventCandidate) -> bool:
    """Two readings of one type on the same day in the same city sharing a party are one event,
    even when the parse found different other parties (a mediator, a host)."""
    first = group.first
    if first.type != cand.type or cand.location is None or cand.date.precision != "day":
        return False
    return bool(group.codes() & cand.actor_codes) and any(
        m.date.precision == "day" and m.date.start == cand.date.start and m.location is not None
        and m.location.name == cand.location.name for m in group.members)


def undated_match(group: Group, cand: EventCandidate) -> bool:
    return same_kind(group, cand) and all(places_agree(m.location, cand.location) for m in group.members)


class undated_peer:
    """Undated candidates with no dated home join only undated readings from their own story."""

    def __init__(self, story_of: Mapping[str, str]) -> None:
        self.story_of = story_of

    def __call__(self, group: Group, cand: EventCandidate) -> bool:
        story = self.story_of.get(cand.document, cand.document)
        return (undated_match(group, cand) and not any(m.date.known for m in group.members)
                and all(self.story_of.get(m.document, m.document) == story for m in group.members))


def undated_home(cand: EventCandidate, groups: list[Group], story_of: Mapping[str, str]) -> Group | None:
    """The main event of the candidate's own document, else of its story."""
    own = [g for g in groups if undated_match(g, cand) and g.main_in({cand.document})]
    if own:
        return max(own, key=lambda g: (g.main_in({cand.document}), latest(g)))
    story = story_of.get(cand.document)
    siblings = {d for d, s in story_of.items() if s == story} if story else set()
    near = [g for g in groups if undated_match(g, cand) and g.main_in(siblings)]
    return max(near, key=lambda g: (g.main_in(siblings), latest(g))) if near else None


def latest(group: Group) -> str:
    starts = [m.date.start.isoformat() for m in group.members if m.date.start]
    return max(starts) if starts else ""


def event_id(members: Sequence[EventCandidate]) -> str:
    first = min(members, key=lambda c: (c.document, c.evidence[0].start if c.evidence else 0))
    codes = ",".join(sorted({a.code for c in members for a in c.actors}))
    key = f"{first.type}|{codes}|{first.document}|{first.evidence[0].start if first.evidence else 0}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def reportable(event: Event) -> bool:
    """An event needs two distinct parties to be worth a row of the timeline."""
    return len({a.code for a in event.actors}) >= 2
