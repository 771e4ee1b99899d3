"""Merging: candidates from every document -> one Event per real-world event.

Which candidates describe one event is decided by :mod:`.resolution`. Each field of the merged event keeps
every document's value (provenance); the chosen value is the best supported
one, sources with quality flags weighing less; disagreements become
conflicts. The procedure works on candidates sorted canonically, so the
result does not depend on the order documents arrived in.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date

from ..model import Document, Event, EventCandidate
from .fields import resolve_event
from .resolver import Resolver


def resolve_groups(candidates: Sequence[EventCandidate], *, story_of: Mapping[str, str],
                   published: Mapping[str, date | None] | None = None) -> list[list[EventCandidate]]:
    """The readings of every document grouped into one list per real event (:mod:`.resolver`)."""
    readings: dict[str, list[EventCandidate]] = {}
    for cand in candidates:
        readings.setdefault(cand.document, []).append(cand)
    resolver = Resolver()
    resolver.add(readings, story_of=story_of, published=published)
    return resolver.groups()


def merge_candidates(candidates: Sequence[EventCandidate], *, documents: Mapping[str, Document],
                     story_of: Mapping[str, str]) -> list[Event]:
    groups = resolve_groups(candidates, story_of=story_of,
                            published={d: doc.published for d, doc in documents.items()})
    events = [resolve_event(event_id(members), members, documents) for members in groups]
    return sorted(events, key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.id))


def event_id(members: Sequence[EventCandidate]) -> str:
    """A stable id from the event's first reading; its date tells apart the rounds one sentence lists ("à trois
    reprises : le 28 février, puis les 3 et 7 mars"), readings of one sentence, one trigger and one party set."""
    first = min(members, key=lambda c: (c.document, c.evidence[0].start if c.evidence else 0,
                                        c.date.start.isoformat() if c.date.start else ""))
    codes = ",".join(sorted({a.code for c in members for a in c.actors}))
    key = f"{first.type}|{codes}|{first.document}|{first.evidence[0].start if first.evidence else 0}"
    if first.date.start is not None:
        key += f"|{first.date.start.isoformat()}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def reportable(event: Event) -> bool:
    """An event needs two distinct parties to be worth a row of the timeline."""
    return len({a.code for a in event.actors}) >= 2
