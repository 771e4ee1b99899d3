"""Event resolution: the candidates of every document -> one group per real event.

Candidates are blocked on their type family; a phone call never joins a reading that says the parties met
(a reading that does not say how they spoke joins either). Inside a block three passes
decide, each on the whole block so that the outcome does not depend on arrival order:

1. **Cores**: candidates dated to the day join when their parties are compatible, their days are at
   most one apart, their places agree (or one source names another city on the very same day) and,
   for a directed act, neither side's source is the other's target (an expulsion and the reciprocal
   one stay two events). A day either side or another city is a conflict on one event, never a
   second event.
2. **Coarser dates** (a week, a month, "il y a un mois"): a candidate joins the one core its
   interval holds; with several, the one of its place, then of its own document, then of its
   story; with none, it groups with coarse readings it overlaps.
3. **Undated** candidates join the event that their own document reports as news, else their
   story's; a reading recalled as background never joins its own article's news but may join the one
   event elsewhere that its place names. Left alone, undated readings of one story group together.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..languages import common_data
from ..model import EventCandidate, Location

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "unknown": 5}
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # PLOVER: no direction between the parties
DAY_TOLERANCE = 1  # days between two reports of one event (time zones, a date read off by one)
METRO_KM = 40.0  # a city and its suburbs: the radius of a metropolitan area
EARTH_KM = 6371.0


@dataclass
class Group:
    """Candidates believed to describe one event, while resolving."""
    members: list[EventCandidate] = field(default_factory=list)

    @property
    def first(self) -> EventCandidate:
        return self.members[0]

    def codes(self) -> set[str]:
        return {a.code for c in self.members for a in c.actors}

    def main_in(self, docs: set[str]) -> int:
        return sum(1 for c in self.members if not c.background and c.document in docs)

    def dated(self) -> list[EventCandidate]:
        return [m for m in self.members if m.date.known]


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


def resolve_groups(candidates: Sequence[EventCandidate], *, story_of: Mapping[str, str]) -> list[Group]:
    blocks: dict[str, list[EventCandidate]] = {}
    for cand in sorted(candidates, key=canonical):
        blocks.setdefault(block_key(cand), []).append(cand)
    return [g for key in sorted(blocks) for g in resolve_block(blocks[key], story_of=story_of)]


def resolve_block(cands: list[EventCandidate], *, story_of: Mapping[str, str]) -> list[Group]:
    days = [c for c in cands if c.date.known and c.date.precision == "day"]
    coarse = [c for c in cands if c.date.known and c.date.precision != "day"]
    groups = cores(days)
    place_coarse(coarse, groups, story_of)
    place_undated([c for c in cands if not c.date.known], groups, story_of)
    return groups


# ------------------------------------------------------------------ pairwise compatibility

def parties_fit(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """One side's parties hold the other's, or they share two (a mediator or host read by one source only)."""
    return a <= b or b <= a or len(a & b) >= 2


def sides(cand: EventCandidate) -> tuple[set[str], set[str]]:
    return ({a.code for a in cand.actors if a.role == "source"}, {a.code for a in cand.actors if a.role == "target"})


def directions_fit(a: EventCandidate, b: EventCandidate) -> bool:
    """A directed act and the reciprocal one (Russia expels Britons, Britain expels Russians) are two events:
    each one's source is the other's target. A reading whose roles are unclear (both parties as sources)
    reverses nothing and may join either."""
    if a.type in SYMMETRIC_TYPES:
        return True
    (a_src, a_tgt), (b_src, b_tgt) = sides(a), sides(b)
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


def fits(group: Group, cand: EventCandidate) -> bool:
    """The candidate may describe the group's event: parties, places and directions agree with every member."""
    return (parties_fit(group.codes(), cand.actor_codes)
            and all(places_agree(m.location, cand.location) and directions_fit(m, cand) and modes_fit(m, cand)
                    for m in group.members))


# ------------------------------------------------------------------ the three passes

def cores(days: list[EventCandidate]) -> list[Group]:
    """Connected readings of the same event dated to the day (single linkage, order-free)."""
    parent = list(range(len(days)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(days):
        for j in range(i + 1, len(days)):
            if root(i) != root(j) and same_event_day(a, days[j]):
                parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, Group] = {}
    for i, cand in enumerate(days):
        groups.setdefault(root(i), Group()).members.append(cand)
    return list(groups.values())


def place_coarse(coarse: list[EventCandidate], groups: list[Group], story_of: Mapping[str, str]) -> None:
    day_groups = list(groups)
    for cand in coarse:
        held = [g for g in day_groups if fits(g, cand) and any(overlaps(m, cand) for m in g.dated())]
        home = narrowest(held, cand, story_of)
        if home is None:
            home = next((g for g in groups if g not in day_groups and fits(g, cand)
                         and any(overlaps(m, cand) for m in g.dated())), None)
        if home is None:
            groups.append(Group([cand]))
        else:
            home.members.append(cand)


def narrowest(held: list[Group], cand: EventCandidate, story_of: Mapping[str, str]) -> Group | None:
    """The one group among several that the candidate's place, document or story singles out."""
    story = story_of.get(cand.document)
    tests: list[Callable[[Group], bool]] = [
        lambda g: any(same_place(m.location, cand.location) for m in g.members),
        lambda g: g.main_in({cand.document}) > 0,
        lambda g: story is not None and any(story_of.get(m.document) == story for m in g.members),
    ]
    pool = held
    for test in tests:
        if len(pool) <= 1:
            break
        narrowed = [g for g in pool if test(g)]
        pool = narrowed or pool
    return pool[0] if len(pool) == 1 else None


def place_undated(undated: list[EventCandidate], groups: list[Group], story_of: Mapping[str, str]) -> None:
    dated = list(groups)
    for cand in undated:
        home = undated_home(cand, dated, story_of)
        if home is None:
            home = next((g for g in groups if g not in dated and undated_peer(g, cand, story_of)), None)
        if home is None:
            groups.append(Group([cand]))
        else:
            home.members.append(cand)


def undated_home(cand: EventCandidate, groups: list[Group], story_of: Mapping[str, str]) -> Group | None:
    """The news event of the candidate's own document, else of its story; a recalled reading looks elsewhere."""
    fitting = [g for g in groups if fits(g, cand)]
    if cand.background:
        named = [g for g in fitting if g.main_in({cand.document}) == 0
                 and any(same_place(m.location, cand.location) for m in g.members)]
        return named[0] if len(named) == 1 else None
    own = [g for g in fitting if g.main_in({cand.document})]
    if own:
        return max(own, key=lambda g: (g.main_in({cand.document}), latest(g)))
    story = story_of.get(cand.document)
    siblings = {d for d, s in story_of.items() if s == story} if story else set()
    near = [g for g in fitting if g.main_in(siblings)]
    return max(near, key=lambda g: (g.main_in(siblings), latest(g))) if near else None


def undated_peer(group: Group, cand: EventCandidate, story_of: Mapping[str, str]) -> bool:
    """Undated readings with no dated home join only undated readings of their own story."""
    story = story_of.get(cand.document, cand.document)
    return (fits(group, cand) and not group.dated()
            and all(story_of.get(m.document, m.document) == story for m in group.members))


def latest(group: Group) -> str:
    starts = [m.date.start.isoformat() for m in group.members if m.date.start]
    return max(starts) if starts else ""
