"""Rule builders: from a :class:`~.pattern.Hit` to an expression (:mod:`.expr`).

A builder returns ``None`` when the tokens do not make sense (day 45, a
number that is not a year), and the scan moves on.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .expr import (CalDate, Decade, Expr, Found, Holiday, Nth, Offset, Part, Period, Run, Season, Shift, Since,
                   Span, ToDate, Until, Weekday, Window)
from .lexicon import Item, number_value
from .pattern import Hit

# Bare vague windows, in days from the anchor: "les prochains jours" is the next 1 to 10 days.
VAGUE_DAYS = {"day": (1, 10), "week": (7, 42), "fortnight": (14, 42), "month": (30, 180), "quarter": (90, 365),
              "year": (365, 1095), "hour": (0, 1), "minute": (0, 1)}
CALENDAR_UNITS = {"day", "week", "weekend", "fortnight", "month", "quarter", "semester", "year", "decade", "century"}


# ---------------------------------------------------------------- token values

def day_of(item: Item | None) -> int | None:
    if item is None:
        return None
    value = number_value(item) if item.tag == "NUM" else item.value if item.tag == "ORD" else None
    return value if isinstance(value, int) and 1 <= value <= 31 else None


def year_of(item: Item | None) -> tuple[int | None, bool]:
    """(year, two-digit?) of a YEAR token or a two-digit number."""
    if item is None:
        return None, False
    if item.tag == "YEAR" and 1000 <= item.value <= 2999:
        return item.value, False
    if item.tag == "NUM" and isinstance(item.value, str) and len(item.value) == 2:
        return int(item.value), True
    return None, False


def direction_of(item: Item | None) -> int:
    if item is None:
        return 0
    return -1 if item.tag == "LAST" else 1 if item.tag == "NEXT" else 0


def unit_of(hit: Hit, name: str = "u") -> str | None:
    item = hit.get(name)
    return item.value if item is not None and item.tag == "UNIT" else None


def count_of(item: Item | None) -> tuple[float, float] | None:
    """(low, high) of a NUM (one value) or VAGUE (a range) token."""
    if item is None:
        return None
    if item.tag == "VAGUE":
        low, high = item.value
        return float(low), float(high)
    value = number_value(item)
    return (float(value), float(value)) if value is not None else None


def is_plural(hit: Hit) -> bool:
    return any(item.plural for item in hit.matched)


# ---------------------------------------------------------------- calendar dates

def dmy(hit: Hit) -> CalDate | None:
    day, month = day_of(hit.get("d")), hit.get("m")
    year, short = year_of(hit.get("y"))
    if day is None or month is None:
        return None
    weekday = hit.get("wd")
    return CalDate(year, month.value, day, weekday.value if weekday else None, direction_of(hit.get("dir")), short)


def mdy(hit: Hit) -> CalDate | None:
    """``Feb. 18``; in day-first languages only when no noun follows ("mars 15 personnes")."""
    nxt = hit.after()
    if hit.lex.numeric_order != "mdy" and hit.get("y") is None and nxt is not None and nxt.tag in ("WORD", "UNIT"):
        return None
    return dmy(hit)


def numeric(hit: Hit) -> CalDate | None:
    """27/02/2025, 2/27/2025 (English order), 2025-02-27, 17/02."""
    first, second = number_value(hit.get("a")), number_value(hit.get("b"))
    if first is None or second is None:
        return None
    day, month = (second, first) if hit.lex.numeric_order == "mdy" else (first, second)
    if month > 12 and day <= 12 and hit.lex.numeric_order == "mdy":  # 27/02/2025 in an English text
        day, month = month, day
    year, short = year_of(hit.get("y"))
    seps = {i.norm for i in hit.matched if i.tag in ("SLASH", "DASH", "DOT")}
    if len(seps) > 1 or not 1 <= month <= 12 or not 1 <= day <= 31 or _in_number_run(hit):
        return None
    return CalDate(year, month, day, short_year=short)


def numeric_padded(hit: Hit) -> CalDate | None:
    """``22/04`` without an article: only with a two-digit month, so that fractions (1/3) stay out."""
    return numeric(hit) if len(hit.get("b").value) == 2 and len(hit.get("a").value) <= 2 else None


def _in_number_run(hit: Hit) -> bool:
    """03.29.88.43.12 is a telephone number, not a date."""
    nxt, prev = hit.after(), hit.before()
    follows = nxt is not None and nxt.tag in ("DOT", "SLASH", "DASH") and hit.end + 1 < len(hit.items) \
        and hit.items[hit.end + 1].tag == "NUM"
    return follows or prev is not None and prev.tag in ("DOT", "SLASH", "DASH") and hit.start > 1 \
        and hit.items[hit.start - 2].tag == "NUM"


def iso(hit: Hit) -> CalDate | None:
    year, month, day = hit.get("y").value, number_value(hit.get("b")), number_value(hit.get("c"))
    if month is None or not 1 <= month <= 12 or day is None or not 1 <= day <= 31:
        return None
    return CalDate(year, month, day)


def iso_month(hit: Hit) -> CalDate | None:
    month, year_item = hit.get("b"), hit.get("y")
    if month is None or not 1 <= int(month.value) <= 12 or not 1000 <= year_item.value <= 2999:
        return None
    return CalDate(year_item.value, int(month.value))


def weekday_day(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("d"))
    return CalDate(day=day, weekday=hit.get("wd").value) if day else None


def day_only(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("d"))
    return CalDate(day=day) if day else None


def month_year(hit: Hit) -> CalDate | None:
    year, short = year_of(hit.get("y"))
    if hit.get("u") is not None and unit_of(hit) != "month":
        return None
    if short and hit.lex.numeric_order == "mdy" and not _plainly_year(hit.get("y")):
        return None  # "Feb 27": in month-first languages a small number after a month is its day
    return CalDate(year, hit.get("m").value, short_year=short) if year is not None else None


def _plainly_year(item: Item) -> bool:
    return item.value.startswith("0") or int(item.value) > 31


def month(hit: Hit) -> CalDate | None:
    if hit.get("u") is not None and unit_of(hit) != "month":
        return None
    this = any(item.tag == "THIS" for item in hit.matched)
    return CalDate(month=hit.get("m").value, direction=direction_of(hit.get("dir")), current=this)


def year(hit: Hit) -> CalDate | None:
    value, _ = year_of(hit.get("y"))
    unit = hit.get("u")
    if value is None or unit is not None and (unit.value != "year" or unit.plural):
        return None
    if not hit.has("u") and not hit.has("p") and not _looks_like_year(hit, value):
        return None
    return CalDate(value)


def _looks_like_year(hit: Hit, value: int) -> bool:
    """A bare four-digit number is a year unless it counts something ("2000 soldats")."""
    nxt, prev = hit.after(), hit.before()
    if not 1800 <= value <= 2100:
        return False
    if prev is not None and prev.tag in ("NUM", "BIGNUM", "YEAR") and prev.end + 1 >= hit.matched[0].start:
        return False
    return nxt is None or nxt.tag not in ("WORD", "UNIT", "BIGNUM") or prev is not None and prev.tag in _YEAR_LEADS


_YEAR_LEADS = frozenset({"IN", "SINCE", "BETWEEN", "FROM", "TO", "AT", "INP", "PART", "OF", "THE", "DASH", "AND",
                         "MONTH", "MONTHA", "SEASON", "AU", "ON"})


def short_year(hit: Hit) -> CalDate | None:
    value, short = year_of(hit.get("y"))
    return CalDate(value, short_year=True) if value is not None and short else None


def holiday(hit: Hit) -> Holiday:
    value, _ = year_of(hit.get("y"))
    direction = direction_of(hit.get("dir")) or direction_of(hit.get("after"))
    return Holiday(tuple(sorted(hit.get("h").value.items())), value, direction)


def day_offset(hit: Hit) -> Offset:
    return Offset("day", float(hit.get("r").value))


def decade(hit: Hit) -> Decade | None:
    item = hit.get("n")
    if item.tag == "DECADE":
        digits = item.value
    elif hit.get("u") is not None and unit_of(hit) == "year" and is_plural(hit):
        digits = item.value if isinstance(item.value, str) else str(item.value)
    else:
        return None
    if not isinstance(digits, str) or int(digits) % 10:
        return None
    return Decade(int(digits), len(digits) == 2)


# ---------------------------------------------------------------- relative

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


def year_span(hit: Hit) -> Found | None:
    """``2024-25``: a range whose end year is written with two digits."""
    first, last = hit.get("y").value, number_value(hit.get("n"))
    end = first // 100 * 100 + last if last is not None else None
    if end is None or not first < end <= first + 20 or len(hit.get("n").value) != 2:
        return None
    left, right = CalDate(first), CalDate(end)
    return Found(hit.matched[0].start, hit.matched[-1].end, Span(left, right),
                 (_found(hit, "y", left), _found(hit, "n", right)))


def month_first_list(hit: Hit) -> Found | None:
    """``March 5 and 6``: days of one month."""
    month_value, year_value = hit.get("m").value, year_of(hit.get("y"))[0]
    left, right = day_of(hit.get("l")), day_of(hit.get("r"))
    if left is None or right is None:
        return None
    parts = (Found(hit.matched[0].start, hit.span("l")[1], CalDate(year_value, month_value, left)),
             _found(hit, "r", CalDate(year_value, month_value, right)))
    return Found(hit.matched[0].start, hit.matched[-1].end, None, parts)


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
    if hit.get("n").tag == "VAGUE":
        return vague_run(hit)
    if int(count[0]) < 1:  # "les 0 derniers jours" names no time
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


def since_point(hit: Hit) -> Since | None:
    base = hit.sub("x")
    return Since(base) if base is not None else None


def to_date(hit: Hit) -> ToDate | None:
    if hit.get("u").plural:
        return None
    unit = unit_of(hit)
    side = -1 if hit.get("side").tag == "AGOS" else 1
    return ToDate(unit, side) if unit in CALENDAR_UNITS else None


def weekday(hit: Hit) -> Weekday:
    direction = hit.get("dir")
    day = hit.get("wd").value
    if direction is None:
        return Weekday(day)
    if direction.tag == "LAST":
        return Weekday(day, "last")
    return Weekday(day, "following" if direction.value == "following" else "next")


def weekday_week(hit: Hit) -> Weekday | None:
    if unit_of(hit) != "week" or hit.get("u").plural:
        return None
    return Weekday(hit.get("wd").value, "week", direction_of(hit.get("dir")))


def weekday_after(hit: Hit) -> Weekday | None:
    n = number_value(hit.get("n"))
    return Weekday(hit.get("wd").value, "after", n - 1) if n in (8, 15) else None


def season(hit: Hit) -> Season:
    value, _ = year_of(hit.get("y"))
    direction = hit.get("dir")
    return Season(hit.get("s").value, value, direction_of(direction) if direction is not None else None)


# ---------------------------------------------------------------- composites

def part(hit: Hit) -> Part | None:
    base = hit.sub("b")
    return Part(base, hit.get("p").value) if base is not None else None


def until(hit: Hit) -> Until | None:
    base = hit.sub("x")
    return Until(base) if base is not None else None


def nth(hit: Hit) -> Nth | None:
    base = hit.sub("b") if hit.has("b") else Period("year", 0, implicit=True)
    which = hit.get("o")
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
    return Nth(base, "quarter", hit.get("q").value)


def shift(hit: Hit) -> Shift | None:
    base = hit.sub("x")
    return Shift(base, int(hit.get("r").value)) if base is not None and hit.get("r").value else None


def from_point(hit: Hit) -> Shift | None:
    """``deux semaines avant le 13 mai``, ``16 jours à partir du 1er février``."""
    base, unit, count = hit.sub("x"), unit_of(hit), number_value(hit.get("n"))
    if base is None or unit not in CALENDAR_UNITS or count is None:
        return None
    sign = -1 if hit.get("side").tag == "AGOS" else 1
    return Shift(base, sign * count, unit)


def span(hit: Hit) -> Found | None:
    """A range; the left end borrows the month and year the right end states."""
    left = hit.sub("l") if "l" in hit.compiled.subs else day_only_left(hit)
    right = hit.sub("r") if "r" in hit.compiled.subs else _day_right(hit)
    if left is None or right is None:
        return None
    left = complete(left, right)
    parts = (_found(hit, "l", left), _found(hit, "r", right))
    return Found(hit.matched[0].start, hit.matched[-1].end, Span(left, right), parts)


def day_only_left(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("l"))
    return CalDate(day=day) if day else None


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
    left = day_only_left(hit) if hit.get("l").tag in ("NUM", "ORD") else CalDate(month=hit.get("l").value)
    if not isinstance(right, CalDate) or left is None:
        return None
    left = complete(left, right)
    return Found(hit.matched[0].start, hit.matched[-1].end, None,
                 (_found(hit, "l", left), _found(hit, "r", right)))


def complete(left: Any, right: Any) -> Any:
    if not isinstance(left, CalDate) or not isinstance(right, CalDate):
        return left
    month_ = left.month if left.month is not None else right.month if left.day is not None else None
    year_ = left.year if left.year is not None else right.year
    short = left.short_year if left.year is not None else right.short_year
    direction = left.direction or right.direction
    return replace(left, month=month_, year=year_, short_year=short, direction=direction)


def _found(hit: Hit, name: str, expr: Any) -> Found:
    start, end = hit.span(name)
    return Found(start, end, expr)
