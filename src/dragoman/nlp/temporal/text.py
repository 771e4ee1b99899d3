"""A same-length folded view of a text, and its tokens.

Folding lower-cases, strips accents and straightens apostrophes and dashes
one character for one character, so every offset in the folded text is an
offset in the original: spans found on the folded view slice the original.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Apostrophe look-alikes seen in scraped news (and in dateparser's test cases).
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u055a\ua78c\uff07\u2032\u2035\u02b9\u00b4`"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\u2005\u200a"


def _fold_char(char: str) -> str:
    low = char.lower()
    if len(low) != 1:
        return char
    base = unicodedata.normalize("NFD", low)[0]
    return base if len(base) == 1 else low


def _table() -> dict[int, str]:
    table = {code: _fold_char(chr(code)) for code in range(0x41, 0x250)}
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): " " for c in _SPACES})
    return {k: v for k, v in table.items() if chr(k) != v}


_TABLE = _table()

# A letter glued to one digit ("T1", "Q3"), digits with an optional suffix
# ("1er", "15e", "1990s"), words, then any single other character.
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]\d(?!\w)|\d+[^\W\d_]*|[^\W\d_]+|[^\s\w]|_")


class Token(NamedTuple):
    start: int
    end: int
    norm: str


def fold(text: str) -> str:
    """Lower-case, accent-free, same-length view of ``text``."""
    return text.translate(_TABLE)


def tokenize(folded: str) -> list[Token]:
    return [Token(*m.span(), m.group()) for m in _TOKEN.finditer(folded)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """How a lexicon phrase tokenises (the same way as running text)."""
    return tuple(t.norm for t in tokenize(fold(phrase)))
