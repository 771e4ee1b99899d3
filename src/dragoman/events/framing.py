"""The document frame: what an article as a whole is about, its main parties and its place.

Articles name the parties once (title, lead) and then speak of "the talks", "the two countries";
the frame carries those parties and the main place so that such later mentions still become events.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Actor, Location, Mention
from ..nlp import Mentions, locative_prepositions, previous_word
from .clause import in_other_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["FRAME_TYPES", "Frame", "document_frame"]

# Types an article's own subject is usually expressed with; a trigger of these
# types without parties of its own takes the frame's parties.
FRAME_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Frame:
    """What the article as a whole is about: its main parties and place."""
    actors: tuple[Actor, ...]
    location: Location | None


def document_frame(mentions: Mentions, sdoc: Doc, *, language: str) -> Frame:
    """The lead's most named parties; a country named only as a place ("talks in Saudi Arabia") is none."""
    lead_end = mentions.sentences[min(LEAD_SENTENCES, len(mentions.sentences)) - 1][1] if mentions.sentences else 0
    preps = locative_prepositions(language)
    text = sdoc.text  # spaCy rebuilds it on every access
    actors = [m for m in mentions.actors if previous_word(text, m.start) not in preps]
    counts = Counter(m.value.code for m in actors)
    lead = [m for m in actors if m.start < lead_end]
    by_code: dict[str, Actor] = {}
    for m in lead:
        by_code.setdefault(m.value.code, m.value)
    ranked = sorted(by_code, key=lambda c: (-counts[c], c))
    top = counts[ranked[0]] if ranked else 0
    codes = [c for c in ranked if counts[c] * 2 >= top][:3]
    parties = tuple(Actor(c, by_code[c].name, "participant", None) for c in sorted(codes))
    return Frame(parties, lead_location(mentions, lead_end, sdoc))


def lead_location(mentions: Mentions, lead_end: int, sdoc: Doc) -> Location | None:
    """The first city of the lead that is not a capital standing for its government ("Paris et Londres
    signent") nor the place of a side clause ("after China said it would send an envoy to Hanoi")."""
    actor_spans = [(m.start, m.end) for m in mentions.actors if m.start < lead_end]
    cities = [m.value for m in mentions.places if m.start < lead_end and m.value.geonames_id
              and not any(s < m.end and m.start < e for s, e in actor_spans) and not side_place(sdoc, m)]
    return cities[0] if cities else None


def side_place(sdoc: Doc, mention: Mention) -> bool:
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root.sent.root
    return in_other_clause(sdoc, mention, (root.idx, root.idx + len(root.text)))
