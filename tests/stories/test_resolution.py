"""Event resolution: which readings of which documents are one real event."""
from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Actor, DateValue, Document, EventCandidate, Evidence, Location
from dragoman.stories.merge import merge_candidates

GBR, RUS = Actor("GBR", "United Kingdom"), Actor("RUS", "Russia")
ARM, AZE, EU = Actor("ARM", "Armenia"), Actor("AZE", "Azerbaijan"), Actor("EU", "European Union")
BRU = Location("Brussels", "BEL", 50.85, 4.35, 2800866)
PRG = Location("Prague", "CZE", 50.09, 14.42, 3067696)
LON = Location("London", "GBR", 51.5, -0.12, 2643743)
MOS = Location("Moscow", "RUS", 55.75, 37.62, 524901)


def day(text: str) -> DateValue:
    d = date.fromisoformat(text)
    return DateValue(d, d, "day", text)


def month(y: int, m: int) -> DateValue:
    return DateValue(date(y, m, 1), date(y, m, 28 if m == 2 else 30), "month", f"{y}-{m:02d}")


UNDATED = DateValue(None, None)


def meeting(doc: str, when: DateValue, where: Location | None, *, actors=(ARM, AZE, EU), start=0,
            background=False) -> EventCandidate:
    return EventCandidate(document=doc, type="CONSULT", status="occurred", actors=actors, location=where, date=when,
                          background=background, evidence=(Evidence(doc, start, start + 9, "they met"),))


def expulsion(doc: str, when: DateValue, source: Actor, target: Actor, where: Location | None) -> EventCandidate:
    actors = (Actor(source.code, source.name, "source"), Actor(target.code, target.name, "target"))
    return EventCandidate(document=doc, type="SANCTION", status="occurred", mode="expel", actors=actors,
                          location=where, date=when, evidence=(Evidence(doc, 0, 9, "expelled"),))


DOCS = {d: Document(d, f"{d}.txt", "x", published=date(2022, 10, 8)) for d in "abcdefgh"}


def resolve(cands, story_of=None):
    return merge_candidates(cands, documents=DOCS, story_of=story_of or {})


def test_a_day_either_side_is_a_date_conflict_on_one_event():
    events = resolve([meeting("a", day("2022-10-06"), PRG), meeting("b", day("2022-10-07"), PRG)])
    assert len(events) == 1
    assert [c.field for c in events[0].conflicts] == ["date"]


def test_a_source_naming_another_city_on_the_same_day_is_a_place_conflict():
    events = resolve([meeting("a", day("2022-10-06"), PRG), meeting("b", day("2022-10-06"), PRG, start=3),
                      meeting("c", day("2022-10-06"), BRU)])
    assert len(events) == 1 and events[0].location.name == "Prague"
    assert "location" in [c.field for c in events[0].conflicts]


def week(first: str) -> DateValue:
    start = date.fromisoformat(first)
    return DateValue(start, date.fromordinal(start.toordinal() + 6), "week", first)


def test_a_source_naming_another_city_for_the_same_week_is_a_place_conflict():
    events = resolve([meeting("a", week("2022-10-03"), PRG), meeting("b", week("2022-10-03"), BRU)])
    assert len(events) == 1
    assert "location" in [c.field for c in events[0].conflicts]


def test_another_city_in_an_overlapping_but_other_week_or_month_is_another_event():
    other_week = week("2022-10-06")
    assert len(resolve([meeting("a", week("2022-10-03"), PRG), meeting("b", other_week, BRU)])) == 2
    assert len(resolve([meeting("a", month(2022, 10), PRG), meeting("b", month(2022, 10), BRU)])) == 2


def test_one_state_recalling_its_envoys_from_two_capitals_is_two_events():
    fra, usa, aus = Actor("FRA", "France"), Actor("USA", "United States"), Actor("AUS", "Australia")
    par = Location("Paris", "FRA", 48.85, 2.35, 2988507)
    recalls = [expulsion(d, day("2021-09-17"), fra, target, par) for d in "ab" for target in (usa, aus)]
    events = resolve(recalls)
    assert sorted(tuple(sorted(a.code for a in e.actors)) for e in events) == [("AUS", "FRA"), ("FRA", "USA")]
    assert all(e.documents == ("a", "b") for e in events)


