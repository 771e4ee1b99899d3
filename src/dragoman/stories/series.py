"""Series: rounds of a negotiation track, ordered and linked ``previous_round`` / ``next_round``.

A round is a meeting (CONSULT, not by phone) with a date. A round continues a track when its parties
fit those of the track's last round (one side's parties hold the other's, or they share two: a mediator
read by one source only; fitting pairwise bounds what one new round can change to the rounds linked to
it), both are held at the same level (a leaders' summit is not a round of a ministers' track;
``data/common/levels.json``) and their subjects do not exclude each other (topics both known and
disjoint, and no head of delegation in common). In date order, each round continues the latest track it
fits, else starts one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..languages import common_data, language_data, languages
from ..model import Event, Person, Relation
from .people import keys as name_keys
from .people import same_person
from .resolution import parties_fit

ROUND_TYPES = frozenset({"CONSULT"})


def is_round(event: Event) -> bool:
    return event.type in ROUND_TYPES and event.mode != "phone" and event.date.known


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


@dataclass
class Track:
    rounds: list[Event] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    level: str | None = None  # the first level one of its rounds shows

    def add(self, event: Event, event_level: str | None) -> None:
        self.rounds.append(event)
        self.codes |= {a.code for a in event.actors}
        self.level = self.level or event_level

    def fits(self, event: Event, own: str | None) -> bool:
        return (parties_fit({a.code for a in self.rounds[-1].actors}, {a.code for a in event.actors})
                and (own is None or self.level is None or own == self.level) and same_subject(self.rounds[-1], event))


def tracks(events: Sequence[Event]) -> list[Track]:
    found: list[Track] = []
    for event in sorted((e for e in events if is_round(e)), key=lambda e: (e.date.start, e.id)):
        own = level(event)
        fitting = [t for t in found if t.fits(event, own)]
        if fitting:
            max(fitting, key=lambda t: (t.rounds[-1].date.start, t.rounds[-1].id)).add(event, own)
        else:
            track = Track()
            track.add(event, own)
            found.append(track)
    return found


def link_series(events: Sequence[Event]) -> list[Event]:
    links: dict[str, list[Relation]] = defaultdict(list)
    for track in tracks(events):
        for before, after in zip(track.rounds, track.rounds[1:]):
            links[before.id].append(Relation(after.id, "next_round"))
            links[after.id].append(Relation(before.id, "previous_round"))
    return [replace(e, related=tuple(e.related) + tuple(links[e.id])) if e.id in links else e for e in events]
