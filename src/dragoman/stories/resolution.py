"""Event resolution's pairwise tests: whether two readings may report one real event.

Readings block on their type family (:func:`family`; ``data/common/type_families.json``). Two readings
are compatible when their parties fit (one side's parties hold the other's, or they share two: a mediator
or host read by one source only), their places agree (one city, or one metropolitan area), a call is not
read as a meeting, and for a directed act neither side's source is the other's target (an expulsion and
the reciprocal one are two events). Two readings dated to the day report one event when they are
compatible and at most a day apart, or the same parties on the very same day with one source naming
another city: a day either side or another city is a conflict on one event, never a second event.
:mod:`.resolver` builds the events from these tests, one document at a time.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from ..languages import common_data
from ..model import EventCandidate, Location

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "unknown": 5}
VAGUE = PRECISION_RANK["month"]  # the vaguest date by which leftover readings chain into one event
WEEK = PRECISION_RANK["week"]
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # PLOVER: no direction between the parties
DAY_TOLERANCE = 1  # days between two reports of one event (time zones, a date read off by one)
METRO_KM = 40.0  # a city and its suburbs: the radius of a metropolitan area
EARTH_KM = 6371.0


def canonical(cand: EventCandidate) -> tuple:
    d = cand.date
    start = cand.evidence[0].start if cand.evidence else 0
    return (PRECISION_RANK.get(d.precision, 5), d.start.isoformat() if d.start else "", cand.document, start,
            cand.type)


def block_key(cand: EventCandidate) -> str:
    """Readings that may describe one event: the same type family."""
    return family(cand.type)


def modes_fit(a: EventCandidate, b: EventCandidate) -> bool:
    """A call and a reading of the parties meeting are two events; a reading silent on how is either."""
    if a.mode is None or b.mode is None:
        return True
    return (a.mode == "phone") == (b.mode == "phone")


def family(event_type: str) -> str:
    """The first type of the family ``event_type`` belongs to (``data/common/type_families.json``), else itself."""
    return _families().get(event_type, event_type)


@cache
def _families() -> dict[str, str]:
    return {t: group[0] for group in common_data("type_families")["families"] for t in group}


def family_rank(event_type: str) -> int:
    """Order within a family: on a tie the first listed type names the event."""
    for group in common_data("type_families")["families"]:
        if event_type in group:
            return group.index(event_type)
    return 0


# ------------------------------------------------------------------ pairwise compatibility

def parties_fit(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """One side's parties hold the other's, or they share two (a mediator or host read by one source only)."""
    return a <= b or b <= a or len(a & b) >= 2


def sides(cand: EventCandidate) -> tuple[set[str], set[str]]:
    return ({a.code for a in cand.actors if a.role == "source"}, {a.code for a in cand.actors if a.role == "target"})


def directions_fit(a: EventCandidate, b: EventCandidate) -> bool:
    """A directed act and the reciprocal one (Russia expels Britons, Britain expels Russians) are two events:
    each one's source is the other's target; so are acts against two different targets. A reading whose roles
    are unclear (both parties as sources) reverses nothing and may join either."""
    if a.type in SYMMETRIC_TYPES:
        return True
    (a_src, a_tgt), (b_src, b_tgt) = sides(a), sides(b)
    if a_tgt and b_tgt and not a_tgt & b_tgt:
        return False  # measures against two states (ambassadors recalled from two capitals)
    return not (a_src & b_tgt and a_tgt & b_src)


def places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return same_place(a, b) or not (a.geonames_id and b.geonames_id)


def same_place(a: Location | None, b: Location | None) -> bool:
    """One city, or two places of one metropolitan area (Arlington and Washington, Lidingö and Stockholm):
    sources name the suburb of a venue or the city it belongs to."""
    if a is None or b is None:
        return False
    if a.name == b.name:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon) or (a.country and b.country and a.country != b.country):
        return False
    return kilometres(a, b) <= METRO_KM


def kilometres(a: Location, b: Location) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def days_apart(a: EventCandidate, b: EventCandidate) -> int:
    """Days between two dated readings' intervals (0 when they overlap: talks of 6-10 March and the 10th)."""
    da, db = a.date, b.date
    if da.start is None or db.start is None:
        return 10**6
    a_end, b_end = da.end or da.start, db.end or db.start
    return max((db.start - a_end).days, (da.start - b_end).days, 0)


