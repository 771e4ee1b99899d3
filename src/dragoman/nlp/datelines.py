"""Datelines: where a report was filed, not where its event happened.

Wire copy opens a paragraph with the filing place, often a date and an agency,
then a dash: "BRUSSELS —", "PARIS (AFP) -", "Moscou, 12 mars (Reuters) –",
"WASHINGTON, March 3 (Reuters) -". The place there is the newsroom's; an
event's place comes from the text ("in Riyadh", "à Genève"). The candidates
stage uses the dateline only as a weak fallback, for a meeting-type main event
whose text names no place at all: a correspondent is usually sent where the
talks are, but a sanction announced in Washington is not "in" Washington.

Only the first paragraphs are read, and the place must be a known city: a
headline like "Ukraine - Russia talks" is no dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Location
from .places import PlaceResolver

# place, then an optional ", date" and "(agency)", then a dash or a colon
DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ '’.-]*(?:[ '’.-][^\W\d_]+){0,3})"
    r"(?P<date>\s*,\s*[^\n()—–-]{1,30}?)?"
    r"(?P<agency>\s*\([^)\n]{1,40}\))?"
    r"\s*(?P<dash>[—–-]{1,2}|:)\s+")
PARAGRAPHS = 4


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # the end of the whole dateline, dash included
    place: Location


def find_dateline(text: str, *, language: str) -> Dateline | None:
    """The dateline opening one of the first paragraphs, if its place is a known city."""
    resolver = PlaceResolver.for_language(language)
    offset, seen = 0, 0
    for line in text.split("\n"):
        if line.strip() and seen < PARAGRAPHS:
            seen += 1
            found = _dateline_at(line, offset, resolver)
            if found is not None:
                return found
        offset += len(line) + 1
    return None


def without_dateline(text: str, *, language: str) -> str:
    """``text`` with its dateline blanked out, same length: what the parser should read, since
    "BRUSSELS — Ministers meeting in X adopted" is no sentence whose subject is Brussels."""
    found = find_dateline(text, language=language)
    if found is None:
        return text
    return text[:found.start] + " " * (found.end - found.start) + text[found.end:]


def _dateline_at(line: str, offset: int, resolver: PlaceResolver) -> Dateline | None:
    lead = len(line) - len(line.lstrip())
    match = DATELINE.match(line, lead)
    if match is None:
        return None
    place = match.group("place")
    if not (place.isupper() or match.group("date") or match.group("agency") or match.group("dash") == "—"):
        return None
    location = resolver.resolve(place)
    if location is None or not location.is_city:
        return None
    return Dateline(offset + lead, offset + match.end(), location)
