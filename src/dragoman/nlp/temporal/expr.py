"""What a temporal expression means, before it meets an anchor.

The grammar builds these records; :mod:`.resolve` turns them into dates.
``direction`` is -1 for an explicit past marker (dernier, last), +1 for an
explicit future one (prochain, next), 0 when the tense must decide.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CalDate:
    """A calendar date, possibly partial: ``le 27 février``, ``mars 2025``, ``1999``."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int = 0
    short_year: bool = False  # two digits: the century comes from the anchor
    current: bool = False  # "cette décembre": the anchor's year whatever the tense


@dataclass(frozen=True)
class Offset:
    """``il y a trois semaines``, ``in two days``: ``amount`` units from the anchor (signed)."""
    unit: str
    amount: float
    approximate: bool = False


@dataclass(frozen=True)
class Weekday:
    """``jeudi``, ``mardi dernier``, ``lundi de la semaine prochaine``, ``lundi en huit``.

    ``mode``: bare (tense decides), last, next, following (in next week),
    week (in the week shifted by ``shift``), after (first on or after anchor + shift days).
    """
    weekday: int
    mode: str = "bare"
    shift: int = 0


@dataclass(frozen=True)
class Period:
    """The calendar ``unit`` containing the anchor, shifted by ``shift`` units."""
    unit: str
    shift: int = 0
    implicit: bool = False  # "du mois", "de l'année": no explicit "ce"; tense may roll it


@dataclass(frozen=True)
class Season:
    name: str
    year: int | None = None
    shift: int | None = None  # None: the current or coming one


@dataclass(frozen=True)
class Holiday:
    spec: tuple[tuple[str, int], ...]  # the lexicon's spec: month/day, easter offset, or n-th weekday
    year: int | None = None
    direction: int = 0


@dataclass(frozen=True)
class Part:
    """``début mars``, ``fin 2024``, ``mid-April``: early, mid, late, all, first_half, second_half."""
    base: "Expr"
    part: str


@dataclass(frozen=True)
class Nth:
    """``le premier mercredi du mois prochain``, ``la dernière semaine de septembre``.

    ``n`` counts from 1; -1 is the last. ``weekday`` is set when ``unit`` is ``weekday``.
    """
    base: "Expr"
    unit: str
    n: int
    weekday: int | None = None


@dataclass(frozen=True)
class Shift:
    """``le lendemain du 13 février``, ``la veille de Noël``, ``deux semaines avant le 13 mai``."""
    base: "Expr"
    amount: int
    unit: str = "day"


@dataclass(frozen=True)
class Span:
    """``du 13 au 15 juillet``, ``mars-avril 1999``, ``entre 1990 et 1999``."""
    left: "Expr"
    right: "Expr"


@dataclass(frozen=True)
class Window:
    """A vague stretch relative to the anchor: ``dans les prochains jours`` (+1..+10 days)."""
    unit: str
    low: float
    high: float


@dataclass(frozen=True)
class Run:
    """``les 2 dernières semaines``: ``n`` whole calendar units before (-1) or after (+1) the current one."""
    unit: str
    n: int
    direction: int


@dataclass(frozen=True)
class Until:
    """``d'ici la fin de l'année``: from the anchor to the end of ``base``."""
    base: "Expr"


@dataclass(frozen=True)
class Since:
    """``depuis trois ans``: from ``base`` to the anchor."""
    base: "Expr"


@dataclass(frozen=True)
class ToDate:
    """``earlier this month`` (side -1), ``plus tard cette année`` (side +1)."""
    unit: str
    side: int


@dataclass(frozen=True)
class Decade:
    start: int
    short_year: bool = False


Expr = (CalDate | Offset | Weekday | Period | Season | Holiday | Part | Nth | Shift | Span | Window | Run | Until
        | Since | ToDate | Decade)


@dataclass(frozen=True)
class Found:
    """An expression found in a text: character span, meaning, and the spans of its parts."""
    start: int
    end: int
    expr: Expr | None
    parts: tuple["Found", ...] = ()
    weak: bool = False