def same_event_day(a: EventCandidate, b: EventCandidate) -> bool:
    """Two readings dated to the day that report one event (the core relation)."""
    if days_apart(a, b) > DAY_TOLERANCE or not directions_fit(a, b) or not modes_fit(a, b):
        return False
    codes_a, codes_b = a.actor_codes, b.actor_codes
    if places_agree(a.location, b.location):
        return parties_fit(codes_a, codes_b) or (bool(codes_a & codes_b) and a.location is not None
                                                  and b.location is not None and days_apart(a, b) == 0)
    # one source naming another city: the same parties on the very same day
    return days_apart(a, b) == 0 and codes_a == codes_b


def overlaps(a: EventCandidate, b: EventCandidate) -> bool:
    da, db = a.date, b.date
    if da.start is None or db.start is None or da.end is None or db.end is None:
        return False
    return not (da.end < db.start or db.end < da.start)


def ordinals(cand: EventCandidate, slack: int = 0) -> range:
    start, end = cand.date.start, cand.date.end or cand.date.start
    if start is None or end is None:
        return range(0)
    return range(start.toordinal() - slack, end.toordinal() + slack + 1)


def is_anchor(cand: EventCandidate) -> bool:
    return cand.date.known and cand.date.precision == "day" and len(cand.actor_codes) >= 2


def compatible(a: EventCandidate, b: EventCandidate) -> bool:
    """Nothing in two readings says they are different events (dates aside)."""
    return (parties_fit(a.actor_codes, b.actor_codes) and places_agree(a.location, b.location)
            and directions_fit(a, b) and modes_fit(a, b))


def fits_all(members: Iterable[EventCandidate], cand: EventCandidate) -> bool:
    members = list(members)
    codes = {a.code for m in members for a in m.actors}
    return (parties_fit(codes, cand.actor_codes) and places_fit(members, cand)
            and all(directions_fit(m, cand) and modes_fit(m, cand) for m in members))


def places_fit(members: list[EventCandidate], cand: EventCandidate) -> bool:
    """The reading's place agrees with its event's: with every member's, or, where sources already disagree
    (one placed the meeting in another city: a conflict on one event), with more of them than it contradicts."""
    agree = sum(places_agree(m.location, cand.location) for m in members if m.location is not None)
    placed = sum(1 for m in members if m.location is not None)
    return agree == placed or agree * 2 > placed

def tense_fits(cand: EventCandidate, day: int | None, members: Iterable[EventCandidate]) -> bool:
    """Whether an undated reading may be an event its members date, told from its article's ``day`` (an
    ordinal): one told as done or under way ("were meeting") is no event that is only announced, for days
    after that day ("will next meet in November"): it would turn the plan into a meeting held. A day of
    slack for time zones and late copy."""
    if day is None or cand.status not in ("occurred", "ongoing"):
        return True
    starts = [(m.status, m.date.start.toordinal()) for m in members if m.date.start is not None]
    return not starts or any(status in ("occurred", "ongoing") or start <= day + 1 for status, start in starts)


def party_keys(cand: EventCandidate, *, stored: bool) -> tuple[str, ...]:
    """The keys of the place indexes a reading is stored under (``stored``) or looks up: its parties, and
    "*" for the readings naming none, which may fit with anyone; "" holds the readings naming none."""
    codes = tuple(sorted(cand.actor_codes))
    if stored:
        return (*codes, "*") if codes else ("", "*")
    return (*codes, "") if codes else ("*",)


def chains(a: EventCandidate, b: EventCandidate) -> bool:
    """Two leftover readings (no core took them) that are one event: their dates overlap, both are dated
    to a month or closer, one's parties hold the other's (two or more) and nothing else tells them apart.
    Sharing two of many parties, or a year in common, would chain a year's multilateral readings together."""
    codes_a, codes_b = a.actor_codes, b.actor_codes
    if not (len(codes_a & codes_b) >= 2 and (codes_a <= codes_b or codes_b <= codes_a)
            and max(PRECISION_RANK.get(a.date.precision, 5), PRECISION_RANK.get(b.date.precision, 5)) <= VAGUE
            and overlaps(a, b)):
        return False
    return compatible(a, b) or other_city_same_span(a, b)


def other_city_same_span(a: EventCandidate, b: EventCandidate) -> bool:
    """One source naming another city for the same parties' event of the very same week or day ("wrapped up in
    Abu Dhabi at the end of August" against "achevé fin août à Doha"): a conflict on one event."""
    fine = max(PRECISION_RANK.get(a.date.precision, 5), PRECISION_RANK.get(b.date.precision, 5)) <= WEEK
    return (fine and (a.date.start, a.date.end) == (b.date.start, b.date.end) and a.actor_codes == b.actor_codes
            and directions_fit(a, b) and modes_fit(a, b))
