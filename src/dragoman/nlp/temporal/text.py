"""Tokens of a date-folded text (:func:`dragoman.text.fold_for_dates`).

The fold keeps the text's length, so a token's offsets in the folded view
are offsets in the original: spans found on the folded view slice the original.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ...text import fold_for_dates

# A letter glued to one digit ("T1", "Q3"), digits with an optional suffix
# ("1er", "15e", "1990s"), words, then any single other character.
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]\d(?!\w)|\d+[^\W\d_]*|[^\W\d_]+|[^\s\w]|_")


class Token(NamedTuple):
    start: int
    end: int
    norm: str


def tokenize(folded: str) -> list[Token]:
    return [Token(*m.span(), m.group()) for m in _TOKEN.finditer(folded)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """How a lexicon phrase tokenises (the same way as running text)."""
    return tuple(t.norm for t in tokenize(fold_for_dates(phrase)))
