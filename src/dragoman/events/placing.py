"""Which place an event gets (its venue: :mod:`.venue_choice`).

The place is the city named in the trigger's sentence that is not one of the parties and not the
place of another clause or of another event of the sentence ("London expelled 23 diplomats, and
Moscow ordered the same number out *in* ..." keeps each city with its own verb); else, when the
event is the article's kind of event at the article's time, the frame's place; else, for a meeting,
the dateline's filing place; else, for a decision of one party (a sanction, an expulsion), that
party's seat, where it is decided and announced. A decision is placed only by a city of its own act
("said in Moscow", "a annoncé à Moscou l'expulsion"), never by the city of a thing it concerns
("the consulate in St Petersburg", "the Salisbury attack").
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..languages import labels_for, language_data
from ..model import Actor, DateValue, Location, Mention
from ..nlp import locative_prepositions, previous_word, seat_of
from .clause import DECISION_TYPES, SEQUENCED_TYPES, Clause, in_background_clause, in_other_clause, nominal_chain
from .dating import near_anchor
from .framing import FRAME_TYPES
from .posts import envoy_posts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["event_place"]




def event_place(clause: Clause, actors: tuple[Actor, ...], when: DateValue) -> Location | None:
    """The city named in the sentence for this event; else, when justified, the frame's; else, for a
    meeting, the dateline's; else, for a decision, its party's seat."""
    if clause.event.mode == "phone":
        return None
    elsewhere, places = _cities(clause, actors)
    if places:
        return min(places, key=lambda m: abs(m.start - clause.trigger[0])).value
    if clause.event.type in DECISION_TYPES:
        return seat_place(actors, language=clause.language)
    countries = named_countries(clause)
    frame = clause.frame
    if frame.location is not None and not any(m.value == frame.location for m in elsewhere):
        inherited = inherits_place(clause, when)
        return frame.location if inherited and countries <= {frame.location.country} else None
    if frame.location is not None:
        return None
    return None if countries else dateline_place(clause, when)


def seat_place(actors: tuple[Actor, ...], *, language: str) -> Location | None:
    """The seat of the one party that takes a decision ("Britain expels 23 diplomats": London)."""
    sources = {a.code for a in actors if a.role == "source"}
    return seat_of(sources.pop(), language=language) if len(sources) == 1 else None


def _cities(clause: Clause, actors: tuple[Actor, ...]) -> tuple[list[Mention], list[Mention]]:
    """The sentence's cities that are another clause's (or the background's), and those that may be
    the event's: not another event's of the sentence, not a party's name unless a venue or a city
    naming a thing of the event's phrase; for a decision, only a city of its own act or of its
    announcement."""
    sdoc, trigger, cues = clause.sent.doc, clause.trigger, clause.discourse
    codes = {a.code for a in actors}
    markers = frozenset(cues.get("background_markers", ()))
    sequence = frozenset(cues.get("place_sequence_markers", ()) if clause.event.type in SEQUENCED_TYPES else ())
    party_spans = [(m.start, m.end) for m in clause.in_span("actors") if m.value.code in codes]
    posts = envoy_posts(clause)  # where recalled envoys served, not where they are recalled
    instruments = frozenset(cues.get("instrument_nouns", ()))
    cities = [m for m in clause.in_span("places") if m.value.is_city and m not in posts
              and not names_an_instrument(sdoc, m, instruments, trigger)]
    elsewhere = [m for m in cities if in_background_clause(sdoc, m, trigger, markers)
                 or in_other_clause(sdoc, m, trigger)]
    others = [m for m in cities if in_background_clause(sdoc, m, trigger, sequence)
              or of_other_event(sdoc, m, trigger, clause.others)]
    agents = frozenset(cues.get("agent_heads", ()))
    places = [m for m in cities if m not in elsewhere and m not in others
              and (m.value.venue or not any(s < m.end and m.start < e for s, e in party_spans)
                   or modifies_a_thing(sdoc, m, agents, trigger))]
    if clause.event.type in DECISION_TYPES:
        announced = [m for m in elsewhere if announced_at(sdoc, m, clause.language)
                     and not of_other_event(sdoc, m, trigger, clause.others)]
        places = [m for m in places if place_of_act(sdoc, m, trigger)] + announced
    return elsewhere, places


def announced_at(sdoc: Doc, mention: Mention, language: str) -> bool:
    """A city where the sentence's decision was announced ("..., the minister said in Sochi"), though
    parsers make the attribution a clause of its own."""
    span = _span(sdoc, mention)
    if span is None:
        return False
    node = span.root.head
    while node.pos_ == "ADP" and node.head.i != node.i:
        node = node.head
    return node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in _announcing(language)


@cache
def _announcing(language: str) -> frozenset[str]:
    return frozenset(language_data(language, "places").get("announcing_lemmas", ()))


def of_other_event(sdoc: Doc, mention: Mention, trigger: tuple[int, int],
                   others: tuple[tuple[int, int], ...]) -> bool:
    """A city that another event of the sentence holds before this one does: in "London expelled 23
    diplomats in March, and Moscow expelled 23 in return" March's city is London's expulsion's, though
    the second verb hangs under the first. A verb that governs this event's trigger through a
    complement ("announced that it would expel") shares its place."""
    span, own = _span(sdoc, mention), _span(sdoc, trigger)
    if span is None or own is None or not others:
        return False
    heads = {t.i: t for s, e in others if (o := _span(sdoc, (s, e))) is not None for t in o}
    coordinate = labels_for(own.root, "coordinate_clause")
    for node in (span.root, *span.root.ancestors):
        if node.i in heads and not _governs(node, own.root, coordinate):
            return True
        if own.root.i in {t.i for t in node.subtree}:
            return False
    return False


def _governs(verb: Token, token: Token, coordinate: frozenset[str]) -> bool:
    """Whether ``verb`` holds ``token`` as part of its own predication, not as a coordinated clause."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in coordinate:
            return False
        node = node.head
    return node.i == verb.i


def place_of_act(sdoc: Doc, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether a city is where the event's own act happens: it hangs on the trigger, a noun the trigger
    completes, a verb governing the trigger ("said in Moscow"), or the description of who acts
    ("ministers meeting in Luxembourg adopted"), not on a thing the act concerns ("the consulate in
    St Petersburg")."""
    span, own = _span(sdoc, mention), _span(sdoc, trigger)
    if span is None or own is None:
        return False
    chain = {t.i for t in nominal_chain(own.root)}
    node = span.root.head
    while node.i not in chain and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX"):
            if _holds(node, own.root) or node.dep_ not in _modifiers(node):
                return _holds(node, own.root)
        elif node.pos_ in ("NOUN", "PROPN"):
            return node.dep_ in labels_for(node, "any_subject") and _holds(node.head, own.root)
        node = node.head
    return node.i in chain or _holds(node, own.root)


def _modifiers(token: Token) -> frozenset[str]:
    """Links by which a participle or adverbial clause describes who acts, or when and where."""
    return (labels_for(token, "describing_modifier") | labels_for(token, "adverbial_phrase")
            | labels_for(token, "scene_clause"))


def _holds(node: Token, token: Token) -> bool:
    return token.i in {t.i for t in node.subtree}


def _span(sdoc: Doc, where: Mention | tuple[int, int]) -> Span | None:
    start, end = (where.start, where.end) if isinstance(where, Mention) else where
    return sdoc.char_span(start, end, alignment_mode="expand")


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


def names_an_instrument(sdoc: Doc, mention: Mention, instruments: frozenset[str], trigger: tuple[int, int]) -> bool:
    """A city hung on a noun of ``instruments`` that is not the trigger ("le groupe de Minsk", "les accords de
    Minsk", "the Helsinki declaration", "the Minsk Group") names that instrument, not the event's place."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    own = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or own is None:
        return False
    head, words = span.root.head, _place_words(sdoc.lang_)
    cases = [c.lower_ for c in span.root.children if c.dep_ in ("case", "fixed")]
    if (head.pos_ == "ADP" and head.lower_ in words) or (cases and cases[0] in words):
        return False  # "signed an agreement in Oslo": where it was signed, though parsers hang it on the noun
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return (head.pos_ in ("NOUN", "PROPN") and not own.start <= head.i < own.end and not span.start <= head.i < span.end
            and (head.lemma_.lower() in instruments or head.lower_ in instruments))


@cache
def _place_words(language: str) -> frozenset[str]:
    """Prepositions that put a city as a place ("in", "at"), not as a name ("of", "de")."""
    return frozenset(p for p in locative_prepositions(language) if p not in ("de", "d'", "of"))


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
