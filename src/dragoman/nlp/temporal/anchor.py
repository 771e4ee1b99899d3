"""The day an undated text speaks from, read from its own dates.

Without a publication date, a report is anchored by what it states, in this order:

1. the date of its dateline ("Moscou, 12 mars 2024 (Reuters) –", "WASHINGTON, March 3 (Reuters) -");
2. the latest calendar date it states outside a future clause ("le 12 mars" in "se rendra le 12 mars" is
   ahead of the report). A day and month without a year take the year of the full date stated before
   them ("le 10 novembre 2020 ... le 11 novembre": 2020), or, with none before, of the one after them,
   unless it recalls the past ("jeudi 28 février ... le 12 juin 2018": 2019); a dateline's day without a
   year is the first one after the full dates stated outside a future clause (a report is filed after
   what it recalls). A weekday never sets the year: it is the part of a date most often wrong;
3. else the latest month with a year it names, as a month;
4. else, when it names no year at all, the year in which the weekdays it gives its days fall right
   ("jeudi 29 mars ... lundi 26 mars": 2018), the latest such year up to today.

The day found is an approximation of the publication date, flagged as such by the pipeline.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ...model import Precision
from .calendar import safe_date
from .expr import CalDate, Expr, Found, Span
from .grammar import scan
from .lexicon import Item, Lexicon
from .tense import tense_near

# A day without a year stated this far before a later full date is in the year after it: a full date is
# often stated with its year because it is not the report's ("jeudi 28 février ... le 12 juin 2018").
BEFORE_FULL = timedelta(days=62)
WEEKDAY_YEARS = 40  # years back a weekday may place a text that names no year


@dataclass(frozen=True)
class Stated:
    """A calendar date the text states: where, its day and month, its year if stated, its weekday if given."""
    start: int
    end: int
    date: CalDate
    tense: int


def text_anchor(text: str, lex: Lexicon, *, dateline: tuple[int, int] | None = None,
                latest: date | None = None) -> tuple[date, Precision] | None:
    """The day (or month) ``text`` speaks from, by the rules of the module; None when it states none.
    ``latest`` is the last day a report may be from (today when not given)."""
    stated = list(_stated(text, lex))
    full = [s for s in stated if s.date.year is not None and s.date.day is not None and s.tense <= 0]
    head = [s for s in stated if dateline is not None and dateline[0] <= s.start and s.end <= dateline[1]]
    day = _dateline_day(head[0].date, full) if head else None
    if day is not None:
        return day, "day"
    days = [d for s in stated if s.tense <= 0 and s.date.day is not None and (d := _day(s, full))]
    if days:
        return max(days), "day"
    months = [date(s.date.year, s.date.month, 1) for s in stated
              if s.tense <= 0 and s.date.year is not None and s.date.month is not None]
    if months:
        return max(months), "month"
    return _weekday_year(stated, latest=latest)


def _weekday_year(stated: list[Stated], *, latest: date | None) -> tuple[date, Precision] | None:
    """With no year anywhere, the weekdays of the days stated with one ("jeudi 29 mars", "Thursday, March
    29") set it: the latest year, up to ``latest``'s (today), in which every one falls on its weekday. The
    day found is the latest of them outside a future clause."""
    dated = [s for s in stated if s.date.weekday is not None and s.date.day is not None and s.date.month is not None]
    if not dated:
        return None
    latest = latest or date.today()
    for year in range(latest.year, latest.year - WEEKDAY_YEARS, -1):
        days = [(s, safe_date(year, s.date.month, s.date.day)) for s in dated]  # type: ignore[arg-type]
        if all(d is not None and d.weekday() == s.date.weekday for s, d in days):
            past = [d for s, d in days if d is not None and s.tense <= 0 and d <= latest]
            return (max(past), "day") if past else None
    return None


def _stated(text: str, lex: Lexicon) -> Iterator[Stated]:
    found, items = scan(text, lex)
    starts = [item.start for item in items]
    for f in found:
        for piece in (f.parts if f.expr is None else (f,)):
            tense = _tense(text, items, starts, piece, lex)
            for expr in _calendar_dates(piece.expr):
                yield Stated(piece.start, piece.end, expr, tense)


def _calendar_dates(expr: Expr | None) -> list[CalDate]:
    """The calendar dates (a month at least) an expression states: itself, or both ends of a range, the
    first taking the year of the last ("du 1er au 4 mai 2023")."""
    if isinstance(expr, Span):
        ends = [e for side in (expr.right, expr.left) for e in _calendar_dates(side)]
        year = next((e.year for e in ends if e.year is not None), None)
        return [e if e.year is not None else replace(e, year=year) for e in ends]
    if isinstance(expr, CalDate) and expr.month is not None and not expr.short_year:
        return [expr]
    return []


def _tense(text: str, items: list[Item], starts: list[int], piece: Found, lex: Lexicon) -> int:
    first = next((i for i, s in enumerate(starts) if s >= piece.start), len(items))
    last = next((i for i, s in enumerate(starts) if s >= piece.end), len(items))
    return tense_near(text, items, first, max(last, first + 1), lex)


def _dateline_day(expr: CalDate, full: list[Stated]) -> date | None:
    """The dateline's day; without a year, its first occurrence not before the latest full date the text
    states outside a future clause: a report is filed after what it recalls."""
    if expr.month is None or expr.day is None:
        return None
    if expr.year is not None:
        return safe_date(expr.year, expr.month, expr.day)
    latest = max((d for f in full if (d := safe_date(f.date.year or 1, f.date.month or 1, f.date.day or 1))),
                 default=None)
    if latest is None:
        return None
    options = (safe_date(year, expr.month, expr.day) for year in (latest.year, latest.year + 1))
    return next((d for d in options if d is not None and d >= latest), None)


def _day(stated: Stated, full: list[Stated]) -> date | None:
    """A stated day in its own year; without one, in the year a full date gives it (:func:`_year_from`)."""
    expr = stated.date
    if expr.month is None or expr.day is None:
        return None
    if expr.year is not None:
        return safe_date(expr.year, expr.month, expr.day)
    before = [f for f in full if f.start < stated.start]
    after = [f for f in full if f.start > stated.start]
    anchor = before[-1] if before else (after[0] if after else None)
    return _year_from(expr.month, expr.day, anchor, follows=bool(before)) if anchor is not None else None


def _year_from(month: int, day: int, full: Stated, *, follows: bool) -> date | None:
    """The day and month in the year of the full date ``full``: after it in the text, their occurrence
    nearest it ("le 24 décembre 2022 ... le 3 janvier": 2023; "November 29, 2021 ... June 20": 2021); before
    it, its year, or the next one when that puts them more than :data:`BEFORE_FULL` before it (it recalls
    the past with its year: "jeudi 28 février ... le 12 juin 2018": 2019)."""
    expr = full.date
    point = safe_date(expr.year or 1, expr.month or 1, expr.day or 1)
    if point is None:
        return None
    options = [d for year in (point.year - 1, point.year, point.year + 1) if (d := safe_date(year, month, day))]
    if follows:
        return min(options, key=lambda d: abs((d - point).days), default=None)
    same = safe_date(point.year, month, day)
    if same is not None and same >= point - BEFORE_FULL:
        return same
    return safe_date(point.year + 1, month, day)
