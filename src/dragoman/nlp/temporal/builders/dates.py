"""Builders of calendar dates: days, months, years, holidays, decades, and lists of them.

Day-first and month-first languages differ only in the lexicon's
``numeric_order``: "27/02" and "Feb 27" are both read by these builders.
"""
from __future__ import annotations

from ..expr import CalDate, Decade, Found, Holiday, Span
from ..lexicon import Item, number_value
from ..pattern import Hit
from .values import day_of, direction_of, found_at, is_plural, unit_of, year_of


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
    first, second = number_value(hit.need("a")), number_value(hit.need("b"))
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
    return numeric(hit) if len(hit.need("b").value) == 2 and len(hit.need("a").value) <= 2 else None


def _in_number_run(hit: Hit) -> bool:
    """03.29.88.43.12 is a telephone number, not a date."""
    nxt, prev = hit.after(), hit.before()
    follows = nxt is not None and nxt.tag in ("DOT", "SLASH", "DASH") and hit.end + 1 < len(hit.items) \
        and hit.items[hit.end + 1].tag == "NUM"
    return follows or prev is not None and prev.tag in ("DOT", "SLASH", "DASH") and hit.start > 1 \
        and hit.items[hit.start - 2].tag == "NUM"


def iso(hit: Hit) -> CalDate | None:
    year, month, day = hit.need("y").value, number_value(hit.need("b")), number_value(hit.need("c"))
    if month is None or not 1 <= month <= 12 or day is None or not 1 <= day <= 31:
        return None
    return CalDate(year, month, day)


def iso_month(hit: Hit) -> CalDate | None:
    month, year_item = hit.get("b"), hit.need("y")
    if month is None or not 1 <= int(month.value) <= 12 or not 1000 <= year_item.value <= 2999:
        return None
    return CalDate(year_item.value, int(month.value))


def weekday_day(hit: Hit) -> CalDate | None:
    """``jeudi 12``, ``mardi 1er``; a number word is no day there ("samedi un deuxième cycle")."""
    item = hit.need("d")
    day = day_of(item)
    if day is None or (item.tag == "NUM" and not item.norm.isdigit()):
        return None
    return CalDate(day=day, weekday=hit.need("wd").value)


def day_only(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("d"))
    return CalDate(day=day) if day else None


def day_only_left(hit: Hit) -> CalDate | None:
    day = day_of(hit.get("l"))
    return CalDate(day=day) if day else None


def month_year(hit: Hit) -> CalDate | None:
    year, short = year_of(hit.get("y"))
    if hit.get("u") is not None and unit_of(hit) != "month":
        return None
    if short and hit.lex.numeric_order == "mdy" and not _plainly_year(hit.need("y")):
        return None  # "Feb 27": in month-first languages a small number after a month is its day
    return CalDate(year, hit.need("m").value, short_year=short) if year is not None else None


def _plainly_year(item: Item) -> bool:
    return item.value.startswith("0") or int(item.value) > 31


def month(hit: Hit) -> CalDate | None:
    if hit.get("u") is not None and unit_of(hit) != "month":
        return None
    this = any(item.tag == "THIS" for item in hit.matched)
    return CalDate(month=hit.need("m").value, direction=direction_of(hit.get("dir")), current=this)


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
    return Holiday(tuple(sorted(hit.need("h").value.items())), value, direction)


def decade(hit: Hit) -> Decade | None:
    item = hit.need("n")
    if item.tag == "DECADE":
        digits = item.value
    elif hit.get("u") is not None and unit_of(hit) == "year" and is_plural(hit):
        digits = item.value if isinstance(item.value, str) else str(item.value)
    else:
        return None
    if not isinstance(digits, str) or int(digits) % 10:
        return None
    return Decade(int(digits), len(digits) == 2)


def year_span(hit: Hit) -> Found | None:
    """``2024-25``: a range whose end year is written with two digits."""
    first, last = hit.need("y").value, number_value(hit.need("n"))
    end = first // 100 * 100 + last if last is not None else None
    if end is None or not first < end <= first + 20 or len(hit.need("n").value) != 2:
        return None
    left, right = CalDate(first), CalDate(end)
    return Found(hit.matched[0].start, hit.matched[-1].end, Span(left, right),
                 (found_at(hit, "y", left), found_at(hit, "n", right)))


def month_first_list(hit: Hit) -> Found | None:
    """``March 5 and 6``: days of one month."""
    month_value, year_value = hit.need("m").value, year_of(hit.get("y"))[0]
    left, right = day_of(hit.get("l")), day_of(hit.get("r"))
    if left is None or right is None:
        return None
    parts = (Found(hit.matched[0].start, hit.span("l")[1], CalDate(year_value, month_value, left)),
             found_at(hit, "r", CalDate(year_value, month_value, right)))
    return Found(hit.matched[0].start, hit.matched[-1].end, None, parts)
