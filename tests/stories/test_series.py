"""Series are negotiation tracks: same parties, same level, same subject; one record per round, in order."""
from __future__ import annotations

from datetime import date

from dragoman.model import Actor, DateValue, Event, Evidence, Location, Person
from dragoman.stories.series import level, link_series

RUS, USA, EU = Actor("RUS", "Russia"), Actor("USA", "United States"), Actor("EU", "European Union")
GENEVA = Location("Geneva", "CHE", 46.2, 6.15, 2660646)
PRESIDENTS = (Person("Joe Biden", "USA", "président"), Person("Vladimir Putin", "RUS", "president"))
DEPUTIES = (Person("Wendy Sherman", "USA", "deputy secretary of state", "head_of_delegation"),
            Person("Sergei Ryabkov", "RUS", "vice-ministre des affaires étrangères", "head_of_delegation"))


def meeting(key: str, day: str, people=(), *, actors=(RUS, USA), said="They met.", topics=("arms_control",)) -> Event:
    when = date.fromisoformat(day)
    return Event(key, "CONSULT", "occurred", actors=actors, people=people, location=GENEVA,
                 date=DateValue(when, when, "day"), topics=topics, evidence=(Evidence("d", 0, len(said), said),))


def chain(events) -> list[tuple[str, str]]:
    return sorted((e.id, r.event) for e in link_series(events) for r in e.related if r.relation == "next_round")


def test_a_leaders_summit_is_not_a_round_of_the_officials_track():
    summit = meeting("summit", "2021-06-16", PRESIDENTS, said="Biden et Poutine se sont rencontrés à Genève.")
    rounds = [meeting("r1", "2021-07-28", DEPUTIES), meeting("r2", "2021-09-30", DEPUTIES),
              meeting("r3", "2022-01-10", DEPUTIES)]
    assert chain([summit, *rounds]) == [("r1", "r2"), ("r2", "r3")]


def test_presidents_named_in_passing_do_not_make_a_summit():
    rounds = [meeting("r1", "2021-07-28", DEPUTIES + PRESIDENTS, said="Sherman and Ryabkov met in Geneva."),
              meeting("r2", "2021-09-30", PRESIDENTS, said="Les délégations conduites par Sherman et Riabkov.")]
    assert level(rounds[0]) == "officials"
    assert chain([meeting("summit", "2021-06-16", PRESIDENTS, said="Biden and Putin met."), *rounds]) == [("r1", "r2")]


def test_a_meeting_called_off_or_a_visit_is_no_round_of_the_track():
    from dataclasses import replace
    called_off = replace(meeting("off", "2021-08-30", DEPUTIES), status="cancelled")
    visit = replace(meeting("visit", "2021-09-02", DEPUTIES), mode="visit")
    rounds = [meeting("r1", "2021-07-28", DEPUTIES), called_off, visit, meeting("r2", "2021-09-30", DEPUTIES)]
    assert chain(rounds) == [("r1", "r2")]


def test_a_mediator_read_in_one_round_only_keeps_the_track():
    rounds = [meeting("r1", "2022-05-22", actors=(RUS, USA, EU)), meeting("r2", "2022-08-31")]
    assert chain(rounds) == [("r1", "r2")]


def test_rounds_on_unrelated_subjects_are_two_tracks():
    rounds = [meeting("a1", "2021-07-28"), meeting("b1", "2021-08-10", topics=("diplomatic_missions",)),
              meeting("a2", "2021-09-30"), meeting("b2", "2021-10-20", topics=("diplomatic_missions", "visas"))]
    assert chain(rounds) == [("a1", "a2"), ("b1", "b2")]


def test_the_same_negotiators_continue_their_track_whatever_each_report_says_they_discussed():
    rounds = [meeting("r1", "2021-07-28", DEPUTIES), meeting("r2", "2021-09-30", DEPUTIES, topics=("sanctions",))]
    assert chain(rounds) == [("r1", "r2")]
    others = (Person("Antony Blinken", "USA", "secretary of state", "head_of_delegation"),
              Person("Sergueï Lavrov", "RUS", "ministre des affaires étrangères", "head_of_delegation"))
    apart = [meeting("r1", "2021-07-28", DEPUTIES), meeting("m1", "2021-09-30", others, topics=("sanctions",))]
    assert chain(apart) == []


def test_presidents_read_among_the_heads_of_an_officials_round_leave_it_officials():
    launched = tuple(Person(p.name, p.actor, p.title, "head_of_delegation") for p in PRESIDENTS)
    round2 = meeting("r2", "2021-09-30", DEPUTIES + launched,
                     said="Le dialogue lancé par Biden et Poutine a repris avec Sherman et Riabkov.")
    assert level(round2) == "officials"
    summit = meeting("summit", "2021-06-16", PRESIDENTS, said="Biden and Putin met in Geneva.")
    assert chain([summit, meeting("r1", "2021-07-28", DEPUTIES), round2]) == [("r1", "r2")]
