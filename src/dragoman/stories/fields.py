"""Choosing each field of a merged event from its sources, and finding conflicts.

Every document's value is kept as provenance. The chosen value is the one
with the most weight (documents with quality flags weigh less), then the
most specific; for status, the most recent report wins. Two dates conflict
when neither interval contains the other; places and venues when they name
different things; topics when one source excludes what another includes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..model import (
    Actor,
    ActorRole,
    Conflict,
    DateValue,
    Document,
    Event,
    EventCandidate,
    FieldValue,
    Location,
    Person,
    Precision,
    Status,
    StatusChange,
)
from .people import merge_people
from .resolution import family_rank

QUALITY_FLAGS = {"near_duplicate": 0.8, "promotional": 0.25, "clickbait": 0.25, "anonymous_sources": 0.15,
                 "machine_translated": 0.3}
STATUS_ORDER = {"uncertain": 0, "planned": 1, "ongoing": 2, "occurred": 3, "cancelled": 3}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "unknown": 5}


def weight(doc: Document | None) -> float:
    if doc is None:
        return 1.0
    return max(0.1, 1.0 - sum(QUALITY_FLAGS.get(f, 0.0) for f in doc.flags))


def resolve_event(event_id: str, members: Sequence[EventCandidate], documents: Mapping[str, Document]) -> Event:
    members = sorted(members, key=lambda c: (c.document, c.evidence[0].start if c.evidence else 0))
    prov = provenance(members)
    date, date_conflict = choose_date(members, documents)
    location, place_conflicts = choose_location(members, documents)
    topics, excluded, topic_conflict = choose_topics(members)
    history = status_history(members, documents)
    kept = kept_parties(members, documents)
    conflicts = [c for c in (date_conflict, *place_conflicts, topic_conflict, actors_conflict(members, kept)) if c]
    return Event(
        id=event_id, type=choose_type(members), status=choose_status(history, documents),
        mode=vote([c.mode for c in members if c.mode]), cameo=vote([c.cameo for c in members if c.cameo]),
        actors=merge_actors(members, documents), people=merge_people(_readings(members, documents)),
        location=location, date=date,
        topics=topics, excluded_topics=excluded, documents=tuple(sorted({c.document for c in members})),
        evidence=tuple(dict.fromkeys(e for c in members for e in c.evidence)), conflicts=tuple(conflicts),
        provenance=prov, status_history=tuple(history))


def choose_type(members: Sequence[EventCandidate]) -> str:
    """The type most readings carry (a family's readings may differ: AGREE or SUPPORT for one signing)."""
    counts: dict[str, int] = defaultdict(int)
    for c in members:
        counts[c.type] += 1
    return min(counts, key=lambda t: (-counts[t], family_rank(t), t))


def _readings(members: Sequence[EventCandidate], documents: Mapping[str, Document]) -> list[tuple[Person, str | None]]:
    return [(p, documents[c.document].language if c.document in documents else None) for c in members for p in c.people]


def vote(values: list[Any]) -> Any:
    if not values:
        return None
    counts: dict[Any, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return max(counts, key=lambda v: (counts[v], str(v)))


def provenance(members: Sequence[EventCandidate]) -> tuple[tuple[str, tuple[FieldValue, ...]], ...]:
    fields: dict[str, list[FieldValue]] = defaultdict(list)
    for c in members:
        ev = c.evidence[0] if c.evidence else None
        fields["status"].append(FieldValue(c.status, c.document, ev))
        fields["actors"].append(FieldValue(tuple(a.code for a in c.actors), c.document, ev))
        if c.date.known:
            fields["date"].append(FieldValue(c.date, c.document, ev))
        if c.location:
            fields["location"].append(FieldValue(c.location.name, c.document, ev))
            if c.location.venue:
                fields["location.venue"].append(FieldValue(c.location.venue, c.document, ev))
        for p in c.people:
            fields["people"].append(FieldValue(p, c.document, ev))
        if c.topics:
            fields["topics"].append(FieldValue(c.topics, c.document, ev))
        if c.excluded_topics:
            fields["excluded_topics"].append(FieldValue(c.excluded_topics, c.document, ev))
    return tuple((name, tuple(values)) for name, values in sorted(fields.items()))


def contains(outer: DateValue, inner: DateValue) -> bool:
    """Whether ``outer`` covers ``inner``; callers pass closed intervals, an open one covers nothing."""
    if outer.start is None or outer.end is None or inner.start is None or inner.end is None:
        return False
    return outer.start <= inner.start and inner.end <= outer.end


def choose_date(members, documents) -> tuple[DateValue, Conflict | None]:
    known = [c for c in members if c.date.known and c.date.end is not None]
    if not known:
        return DateValue(None, None, "unknown", None), None
    # each distinct date once: an event reported by hundreds of copies has a handful of dates
    weights: dict[DateValue, float] = defaultdict(float)
    for c in known:
        weights[c.date] += weight(documents.get(c.document))
    scores = {d: sum(w for other, w in weights.items() if contains(other, d) or contains(d, other)) for d in weights}
    best = max(scores, key=lambda d: (scores[d], -PRECISION_RANK[d.precision], d.start))
    return best, date_conflict(known)


def date_conflict(known: Sequence[EventCandidate]) -> Conflict | None:
    values: dict[tuple[date | None, date | None, Precision, str | None], list[str]] = defaultdict(list)
    for c in known:
        values[(c.date.start, c.date.end, c.date.precision, c.date.text)].append(c.document)
    dates = list(dict.fromkeys(c.date for c in known))
    clash = any(not contains(a, b) and not contains(b, a) for a in dates for b in dates)
    if not clash:
        return None
    return Conflict("date", tuple((DateValue(s, e, p, t), tuple(sorted(set(docs))))
                                  for (s, e, p, t), docs in sorted(values.items(), key=lambda kv: str(kv[0]))))


def choose_location(members, documents) -> tuple[Location | None, list[Conflict]]:
    located = [c for c in members if c.location]
    if not located:
        return None, []
    by_name: dict[str, float] = defaultdict(float)
    for c in located:
        by_name[c.location.name] += weight(documents.get(c.document)) * (2 if c.location.geonames_id else 1)
    name = max(by_name, key=lambda n: (by_name[n], n))
    base = next(c.location for c in located if c.location.name == name)
    venues = [c.location.venue for c in located if c.location.venue]
    venue = vote(venues)
    chosen = Location(base.name, base.country, base.lat, base.lon, base.geonames_id, venue)
    conflicts = [field_conflict("location", [(c.location.name, c.document) for c in located if c.location.geonames_id]),
                 venue_conflict([(c.location.venue, c.document) for c in located if c.location.venue])]
    return chosen, [c for c in conflicts if c]


def field_conflict(name: str, pairs: list[tuple[Any, str]]) -> Conflict | None:
    docs: dict[Any, set[str]] = defaultdict(set)
    for value, doc in pairs:
        docs[value].add(doc)
    if len(docs) < 2:
        return None
    return Conflict(name, tuple((v, tuple(sorted(d))) for v, d in sorted(docs.items(), key=lambda kv: str(kv[0]))))


def venue_conflict(pairs: list[tuple[str, str]]) -> Conflict | None:
    norm = [(v.lower(), d) for v, d in pairs]
    values = {v for v, _ in norm}
    if all(a in b or b in a for a in values for b in values):
        return None
    return field_conflict("location.venue", pairs)


def choose_topics(members) -> tuple[tuple[str, ...], tuple[str, ...], Conflict | None]:
    said: dict[str, set[str]] = defaultdict(set)
    denied: dict[str, set[str]] = defaultdict(set)
    for c in members:
        for t in c.topics:
            said[t].add(c.document)
        for t in c.excluded_topics:
            denied[t].add(c.document)
    clash = sorted(set(said) & set(denied))
    conflict = None
    if clash:
        conflict = Conflict("topics", tuple((f"{t}:included", tuple(sorted(said[t]))) for t in clash) +
                            tuple((f"{t}:excluded", tuple(sorted(denied[t]))) for t in clash))
    return tuple(sorted(set(said) - set(denied))), tuple(sorted(denied)), conflict


def status_history(members, documents) -> list[StatusChange]:
    changes = {(c.status, documents[c.document].published if c.document in documents else None, c.document)
               for c in members}
    ordered = sorted(changes, key=lambda s: (s[1].isoformat() if s[1] else "", STATUS_ORDER[s[0]], s[2]))
    return [StatusChange(status, reported, doc) for status, reported, doc in ordered]


def choose_status(history: list[StatusChange], documents) -> Status:
    """The latest report's status; without report dates, the most advanced one."""
    reported = [s.reported for s in history if s.reported]
    if reported:
        last = max(reported)
        pool = [s for s in history if s.reported == last]
    else:
        pool = history
    return max(pool, key=lambda s: STATUS_ORDER[s.status]).status


def merge_actors(members, documents: Mapping[str, Document] | None = None) -> tuple[Actor, ...]:
    """The parties most of the event's sources name (:func:`party_support`); every role a party is given is
    kept when they agree, else it is a ``participant``."""
    roles: dict[str, set[ActorRole]] = defaultdict(set)
    first: dict[str, Actor] = {}
    for c in members:
        for a in c.actors:
            roles[a.code].add(a.role)
            first.setdefault(a.code, a)
    kept = kept_parties(members, documents or {})
    return tuple(Actor(code, first[code].name, roles[code].pop() if len(roles[code]) == 1 else "participant",
                       first[code].sector) for code in sorted(first) if code in kept)


def party_support(members, documents: Mapping[str, Document]) -> tuple[dict[str, float], float]:
    """Each actor's support: the weight of the documents that name it in any of their readings of the event,
    against the weight of all of them."""
    named: dict[str, set[str]] = defaultdict(set)
    for c in members:
        named[c.document] |= c.actor_codes
    support: dict[str, float] = defaultdict(float)
    total = 0.0
    for doc_id, codes in named.items():
        w = weight(documents.get(doc_id))
        total += w
        for code in codes:
            support[code] += w
    return support, total


def kept_parties(members, documents: Mapping[str, Document]) -> set[str]:
    """The actors named by at least half the sources' weight, and any named as a mediator; the two best
    supported when fewer than two are. A party one source adds (a venue's country, a country only mentioned,
    one stated as absent) is outvoted by the sources that report the event without it; a mediator is named
    by a phrase of its own ("under the auspices of") that sources reporting the outcome often leave out."""
    support, total = party_support(members, documents)
    every = {a.code for c in members for a in c.actors}
    mediators = {a.code for c in members for a in c.actors if a.role == "mediator"}
    kept = {code for code, w in support.items() if 2 * w >= total - 1e-9} | mediators
    if len(kept) < 2:
        ranked = sorted(every, key=lambda code: (-support.get(code, 0.0), code))
        kept = set(ranked[:2]) | kept
    return kept


def actors_conflict(members, kept: set[str]) -> Conflict | None:
    """The sources' party sets, when a party some of them name is left out (:func:`kept_parties`)."""
    named = {a.code for c in members for a in c.actors}
    if named <= kept:
        return None
    by_set: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for c in members:
        by_set[tuple(sorted(c.actor_codes))].add(c.document)
    return Conflict("actors", tuple((codes, tuple(sorted(docs))) for codes, docs in sorted(by_set.items())))
