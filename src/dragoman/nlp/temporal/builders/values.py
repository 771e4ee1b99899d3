"""What the tokens a rule matched are worth: a day, a year, a direction, a unit, a count."""
from __future__ import annotations

from typing import Any

from ..expr import Found
from ..lexicon import Item, number_value
from ..pattern import Hit

CALENDAR_UNITS = {"day", "week", "weekend", "fortnight", "month", "quarter", "semester", "year", "decade", "century"}


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


def found_at(hit: Hit, name: str, expr: Any) -> Found:
    """``expr`` found where the rule's sub-pattern ``name`` matched: one part of a range or list."""
    start, end = hit.span(name)
    return Found(start, end, expr)
