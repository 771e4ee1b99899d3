"""An event's parties are the ones most of its sources name; the dissent is a conflict on "actors"."""
from __future__ import annotations

from datetime import date

from dragoman.model import Actor, DateValue, Document, EventCandidate, Evidence
from dragoman.stories.fields import resolve_event

ARM, AZE, RUS, USA, TUR = (Actor(c, c) for c in ("ARM", "AZE", "RUS", "USA", "TUR"))
DAY = DateValue(date(2020, 10, 10), date(2020, 10, 10), "day", "Saturday")


def reading(doc: str, *actors: Actor, start: int = 0) -> EventCandidate:
    return EventCandidate(document=doc, type="AGREE", status="occurred", actors=actors, date=DAY,
                          evidence=(Evidence(doc, start, start + 5, "text"),))


def documents(*ids: str, flags: dict[str, tuple[str, ...]] | None = None) -> dict[str, Document]:
    return {i: Document(i, f"{i}.txt", "x", published=date(2020, 10, 10), flags=(flags or {}).get(i, ()))
            for i in ids}


def codes(event) -> set[str]:
    return {a.code for a in event.actors}


def test_a_party_one_source_of_three_adds_is_left_out_and_shown_as_a_conflict():
    members = [reading("a", ARM, AZE), reading("b", ARM, AZE), reading("c", ARM, AZE, USA)]
    event = resolve_event("e", members, documents("a", "b", "c"))
    assert codes(event) == {"ARM", "AZE"}
    conflict = next(c for c in event.conflicts if c.field == "actors")
    assert (("ARM", "AZE", "USA"), ("c",)) in conflict.values


def test_a_party_half_the_sources_name_is_kept_without_conflict():
    members = [reading("a", ARM, AZE, RUS), reading("b", ARM, AZE)]
    event = resolve_event("e", members, documents("a", "b"))
    assert codes(event) == {"ARM", "AZE", "RUS"}
    assert not [c for c in event.conflicts if c.field == "actors"]


def test_one_source_naming_a_party_in_any_of_its_readings_supports_it():
    members = [reading("a", ARM, AZE, RUS), reading("a", ARM, AZE, start=50), reading("b", ARM, AZE, RUS)]
    assert codes(resolve_event("e", members, documents("a", "b"))) == {"ARM", "AZE", "RUS"}


def test_a_mediator_named_by_one_source_stays():
    members = [reading("a", ARM, AZE, Actor("RUS", "RUS", role="mediator")), reading("b", ARM, AZE),
               reading("c", ARM, AZE)]
    assert "RUS" in codes(resolve_event("e", members, documents("a", "b", "c")))


def test_a_flagged_copy_weighs_less_than_a_source_of_its_own():
    members = [reading("a", ARM, AZE, TUR), reading("b", ARM, AZE, TUR), reading("c", ARM, AZE),
               reading("d", ARM, AZE), reading("e", ARM, AZE)]
    flagged = documents("a", "b", "c", "d", "e", flags={"a": ("promotional",), "b": ("promotional",)})
    assert "TUR" not in codes(resolve_event("e", members, flagged))
    assert "TUR" in codes(resolve_event("e", members[:2] + members[2:3], documents("a", "b", "c")))


def test_an_event_keeps_two_parties_when_its_sources_disagree_on_every_one():
    members = [reading("a", ARM, AZE), reading("b", RUS, USA), reading("c", TUR, USA)]
    assert len(codes(resolve_event("e", members, documents("a", "b", "c")))) >= 2
