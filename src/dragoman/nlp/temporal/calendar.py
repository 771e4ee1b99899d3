"""Calendar arithmetic: units, their bounds and shifts, feasts, seasons."""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Precision

RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "unknown": 5}
DAYS_PER = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "semester": 182, "year": 365,
            "decade": 3652}
UNIT_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "week", "weekend": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
    "semester": "quarter", "year": "year", "decade": "year", "century": "year"}
# Astronomical seasons as (month, day) of start and end; winter straddles the new year.
SEASONS = {"spring": ((3, 21), (6, 20)), "summer": ((6, 21), (9, 23)), "autumn": ((9, 24), (12, 20)),
           "winter": ((12, 21), (3, 20))}


@dataclass(frozen=True)
class Interval:
    start: date
    end: date
    precision: Precision = "day"

    def shifted(self, days: int) -> "Interval":
        return Interval(self.start + timedelta(days=days), self.end + timedelta(days=days), self.precision)


def precision_for(start: date, end: date) -> Precision:
    """The grain that best describes an interval of this length."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 10:
        return "week"
    if days <= 45:
        return "month"
    if days <= 140:
        return "quarter"
    return "year"


def coarser(a: Precision, b: Precision) -> Precision:
    return a if RANK.get(a, 5) >= RANK.get(b, 5) else b


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999) or not 1 <= day <= _cal.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` calendar units."""
    if unit in ("day", "week", "fortnight", "weekend"):
        return day + timedelta(days=amount * DAYS_PER.get(unit, 7))
    months = {"month": 1, "quarter": 3, "semester": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, amount * months)


def bounds(day: date, unit: str) -> Interval:
    """The calendar ``unit`` (week from Monday, month, quarter...) that contains ``day``."""
    if unit == "day":
        return Interval(day, day, "day")
    if unit in ("week", "fortnight"):
        monday = day - timedelta(days=day.weekday())
        return Interval(monday, monday + timedelta(days=6), "week")
    if unit == "weekend":
        saturday = day + timedelta(days=5 - day.weekday())  # the coming one; yesterday on a Sunday
        return Interval(saturday, saturday + timedelta(days=1), "week")
    size = {"month": 1, "quarter": 3, "semester": 6, "year": 12}.get(unit)
    if size:
        first = (day.month - 1) // size * size + 1
        return Interval(date(day.year, first, 1), month_end(day.year, first + size - 1), UNIT_PRECISION[unit])
    span = 10 if unit == "decade" else 100
    first_year = day.year // span * span
    return Interval(date(first_year, 1, 1), date(first_year + span - 1, 12, 31), "year")


def unit_at(day: date, unit: str, amount: int) -> Interval:
    """The calendar unit ``amount`` units away from the one containing ``day``."""
    if unit == "weekend":
        return bounds(day, unit).shifted(7 * amount)
    return bounds(shift(bounds(day, unit).start, unit, amount), unit)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7  # "L" of the anonymous Gregorian algorithm
    m = (a + 11 * h + 19 * weekday) // 433
    month, day = divmod(h + weekday - 7 * m + 90, 25)
    return date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th (1-based; -1 = last) ``weekday`` of a month."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return found if found.month == month else None


def feast(spec: dict[str, int], year: int) -> date | None:
    """A holiday in ``year`` from its lexicon spec (fixed day, Easter offset or n-th weekday, plus offset days)."""
    if "easter" in spec:
        return easter(year) + timedelta(days=spec["easter"])
    if "weekday" in spec:
        found = nth_weekday(year, spec["month"], spec["weekday"], spec.get("nth", 1))
        return found + timedelta(days=spec.get("offset", 0)) if found else None
    return safe_date(year, spec["month"], spec["day"])


def season(name: str, year: int) -> Interval:
    """The season of that name starting in ``year``."""
    (m1, d1), (m2, d2) = SEASONS[name]
    end_year = year + 1 if m2 < m1 else year
    return Interval(date(year, m1, d1), date(end_year, m2, d2), "quarter")


def weeks_within(period: Interval) -> list[Interval]:
    """Whole Monday-to-Sunday weeks that fall inside ``period``."""
    monday = period.start + timedelta(days=(7 - period.start.weekday()) % 7)
    weeks = []
    while monday + timedelta(days=6) <= period.end:
        weeks.append(Interval(monday, monday + timedelta(days=6), "week"))
        monday += timedelta(days=7)
    return weeks
