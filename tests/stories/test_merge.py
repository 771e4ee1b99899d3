"""Merging candidates into events: grouping, provenance, conflicts, status, series."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Actor, DateValue, Document, EventCandidate, Evidence, Location, Person
from dragoman.stories.merge import merge_candidates, reportable
from dragoman.stories.series import link_series

RUS, USA = Actor("RUS", "Russia"), Actor("USA", "United States")
IST = Location("Istanbul", "TUR", 41.0, 28.9, 745044)
RIY = Location("Riyadh", "SAU", 24.6, 46.7, 108410)


def day(text: str) -> DateValue:
    d = date.fromisoformat(text)
    return DateValue(d, d, "day", text)


def month(y: int, m: int) -> DateValue:
    end = date(y, m + 1, 1).toordinal() - 1 if m < 12 else date(y, 12, 31).toordinal()
    return DateValue(date(y, m, 1), date.fromordinal(end), "month", f"{y}-{m:02d}")


UNDATED = DateValue(None, None)


def cand(doc: str, when: DateValue = UNDATED, where=IST, status="occurred", start=0, *,
         type_="CONSULT", topics=(), excluded=(), background=False, people=(), mode=None) -> EventCandidate:
    return EventCandidate(document=doc, type=type_, status=status, mode=mode, actors=(RUS, USA), location=where,
                          date=when, topics=topics, excluded_topics=excluded, background=background, people=people,
                          evidence=(Evidence(doc, start, start + 10, "some text"),))


def docs(*specs: tuple[str, str | None, tuple[str, ...]]) -> dict[str, Document]:
    return {i: Document(i, f"{i}.txt", "x", published=date.fromisoformat(p) if p else None, flags=f)
            for i, p, f in specs}


DOCS = docs(("a", "2025-04-08", ()), ("b", "2025-04-10", ()), ("c", None, ("promotional",)))


def test_reports_of_the_same_meeting_merge_into_one_event():
    events = merge_candidates([cand("a", day("2025-04-10"), status="planned"), cand("b", day("2025-04-10"))],
                              documents=DOCS, story_of={"a": "s", "b": "s"})
    assert len(events) == 1
    assert events[0].documents == ("a", "b")
    assert {e.document for e in events[0].evidence} == {"a", "b"}


def test_rounds_weeks_apart_stay_separate_events():
    events = merge_candidates([cand("a", day("2025-02-27")), cand("b", day("2025-04-10"))],
                              documents=DOCS, story_of={})
    assert len(events) == 2


def test_different_cities_are_different_events():
    events = merge_candidates([cand("a", month(2025, 2), IST), cand("b", month(2025, 2), RIY)],
                              documents=DOCS, story_of={})
    assert sorted(e.location.name for e in events) == ["Istanbul", "Riyadh"]


def test_partially_overlapping_dates_are_a_date_conflict():
    approx = DateValue(date(2025, 2, 15), date(2025, 3, 16), "week", "il y a un mois et demi")
    events = merge_candidates([cand("c", approx, start=5), cand("c", month(2025, 3), start=90)],
                              documents=DOCS, story_of={})
    assert len(events) == 1
    conflict = [c for c in events[0].conflicts if c.field == "date"]
    assert conflict and len(conflict[0].values) == 2


def test_a_precise_date_inside_a_vague_one_is_not_a_conflict():
    events = merge_candidates([cand("a", month(2025, 4)), cand("b", day("2025-04-10"))],
                              documents=DOCS, story_of={})
    assert events[0].date.precision == "day"
    assert not events[0].conflicts


def test_latest_report_decides_the_status_and_history_is_kept():
    events = merge_candidates([cand("b", day("2025-04-10"), status="occurred"),
                               cand("a", day("2025-04-10"), status="planned")], documents=DOCS, story_of={})
    event = events[0]
    assert event.status == "occurred"
    assert [s.status for s in event.status_history] == ["planned", "occurred"]


def test_undated_report_joins_the_main_event_of_its_story():
    events = merge_candidates([cand("a", None_date := DateValue(None, None), status="planned"),
                               cand("b", month(2025, 4)), cand("b", month(2025, 2), background=True, start=50)],
                              documents=DOCS, story_of={"a": "s1", "b": "s1"})
    april = next(e for e in events if e.date.start == date(2025, 4, 1))
    assert "a" in april.documents
    assert None_date.start is None


def test_excluded_topic_wins_and_disagreement_is_recorded():
    events = merge_candidates([cand("a", day("2025-04-10"), topics=("visas", "ukraine_war")),
                               cand("b", day("2025-04-10"), topics=("visas",), excluded=("ukraine_war",))],
                              documents=DOCS, story_of={})
    event = events[0]
    assert event.topics == ("visas",)
    assert event.excluded_topics == ("ukraine_war",)
    assert any(c.field == "topics" for c in event.conflicts)


def test_people_merge_by_surname_keeping_the_most_complete_reading():
    p1 = Person("Darchiev", "RUS", None, "head_of_delegation")
    p2 = Person("Alexander Darchiev", "RUS", "ambassador", None)
    events = merge_candidates([cand("a", day("2025-04-10"), people=(p1,)), cand("b", day("2025-04-10"), people=(p2,))],
                              documents=DOCS, story_of={})
    assert events[0].people == (Person("Alexander Darchiev", "RUS", "ambassador", "head_of_delegation"),)


def test_provenance_keeps_every_source_value():
    events = merge_candidates([cand("a", month(2025, 4)), cand("b", day("2025-04-10"))], documents=DOCS, story_of={})
    prov = dict(events[0].provenance)
    assert {fv.document for fv in prov["date"]} == {"a", "b"}


def test_single_party_events_are_not_reported():
    lone = EventCandidate(document="a", type="ACCUSE", status="occurred", actors=(RUS,))
    events = merge_candidates([lone], documents=DOCS, story_of={})
    assert not reportable(events[0])


def test_series_links_rounds_in_date_order_and_skips_phone_calls():
    events = merge_candidates([cand("a", month(2025, 2), RIY), cand("a", day("2025-02-27"), IST, start=40),
                               cand("b", day("2025-04-10"), IST),
                               cand("a", month(2025, 2), None, start=80, mode="phone")],
                              documents=DOCS, story_of={})
    linked = {e.id: e for e in link_series(events)}
    chain = sorted((e for e in linked.values() if e.mode != "phone" and e.location),
                   key=lambda e: (e.date.start, e.location.name != "Riyadh"))
    for before, after in zip(chain, chain[1:]):
        assert (after.id, "next_round") in {(r.event, r.relation) for r in before.related}
    phone = next(e for e in linked.values() if e.mode == "phone")
    assert not phone.related


CANDIDATES = [cand("a", day("2025-04-10"), status="planned"), cand("b", day("2025-04-10")),
              cand("c", month(2025, 3), start=3), cand("c", DateValue(date(2025, 2, 15), date(2025, 3, 16), "week"), start=9),
              cand("a", DateValue(None, None), start=30), cand("b", month(2025, 2), RIY, start=44, background=True)]


@settings(max_examples=60, deadline=None)
@given(st.permutations(CANDIDATES))
def test_merging_does_not_depend_on_arrival_order(order):
    story_of = {"a": "s", "b": "s", "c": "s"}
    expected = merge_candidates(CANDIDATES, documents=DOCS, story_of=story_of)
    assert merge_candidates(list(order), documents=DOCS, story_of=story_of) == expected
