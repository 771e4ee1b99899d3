"""The document frame: what an article as a whole is about, its main parties and its place.

Articles name the parties once (title, lead) and then speak of "the talks", "the two countries";
the frame carries those parties and the main place so that such later mentions still become events.
Its parties are the participants an early sentence lists ("Autour de la table figuraient ...",
"Representatives of X, Y and Z took part"), else the lead's most named parties, with the lead's
mediators; a country named only as a place, a topic or a label, and one the article says was absent
("Ukraine was not at the table"), is none. The frame also keeps how each sentence names its actors
(:mod:`.roles`), which the parties of each event read again.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Location, Mention
from ..nlp import ActorLexicon as Lexicon
from ..nlp import Mentions, previous_word
from .clause import in_other_clause
from .roles import ABSENT, PartyCues, SentenceReading, named_in, read_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["FRAME_TYPES", "Frame", "document_frame", "sentence_reading"]

# Types an article's own subject is usually expressed with; a trigger of these
# types without parties of its own takes the frame's parties.
FRAME_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LEAD_SENTENCES = 3
WIDE_LEAD = 10  # a list of participants this early is the article's meeting's; a lead without two parties reads on
PARTY_KINDS = frozenset({None, "mediator", "convener"})
MEDIATING = frozenset({"mediator", "convener"})


@dataclass(frozen=True)
class Frame:
    """What the article as a whole is about: its main parties and place; ``readings``: how each sentence
    (by its first character) names its actors."""
    actors: tuple[Actor, ...]
    location: Location | None
    readings: Mapping[int, SentenceReading] = field(default_factory=dict)


def sentence_reading(sent: Span, mentions: Mentions, *, language: str) -> SentenceReading:
    """How one sentence names its actors (:func:`.roles.read_sentence`)."""
    start, end = sent.start_char, sent.end_char
    named = named_in(sent, mentions.in_span("actors", start, end), mentions.in_span("people", start, end))
    cities = [(m.start - start, m.end - start) for m in mentions.in_span("places", start, end) if m.value.is_city]
    return read_sentence(sent, named, language=language, places=cities)


def document_frame(mentions: Mentions, sdoc: Doc, *, language: str) -> Frame:
    """The article's listed participants, else the lead's most named parties, and the lead's mediators."""
    sents = list(sdoc.sents)
    readings = {s.start_char: sentence_reading(s, mentions, language=language) for s in sents}
    lead_end = _lead_end(sents, LEAD_SENTENCES)
    absent = {n.code for r in readings.values() for n, kind in zip(r.named, r.kinds) if kind == ABSENT}
    mediators = {n.code for start, r in readings.items() if start < lead_end
                 for n, kind in zip(r.named, r.kinds) if kind in MEDIATING} - absent
    named = _party_mentions(readings, sdoc.text, language=language)
    plain = [m for m in named if m.value.code not in mediators]
    named_most = _most_named(plain, lead_end) or _most_named(plain, _lead_end(sents, WIDE_LEAD))
    roster = _roster(readings, sents)
    codes = roster if set(named_most) - absent <= set(roster) else named_most
    lexicon = Lexicon.load(language)
    names = {m.value.code: m.value.name for m in named}
    parties = tuple(Actor(c, names.get(c) or lexicon.actor(c).name, "mediator" if c in mediators else "participant")
                    for c in sorted((set(codes) | mediators) - absent))
    return Frame(parties, lead_location(mentions, lead_end, sdoc), readings)


def _lead_end(sents: list[Span], count: int) -> int:
    return sents[min(count, len(sents)) - 1].end_char if sents else 0


def _party_mentions(readings: Mapping[int, SentenceReading], text: str, *, language: str) -> list[Mention]:
    """Actor mentions read as parties: not a place after a preposition, a topic, a label or an absentee."""
    preps = PartyCues.of(language).lists["place_prepositions"]
    return sorted((n.mention for r in readings.values() for n, kind in zip(r.named, r.kinds)
                   if n.mention.kind == "actor" and kind in PARTY_KINDS and previous_word(text, n.mention.start)
                   not in preps), key=lambda m: m.start)


def _roster(readings: Mapping[int, SentenceReading], sents: list[Span]) -> list[str]:
    """The parties of the first early sentence that lists a meeting's participants (the frame's when it
    holds the lead's most named: a list of the guests at a signing does not)."""
    for sent in sents[:WIDE_LEAD]:
        reading = readings[sent.start_char]
        codes = list(dict.fromkeys(n.code for n, kind in zip(reading.named, reading.kinds) if kind is None))
        if reading.roster and len(codes) >= 2:
            return codes
    return []


def _most_named(named: list[Mention], lead_end: int) -> list[str]:
    """The lead's most named parties (at least two: a lead naming one leaves the frame empty)."""
    counts = Counter(m.value.code for m in named)
    ranked = sorted(dict.fromkeys(m.value.code for m in named if m.start < lead_end), key=lambda c: (-counts[c], c))
    top = counts[ranked[0]] if ranked else 0
    codes = [c for c in ranked if counts[c] * 2 >= top][:3]
    return codes if len(codes) >= 2 else []


def lead_location(mentions: Mentions, lead_end: int, sdoc: Doc) -> Location | None:
    """The first city of the lead that is not a capital standing for its government ("Paris et Londres
    signent") nor the place of a side clause ("after China said it would send an envoy to Hanoi")."""
    actor_spans = [(m.start, m.end) for m in mentions.actors if m.start < lead_end]
    cities = [m.value for m in mentions.places if m.start < lead_end and m.value.is_city
              and not any(s < m.end and m.start < e for s, e in actor_spans) and not side_place(sdoc, m)]
    return cities[0] if cities else None


def side_place(sdoc: Doc, mention: Mention) -> bool:
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root.sent.root
    return in_other_clause(sdoc, mention, (root.idx, root.idx + len(root.text)))
