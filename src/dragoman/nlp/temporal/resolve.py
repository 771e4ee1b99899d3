"""From an expression (:mod:`.expr`) and an anchor to an interval of days.

Conventions (calibrated on the duckling and FR-TimeBank corpora, and on the
news habit of reporting the past):

* a date without a year is in the anchor's year, unless the tense (or
  dernier/prochain) puts it before or after the anchor, or it is more than
  about ten months away, in which case the nearest occurrence wins (:mod:`.choice`);
* a bare weekday is the latest one on or before the anchor, unless the tense
  is future (then the first one on or after it);
* month parts: début 1-10, mi 10-19, fin 21-end; year parts: two months
  (:mod:`.parts`);
* approximate offsets ("un mois et demi", "environ trois mois") get a window
  of +/-10% (at least two days) around the point.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import singledispatch
from typing import Any

from . import calendar as cal
from .calendar import Interval
from .choice import Ctx, choose, distance, full_year, nearby_years
from .expr import (
    CalDate,
    Decade,
    Holiday,
    Nth,
    Offset,
    Part,
    Period,
    Run,
    Season,
    Shift,
    Since,
    Span,
    ToDate,
    Until,
    Weekday,
    Window,
)
from .parts import nth_of, part_of

TOLERANCE = 0.10
WEEKDAY_REACH = 183  # a stated weekday may move a yearless date to another year this close to the anchor


@singledispatch
def resolve_expr(expr: Any, ctx: Ctx) -> Interval | None:
    return None


# ---------------------------------------------------------------- calendar dates

@resolve_expr.register
def _(expr: CalDate, ctx: Ctx) -> Interval | None:
    year = full_year(expr.year, expr.short_year, ctx)
    if expr.day is not None:
        return _day(expr, expr.day, year, ctx)
    if expr.month is not None:
        return _month(expr, expr.month, year, ctx)
    if year is not None:
        return Interval(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _day(expr: CalDate, day: int, year: int | None, ctx: Ctx) -> Interval | None:
    if expr.month is None:
        return _day_of_some_month(expr, day, year, ctx)
    years = [year] if year is not None else nearby_years(ctx)
    cands = [Interval(d, d) for y in years if (d := cal.safe_date(y, expr.month, day))]
    chosen = choose(cands, ctx, expr.direction, ctx.anchor.year)
    # a weekday that contradicts the day is the likelier slip: it moves the year only when no tense does
    if chosen is None or expr.weekday is None or year is not None or ctx.tense or chosen.start.weekday() == expr.weekday:
        return chosen
    near = [c for c in cands if c.start.weekday() == expr.weekday and distance(c, ctx.anchor) <= WEEKDAY_REACH]
    return near[0] if near else chosen


def _day_of_some_month(expr: CalDate, day: int, year: int | None, ctx: Ctx) -> Interval | None:
    first = date(year or ctx.anchor.year, ctx.anchor.month if year is None else 1, 1)
    months = range(-3, 4) if year is None else range(12)
    cands = []
    for k in months:
        month_start = cal.add_months(first, k)
        d = cal.safe_date(month_start.year, month_start.month, day)
        if d and (expr.weekday is None or d.weekday() == expr.weekday):
            cands.append(Interval(d, d))
    if expr.weekday is not None:
        return min(cands, key=lambda c: (distance(c, ctx.anchor), c.start > ctx.anchor)) if cands else None
    return choose(cands, ctx, expr.direction, None)


def _month(expr: CalDate, month: int, year: int | None, ctx: Ctx) -> Interval | None:
    if expr.current and year is None:
        year = ctx.anchor.year
    years = [year] if year is not None else nearby_years(ctx)
    cands = [Interval(date(y, month, 1), cal.month_end(y, month), "month") for y in years]
    if year is None and expr.direction:
        month_start = ctx.anchor.replace(day=1)
        picked = [c for c in cands if (c.start < month_start if expr.direction < 0 else c.start > month_start)]
        return (picked[-1] if expr.direction < 0 else picked[0]) if picked else None
    return choose(cands, ctx, 0, ctx.anchor.year)


@resolve_expr.register
def _(expr: Holiday, ctx: Ctx) -> Interval | None:
    spec = dict(expr.spec)
    years = [expr.year] if expr.year is not None else nearby_years(ctx)
    cands = [Interval(d, d) for y in years if (d := cal.feast(spec, y))]
    return choose(cands, ctx, expr.direction, ctx.anchor.year)


@resolve_expr.register
def _(expr: Decade, ctx: Ctx) -> Interval | None:
    start = full_year(expr.start, expr.short_year, ctx)
    return Interval(date(start, 1, 1), date(start + 9, 12, 31), "year")


# ---------------------------------------------------------------- relative to the anchor

@resolve_expr.register
def _(expr: Offset, ctx: Ctx) -> Interval | None:
    if expr.unit in ("hour", "minute"):
        moment = ctx.moment or datetime.combine(ctx.anchor, datetime.min.time()).replace(hour=12)
        size = 60 if expr.unit == "hour" else 1
        point = (moment + timedelta(minutes=expr.amount * size)).date()
        return Interval(point, point)
    if expr.unit not in cal.DAYS_PER:
        return None
    if expr.amount != int(expr.amount):
        point = ctx.anchor + timedelta(days=round(expr.amount * cal.DAYS_PER[expr.unit]))
    else:
        point = cal.shift(ctx.anchor, expr.unit, int(expr.amount))
    if not expr.approximate or ctx.exact:
        return Interval(point, point)
    slack = max(2, round(abs((point - ctx.anchor).days) * TOLERANCE))
    low, high = point - timedelta(days=slack), point + timedelta(days=slack)
    return Interval(low, high, cal.precision_for(low, high))


@resolve_expr.register
def _(expr: Weekday, ctx: Ctx) -> Interval | None:
    a, wd = ctx.anchor, expr.weekday
    back = a - timedelta(days=(a.weekday() - wd) % 7)
    ahead = a + timedelta(days=(wd - a.weekday()) % 7)
    if expr.mode == "last":
        day = back if back < a else back - timedelta(days=7)
    elif expr.mode == "next":
        day = ahead if ahead > a else ahead + timedelta(days=7)
    elif expr.mode in ("following", "week"):
        weeks = 1 if expr.mode == "following" else expr.shift
        day = cal.unit_at(a, "week", weeks).start + timedelta(days=wd)
    elif expr.mode == "after":
        start = a + timedelta(days=expr.shift)
        day = start + timedelta(days=(wd - start.weekday()) % 7)
    else:
        day = ahead if ctx.tense > 0 else back
    return Interval(day, day)


@resolve_expr.register
def _(expr: Period, ctx: Ctx) -> Interval | None:
    if expr.unit == "weekend" and expr.implicit:
        coming = cal.bounds(ctx.anchor, "weekend")
        return coming if ctx.tense > 0 or coming.start <= ctx.anchor else coming.shifted(-7)
    return cal.unit_at(ctx.anchor, expr.unit, expr.shift)


@resolve_expr.register
def _(expr: Window, ctx: Ctx) -> Interval | None:
    size = cal.DAYS_PER.get(expr.unit, 1 / 24 if expr.unit == "hour" else 1 / 1440)
    low = ctx.anchor + timedelta(days=int(expr.low * size))
    high = ctx.anchor + timedelta(days=int(expr.high * size))
    return Interval(low, high, cal.precision_for(low, high))


@resolve_expr.register
def _(expr: Run, ctx: Ctx) -> Interval | None:
    a = ctx.anchor
    if expr.unit in ("hour", "minute"):
        return Interval(a - timedelta(days=1), a, "day") if expr.direction < 0 else Interval(a, a + timedelta(days=1))
    if expr.unit == "day":
        low, high = (-expr.n, -1) if expr.direction < 0 else (1, expr.n)
        return Interval(a + timedelta(days=low), a + timedelta(days=high), "day")
    if expr.unit not in cal.DAYS_PER and expr.unit != "weekend":
        return None
    first, last = (-expr.n, -1) if expr.direction < 0 else (1, expr.n)
    start, end = cal.unit_at(a, expr.unit, first), cal.unit_at(a, expr.unit, last)
    return Interval(start.start, end.end, start.precision)


@resolve_expr.register
def _(expr: ToDate, ctx: Ctx) -> Interval | None:
    period = cal.bounds(ctx.anchor, expr.unit)
    if expr.side < 0:
        return Interval(period.start, ctx.anchor, period.precision)
    return Interval(ctx.anchor, period.end, period.precision)


@resolve_expr.register
def _(expr: Until, ctx: Ctx) -> Interval | None:
    target = resolve_expr(expr.base, replace(ctx, tense=1))  # "d'ici", "by": a deadline ahead
    if target is None or target.end < ctx.anchor:
        return target
    return Interval(ctx.anchor, target.end, cal.precision_for(ctx.anchor, target.end))


@resolve_expr.register
def _(expr: Since, ctx: Ctx) -> Interval | None:
    start = resolve_expr(expr.base, replace(ctx, exact=True))
    if start is None or start.start > ctx.anchor:
        return start
    return Interval(start.start, ctx.anchor, cal.precision_for(start.start, ctx.anchor))


@resolve_expr.register
def _(expr: Season, ctx: Ctx) -> Interval | None:
    years = [expr.year] if expr.year is not None else range(ctx.anchor.year - 2, ctx.anchor.year + 2)
    cands = [cal.season(expr.name, y) for y in years]
    if expr.year is not None:
        return cands[0]
    if expr.shift:
        return choose(cands, ctx, expr.shift)
    containing = [c for c in cands if c.start <= ctx.anchor <= c.end]
    if containing:
        return containing[0]
    return choose(cands, ctx, 0, ctx.anchor.year)


# ---------------------------------------------------------------- composites

@resolve_expr.register
def _(expr: Shift, ctx: Ctx) -> Interval | None:
    base = resolve_expr(expr.base, ctx)
    if base is None:
        return None
    if expr.unit == "day":
        return base.shifted(expr.amount)
    start = cal.shift(base.start, expr.unit, expr.amount)
    return Interval(start, start + (base.end - base.start), base.precision)


@resolve_expr.register
def _(expr: Span, ctx: Ctx) -> Interval | None:
    left, right = resolve_expr(expr.left, ctx), resolve_expr(expr.right, ctx)
    if left is None or right is None:
        return left or right
    if right.end < left.start:
        if _yearless(expr.left):
            left = resolve_expr(expr.left, replace(ctx, anchor=right.start, tense=-1)) or left
        elif _yearless(expr.right):
            right = resolve_expr(expr.right, replace(ctx, anchor=left.end, tense=1)) or right
    precision = cal.coarser(left.precision, right.precision)
    return Interval(min(left.start, right.start), max(left.end, right.end), precision)


def _yearless(expr: Any) -> bool:
    return isinstance(expr, CalDate) and expr.year is None


@resolve_expr.register
def _(expr: Part, ctx: Ctx) -> Interval | None:
    base = resolve_expr(expr.base, ctx)
    if base is None:
        return None
    found = part_of(base, expr.part)
    if found is None or not isinstance(expr.base, Period) or not expr.base.implicit:
        return found
    if ctx.tense > 0 and found.end < ctx.anchor:
        return part_of(cal.unit_at(ctx.anchor, expr.base.unit, 1), expr.part)
    if ctx.tense < 0 and found.start > ctx.anchor:
        return part_of(cal.unit_at(ctx.anchor, expr.base.unit, -1), expr.part)
    return found


@resolve_expr.register
def _(expr: Nth, ctx: Ctx) -> Interval | None:
    base = resolve_expr(expr.base, ctx)
    if base is None:
        return None
    return nth_of(base, expr)
