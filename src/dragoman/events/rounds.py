"""Several rounds named in one phrase: "two rounds, on July 28 in Geneva and on Sept. 30 in Vienna", "deux
séances, le 28 juillet à Genève et le 30 septembre à Vienne".

A meeting noun that counts its instances (a number, or a countable noun in the plural: rounds, sessions,
meetings, séances, cycles; "à trois reprises", "three times") with two or more days of its sentence, each
followed by a city of its own or listed with the next day ("les 3 et 7 mars dans la forêt de ..."), is one
meeting per day, each at its city. Lexically plural nouns alone ("talks", "pourparlers") do not count: talks on
Monday and Tuesday in Geneva are one meeting of two days.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import EventCandidate, Mention
from .clause import Clause
from .dating import eligible_dates, is_background
from .status import candidate_status, clause_status

__all__ = ["one_per_round"]



def one_per_round(clause: Clause, cand: EventCandidate) -> list[EventCandidate]:
    """``cand`` split into one reading per day its counted meeting noun lists, each with its own city."""
    if cand.type != "CONSULT" or not _counted(clause):
        return [cand]
    days = sorted((m for m in eligible_dates(clause) if m.value.precision == "day"), key=lambda m: m.start)
    if len(days) < 2:
        return [cand]
    cities = sorted((m for m in clause.in_span("places") if m.value.is_city), key=lambda m: m.start)
    joiners = frozenset(clause.discourse.get("day_list_joiners", ()))
    text = clause.doc.text
    pairs = [(day, _city_after(day, days[n + 1:], cities, text, joiners)) for n, day in enumerate(days)]
    if any(city is None for _, city in pairs) or len({city.value.name for _, city in pairs if city}) < 2:
        return [cand]
    grammar, split = clause_status(clause), []
    for day, city in pairs:
        status, when = candidate_status(clause, grammar, day.value, habitual=False)
        split.append(replace(cand, date=when, status=status, location=city.value if city else cand.location,
                             background=is_background(when, clause.anchor)))
    return split


def _counted(clause: Clause) -> bool:
    """The trigger, or a noun its verb governs ("the dialogue held two rounds"), counts meetings."""
    sdoc = clause.sent.doc
    span = sdoc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    if span is None:
        return False
    counted = frozenset(clause.discourse.get("counted_meetings", ()))
    root = span.root
    nouns = [root, *(c for c in (root.head.children if root.pos_ in ("NOUN", "PROPN") else root.children)
                     if c.pos_ == "NOUN")]
    return any(n.lower_ in counted and ("Plur" in n.morph.get("Number", [])
                                        or any(c.dep_ == "nummod" for c in n.children)) for n in nouns)


def _city_after(day: Mention, later: list[Mention], cities: list[Mention], text: str,
                joiners: frozenset[str]) -> Mention | None:
    """The first city after ``day`` and before the next day (or within a few words of it); a day listed with
    the next one ("les 3 et 7 mars dans la forêt de ...", "on March 3 and 7 in ...") shares its city."""
    following = later[0] if later else None
    end = following.start if following is not None else day.end + 60
    own = next((c for c in cities if day.end <= c.start < end), None)
    if own is None and following is not None and text[day.end:following.start].strip().lower() in joiners:
        return _city_after(following, later[1:], cities, text, joiners)
    return own
