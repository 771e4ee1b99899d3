"""Builders of expressions relative to the anchor: periods, runs, offsets, windows, weekdays, seasons."""
from __future__ import annotations

from ..expr import Expr, Offset, Period, Run, Season, Since, ToDate, Weekday, Window
from ..lexicon import number_value
from ..pattern import Hit
from .values import CALENDAR_UNITS, count_of, direction_of, is_plural, unit_of, year_of

# Bare vague windows, in days from the anchor: "les prochains jours" is the next 1 to 10 days.
VAGUE_DAYS = {"day": (1, 10), "week": (7, 42), "fortnight": (14, 42), "month": (30, 180), "quarter": (90, 365),
              "year": (365, 1095), "hour": (0, 1), "minute": (0, 1)}


def day_offset(hit: Hit) -> Offset:
    return Offset("day", float(hit.need("r").value))


def this_period(hit: Hit) -> Period | None:
    unit = unit_of(hit)
    return Period(unit, 0) if unit in CALENDAR_UNITS else None


def implicit_period(hit: Hit) -> Period | None:
    unit = unit_of(hit)
    return Period(unit, 0, implicit=True) if unit in CALENDAR_UNITS else None


def shifted_period(hit: Hit) -> Expr | None:
    unit, direction = unit_of(hit), direction_of(hit.get("dir"))
    if unit not in CALENDAR_UNITS or not direction:
        return None
    if is_plural(hit):
        low, high = VAGUE_DAYS.get(unit, (1, 10))
        return Window("day", low, high) if direction > 0 else Window("day", -high, -low)
    if unit in ("decade", "century") and direction < 0:  # "the past decade": the last ten years
        return Since(Offset("year", -10.0 if unit == "decade" else -100.0))
    return Period(unit, direction)


def the_weekend(hit: Hit) -> Period | None:
    """``le week-end``, ``over the weekend``: the last one, or the coming one in a future sentence."""
    return Period("weekend", 0, implicit=True) if unit_of(hit) == "weekend" and not is_plural(hit) else None


def vague_run(hit: Hit) -> Window | None:
    """``the next few days``, ``ces quelques dernières semaines``."""
    unit, count, direction = unit_of(hit), count_of(hit.get("n")), direction_of(hit.get("dir"))
    if unit is None or count is None or not direction:
        return None
    low, high = count
    return Window(unit, low, high) if direction > 0 else Window(unit, -high, -low)


def run(hit: Hit) -> Run | Window | None:
    unit, count, direction = unit_of(hit), count_of(hit.get("n")), direction_of(hit.get("dir"))
    if unit is None or count is None or not direction:
        return None
    if hit.need("n").tag == "VAGUE":
        return vague_run(hit)
    if int(count[0]) < 1:  # "les 0 derniers jours" names no stretch of time
        return None
    return Run(unit, int(count[0]), direction)


def offset(hit: Hit, sign: int) -> Offset | Window | None:
    unit, count = unit_of(hit), count_of(hit.get("n"))
    if unit is None or count is None:
        return None
    half = 0.5 if hit.has("h") or hit.has("g") else 0.0
    low, high = count[0] + half, count[1] + half
    if low != high:
        return Window(unit, sign * low, sign * high) if sign > 0 else Window(unit, sign * high, sign * low)
    hedged = any(item.value != "exact" for item in hit.all("hedge"))
    return Offset(unit, sign * low, approximate=bool(half) or hedged)


def ago(hit: Hit) -> Offset | Window | None:
    return offset(hit, -1)


def ahead(hit: Hit) -> Offset | Window | Since | None:
    """``in three days``; but ``the first time in three years`` looks back."""
    before = hit.before()
    if before is not None and (before.norm in hit.lex.retrospective or before.norm.endswith("est")
                               and hit.lex.retrospective):
        back = offset(hit, -1)
        return Since(back) if back is not None else None
    return offset(hit, 1)


def within(hit: Hit) -> Window | None:
    unit, count = unit_of(hit), count_of(hit.get("n"))
    return Window(unit, 0, count[1]) if unit and count else None


def since(hit: Hit) -> Since | None:
    base = offset(hit, -1)
    return Since(base) if base is not None else None


def to_date(hit: Hit) -> ToDate | None:
    if hit.need("u").plural:
        return None
    unit = unit_of(hit)
    side = -1 if hit.need("side").tag == "AGOS" else 1
    return ToDate(unit, side) if unit in CALENDAR_UNITS else None


def weekday(hit: Hit) -> Weekday:
    direction = hit.get("dir")
    day = hit.need("wd").value
    if direction is None:
        return Weekday(day)
    if direction.tag == "LAST":
        return Weekday(day, "last")
    return Weekday(day, "following" if direction.value == "following" else "next")


def weekday_week(hit: Hit) -> Weekday | None:
    if unit_of(hit) != "week" or hit.need("u").plural:
        return None
    return Weekday(hit.need("wd").value, "week", direction_of(hit.get("dir")))


def weekday_after(hit: Hit) -> Weekday | None:
    n = number_value(hit.need("n"))
    return Weekday(hit.need("wd").value, "after", n - 1) if n in (8, 15) else None


def season(hit: Hit) -> Season:
    value, _ = year_of(hit.get("y"))
    direction = hit.get("dir")
    return Season(hit.need("s").value, value, direction_of(direction) if direction is not None else None)