def test_rounds_in_one_city_weeks_apart_stay_two_events():
    assert len(resolve([meeting("a", day("2022-05-22"), BRU), meeting("b", day("2022-08-31"), BRU)])) == 2


def test_an_expulsion_and_the_reciprocal_one_stay_two_events():
    events = resolve([expulsion("a", day("2018-03-14"), GBR, RUS, LON), expulsion("b", day("2018-03-15"), RUS, GBR, MOS),
                      expulsion("c", day("2018-03-14"), GBR, RUS, None)])
    assert len(events) == 2
    by_source = {next(a.code for a in e.actors if a.role == "source"): e for e in events}
    assert by_source["GBR"].documents == ("a", "c") and by_source["RUS"].documents == ("b",)


def test_a_mediator_read_by_one_source_only_joins_the_parties_of_the_event():
    events = resolve([meeting("a", day("2022-05-22"), BRU, actors=(ARM, AZE)), meeting("b", day("2022-05-22"), BRU)])
    assert len(events) == 1 and {a.code for a in events[0].actors} == {"ARM", "AZE", "EU"}


def test_a_month_joins_the_round_its_place_names_and_stays_apart_when_nothing_singles_one_out():
    rounds = [meeting("a", day("2022-10-06"), PRG), meeting("b", day("2022-10-20"), BRU)]
    named = resolve([*rounds, meeting("c", month(2022, 10), BRU)])
    assert len(named) == 2 and "c" in next(e for e in named if e.location.name == "Brussels").documents
    vague = resolve([*rounds, meeting("c", month(2022, 10), None)])
    assert len(vague) == 3


def test_a_recalled_round_never_joins_its_own_articles_news():
    news = meeting("a", day("2022-10-06"), PRG)
    recalled = meeting("a", UNDATED, BRU, background=True, start=50)
    earlier = meeting("b", day("2022-08-31"), BRU)
    events = resolve([news, recalled, earlier], story_of={"a": "s1", "b": "s1"})
    brussels = next(e for e in events if e.location.name == "Brussels")
    assert len(events) == 2 and brussels.documents == ("a", "b")
    alone = resolve([news, recalled], story_of={"a": "s1"})
    assert len(alone) == 2


def test_a_recalled_round_joins_the_one_event_its_place_holds_even_in_another_story():
    news = meeting("a", day("2022-10-06"), PRG)
    recalled = meeting("a", UNDATED, BRU, background=True, start=50)
    elsewhere = meeting("b", day("2022-08-31"), BRU)
    events = resolve([news, recalled, elsewhere], story_of={"a": "s1", "b": "s2"})
    assert sorted(e.documents for e in events) == [("a",), ("a", "b")]
    # two events at that place: nothing says which one it recalls
    again = meeting("c", day("2022-05-22"), BRU)
    events = resolve([news, recalled, elsewhere, again], story_of={"a": "s1", "b": "s2", "c": "s3"})
    assert len(events) == 4


def test_an_undated_report_joins_the_news_of_its_own_story():
    events = resolve([meeting("a", day("2022-10-06"), PRG), meeting("b", UNDATED, None)], story_of={"a": "s", "b": "s"})
    assert len(events) == 1 and events[0].documents == ("a", "b")


def test_an_undated_report_told_as_done_joins_no_meeting_only_announced_for_after_its_article():
    # published 2022-10-08: "they were meeting" is not the meeting planned for November (nor makes it held)
    planned = dataclasses.replace(meeting("a", month(2022, 11), BRU), status="planned")
    events = resolve([planned, meeting("b", UNDATED, None)], story_of={"a": "s", "b": "s"})
    assert sorted(e.documents for e in events) == [("a",), ("b",)]


