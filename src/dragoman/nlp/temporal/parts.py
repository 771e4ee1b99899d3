"""Parts of an interval: early, mid and late, halves, and the nth day, week, weekday or month in it.

Month parts are début 1-10, mi 10-19, fin 21-end (calibrated on the duckling
and FR-TimeBank corpora); year parts are two months; a week's are its days.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ...model import Precision
from . import calendar as cal
from .calendar import Interval
from .expr import Nth


def part_of(base: Interval, part: str) -> Interval | None:
    """The ``part`` (``early``, ``mid``, ``late``, a half, ``week``, ``all``) of a week, month, year or other span."""
    if part == "all":
        return base
    if part == "week":
        return cal.bounds(base.start, "week")
    days = (base.end - base.start).days + 1
    if days == 7 and base.start.weekday() == 0:
        return _week_part(base, part)
    if base.start.day == 1 and base.end == cal.month_end(base.start.year, base.start.month):
        return _month_part(base, part)
    if base.start.month == 1 and base.start.day == 1 and days in (365, 366):
        return _year_part(base, part)
    return _third(base, part)


def _month_part(base: Interval, part: str) -> Interval | None:
    y, m, last = base.start.year, base.start.month, base.end.day
    bounds = {"early": (1, 10), "mid": (10, 19), "late": (21, last), "first_half": (1, 15),
              "second_half": (16, last)}.get(part)
    if bounds is None:
        return None
    return Interval(date(y, m, bounds[0]), date(y, m, bounds[1]), "week")


def _year_part(base: Interval, part: str) -> Interval | None:
    y = base.start.year
    months = {"early": (1, 2), "mid": (6, 7), "late": (11, 12), "first_half": (1, 6), "second_half": (7, 12)}.get(part)
    if months is None:
        return None
    precision: Precision = "month" if part in ("early", "mid", "late") else "quarter"
    return Interval(date(y, months[0], 1), cal.month_end(y, months[1]), precision)


def _week_part(base: Interval, part: str) -> Interval | None:
    offsets = {"early": (0, 1), "mid": (2, 3), "late": (3, 6), "workdays": (0, 4), "first_half": (0, 3),
               "second_half": (3, 6)}.get(part)
    if offsets is None:
        return None
    return Interval(base.start + timedelta(days=offsets[0]), base.start + timedelta(days=offsets[1]), "week")


def _third(base: Interval, part: str) -> Interval | None:
    days = (base.end - base.start).days + 1
    pieces = {"early": (0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1), "first_half": (0, 0.5),
              "second_half": (0.5, 1)}.get(part)
    if pieces is None:
        return None
    start = base.start + timedelta(days=int(days * pieces[0]))
    end = base.start + timedelta(days=max(0, int(days * pieces[1]) - 1))
    return Interval(start, end, cal.precision_for(start, end))


def nth_of(base: Interval, expr: Nth) -> Interval | None:
    """The ``expr.n``-th ``expr.unit`` of ``base`` (from its end when ``n`` is negative)."""
    pick = _NTH.get(expr.unit)
    return pick(base, expr) if pick else None


def _nth_day(base: Interval, expr: Nth) -> Interval | None:
    day = base.end if expr.n < 0 else base.start + timedelta(days=expr.n - 1)
    return Interval(day, day) if base.start <= day <= base.end else None


def _nth_week(base: Interval, expr: Nth) -> Interval | None:
    weeks = cal.weeks_within(base)
    index = -1 if expr.n < 0 else expr.n - 1
    return weeks[index] if -len(weeks) <= index < len(weeks) else None


def _nth_weekday(base: Interval, expr: Nth) -> Interval | None:
    wd = expr.weekday if expr.weekday is not None else 0
    if expr.n < 0:
        day = base.end - timedelta(days=(base.end.weekday() - wd) % 7)
    else:
        day = base.start + timedelta(days=(wd - base.start.weekday()) % 7 + 7 * (expr.n - 1))
    return Interval(day, day) if base.start <= day <= base.end else None


def _nth_months(size: int) -> Callable[[Interval, Nth], Interval | None]:
    def pick(base: Interval, expr: Nth) -> Interval | None:
        count = 12 // size
        index = count if expr.n < 0 else expr.n
        if not 1 <= index <= count:
            return None
        first = cal.add_months(base.start.replace(day=1), size * (index - 1))
        precision: Precision = "month" if size == 1 else "quarter"
        return Interval(first, cal.month_end(*cal.add_months(first, size - 1).timetuple()[:2]), precision)
    return pick


def _nth_fortnight(base: Interval, expr: Nth) -> Interval | None:
    if expr.n == 1:
        return Interval(base.start, base.start + timedelta(days=13), "week")
    if expr.n in (2, -1):
        return Interval(base.start + timedelta(days=14), base.end, "week")
    return None


def _nth_weekend(base: Interval, expr: Nth) -> Interval | None:
    saturday = _nth_weekday(base, replace(expr, weekday=5))
    return Interval(saturday.start, saturday.start + timedelta(days=1), "week") if saturday else None


_NTH: dict[str, Callable[[Interval, Nth], Interval | None]] = {
    "day": _nth_day, "week": _nth_week, "weekday": _nth_weekday, "month": _nth_months(1), "quarter": _nth_months(3),
    "semester": _nth_months(6), "fortnight": _nth_fortnight, "weekend": _nth_weekend,
}
