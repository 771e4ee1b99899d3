"""Public entry points: :func:`resolve`, :func:`find_dates`, :func:`run_dates`."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, TypeGuard

from ...contract import dates_line
from ...languages import languages
from ...model import DateValue, Precision
from ...text import fold_for_dates
from . import calendar as cal
from .anchor import text_anchor
from .choice import Ctx
from .expr import CalDate, Decade, Expr, Found, Holiday, Nth, Offset, Part, Shift, Span, Weekday
from .grammar import scan
from .lexicon import Item, Lexicon, lexicon_for
from .narrative import anaphoric, in_period_discussed, reference
from .resolve import resolve_expr
from .tense import overall_tense, tense_near
from .text import tokenize

# Stand-in anchor for absolute expressions found without one: it only picks
# the century of a two-digit year (1950-2049).
_NO_ANCHOR = date(2000, 1, 1)
_COARSE = {"week", "month", "quarter", "year"}
WEEKDAY_SLIP = "weekday_contradicts_date"


def resolve(text: str, anchor: date | datetime, *, language: str = "fr", context: str | None = None,
            anchor_precision: str = "day", clause_tense: int | None = None) -> DateValue | None:
    """The first (main) temporal expression of ``text`` resolved against ``anchor``; None if there is none.

    ``context`` is the sentence ``text`` comes from: its tense around the
    expression decides between the last and the next "dimanche", and a range
    or list in it completes a fragment ("19" in "du 19 au 23 juillet").
    ``clause_tense`` (-1, 0, +1), when given, is the tense of the expression's
    own clause as a parse reads it, and overrides the one its words suggest.
    """
    lex = _lexicon(language, text)
    day, moment = split_anchor(anchor)
    found, items = scan(text, lex, weak=True)
    found = [f for f in found if not f.weak or _covers(f, items)]
    if context:
        expr, tense, span = _with_context(text, context, found, lex)
    elif found:
        first = _first_part(found[0])
        expr, span = first.expr, (first.start, first.end)
        tense = tense_near(text, items, *_item_range(items, first.start, first.end), lex)
    else:
        return None
    if expr is None:
        return None
    tense = tense if clause_tense is None else clause_tense
    return _value(expr, day, moment, tense, anchor_precision, text[span[0]:span[1]] if span else text)


def find_dates(text: str, anchor: date | None, *, language: str,
               anchor_precision: str = "day") -> list[tuple[int, int, DateValue]]:
    """Every temporal expression of ``text`` with its character span.

    Without an anchor only absolute expressions get dates; the others come
    back with ``precision="unknown"``.
    """
    lex = _lexicon(language, text)
    day, moment = split_anchor(anchor) if anchor is not None else (None, None)
    found, items = scan(text, lex)
    starts = [item.start for item in items]
    out: list[tuple[int, int, DateValue]] = []
    for f in found:
        for piece in (f.parts if f.expr is None else (f,)):
            first, last = _item_range(items, piece.start, piece.end, starts)
            tense = tense_near(text, items, first, last, lex)
            ref = reference(out, piece.start) if day and anaphoric(piece.expr, items[first:last], lex) else None
            if ref is not None and ref.start is not None:  # "le lendemain": from the time under discussion
                value = _value(piece.expr, ref.start, None, 0 if in_period_discussed(piece.expr) else tense,
                               ref.precision, text[piece.start:piece.end])
            else:
                value = _value(piece.expr, day, moment, tense, anchor_precision, text[piece.start:piece.end])
            out.append((piece.start, piece.end, value))
    return out


def infer_anchor(text: str, *, language: str, dateline: tuple[int, int] | None = None,
                 latest: date | None = None) -> tuple[date, Precision] | None:
    """The day (or month) an undated ``text`` speaks from (:mod:`.anchor`): its dateline's date, else the
    latest date it states outside a future clause; ``dateline`` is the dateline's character span; ``latest``
    the last day the text may be from (today when not given)."""
    return text_anchor(text, _lexicon(language, text), dateline=dateline, latest=latest)


def states_year(text: str, *, language: str) -> bool:
    """Whether a temporal expression of ``text`` states its year ("le 12 février 2019", "in 2018", "the
    1990s"): only such a date may lie years from the article's time."""
    found, _ = scan(text, _lexicon(language, text))
    return any(_absolute(piece.expr) for f in found for piece in (f.parts if f.expr is None else (f,)))


def counts_ahead(text: str, *, language: str) -> bool:
    """Whether the first expression of ``text`` counts forward from the anchor ("in three months", "dans
    deux semaines"): in a past clause such a phrase measures a stretch back ("their first talks in three
    months"), it dates nothing."""
    found, _ = scan(text, _lexicon(language, text))
    return bool(found) and isinstance(found[0].expr, Offset) and found[0].expr.amount > 0


def tense_at(text: str, start: int, end: int, *, language: str) -> int:
    """The tense the words around ``text[start:end]`` suggest (-1, 0, +1), as :func:`find_dates` reads it."""
    lex = _lexicon(language, text)
    _, items = scan(text, lex)
    return tense_near(text, items, *_item_range(items, start, end), lex)


def run_dates(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The ``dragoman dates --jsonl`` contract, one output row per input row.

    Input ``{text, anchor, language?, context?}`` (``dct`` and ``sentence``,
    the TimeML names, are accepted for ``anchor`` and ``context``; an optional
    ``anchor_precision`` widens relative readings); output ``{text, start,
    end, grain}`` plus the input's ``id`` and ``anchor`` (the scorer pairs
    rows by text and anchor). Without an anchor only absolute dates resolve.
    """
    for row in rows:
        text = str(row.get("text") or "")
        context = row.get("context") or row.get("sentence")
        anchor = parse_anchor(row.get("anchor") or row.get("dct"))
        language = _language(row.get("language"), text, context)
        value = _row_value(text, anchor, language, context, row.get("anchor_precision") or "day")
        start, end = (value.start, value.end) if value is not None else (None, None)
        yield dates_line(row, start, end, value.precision if value is not None and value.known else None)


def _row_value(text: str, anchor: datetime | None, language: str, context: str | None,
               precision: str) -> DateValue | None:
    if anchor is not None:
        return resolve(text, anchor, language=language, context=context, anchor_precision=precision)
    found = find_dates(text, None, language=language)
    return found[0][2] if found else None


# ---------------------------------------------------------------- anchors and languages

def split_anchor(anchor: date | datetime) -> tuple[date, datetime | None]:
    if isinstance(anchor, datetime):
        return anchor.date(), anchor.replace(tzinfo=None)
    return anchor, None


def parse_anchor(value: Any) -> datetime | None:
    """``YYYY-MM-DD[THH:MM...]`` as local wall time; None when absent or unreadable."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    text = str(value or "").strip().replace("Z", "+00:00")
    for candidate in (text, text[:19], text[:10]):
        try:
            return datetime.fromisoformat(candidate).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def detect_language(text: str) -> str:
    """The language whose lexicon knows most of the words of ``text`` (French on a tie)."""
    words = [t.norm for t in tokenize(fold_for_dates(text))]
    scores = {lang: sum(w in lexicon_for(lang).detect for w in words) for lang in languages()}
    best = max(scores.values(), default=0)
    if scores.get("fr", -1) == best or not scores:
        return "fr"
    return max(scores, key=scores.__getitem__)


def _lexicon(language: str | None, text: str) -> Lexicon:
    """The language's lexicon; a language without one falls back to the closest of those that exist."""
    if language in languages():
        return lexicon_for(language)
    return lexicon_for(detect_language(text))


def _language(given: Any, text: str, context: str | None) -> str:
    if isinstance(given, str) and given.lower()[:2] in languages():
        return given.lower()[:2]
    return detect_language(f"{text} {context or ''}")


# ---------------------------------------------------------------- helpers

def _with_context(text: str, context: str, found: list[Found], lex: Lexicon) -> tuple[Expr | None, int, tuple | None]:
    located = _locate(text, context)
    ctx_found, ctx_items = scan(context, lex)
    if located is None:
        tense = overall_tense(context, ctx_items, lex)
        first = _first_part(found[0]) if found else None
        return (first.expr, tense, (first.start, first.end)) if first else (None, tense, None)
    tense = tense_near(context, ctx_items, *_item_range(ctx_items, *located), lex)
    around = [f for f in ctx_found if f.start < located[1] and located[0] < f.end]
    for f in around:
        part = next((p for p in f.parts if p.start < located[1] and located[0] < p.end), None)
        if part is not None and (f.end - f.start) > (located[1] - located[0]):
            return part.expr, tense, None
    if found:
        first = _first_part(found[0])
        return first.expr, tense, (first.start, first.end)
    return (_first_part(around[0]).expr, tense, None) if around else (None, tense, None)


def _locate(text: str, context: str) -> tuple[int, int] | None:
    needle = fold_for_dates(text).strip()
    start = fold_for_dates(context).find(needle) if needle else -1
    return (start, start + len(needle)) if start >= 0 else None


def _first_part(found: Found) -> Found:
    return found.parts[0] if found.expr is None and found.parts else found


def _covers(found: Found, items: list[Item]) -> bool:
    """A weak reading is kept only when it is the whole text (bar punctuation)."""
    content = [i for i in items if i.tag not in ("DOT", "COMMA", "PUNCT", "APOS")]
    return bool(content) and found.start <= content[0].start and content[-1].end <= found.end


def _item_range(items: list[Item], start: int, end: int, starts: list[int] | None = None) -> tuple[int, int]:
    """Indices of the first item of a character span and of the item after it."""
    starts = starts if starts is not None else [item.start for item in items]
    first = bisect_left(starts, start)
    return first, max(bisect_right(starts, end - 1), first + 1)



def _value(expr: Expr | None, day: date | None, moment: datetime | None, tense: int, anchor_precision: str,
           text: str) -> DateValue:
    if expr is None:  # nothing to resolve: Found.expr is None only for a list, whose parts carry the dates
        return DateValue(None, None, "unknown", text)
    if day is None:
        if not _absolute(expr):
            return DateValue(None, None, "unknown", text)
        day = _NO_ANCHOR
    interval = _resolved(expr, day, moment, tense, anchor_precision)
    if interval is None:
        return DateValue(None, None, "unknown", text)
    return DateValue(interval.start, interval.end, interval.precision, text, _slip(expr, interval))


def _slip(expr: Expr, interval: cal.Interval) -> str | None:
    """ "jeudi 3 juin" when the 3rd is a Friday: the day and month are kept, the weekday being the likelier
    slip, and the value says so."""
    if isinstance(expr, CalDate) and expr.weekday is not None and interval.precision == "day" \
            and interval.start.weekday() != expr.weekday:
        return WEEKDAY_SLIP
    return None


def _resolved(expr: Expr, day: date, moment: datetime | None, tense: int, precision: str) -> cal.Interval | None:
    if not _coarse(precision):
        return resolve_expr(expr, Ctx(day, moment, tense))
    period = cal.bounds(day, precision)
    if isinstance(expr, Weekday):
        return cal.Interval(period.start, period.end, precision)
    low = resolve_expr(expr, Ctx(period.start, None, tense, exact=True))
    high = resolve_expr(expr, Ctx(period.end, None, tense, exact=True))
    if low is None or high is None or low == high:
        return low or high
    start, end = min(low.start, high.start), max(low.end, high.end)
    return cal.Interval(start, end, cal.coarser(cal.coarser(low.precision, high.precision), precision))


def _coarse(precision: str) -> TypeGuard[Precision]:
    """Whether an anchor known only to this grain widens relative readings to it."""
    return precision in _COARSE


def _absolute(expr: Any) -> bool:
    """Whether an expression needs no anchor (a stated year)."""
    if isinstance(expr, (CalDate, Holiday)):
        return expr.year is not None
    if isinstance(expr, Decade):
        return True
    if isinstance(expr, Span):
        return _absolute(expr.left) and _absolute(expr.right)
    if isinstance(expr, (Part, Nth, Shift)):
        return _absolute(expr.base)
    return False