def test_an_undated_report_told_as_done_joins_a_meeting_held_after_a_plan_for_it():
    planned = dataclasses.replace(meeting("a", month(2022, 11), BRU), status="planned")
    events = resolve([planned, meeting("c", day("2022-10-07"), BRU), meeting("b", UNDATED, None)],
                     story_of={"a": "s", "b": "s", "c": "s"})
    assert ("b", "c") in [e.documents for e in events]


def test_an_undated_report_told_as_planned_joins_the_planned_meeting_of_its_story():
    planned = dataclasses.replace(meeting("b", UNDATED, None), status="planned")
    events = resolve([dataclasses.replace(meeting("a", month(2022, 11), BRU), status="planned"), planned],
                     story_of={"a": "s", "b": "s"})
    assert len(events) == 1 and events[0].documents == ("a", "b")


CANDIDATES = [meeting("a", day("2022-10-06"), PRG), meeting("b", day("2022-10-07"), PRG),
              meeting("c", day("2022-10-06"), BRU), meeting("d", month(2022, 10), PRG),
              meeting("e", UNDATED, None), meeting("f", UNDATED, BRU, background=True),
              meeting("g", day("2022-08-31"), BRU), expulsion("h", day("2022-10-06"), GBR, RUS, None)]


@settings(max_examples=60, deadline=None)
@given(st.permutations(CANDIDATES))
def test_resolution_does_not_depend_on_arrival_order(order):
    story_of = {"a": "s", "b": "s", "c": "s", "d": "s", "e": "s", "f": "t", "g": "t", "h": "u"}
    assert resolve(list(order), story_of) == resolve(CANDIDATES, story_of)


def test_a_reading_with_unclear_roles_joins_the_expulsion_it_reports():
    unclear = EventCandidate(document="c", type="SANCTION", status="occurred", mode="expel",
                             actors=(Actor("GBR", "United Kingdom", "source"), Actor("RUS", "Russia", "source")),
                             location=None, date=day("2018-03-14"), evidence=(Evidence("c", 0, 9, "expelled"),))
    events = resolve([expulsion("a", day("2018-03-14"), GBR, RUS, LON), unclear])
    assert len(events) == 1 and events[0].documents == ("a", "c")


def test_talks_over_several_days_and_a_report_of_their_last_day_are_one_event():
    talks = DateValue(date(2023, 3, 6), date(2023, 3, 10), "day", "du 6 au 10 mars")
    events = resolve([meeting("a", talks, PRG), meeting("b", day("2023-03-10"), PRG), meeting("c", day("2023-03-20"), PRG)])
    assert sorted(e.documents for e in events) == [("a", "b"), ("c",)]


ARLINGTON = Location("Arlington", "USA", 38.88, -77.10, 4744709)
WASHINGTON = Location("Washington", "USA", 38.90, -77.04, 4140963)
BALTIMORE = Location("Baltimore", "USA", 39.29, -76.61, 4347778)


def test_a_suburb_and_its_city_are_one_place_for_one_meeting():
    # one source names the venue's suburb (Arlington), the other the city (Washington)
    events = resolve([meeting("a", day("2022-11-07"), ARLINGTON), meeting("b", day("2022-11-07"), WASHINGTON)])
    assert len(events) == 1


def test_a_city_beyond_the_metropolitan_area_is_another_place():
    events = resolve([meeting("a", day("2022-11-07"), BALTIMORE), meeting("b", day("2022-11-08"), WASHINGTON)])
    assert len(events) == 2


def signing(doc: str, type_: str, when: DateValue) -> EventCandidate:
    return EventCandidate(document=doc, type=type_, status="occurred", actors=(ARM, AZE, EU), location=BRU,
                          date=when, evidence=(Evidence(doc, 0, 9, "signed"),))


def test_an_accord_read_as_agree_by_one_source_and_support_by_another_is_one_event():
    events = resolve([signing("a", "SUPPORT", day("2022-10-06")), signing("b", "AGREE", day("2022-10-06")),
                      signing("c", "AGREE", day("2022-10-06"))])
    assert [(e.type, len(e.documents)) for e in events] == [("AGREE", 3)]


