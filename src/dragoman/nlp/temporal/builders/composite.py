"""Builders over sub-expressions: parts, ordinals, shifts, deadlines, ranges and lists."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..expr import CalDate, Found, Nth, Part, Period, Shift, Since, Span, Until
from ..lexicon import number_value
from ..pattern import Hit
from .dates import day_only_left
from .values import CALENDAR_UNITS, day_of, found_at, unit_of, year_of


def part(hit: Hit) -> Part | None:
    base = hit.sub("b")
    return Part(base, hit.need("p").value) if base is not None else None


def until(hit: Hit) -> Until | None:
    base = hit.sub("x")
    return Until(base) if base is not None else None


def since_point(hit: Hit) -> Since | None:
    base = hit.sub("x")
    return Since(base) if base is not None else None


def nth(hit: Hit) -> Nth | None:
    base = hit.sub("b") if hit.has("b") else Period("year", 0, implicit=True)
    which = hit.need("o")
    n = -1 if which.tag == "LAST" else day_of(which)
    if base is None or n is None:
        return None
    wd = hit.get("wd")
    if wd is not None:
        return Nth(base, "weekday", n, wd.value)
    unit = unit_of(hit) or "day"
    return Nth(base, unit, n)


def quarter_token(hit: Hit) -> Nth:
    value, _ = year_of(hit.get("y"))
    base = CalDate(value) if value is not None else Period("year", 0, implicit=True)
    return Nth(base, "quarter", hit.need("q").value)


def shift(hit: Hit) -> Shift | None:
    base = hit.sub("x")
    return Shift(base, int(hit.need("r").value)) if base is not None and hit.need("r").value else None


def from_point(hit: Hit) -> Shift | None:
    """``deux semaines avant le 13 mai``, ``16 jours à partir du 1er février``."""
    base, unit, count = hit.sub("x"), unit_of(hit), number_value(hit.need("n"))
    if base is None or unit not in CALENDAR_UNITS or count is None:
        return None
    sign = -1 if hit.need("side").tag == "AGOS" else 1
    return Shift(base, sign * count, unit)


def span(hit: Hit) -> Found | None:
    """A range; the left end borrows the month and year the right end states."""
    left = hit.sub("l") if "l" in hit.compiled.subs else day_only_left(hit)
    right = hit.sub("r") if "r" in hit.compiled.subs else _day_right(hit)
    if left is None or right is None:
        return None
    left = complete(left, right)
    parts = (found_at(hit, "l", left), found_at(hit, "r", right))
    return Found(hit.matched[0].start, hit.matched[-1].end, Span(left, right), parts)


def _day_right(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("r"))
    month_item = hit.get("m")
    year, short = year_of(hit.get("y"))
    if day is None:
        return None
    return CalDate(year, month_item.value if month_item else None, day, short_year=short)


def listing(hit: Hit) -> Found | None:
    """``les 6 et 13 avril``, ``en mai et juin derniers``: separate dates sharing month and year."""
    right = hit.sub("r")
    left = day_only_left(hit) if hit.need("l").tag in ("NUM", "ORD") else CalDate(month=hit.need("l").value)
    if not isinstance(right, CalDate) or left is None:
        return None
    left = complete(left, right)
    return Found(hit.matched[0].start, hit.matched[-1].end, None,
                 (found_at(hit, "l", left), found_at(hit, "r", right)))


def complete(left: Any, right: Any) -> Any:
    if not isinstance(left, CalDate) or not isinstance(right, CalDate):
        return left
    month_ = left.month if left.month is not None else right.month if left.day is not None else None
    year_ = left.year if left.year is not None else right.year
    short = left.short_year if left.year is not None else right.short_year
    direction = left.direction or right.direction
    return replace(left, month=month_, year=year_, short_year=short, direction=direction)
