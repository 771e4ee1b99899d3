"""Choosing among the occurrences of a repeating date (every year, every week, every season).

An explicit direction ("dernier", "next") decides first, then the tense of the
sentence (news reports the past), then the anchor's own year, then nearness.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import overload

from .calendar import Interval

FAR_DAYS = 320  # beyond this a yearless date is read as its nearest occurrence
# A yearless day this close to the anchor is in the anchor's year whatever the tense says: "a call on 12
# February" in a report of the 11th is no call of the year before (a misread tense, a report's date a day
# off). Further out the tense decides: "le lynchage du 21 juin" in a report of 27 May is of the year before.
NEAR_DAYS = 7


@dataclass(frozen=True)
class Ctx:
    """What an expression is resolved against: the anchor, its time of day if known, the sentence's tense."""
    anchor: date
    moment: datetime | None = None
    tense: int = 0  # -1 past, +1 future, 0 unknown
    exact: bool = False  # no tolerance windows: the anchor itself is coarse


def choose(candidates: Iterable[Interval], ctx: Ctx, direction: int = 0, home: int | None = None) -> Interval | None:
    """Pick one occurrence: by explicit direction, else a day within :data:`NEAR_DAYS` of the anchor, else
    tense, else the anchor's year (``home``)."""
    cands = sorted(candidates, key=lambda c: c.start)
    a = ctx.anchor
    if not cands:
        return None
    if direction:
        picked = [c for c in cands if c.end < a] if direction < 0 else [c for c in cands if c.start > a]
        return (picked[-1] if direction < 0 else picked[0]) if picked else None
    near = [c for c in cands if c.start == c.end and abs((c.start - a).days) <= NEAR_DAYS]
    if near and not ctx.exact:
        return near[0]
    if ctx.tense < 0:
        picked = [c for c in cands if c.start <= a]
        return picked[-1] if picked else cands[0]
    if ctx.tense > 0:
        picked = [c for c in cands if c.end >= a]
        return picked[0] if picked else cands[-1]
    return _home_or_nearest(cands, a, home)


def _home_or_nearest(cands: list[Interval], anchor: date, home: int | None) -> Interval:
    containing = [c for c in cands if c.start <= anchor <= c.end]
    if containing:
        return containing[0]
    at_home = [c for c in cands if home is not None and c.start.year == home]
    if at_home and distance(at_home[0], anchor) <= FAR_DAYS:
        return at_home[0]
    return min(cands, key=lambda c: (distance(c, anchor), c.start > anchor))


def distance(interval: Interval, anchor: date) -> int:
    """Days between the anchor and the nearest day of ``interval`` (0 when it holds the anchor)."""
    if interval.start > anchor:
        return (interval.start - anchor).days
    return max(0, (anchor - interval.end).days)


# A stated year stays a year (a decade's start always is one); only a missing year is None.
@overload
def full_year(year: int, short: bool, ctx: Ctx) -> int: ...


@overload
def full_year(year: int | None, short: bool, ctx: Ctx) -> int | None: ...


def full_year(year: int | None, short: bool, ctx: Ctx) -> int | None:
    """A two-digit year goes to the century that puts it nearest the anchor (earlier on a tie)."""
    if year is None or not short:
        return year
    options = [century + year for century in (1900, 2000, 2100)]
    return min(options, key=lambda y: (abs(y - ctx.anchor.year), y))


def nearby_years(ctx: Ctx) -> range:
    """The years a yearless date may fall in: the anchor's, the one before and the one after."""
    return range(ctx.anchor.year - 1, ctx.anchor.year + 2)
