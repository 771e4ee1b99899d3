"""Which parties an event has: the parse's, the document frame's, and the state of a visited capital.

The parties the parse gives come first; a sentence that names fewer than two takes the frame's when
it is the article's kind of event or points back to them ("the two countries"). A country named only
as the place of a meeting is no party to it, and a visit to a capital is a visit to its state.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor, Mention, Person
from ..nlp import ActorLexicon as Lexicon
from ..nlp import locative_prepositions, previous_word
from .clause import Clause, in_other_clause
from .framing import FRAME_TYPES

__all__ = ["event_parties", "event_people"]


def event_parties(clause: Clause) -> tuple[Actor, ...]:
    """The event's parties, the visited state last."""
    actors = unlocated(clause, parties(clause))
    return actors + visited(clause, actors)


def parties(clause: Clause) -> tuple[Actor, ...]:
    """The parse's parties; the frame's when the sentence names none of its own."""
    event, frame = clause.event, clause.frame
    own = tuple(dedupe_actors([*(with_role(a, "source") for a in event.source),
                               *(with_role(a, "target") for a in event.target)]))
    if len({a.code for a in own}) >= 2:
        return symmetric(own, event.type)
    text = clause.sent.text.lower()
    anaphor = any(cue in text for cue in clause.discourse.get("dyad_anaphora", ()))
    frame_codes = {a.code for a in frame.actors}
    if len(frame_codes) >= 2 and (event.type in FRAME_TYPES or anaphor) and {a.code for a in own} <= frame_codes:
        return frame.actors
    return own


def unlocated(clause: Clause, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Talks "in Saudi Arabia" between two other states: a country named only as the place of a
    meeting is no party to it (a visit's or a host's country is)."""
    if clause.event.type != "CONSULT" or clause.event.mode is not None:
        return actors
    preps = locative_prepositions(clause.language)
    sent = clause.sent
    named: dict[str, list[bool]] = {}
    for m in clause.in_span("actors"):
        named.setdefault(m.value.code, []).append(previous_word(sent.text, m.start - sent.start_char) in preps)
    kept = tuple(a for a in actors if not (named.get(a.code) and all(named[a.code])))
    return kept if len({a.code for a in kept}) >= 2 else actors


def visited(clause: Clause, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A visit to a capital ("s'est rendu à Pékin", "arrived in Beijing") is a visit to its state: the
    gazetteer reads a capital after a preposition as a place, so the parse gives no target."""
    trigger, sent = clause.trigger, clause.sent
    if clause.event.mode != "visit" or len({a.code for a in actors}) != 1:
        return ()
    preps = locative_prepositions(clause.language)
    cities = [m for m in clause.in_span("places")
              if m.value.geonames_id and m.value.country and m.value.country not in {a.code for a in actors}
              and previous_word(sent.text, m.start - sent.start_char) in preps
              and not in_other_clause(sent.doc, m, trigger)]
    if not cities:
        return ()
    city = min(cities, key=lambda m: abs(m.start - trigger[0])).value
    return (with_role(Lexicon.load(clause.language).actor(city.country, "GOV"), "target"),)


def with_role(actor: Actor, role: str) -> Actor:
    return Actor(actor.code, actor.name, role, actor.sector)  # type: ignore[arg-type]


def dedupe_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())


def symmetric(actors: tuple[Actor, ...], event_type: str) -> tuple[Actor, ...]:
    if event_type in FRAME_TYPES:
        return tuple(with_role(a, "participant") for a in actors)
    return actors


def event_people(people: Sequence[Mention], actors: tuple[Actor, ...]) -> tuple[Person, ...]:
    """The people named with a role or title who speak for one of the event's parties."""
    codes = {a.code for a in actors}
    chosen: dict[str, Person] = {}
    for m in people:
        person: Person = m.value
        if person.actor in codes and (person.role or person.title):
            chosen.setdefault(person.name, person)
    return tuple(chosen.values())
