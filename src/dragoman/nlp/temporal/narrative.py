"""Expressions that count from the time under discussion, not from the report.

"Le lendemain", "two days later", "la semaine suivante", "three days earlier", "à la fin du mois" date an event from the
one the text has just dated: "Le 3 mars, les ministres se sont réunis. Le lendemain, ils ont signé" is
the 4th of March whatever the report's day. Such an expression (a relative day, a "following" word, or
an offset with one of the lexicon's ``anaphoric_suffixes``) is resolved against the date stated last
before it, when that one is close enough; else against the report's day, as any other.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...model import DateValue
from .expr import Expr, Offset, Part, Period, Weekday, Window
from .lexicon import Item, Lexicon

REACH = 300  # characters back to the date an anaphoric expression counts from: the same or the last sentence
RELATIVE = (Offset, Period, Weekday, Window)  # what may count from another date ("later this year" may not)
REFERENCES = frozenset({"day", "week", "month"})


def anaphoric(expr: Expr | None, items: Sequence[Item], lex: Lexicon) -> bool:
    """Whether an expression made of ``items`` counts from the time under discussion."""
    if in_period_discussed(expr):
        return True
    if not isinstance(expr, RELATIVE):
        return False
    return any(item.tag == "RELDAY" or (item.tag == "NEXT" and item.value == "following")
               or (item.tag in ("LATER", "AGOS") and item.norm in lex.anaphoric) for item in items)


def in_period_discussed(expr: Expr | None) -> bool:
    """ "à la fin du mois", "at the end of the month": a part of the period under discussion, which the
    tense does not roll back or forward (the month of "le 3 février ... à la fin du mois" is February)."""
    return isinstance(expr, Part) and isinstance(expr.base, Period) and expr.base.implicit and not expr.base.shift


def reference(before: Sequence[tuple[int, int, DateValue]], start: int) -> DateValue | None:
    """The date stated last before ``start`` (within :data:`REACH`), if known well enough to count from."""
    for _, end, value in reversed(before):
        if start - end > REACH:
            return None
        if value.start is not None and value.precision in REFERENCES:
            return value
    return None
