"""The grammar's terminal symbols: one character per token category.

Tagging turns a text into a string with one character per token; grammar
rules are regular expressions over that string, written with these names.
"""
from __future__ import annotations

TAGS: dict[str, str] = {
    # content words, from the lexicon
    "MONTH": "M", "MONTHA": "m", "WD": "W", "WDA": "w", "NUM": "N", "ORD": "O", "UNIT": "U",
    "DAYREL": "R", "RELDAY": "r", "LAST": "P", "NEXT": "X", "THIS": "T", "AGO": "A", "AGOS": "a", "LATER": "L",
    "INP": "I", "BY": "K", "SINCE": "S", "HALF": "H", "HEDGE": "~", "VAGUE": "V", "PART": "E",
    "SEASON": "s", "HOLIDAY": "F", "HPRE": "f", "TOD": "t",
    # function words, from the lexicon
    "THE": "l", "OF": "d", "IN": "e", "AT": "c", "AU": "u", "ON": "o", "AND": "&", "TO": ">",
    "BETWEEN": "b", "FROM": "g",
    # token shapes
    "YEAR": "Y", "BIGNUM": "B", "DECADE": "D", "QTOKEN": "q",
    "SLASH": "/", "DASH": "-", "DOT": ".", "COMMA": ",", "APOS": "'", "PUNCT": "|", "WORD": "z",
}

# Lexicon sections and the category their phrases get; the order settles a
# phrase listed in two sections (the first wins).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("day_offsets", "DAYREL"), ("relative_days", "RELDAY"), ("holidays", "HOLIDAY"), ("times_of_day", "TOD"),
    ("half", "HALF"), ("vague", "VAGUE"), ("hedges", "HEDGE"), ("exact_hedges", "HEDGE"), ("ago_prefix", "AGO"),
    ("later_suffix", "LATER"),
    ("ago_suffix", "AGOS"), ("months", "MONTH"), ("weekdays", "WD"), ("numbers", "NUM"),
    ("ordinals", "ORD"), ("parts", "PART"), ("seasons", "SEASON"), ("units", "UNIT"), ("last", "LAST"),
    ("next", "NEXT"), ("this", "THIS"), ("holiday_prefixes", "HPRE"), ("by", "BY"), ("since", "SINCE"),
    ("in_prefix", "INP"), ("to", "TO"), ("from", "FROM"), ("between", "BETWEEN"), ("the", "THE"),
    ("of", "OF"), ("in", "IN"), ("at", "AT"), ("au", "AU"), ("on", "ON"), ("and", "AND"),
    ("month_abbreviations", "MONTH"), ("weekday_abbreviations", "WD"),
)
ABBREVIATION_SECTIONS = frozenset({"month_abbreviations", "weekday_abbreviations"})
AMBIGUOUS_TAG = {"MONTH": "MONTHA", "WD": "WDA"}
PUNCT_TAGS = {"/": "SLASH", "-": "DASH", ".": "DOT", ",": "COMMA", "'": "APOS"}
