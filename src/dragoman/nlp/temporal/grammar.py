"""The temporal grammar: nonterminals, top-level rules, and the scan over a text.

Rules are language-agnostic: they name token categories, and the lexicon of
each language decides which words fall in which category. Word order that
differs between languages (``27 février`` / ``February 27``; ``il y a deux
jours`` / ``two days ago``) is simply covered by two rules.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .builders import composite, dates, relative
from .builders.values import unit_of
from .expr import Found, Part, Period
from .lexicon import Item, Lexicon
from .pattern import Compiled, Hit, Rule, compile_rules
from .tags import TAGS

CLASSES: dict[str, str] = {
    "DAY": "[NO]", "ANYMONTH": "[Mm]", "ANYWD": "[Ww]", "DIR": "[PX]", "COUNT": "[NV]", "SEP": r"[/\-.]",
    # what follows "after"/"avant" when they are prepositions ("a day after the vote")
    "NOUNISH": "[zldTNOYMmWwRFs]",
    "RANGETO": r"[>uc\-]", "OPEN": "[gd]", "LEAD": "[eIcuod]",
    # a year: four digits, or two digits not followed by what a counted number would be
    "YR": r"(?:Y|N(?![zNYBUMmOU]))",
}


def inner(hit: Hit) -> Any:
    return hit.sub("x")


def week_of(hit: Hit) -> Part | None:
    base = hit.sub("x")
    return Part(base, "week") if base is not None and unit_of(hit) == "week" else None


def workdays(hit: Hit) -> Part | None:
    return Part(Period("week"), "workdays") if unit_of(hit) == "week" else None


def nth_alone(hit: Hit) -> Any:
    return composite.nth(hit) if unit_of(hit) in ("quarter", "semester") else None


NTS: dict[str, list[Rule]] = {
    "date": [
        Rule("dmy", "THE? (wd=ANYWD COMMA?)? d=DAY OF? m=ANYMONTH ((COMMA|OF)? y=YR)? dir=DIR?", dates.dmy),
        Rule("mdy", "(wd=ANYWD COMMA?)? m=ANYMONTH THE? d=DAY !(NUM|DOT NUM) ((COMMA|OF)? y=YR)?", dates.mdy),
        Rule("numeric", "THE? ANYWD? a=NUM SEP b=NUM SEP y=(YEAR|NUM)", dates.numeric),
        Rule("numeric_spaced", "THE? ANYWD? a=NUM b=NUM y=YEAR", dates.numeric),
        Rule("iso", "THE? ANYWD? y=YEAR (DASH|SLASH) b=NUM (DASH|SLASH) c=NUM", dates.iso),
        Rule("named_dmy", "d=DAY SEP m=ANYMONTH SEP y=YR", dates.dmy),
        Rule("named_mdy", "m=ANYMONTH SEP d=DAY SEP y=YR", dates.dmy),
        Rule("named_ymd", "y=YEAR SEP m=ANYMONTH SEP d=DAY", dates.dmy),
        Rule("holiday", "THIS? THE? dir=DIR? (HPRE THE?|UNIT OF THE?)? h=HOLIDAY (y=YEAR|after=DIR)?", dates.holiday),
        Rule("weekday_day", "THE? wd=ANYWD THE? d=DAY !(ANYMONTH|SLASH|OF|NUM|UNIT|WORD|DOT)", dates.weekday_day),
        Rule("day_slash", "THE a=NUM SLASH b=NUM !(SLASH|DASH)", dates.numeric),
        Rule("day_slash_padded", "a=NUM SLASH b=NUM !(SLASH|DASH)", dates.numeric_padded),
    ],
    "dated_month": [
        Rule("month_year", "THE? (u=UNIT OF)? m=ANYMONTH OF? y=YR", dates.month_year),
        Rule("iso_month", "y=YEAR DASH b=NUM !(DASH)", dates.iso_month),
        Rule("numeric_month", "b=NUM (DASH|SLASH) y=YEAR !(DASH|SLASH)", dates.iso_month),
        Rule("named_month_year", "m=ANYMONTH (SLASH|COMMA) y=YEAR !NOUNISH", dates.month_year),
    ],
    "month": [
        Rule("dated", "x=<dated_month>", inner),
        Rule("month", "THE? (u=UNIT OF)? m=ANYMONTH dir=DIR?", dates.month),
    ],
    "year": [
        Rule("year", "THE? u=UNIT? y=YEAR", dates.year),
        Rule("decade", "THE? u=UNIT? APOS? n=(NUM|YEAR|DECADE)", dates.decade),
        Rule("quarter_token", "q=QTOKEN y=YEAR?", composite.quarter_token),
    ],
    "rel": [
        Rule("this", "THIS u=UNIT THIS?", relative.this_period),
        Rule("unit_dir", "THE? THIS? u=UNIT dir=DIR", relative.shifted_period),
        Rule("dir_unit", "THE? THIS? dir=DIR u=UNIT", relative.shifted_period),
    ],
    "season": [
        Rule("season", "THE? s=SEASON (OF? y=YEAR|dir=DIR)", relative.season),
        Rule("this_season", "(THIS|THE) s=SEASON !(OF (THE|WORD))", relative.season),
        Rule("dir_season", "THE? dir=DIR s=SEASON", relative.season),
    ],
}
NTS["period"] = [Rule(name, f"x=<{name}>", inner) for name in ("month", "year", "rel", "season")]
NTS["base"] = [Rule("period", "x=<period>", inner), Rule("implicit", "THE? u=UNIT", relative.implicit_period)]
NTS["part"] = [Rule("part", "THE? p=PART DASH? OF? THE? b=<base>", composite.part)]
NTS["point"] = [Rule(name, f"x=<{name}>", inner) for name in ("part", "date", "period")] + [
    Rule("day_offset", "r=(DAYREL|RELDAY)", relative.day_offset)]

TOP: list[Rule] = [
    # ranges and lists
    Rule("range_dates", "OPEN? THE? l=<date> RANGETO THE? r=<date>", composite.span),
    Rule("range_days", "OPEN? THE? ANYWD? l=DAY RANGETO THE? r=<date>", composite.span),
    Rule("range_month_days", "m=ANYMONTH l=DAY RANGETO r=DAY !(WORD|UNIT) (COMMA? y=YR)?", composite.span),
    Rule("between_month_days", "BETWEEN m=ANYMONTH l=DAY AND r=DAY !(WORD|UNIT) (COMMA? y=YR)?", composite.span),
    Rule("between_dates", "BETWEEN THE? l=<date> AND THE? r=<date>", composite.span),
    Rule("between_days", "BETWEEN THE? ANYWD? l=DAY AND THE? r=<date>", composite.span),
    Rule("between_periods", "BETWEEN l=<period> AND r=<period>", composite.span),
    Rule("range_day_numbers", "BETWEEN THE l=DAY AND THE r=DAY !(UNIT|WORD|ANYMONTH)", composite.span),
    Rule("range_day_numbers_weak", "OPEN? THE? l=DAY RANGETO THE? r=DAY", composite.span, weak=True),
    Rule("range_periods", "OPEN? l=<period> RANGETO r=<period>", composite.span),
    Rule("list_days", "THE? l=DAY (COMMA THE? DAY)* AND THE? r=<date>", composite.listing),
    Rule("list_months", "LEAD? l=ANYMONTH AND r=<month>", composite.listing),
    Rule("list_month_days", "ON? m=ANYMONTH l=DAY AND r=DAY !(WORD|UNIT|ANYMONTH) (COMMA? y=YEAR)?",
         dates.month_first_list),
    Rule("year_span", "y=YEAR DASH n=NUM !(DASH|SLASH)", dates.year_span),
    # composites
    Rule("until", "BY THE? x=<point>", composite.until),
    Rule("since_part", "SINCE THE? x=<part>", composite.since_point),
    Rule("within", "BY hedge=HEDGE* n=COUNT u=UNIT", relative.within),
    Rule("part", "(IN|AU|AT|INP|ON)? x=<part>", inner),
    Rule("week_of", "THE u=UNIT OF THE? x=<date>", week_of),
    Rule("nth_unit", "THE? o=(ORD|LAST) u=UNIT OF? THE? b=<base>", composite.nth),
    Rule("nth_weekday", "THE? o=(ORD|LAST) wd=ANYWD OF THE? b=<base>", composite.nth),
    Rule("nth_quarter", "THE? o=ORD u=UNIT !(OF)", nth_alone),
    Rule("nth_day", "THE o=DAY OF THE? b=<rel>", composite.nth),
    Rule("shift", "r=RELDAY OF THE? x=<point>", composite.shift),
    Rule("from_point", "hedge=HEDGE* n=NUM u=UNIT side=(LATER|AGOS|FROM) THE? x=<point>", composite.from_point),
    Rule("week_weekday", "THE? THIS? u=UNIT dir=DIR? DASH? wd=ANYWD", relative.weekday_week),
    Rule("to_date", "side=(AGOS|LATER) (THIS|(INP|IN) THE THIS?) u=UNIT THIS?", relative.to_date),
    # offsets from the anchor
    Rule("ago_prefix", "AGO hedge=HEDGE* n=COUNT u=UNIT h=HALF?", relative.ago),
    Rule("ago_suffix", "hedge=HEDGE* n=COUNT g=HALF? u=UNIT h=HALF? AGOS !NOUNISH", relative.ago),
    Rule("in", "INP hedge=HEDGE* n=COUNT g=HALF? u=UNIT h=HALF? !OF", relative.ahead),
    Rule("later", "hedge=HEDGE* n=COUNT u=UNIT h=HALF? LATER !NOUNISH", relative.ahead),
    Rule("since", "SINCE hedge=HEDGE* n=COUNT u=UNIT h=HALF?", relative.since),
    # runs of whole units, vague windows
    Rule("vague_run", "(INP|IN|OF|ON|HEDGE)? THE? THIS? dir=DIR n=VAGUE u=UNIT", relative.vague_run),
    Rule("vague_run_after", "(INP|IN|OF|ON|HEDGE)? THE? THIS? n=VAGUE dir=DIR u=UNIT", relative.vague_run),
    Rule("run", "(INP|IN|OF|ON|HEDGE)? THE? THIS? n=NUM dir=DIR u=UNIT", relative.run),
    Rule("run_dir_first", "(INP|IN|OF|ON|HEDGE)? THE? THIS? dir=DIR n=NUM u=UNIT", relative.run),
    Rule("run_after", "THE? n=NUM u=UNIT dir=DIR", relative.run),
    # weekdays
    Rule("weekday_week", "THE? wd=ANYWD OF? THE? THIS? u=UNIT dir=DIR?", relative.weekday_week),
    Rule("weekday_dir_week", "wd=ANYWD (OF|FROM)? THE? dir=DIR u=UNIT", relative.weekday_week),
    Rule("weekday_after", "wd=ANYWD IN n=NUM", relative.weekday_after),
    Rule("weekday_dir", "ON? THE? THIS? wd=ANYWD dir=DIR", relative.weekday),
    Rule("dir_weekday", "ON? dir=DIR wd=ANYWD", relative.weekday),
    Rule("weekday", "(ON|THE|THIS)? wd=WD TOD?", relative.weekday),
    Rule("weekday_abbr", "(ON|THIS) wd=WDA", relative.weekday),
    Rule("weekday_abbr_weak", "wd=WDA", relative.weekday, weak=True),
    # dates and periods
    Rule("date", "ON? x=<date> TOD?", inner),
    Rule("day_offset", "r=DAYREL (COMMA? ANYWD)? TOD?", relative.day_offset),
    # "la veille" alone is the day before the anchor; "la veille du sommet" is relative to an event
    Rule("relative_day", "r=RELDAY !(OF|THE) (COMMA? ANYWD)? TOD?", relative.day_offset),
    Rule("day_weak", "ON? THE d=DAY !(ANYMONTH|UNIT|WORD|SLASH)", dates.day_only, weak=True),
    Rule("the_weekend", "(HEDGE|IN|INP|AT|ON|OF|AU)? THE u=UNIT !(DIR|OF|THIS)", relative.the_weekend),
    Rule("numbers_weak", "THE? a=NUM b=NUM y=(YEAR|NUM)?", dates.numeric, weak=True),
    Rule("slash_weak", "a=NUM SLASH b=NUM !(SLASH|DASH)", dates.numeric, weak=True),
    Rule("month_year", "LEAD? x=<dated_month>", inner),
    Rule("month", "(LEAD|THIS)? THE? (u=UNIT OF)? m=MONTH dir=DIR?", dates.month),
    Rule("month_ambiguous", "(LEAD|THIS) THE? (u=UNIT OF)? m=MONTHA dir=DIR?", dates.month),
    Rule("month_ambiguous_dir", "m=MONTHA dir=DIR", dates.month),
    Rule("dir_month", "THE? dir=DIR m=ANYMONTH", dates.month),
    Rule("month_ambiguous_weak", "m=MONTHA", dates.month, weak=True),
    Rule("year", "p=(LEAD|FROM|TO|SINCE|BETWEEN|AND)? THE? u=UNIT? y=YEAR", dates.year),
    Rule("short_year", "(IN|INP) y=NUM !(WORD|UNIT|NUM|YEAR|ANYMONTH|ORD|DOT NUM)", dates.short_year),
    Rule("decade", "THE? u=UNIT? APOS? n=(NUM|YEAR|DECADE)", dates.decade),
    Rule("quarter_token", "q=QTOKEN y=YEAR?", composite.quarter_token),
    Rule("in_unit", "INP THE u=UNIT !(DIR|OF|NUM|YEAR)", relative.this_period),
    Rule("workdays", "IN u=UNIT", workdays),
    Rule("rel", "(INP|IN|AU|OF|ON|AT|HEDGE)? x=<rel>", inner),
    Rule("season", "(IN|INP|AT|AU)? x=<season>", inner),
    Rule("season_bare", "(IN|AT|AU) s=SEASON !(OF (THE|WORD))", relative.season),
]


_CHUNK = re.compile(r"[^z]+")
_FUNCTION_CHARS = frozenset(TAGS[t] for t in ("THE", "OF", "IN", "AT", "AU", "ON", "AND", "TO", "BETWEEN", "FROM",
                                              "SLASH", "DASH", "DOT", "COMMA", "APOS", "PUNCT"))


@lru_cache(maxsize=1)
def compiled() -> tuple[list[Compiled], dict[str, list[Compiled]]]:
    return compile_rules(TOP, CLASSES, NTS)


def scan(text: str, lex: Lexicon, *, weak: bool = False) -> tuple[list[Found], list[Item]]:
    """Every expression in ``text``, leftmost-longest, without overlaps; and the text's items.

    ``weak`` admits rules that are too risky in running text ("le 16",
    "17 02"): the caller keeps them only when they are the whole text.
    No rule consumes a plain word, so only the stretches between plain words
    that hold a content category are scanned, each by the rules it can match.
    """
    items = lex.tag(text, lenient=weak)
    tags = "".join(TAGS[item.tag] for item in items)
    nts = compiled()[1]
    candidates: list[tuple[int, int, int, Any, bool]] = []
    for chunk in _CHUNK.finditer(tags):
        window = (chunk.start(), min(chunk.end() + 1, len(tags)))
        for order, rule in _rules_for(frozenset(chunk.group()), weak):
            for start, end, value in _matches(rule, items, tags, window, lex, nts):
                candidates.append((start, end, order, value, rule.rule.weak))
    return _select(candidates, items), items


@lru_cache(maxsize=4096)
def _rules_for(present: frozenset[str], weak: bool) -> tuple[tuple[int, Compiled], ...]:
    """The rules that can match a stretch made of these tag characters."""
    if present <= _FUNCTION_CHARS:
        return ()
    return tuple((order, rule) for order, rule in enumerate(compiled()[0])
                 if (weak or not rule.rule.weak) and rule.possible(present))


def _matches(rule: Compiled, items: list, tags: str, window: tuple[int, int], lex: Lexicon,
             nts: dict) -> list[tuple[int, int, Any]]:
    found = []
    pos, endpos = window
    while (m := rule.regex.search(tags, pos, endpos)) is not None:
        if m.end() == m.start():
            pos = m.start() + 1
            continue
        value = rule.rule.build(Hit(items, tags, m, rule, lex, nts))
        if value is None:
            pos = m.start() + 1
            continue
        found.append((m.start(), m.end(), value))
        pos = m.end()
    return found


def _select(candidates: list[tuple[int, int, int, Any, bool]], items: list) -> list[Found]:
    """Keep the readings that cover the most content tokens ("the Feb. 18 talks" is a day,
    not "the Feb."), then the longest, the leftmost and the earliest rule; no overlaps."""
    content = [0]
    for item in items:
        content.append(content[-1] + (TAGS[item.tag] not in _FUNCTION_CHARS))
    candidates.sort(key=lambda c: (content[c[0]] - content[c[1]], c[0] - c[1], c[0], c[2]))
    taken = [False] * len(items)
    chosen: list[tuple[int, Found]] = []
    for start, end, _, value, weak in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        if isinstance(value, Found):
            chosen.append((start, Found(value.start, value.end, value.expr, value.parts, weak)))
        else:
            chosen.append((start, Found(items[start].start, items[end - 1].end, value, (), weak)))
    return [found for _, found in sorted(chosen, key=lambda pair: pair[0])]
