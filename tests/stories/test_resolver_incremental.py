"""Event resolution one document at a time gives the groups of resolving everything at once."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Actor, DateValue, EventCandidate, Evidence, Location
from dragoman.stories.resolver import Resolver

CODES = ("ARM", "AZE", "EU")
PLACES = (Location("Brussels", "BEL", 50.85, 4.35, 2800866), Location("Prague", "CZE", 50.09, 14.42, 3067696),
          None)
BASE = date(2022, 10, 3)


def when(kind: int, offset: int) -> DateValue:
    if kind == 0:
        return DateValue(None, None)
    if kind == 1:
        day = BASE + timedelta(days=offset)
        return DateValue(day, day, "day", day.isoformat())
    start = BASE + timedelta(days=offset)
    return DateValue(start, start + timedelta(days=6), "week", "that week")


reading = st.builds(
    lambda kind, offset, codes, roles, place, type_, background, mode, start: (kind, offset, codes, roles, place,
                                                                                 type_, background, mode, start),
    st.integers(0, 2), st.integers(0, 8), st.sets(st.sampled_from(CODES), max_size=3), st.booleans(),
    st.sampled_from(PLACES), st.sampled_from(("CONSULT", "AGREE", "SUPPORT", "SANCTION")), st.booleans(),
    st.sampled_from((None, "phone", "meet")), st.integers(0, 500))


def candidate(doc: str, spec: tuple) -> EventCandidate:
    kind, offset, codes, directed, place, type_, background, mode, start = spec
    ordered = sorted(codes)
    actors = tuple(Actor(c, c, ("source" if i == 0 else "target") if directed else "participant")
                   for i, c in enumerate(ordered))
    return EventCandidate(document=doc, type=type_, status="occurred", mode=mode, actors=actors, location=place,
                          date=when(kind, offset), background=background,
                          evidence=(Evidence(doc, start, start + 5, "text"),))


corpus = st.lists(st.lists(reading, min_size=1, max_size=3), min_size=1, max_size=7)


def partition(groups) -> set[frozenset[int]]:
    return {frozenset(id(c) for c in members) for members in groups}


@settings(max_examples=300, deadline=None)
@given(corpus, st.data())
def test_any_split_into_batches_gives_the_groups_of_one_pass(docs, data):
    readings = {f"d{i}": [candidate(f"d{i}", spec) for spec in specs] for i, specs in enumerate(docs)}
    names = sorted(readings)
    # each article's day: none, or one that puts some events inside its recall window and some outside
    published = {d: data.draw(st.sampled_from((None, BASE, BASE + timedelta(days=200), BASE + timedelta(days=380))))
                 for d in names}
    order = data.draw(st.permutations(names))
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(names) - 1)), max_size=3)))
    batches = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)]) if order[a:b]]
    story_of: dict[str, str] = {}
    live, state = Resolver(), {}
    for batch in batches:
        moved = {d: data.draw(st.sampled_from(("s1", "s2", "s3"))) for d in batch}
        # a later document may regroup stories: some earlier documents change story too
        for old in data.draw(st.lists(st.sampled_from(names), max_size=2)):
            if old in story_of:
                moved[old] = data.draw(st.sampled_from(("s1", "s2", "s3")))
        story_of.update(moved)
        changes = live.add({d: readings[d] for d in batch}, story_of=moved,
                           published={d: published[d] for d in batch})
        for gid in changes.gone:
            state.pop(gid, None)
        state.update(changes.groups)
    once = Resolver()
    once.add(readings, story_of=story_of, published=published)
    assert partition(state.values()) == partition(once.groups())
    assert partition(live.groups()) == partition(once.groups())


def test_a_new_report_of_a_meeting_revisits_only_its_event():
    arm, aze = Actor("ARM", "Armenia"), Actor("AZE", "Azerbaijan")
    brussels = PLACES[0]

    def met(doc: str, day: int) -> EventCandidate:
        d = BASE + timedelta(days=day)
        return EventCandidate(document=doc, type="CONSULT", status="occurred", actors=(arm, aze), location=brussels,
                              date=DateValue(d, d, "day", "x"), evidence=(Evidence(doc, 0, 5, "met"),))

    live = Resolver()
    live.add({f"old{i}": [met(f"old{i}", 10 * i)] for i in range(20)}, story_of={})
    changes = live.add({"new": [met("new", 30)]}, story_of={"new": "s"})
    assert [sorted(c.document for c in g) for g in changes.groups.values()] == [["new", "old3"]]
