"""Mentions stage: everything recognised in one parsed document.

Gathers the gazetteer, people, venue and date readers into one typed
:class:`Mentions` record, and fixes the document's temporal anchor (its
publication date, or when it has none, the latest absolute date it states).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

from ..languages import language_data
from ..model import Document, Location, Mention
from .actors import ActorMatcher
from .datelines import Dateline, find_dateline
from .leaders import find_leaders, leader_actors, leader_people
from .people import find_people
from .places import PlaceResolver
from .temporal import find_dates, infer_anchor
from .venues import find_venues

PLACE_LABELS = frozenset({"GPE", "LOC"})
ARTICLES = frozenset({"the", "le", "la", "les", "l'"})


@dataclass(frozen=True)
class Anchor:
    """The reference date of a document; ``precision`` says how well it is known."""
    day: date | None
    precision: str = "day"

    @property
    def known(self) -> bool:
        return self.day is not None


@dataclass(frozen=True)
class Mentions:
    actors: tuple[Mention, ...]
    places: tuple[Mention, ...]
    people: tuple[Mention, ...]
    venues: tuple[Mention, ...]
    dates: tuple[Mention, ...]
    anchor: Anchor
    sentences: tuple[tuple[int, int], ...]  # char spans of the sentences, in order
    dateline: Location | None = None  # where the report was filed (see datelines.py)

    def all(self) -> tuple[Mention, ...]:
        return self.actors + self.places + self.people + self.venues + self.dates

    def in_span(self, kind: str, start: int, end: int) -> list[Mention]:
        """The mentions of ``kind`` inside ``[start, end)``, in stored order (a binary search: called once
        per sentence, it must not read every mention each time, #15)."""
        items = getattr(self, kind)
        order, starts = self._by_start[kind]
        found = sorted(order[bisect_left(starts, start):bisect_right(starts, end)])
        return [items[i] for i in found if items[i].end <= end]

    @cached_property
    def _by_start(self) -> dict[str, tuple[list[int], list[int]]]:
        index = {}
        for kind in ("actors", "places", "people", "venues", "dates"):
            items = getattr(self, kind)
            order = sorted(range(len(items)), key=lambda i: items[i].start)
            index[kind] = (order, [items[i].start for i in order])
        return index


def sentence_index(spans: tuple[tuple[int, int], ...], offset: int, starts: list[int] | None = None) -> int:
    """The sentence (sorted, disjoint spans) holding ``offset``; the last one when none does. A binary
    search: a long text has thousands of sentences and mentions (#15)."""
    starts = [start for start, _ in spans] if starts is None else starts
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < spans[i][1]:
        return i
    return max(len(spans) - 1, 0)


def with_sentence(mentions: list[Mention], spans: tuple[tuple[int, int], ...]) -> tuple[Mention, ...]:
    starts = [start for start, _ in spans]
    return tuple(Mention(m.kind, m.start, m.end, m.text, sentence_index(spans, m.start, starts), m.value)
                 for m in sorted(mentions, key=lambda m: (m.start, m.end)))


def find_mentions(doc: Document, sdoc, *, language: str, extra_actors=()) -> Mentions:
    """Run every reader over a parsed document (``sdoc`` is the spaCy Doc of ``doc.text``)."""
    spans = tuple((s.start_char, s.end_char) for s in sdoc.sents)
    actors = ActorMatcher.for_language(language, extra=extra_actors).find(doc.text)
    places = place_mentions(sdoc, language=language)
    actors, places = split_capitals(doc.text, actors, places, language=language)
    places = places + seat_places(doc.text, places, language=language)  # seats stay parties too
    actors, places = capital_phrases(doc.text, actors, places, language=language)
    dateline = find_dateline(doc.text, language=language)
    if dateline is not None:
        actors, places = outside(actors, dateline), outside(places, dateline)
    anchor = document_anchor(doc, language=language, dateline=dateline)
    leaders = find_leaders(doc.text, anchor.day)
    people = not_places(leader_people(doc.text, leaders, find_people(sdoc, actors, language=language),
                                      language=language), places)
    actors = leader_actors(doc.text, leaders, actors, language=language)
    venues = find_venues(sdoc, language=language)
    dates = date_mentions(doc.text, anchor, language=language)
    if dateline is not None:
        dates = outside(dates, dateline)
    return Mentions(with_sentence(actors, spans), with_sentence(places, spans), with_sentence(people, spans),
                    with_sentence(venues, spans), with_sentence(dates, spans), anchor, spans,
                    dateline.place if dateline else None)


def not_places(people: list[Mention], places: list[Mention]) -> list[Mention]:
    """A one-word "person" the gazetteer reads as a place at the very same words ("Panmunjom", which the
    tagger took for a name) is the place; a full name ("Denzel Washington") stays a person."""
    placed = {(m.start, m.end) for m in places}
    return [m for m in people if (m.start, m.end) not in placed or len(m.value.name.split()) > 1]


def outside(mentions: list[Mention], dateline: Dateline) -> list[Mention]:
    """Mentions not inside the dateline: its place is the newsroom's, not a party or the event's place."""
    return [m for m in mentions if not (dateline.start <= m.start and m.end <= dateline.end)]


def place_mentions(sdoc, *, language: str) -> list[Mention]:
    """Places named by the parser's entities, resolved in the gazetteer."""
    resolver = PlaceResolver.for_language(language)
    gazetteer = resolver.find(sdoc.text)
    countries = frozenset(m.value.country for m in gazetteer if m.value.country and not m.value.is_city)
    found: list[Mention] = []
    for ent in sdoc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        loc = resolver.resolve_named(ent.text, countries=countries)
        if isinstance(loc, Location):
            found.append(Mention("place", ent.start_char, ent.end_char, ent.text, 0, loc))
    known = {(m.start, m.end) for m in found}
    for mention in gazetteer:  # the gazetteer catches what NER labelled otherwise
        if not any(s < mention.end and mention.start < e for s, e in known):
            found.append(mention)
    return found


def seat_places(text: str, places: list[Mention], *, language: str) -> list[Mention]:
    """Seats of government after a locative preposition ("at the White House"): the capital, as venue."""
    preps = set(locative_prepositions(language))
    seats = PlaceResolver.for_language(language).find_seats(text)
    return [m for m in seats if after_preposition(text, m.start, preps)
            and not any(p.start < m.end and m.start < p.end for p in places)]


def capital_phrases(text: str, actors: list[Mention], places: list[Mention], *,
                    language: str) -> tuple[list[Mention], list[Mention]]:
    """"the Malaysian capital", "la capitale hongroise": a place (the capital city), not a party."""
    local = language_data(language, "places")
    words, before = set(local.get("capital_words", ())), local.get("capital_side") == "before"
    resolver = PlaceResolver.for_language(language)
    kept, found = [], []
    for m in actors:
        near = text[max(0, m.start - 12):m.start].split()[-1:] if before else text[m.end:m.end + 12].split()[:1]
        word = near[0].strip(".,;:!?«»\"'") if near else ""
        capital = resolver.capital(m.value.code) if word.lower() in words else None
        if capital is None:
            kept.append(m)
            continue
        start, end = (m.start - len(word) - 1, m.end) if before else (m.start, m.end + 1 + len(word))
        found.append(Mention("place", start, end, text[start:end], 0, capital))
    places = [p for p in places if not any(f.start < p.end and p.start < f.end for f in found)]
    return kept, places + found


def after_preposition(text: str, offset: int, preps: set[str]) -> bool:
    """A preposition right before ``offset``, or before an article there ("at the", "à l'", "à la")."""
    words = re.findall(r"\w+'?|'", text[max(0, offset - 40):offset].replace("’", "'").lower())
    while words and words[-1] in ARTICLES:
        words.pop()
    return bool(words) and words[-1] in preps


def split_capitals(text: str, actors: list[Mention], places: list[Mention], *,
                   language: str) -> tuple[list[Mention], list[Mention]]:
    """A capital after a locative preposition ("à Riyad", "in Riyadh") is a place, not a party.

    Elsewhere a capital stays both: the candidates stage treats it as the place
    of an event unless it is one of that event's parties ("Moscou a annoncé").
    """
    preps = set(locative_prepositions(language))
    city_spans = sorted((m.start, m.end) for m in places if m.value.is_city)
    longest = max((e - s for s, e in city_spans), default=0)
    kept = [a for a in actors
            if not (_overlaps(city_spans, longest, a) and previous_word(text, a.start) in preps)]
    return kept, places


def _overlaps(spans: list[tuple[int, int]], longest: int, mention: Mention) -> bool:
    """Whether a span of ``spans`` (sorted, none longer than ``longest``) overlaps the mention; only the
    spans that can are looked at."""
    low = bisect_left(spans, (mention.start - longest,))
    high = bisect_left(spans, (mention.end,))
    return any(mention.start < e for _, e in spans[low:high])


def previous_word(text: str, offset: int) -> str:
    words = text[max(0, offset - 30):offset].replace("’", "'").split()
    if not words:
        return ""
    word = words[-1].lower()
    return word.split("'")[-1] + "'" if word.endswith("'") else word


@cache
def locative_prepositions(language: str) -> tuple[str, ...]:
    return tuple(language_data(language, "discourse", optional=True).get("locative_prepositions", ()))


def document_anchor(doc: Document, *, language: str, dateline: Dateline | None = None) -> Anchor:
    """Publication date; else the day the text speaks from (its dateline's date, else the latest date it
    states outside a future clause: :func:`~dragoman.nlp.temporal.infer_anchor`), or its month."""
    if doc.published:
        return Anchor(doc.published, "day")
    span = (dateline.start, dateline.end) if dateline is not None else None
    found = infer_anchor(doc.text, language=language, dateline=span)
    if found is None:
        return Anchor(None, "unknown")
    return Anchor(*found)


def date_mentions(text: str, anchor: Anchor, *, language: str) -> list[Mention]:
    found = find_dates(text, anchor.day, language=language, anchor_precision=anchor.precision)
    return [Mention("date", start, end, text[start:end], 0, value) for start, end, value in found]
