"""Which venue an event was held at: a building of the event's own city.

A venue belongs to the city its sentence names, or, when its sentence names none, to the article's
place: "la rencontre, organisée au château de Prague" is no venue of the working group that "se
retrouvera à Bruxelles". An event takes a venue known by a name ("the Capella hotel") before a
described one ("a resort hotel", "une villa"); among those, the one its own sentence names, else the
first in the sentences of the article's own events, never one of a recalled event's sentences. A name
that also stands for a government ("retour à la Maison Blanche") counts only in an event's sentence
and only in that government's country.
"""
from __future__ import annotations

from ..model import EventCandidate, Location, Mention
from ..nlp import Mentions, stands_for_government

__all__ = ["event_venue"]


def event_venue(cand: EventCandidate, mentions: Mentions, *, taken: set[int], events: set[int],
                place: Location | None, language: str) -> Mention | None:
    """The venue of ``cand``, or None. ``taken``: the sentence starts of recalled events (a recalled
    event takes only a venue of its own sentence); ``events``: those of the article's own events;
    ``place``: the article's place (else its dateline's)."""
    where = cand.location
    if where is None or where.geonames_id is None:
        return None
    own_start = cand.evidence[0].start
    place = place or mentions.dateline
    fitting = [v for v in mentions.venues
               if (_start(mentions, v) == own_start if cand.background else _start(mentions, v) not in taken)
               and _in_country(v, mentions, where, language=language)
               and _fits(v, mentions, where, None if _start(mentions, v) == own_start else _default(v, place, language))]
    ranked = sorted(fitting, key=lambda v: (not _named(v), _start(mentions, v) != own_start,
                                           _start(mentions, v) not in events, v.start))
    return ranked[0] if ranked else None


def _fits(venue: Mention, mentions: Mentions, where: Location, place: Location | None) -> bool:
    """A venue of the event's city: the city its sentence names, else ``place`` (None in the event's
    own sentence, whose city is the event's)."""
    return _city(venue, mentions, place) in (where.geonames_id, None if place is None else where.geonames_id)


def _default(venue: Mention, place: Location | None, language: str) -> Location | None:
    """The article's place, for a venue its sentence names no city for; a venue known by its name alone
    (Camp David, the Kremlin) lies where it lies, not at the article's place."""
    return None if stands_for_government(str(venue.value), language=language) else place


def _start(mentions: Mentions, venue: Mention) -> int:
    return mentions.sentences[venue.sentence][0]


def _city(venue: Mention, mentions: Mentions, place: Location | None) -> int | None:
    """The geonames id of the city nearest the venue in its sentence, else of the article's place
    (a seat of government named there, "à la Maison Blanche", is a venue of its own, not a city)."""
    start, end = mentions.sentences[venue.sentence]
    cities = [m for m in mentions.in_span("places", start, end) if m.value.geonames_id and not m.value.venue]
    if cities:
        return min(cities, key=lambda m: abs(m.start - venue.start)).value.geonames_id
    return place.geonames_id if place is not None else None


def _named(venue: Mention) -> bool:
    """Known by a name ("Capella hotel", "palais Coburg"), not only described ("a resort hotel")."""
    return any(word[:1].isupper() for word in str(venue.value).split()[1:]) or str(venue.value)[:1].isupper()


def _in_country(venue: Mention, mentions: Mentions, location: Location, *, language: str) -> bool:
    """A venue that names a state's seat (Kremlin, Maison Blanche) is not where an event held in
    another country took place ("depuis le retour de Donald Trump à la Maison Blanche")."""
    if not location.country or not stands_for_government(str(venue.value), language=language):
        return True
    seats = {m.value.code for m in mentions.actors if m.start <= venue.start and venue.end <= m.end}
    return not seats or location.country in seats
