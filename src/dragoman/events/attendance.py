"""Who takes part in an event, and in which role.

An event's people are those its own sentence names for one of its sides, or as its host; the
article's own event also takes the people of its sides that the article names outside the sentences
of other events (recalled ones, statements, other meetings), none above the rank of those its own
sentence names unless the text gives them a leading role: a ministers' meeting does not take the
presidents named in passing, and a recalled event takes only its own sentence's people.

Roles: the people reader's cues come first ("conduite par", "led by", "hosted by", "porte-parole");
then, at a meeting, a person of the state where it is held (or of an organisation seated there)
that is not one of its sides is its host, and the highest ranked person of each side
(``levels.json``) heads that side's delegation.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Actor, EventCandidate, Location, Mention, Person
from ..nlp import Mentions, seat_of, title_rank

__all__ = ["event_people"]

# Gatherings whose sides come in delegations: talks, and the signing of what they agreed.
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
LEADING = frozenset({"head_of_delegation", "host"})
SIDES = frozenset({"source", "target", "participant", "mediator"})


def event_people(cand: EventCandidate, mentions: Mentions, *, others: Sequence[EventCandidate] | None,
                 language: str) -> tuple[Person, ...]:
    """The people taking part in ``cand``. ``others``: the article's other candidates, for its own
    event (a recalled event, None, reads its own sentence only)."""
    start, end = cand.evidence[0].start, cand.evidence[0].end
    codes = {a.code for a in cand.actors}
    host = _host_code(cand.actors, cand.location, language=language)
    own = [m.value for m in mentions.people if start <= m.start and m.end <= end]
    chosen = [p for p in own if p.actor is not None and (p.actor in codes or p.actor == host)]
    if others is not None:
        busy = _busy(cand, others)
        named = _named_for(cand, others, mentions) or own
        top = min((title_rank(p.title, language=language) for p in named if p.actor in codes), default=0)
        chosen += [m.value for m in _article_people(mentions, busy, codes, top, language=language)]
    unique = list({p.name: p for p in reversed(chosen)}.values())[::-1]
    return _with_roles(unique, host, heads=cand.type in MEETING_TYPES, language=language)


def _busy(cand: EventCandidate, others: Sequence[EventCandidate]) -> frozenset[int]:
    """Sentences whose people belong to another event: those of recalled events, and those holding an
    event of another kind or between other parties (a spokesperson's statement, another meeting)."""
    kind = _kind(cand)
    starts: dict[int, set[tuple[str, frozenset[str]]]] = {}
    for other in others:
        starts.setdefault(other.evidence[0].start, set()).add(("", frozenset()) if other.background else _kind(other))
    return frozenset(s for s, kinds in starts.items() if s != cand.evidence[0].start and kind not in kinds)


def _named_for(cand: EventCandidate, others: Sequence[EventCandidate], mentions: Mentions) -> list[Person]:
    """The people named in the sentences of the article's events of the same kind as ``cand``."""
    kind = _kind(cand)
    spans = [(o.evidence[0].start, o.evidence[0].end) for o in [cand, *others]
             if not o.background and _kind(o) == kind]
    return [m.value for m in mentions.people if any(s <= m.start and m.end <= e for s, e in spans)]


def _kind(cand: EventCandidate) -> tuple[str, frozenset[str]]:
    return cand.type, frozenset(a.code for a in cand.actors)


def _article_people(mentions: Mentions, busy: frozenset[int], codes: set[str], top: int, *,
                    language: str) -> list[Mention]:
    """People of the event's sides named in the article outside other events' sentences; none above
    ``top``, the rank of those the sentences of the event name (a ministers' meeting does not take the
    presidents the article mentions), unless the text gives them a leading role."""
    return [m for m in mentions.people
            if mentions.sentences[m.sentence][0] not in busy and m.value.actor in codes
            and (m.value.role in LEADING or title_rank(m.value.title, language=language) >= top)]


def _host_code(actors: tuple[Actor, ...], where: Location | None, *, language: str) -> str | None:
    """The actor that hosts a meeting: the state where it is held (or an organisation seated in its
    city) when it is not one of two sides meeting there ("Lavrov received his Armenian and Azerbaijani
    counterparts in Moscow"; "Guy Parmelin welcomed the two presidents in Geneva")."""
    if where is None or where.country is None:
        return None
    sides = {a.code for a in actors if a.role in SIDES}
    for code in sorted({a.code for a in actors} | {where.country}):
        seat = seat_of(code, language=language)
        local = code == where.country or (seat is not None and seat.geonames_id == where.geonames_id)
        if local and len(sides - {code}) >= 2:
            return code
    return None


def _with_roles(people: list[Person], host: str | None, *, heads: bool, language: str) -> tuple[Person, ...]:
    """Hosts, then at a meeting (``heads``) the highest ranked person of each side as its head of
    delegation, where the text gave no role."""
    people = [replace(p, role="host") if p.role is None and host is not None and p.actor == host else p
              for p in people]
    if not heads:
        return tuple(people)
    led = {p.actor for p in people if p.role in LEADING}
    first: dict[str, Person] = {}
    for p in people:
        if p.actor is None or p.actor in led or p.role is not None:
            continue
        best = first.get(p.actor)
        if best is None or title_rank(p.title, language=language) < title_rank(best.title, language=language):
            first[p.actor] = p
    chosen = {id(p) for p in first.values()}
    return tuple(replace(p, role="head_of_delegation") if id(p) in chosen else p for p in people)