def test_types_of_different_families_stay_apart():
    events = resolve([signing("a", "AGREE", day("2022-10-06")), signing("b", "CONSULT", day("2022-10-06"))])
    assert sorted(e.type for e in events) == ["AGREE", "CONSULT"]


def talk(doc: str, mode: str | None) -> EventCandidate:
    return EventCandidate(document=doc, type="CONSULT", status="occurred", mode=mode, actors=(ARM, AZE),
                          location=None, date=day("2022-09-22"), evidence=(Evidence(doc, 0, 9, "spoke"),))


def test_a_call_and_a_reading_silent_on_how_they_spoke_are_one_event():
    events = resolve([talk("a", "phone"), talk("b", None)])
    assert [(e.mode, len(e.documents)) for e in events] == [("phone", 2)]


def test_a_call_and_a_meeting_on_one_day_stay_two_events():
    assert len(resolve([talk("a", "phone"), talk("b", "meet")])) == 2


def test_rounds_one_sentence_lists_are_three_events_with_three_ids():
    # "met three times: on Oct. 1 in Prague, then on Oct. 6 and 8 in Brussels": one sentence, one trigger
    rounds = [meeting("a", day("2022-10-01"), PRG), meeting("a", day("2022-10-06"), BRU),
              meeting("a", day("2022-10-08"), BRU)]
    events = resolve(rounds)
    assert sorted(e.date.start.isoformat() for e in events) == ["2022-10-01", "2022-10-06", "2022-10-08"]
    assert len({e.id for e in events}) == 3


def test_an_undated_report_joins_an_event_whose_sources_disagree_on_its_place_when_most_name_its_own():
    held = [meeting("a", day("2022-10-06"), PRG), meeting("b", day("2022-10-06"), PRG),
            meeting("c", day("2022-10-06"), BRU)]  # one source places the meeting in Brussels: a conflict
    events = resolve([*held, meeting("a", UNDATED, PRG, start=50)], story_of={d: "s" for d in "abc"})
    assert len(events) == 1 and [c.field for c in events[0].conflicts] == ["location"]
    split = resolve([held[0], held[2], meeting("a", UNDATED, PRG, start=50)], story_of={d: "s" for d in "ac"})
    assert len(split) == 2  # one source against one: the undated report stays apart


def test_a_recalled_round_joins_the_event_at_its_place_its_article_named_last():
    earlier = [meeting("b", day("2022-05-22"), BRU), meeting("c", day("2022-08-31"), BRU)]
    named = meeting("a", day("2022-08-31"), BRU, background=True, start=10)
    recalled = meeting("a", UNDATED, BRU, background=True, start=50)
    story = {d: "s" for d in "abc"}
    events = resolve([meeting("a", day("2022-10-06"), PRG, start=0), named, recalled, *earlier], story_of=story)
    august = next(e for e in events if e.date.start == date(2022, 8, 31))
    assert len(events) == 3 and august.documents == ("a", "c")
    assert sum(len(e.evidence) for e in events if e.date.start == date(2022, 5, 22)) == 1


def test_a_recalled_round_its_article_names_first_joins_the_event_most_sources_place_there():
    recalled = meeting("a", UNDATED, BRU, background=True, start=0)
    news = meeting("a", day("2022-10-06"), PRG, start=50)
    august = [meeting("b", day("2022-08-31"), BRU), meeting("c", day("2022-08-31"), BRU)]
    story = {d: "s" for d in "abcd"}
    events = resolve([recalled, news, *august, meeting("d", day("2022-05-22"), BRU)], story_of=story)
    assert len(events) == 3
    assert next(e for e in events if e.date.start == date(2022, 8, 31)).documents == ("a", "b", "c")
    tied = resolve([recalled, news, august[0], meeting("d", day("2022-05-22"), BRU)], story_of=story)
    assert len(tied) == 4  # one source for each: nothing says which one it recalls
