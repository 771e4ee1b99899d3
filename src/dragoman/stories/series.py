"""Series: rounds of a negotiation track, ordered and linked ``previous_round`` / ``next_round``.

A round is a meeting (CONSULT, not by phone, not a visit, not called off) with a date. A round continues a
track when its parties fit those of the track's last round (one side's parties hold the other's, or they
share two: a mediator read by one source only; fitting pairwise bounds what one new round can change to the rounds linked to
it), both are held at the same level (a leaders' summit is not a round of a ministers' track;
``data/common/levels.json``) and their subjects do not exclude each other (topics both known and
disjoint, and no head of delegation in common). Each round continues the latest round it fits held at
most a year before it (:class:`Rounds`); two rounds may continue one, and the track branches.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..languages import common_data, language_data, languages
from ..model import Event, Person, Relation
from .people import keys as name_keys
from .people import same_person
from .resolution import parties_fit

ROUND_TYPES = frozenset({"CONSULT"})


NOT_ROUNDS = frozenset({"phone", "visit"})  # a call, or one side's visit to the other, is no round of a track


def is_round(event: Event) -> bool:
    """A dated meeting, not by phone nor a visit, and not one called off: a round never held links nothing."""
    return (event.type in ROUND_TYPES and event.mode not in NOT_ROUNDS and event.date.known
            and event.status != "cancelled")


def same_subject(a: Event, b: Event) -> bool:
    """Two rounds are on one subject unless their topics, both known, are disjoint and no one leads a
    delegation at both: the same negotiators meeting again continue their track whatever each report
    says they discussed (topics read off one article are partial)."""
    if not (a.topics and b.topics) or set(a.topics) & set(b.topics):
        return True
    return any(same_person(p.name, q.name) for p in heads(a) for q in heads(b))


def heads(event: Event) -> list[Person]:
    return [p for p in event.people if p.role == "head_of_delegation" and p.name]


@lru_cache(maxsize=1)
def _leader_titles() -> tuple[str, ...]:
    keys = common_data("levels")["leaders"]
    forms = {f.lower() for lang in languages() for key, spec in language_data(lang, "people")["titles"].items()
             if key in keys for f in spec.get("forms", ())}
    return tuple(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _leader_names() -> dict[str, tuple[str, ...]]:
    """Each spelling key of a head of state or government's name -> the names that have it."""
    titles = set(common_data("levels")["leaders"])
    index: dict[str, set[str]] = defaultdict(set)
    for row in common_data("leaders")["leaders"]:
        if row["title"] in titles:
            for key in name_keys(row["name"]):
                index[key].add(row["name"])
    return {key: tuple(sorted(names)) for key, names in index.items()}


@lru_cache(maxsize=16384)
def is_leader(person: Person) -> bool:
    title = (person.title or "").lower()
    if any(title == form or title.startswith(form + " ") for form in _leader_titles()):
        return True
    index = _leader_names()
    found = {name for key in name_keys(person.name) for name in index.get(key, ())}
    return any(same_person(person.name, name) for name in sorted(found))


def level(event: Event) -> str | None:
    """``leaders`` when heads of state or government meet, ``officials`` when others do, else unknown.

    The people its own sentences name and its heads of delegation count together: an article on a
    ministers' meeting often names the presidents who launched it, in its sentences or among the people
    it reads as leading; only when every one of them is a leader is the meeting a leaders' one."""
    quoted = " ".join(ev.text for ev in event.evidence).lower()
    present = [p for p in event.people if p.name and (p.name.split()[-1].lower() in quoted
                                                     or p.role == "head_of_delegation")]
    if not present:
        return None
    return "leaders" if all(is_leader(p) for p in present) else "officials"


MAX_GAP = 366  # days: a round continues a track whose last round was held at most a year before it
PERIOD = 31  # days per bucket of the index of rounds


def continues(before: Event, after: Event, levels: Mapping[str, str | None]) -> bool:
    """``after`` can be the next round of ``before``'s track (see the module docstring)."""
    low, high = levels.get(before.id), levels.get(after.id)
    return (parties_fit({a.code for a in before.actors}, {a.code for a in after.actors})
            and (low is None or high is None or low == high) and same_subject(before, after))


def round_order(event: Event) -> tuple[int, str]:
    return (event.date.start.toordinal() if event.date.start else 0, event.id)


class Rounds:
    """Rounds by the pairs of parties they name and the month they fall in.

    A round's previous round is the latest round before it, held at most :data:`MAX_GAP` days earlier,
    that it continues; a round nobody continues ends its track. Fitting parties share two codes, so the
    rounds sharing a pair with a round are all it may continue or be continued by: a new round changes
    only the previous rounds of those of the next year that share a pair with it."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}
        self.levels: dict[str, str | None] = {}
        self.at: dict[tuple[str, str, int], set[str]] = defaultdict(set)
        self.keys: dict[str, list[tuple[str, str, int]]] = {}

    def add(self, event: Event) -> None:
        self.remove(event.id)
        start = event.date.start
        if not is_round(event) or start is None:
            return
        self.events[event.id] = event
        self.levels[event.id] = level(event)
        codes = sorted({a.code for a in event.actors})
        self.keys[event.id] = [(a, b, start.toordinal() // PERIOD) for i, a in enumerate(codes) for b in codes[i + 1:]]
        for key in self.keys[event.id]:
            self.at[key].add(event.id)

    def remove(self, eid: str) -> None:
        for key in self.keys.pop(eid, ()):
            self.at[key].discard(eid)
        self.events.pop(eid, None)
        self.levels.pop(eid, None)

    def near(self, eid: str, *, later: bool) -> set[str]:
        """The rounds sharing a pair of parties with ``eid`` in the year before it (or after it)."""
        event = self.events[eid]
        day = event.date.start.toordinal()  # type: ignore[union-attr]
        first, last = (day, day + MAX_GAP) if later else (day - MAX_GAP, day)
        found = {o for a, b, _ in self.keys[eid] for period in range(first // PERIOD, last // PERIOD + 1)
                 for o in self.at.get((a, b, period), ())}
        own = round_order(event)
        return {o for o in found
                if first <= self.events[o].date.start.toordinal() <= last  # type: ignore[union-attr]
                and (round_order(self.events[o]) > own if later else round_order(self.events[o]) < own)}

    def previous(self, eid: str) -> str | None:
        if eid not in self.events:
            return None
        event = self.events[eid]
        fitting = [o for o in self.near(eid, later=False) if continues(self.events[o], event, self.levels)]
        return max(fitting, key=lambda o: round_order(self.events[o])) if fitting else None


def series_links(previous: Mapping[str, str], nexts: Mapping[str, Iterable[str]], events: Mapping[str, Event],
                 eid: str) -> tuple[Relation, ...]:
    """One round's links: its previous round, then the rounds that continue it, in date order."""
    before = (Relation(previous[eid], "previous_round"),) if eid in previous else ()
    after = sorted(nexts.get(eid, ()), key=lambda o: round_order(events[o]))
    return before + tuple(Relation(o, "next_round") for o in after)


def link_series(events: Sequence[Event]) -> list[Event]:
    rounds = Rounds()
    for event in events:
        rounds.add(event)
    previous = {eid: p for eid in rounds.events if (p := rounds.previous(eid)) is not None}
    nexts: dict[str, set[str]] = defaultdict(set)
    for eid, before in previous.items():
        nexts[before].add(eid)
    links = {eid: series_links(previous, nexts, rounds.events, eid) for eid in rounds.events}
    return [replace(e, related=tuple(e.related) + links[e.id]) if links.get(e.id) else e for e in events]
