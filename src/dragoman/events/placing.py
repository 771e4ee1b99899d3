"""Which place an event gets, and which venue the article's own event was held at.

The place is the city named in the trigger's sentence that is not one of the parties and not the
place of another clause; else, when the event is the article's kind of event at the article's time,
the frame's place; else, for a meeting, the dateline's filing place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..languages import labels_for
from ..model import Actor, DateValue, Location, Mention
from ..nlp import Mentions, locative_prepositions, previous_word, stands_for_government
from .clause import Clause, in_background_clause, in_other_clause
from .dating import near_anchor
from .framing import FRAME_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["event_place", "first_venue", "venue_in_country"]


def event_place(clause: Clause, actors: tuple[Actor, ...], when: DateValue) -> Location | None:
    """The city named in the sentence that is not one of the parties; else, when justified, the frame's;
    else, for a meeting, the dateline's."""
    if clause.event.mode == "phone":
        return None
    elsewhere, places = _cities(clause, actors)
    if places:
        return min(places, key=lambda m: abs(m.start - clause.trigger[0])).value
    countries = named_countries(clause)
    frame = clause.frame
    if frame.location is not None and not any(m.value == frame.location for m in elsewhere):
        inherited = inherits_place(clause, when)
        return frame.location if inherited and countries <= {frame.location.country} else None
    if frame.location is not None:
        return None
    return None if countries else dateline_place(clause, when)


def _cities(clause: Clause, actors: tuple[Actor, ...]) -> tuple[list[Mention], list[Mention]]:
    """The sentence's cities that are another clause's (or the background's), and those that may be
    the event's: not a party's name, unless a venue or a city naming a thing of the event's phrase."""
    sdoc, trigger, cues = clause.sent.doc, clause.trigger, clause.discourse
    codes = {a.code for a in actors}
    markers = frozenset(cues.get("background_markers", ()))
    party_spans = [(m.start, m.end) for m in clause.in_span("actors") if m.value.code in codes]
    cities = [m for m in clause.in_span("places") if m.value.geonames_id]
    elsewhere = [m for m in cities if in_background_clause(sdoc, m, trigger, markers)
                 or in_other_clause(sdoc, m, trigger)]
    agents = frozenset(cues.get("agent_heads", ()))
    places = [m for m in cities if m not in elsewhere
              and (m.value.venue or not any(s < m.end and m.start < e for s, e in party_spans)
                   or modifies_a_thing(sdoc, m, agents, trigger))]
    return elsewhere, places


def modifies_a_thing(sdoc: Doc, mention: Mention, agents: frozenset[str], trigger: tuple[int, int]) -> bool:
    """Whether a city that also names a party ("Warsaw" for Poland) modifies a noun of the event's own
    phrase other than an agent noun: in "an attack on a Warsaw shopping centre", "l'incendie d'un centre
    commercial de Varsovie", the city is the place; "Warsaw officials", "le gouvernement de Varsovie" are
    the state, and a city in a clause the trigger governs through a verb is that clause's place."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    own = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or own is None:
        return False
    head = span.root.head
    kinds = labels_for(head, "kind_modifier")
    if span.root.dep_ not in kinds or head.pos_ != "NOUN" or span.start <= head.i < span.end:
        return False
    if head.lemma_.lower() in agents or head.text.lower() in agents:
        return False
    node = head
    while not own.start <= node.i < own.end:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def named_countries(clause: Clause) -> set[str | None]:
    """Countries the sentence names as a place ("en Allemagne", "in Saudi Arabia"): an inherited
    place elsewhere would contradict them."""
    preps = locative_prepositions(clause.language)
    sent = clause.sent
    return {m.value.country for m in clause.in_span("places")
            if previous_word(sent.text, m.start - sent.start_char) in preps}


def dateline_place(clause: Clause, when: DateValue) -> Location | None:
    """The filing place, for a meeting at the article's time when the article names no place for it
    (not even a country: "talks in Saudi Arabia" filed from Washington are not in Washington)."""
    mentions = clause.mentions
    if mentions.dateline is None or clause.event.type not in FRAME_TYPES or (
            when.known and not near_anchor(when, mentions.anchor)):
        return None
    return mentions.dateline


def inherits_place(clause: Clause, when: DateValue) -> bool:
    """The article's place is this event's when it is the article's kind of event at the article's time,
    or when the sentence points back to it ("s'y", "there")."""
    words = f" {clause.sent.text.lower().replace('’', chr(39))} "
    if any(f" {cue} " in words or f" {cue}" in words for cue in clause.discourse.get("same_place", ())):
        return True
    return clause.event.type in FRAME_TYPES and (not when.known or near_anchor(when, clause.anchor))


def venue_in_country(venue: Mention, mentions: Mentions, location: Location | None, *, language: str) -> bool:
    """A venue that names a state's seat (Kremlin, Maison Blanche) is not where an event held in
    another country took place ("depuis le retour de Donald Trump à la Maison Blanche"); an embassy
    or a consulate is abroad by nature."""
    if location is None or not location.country or not stands_for_government(str(venue.value), language=language):
        return True
    seats = {m.value.code for m in mentions.actors if m.start <= venue.start and venue.end <= m.end}
    return not seats or location.country in seats


def first_venue(mentions: Mentions, taken: set[int], events: set[int], *, language: str) -> Mention | None:
    """The first venue named in a sentence of the article's own events, else outside the sentences
    of recalled events; a name that also stands for a government ("pression sur le Kremlin",
    "retour à la Maison Blanche") only in an event's sentence."""
    own = [m for m in mentions.venues if mentions.sentences[m.sentence][0] not in taken]
    in_events = [m for m in own if mentions.sentences[m.sentence][0] in events]
    if in_events:
        return in_events[0]
    return next((m for m in own if not stands_for_government(str(m.value), language=language)), None)
