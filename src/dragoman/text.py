"""Text normalisation: every way dragoman folds, straightens or normalises a text, in one place.

Each stage compares text in its own way, and the differences are deliberate (each was calibrated
against its stage's data), so they are distinct functions, not one function with options:

========================================  =============  ========================================================
function                                  same length?   what it does
========================================  =============  ========================================================
:func:`normalise_text`                    no             NFC, ``\\n`` line breaks, no BOM: what ingest stores
:func:`plain_apostrophes_and_spaces`      yes            3 apostrophes to ``'``, 3 narrow/no-break spaces to `` ``
:func:`plain_apostrophes`                 yes            ``’`` to ``'``
:func:`word_key`                          no [1]_        lower case, ``’`` to ``'``: word-list lookups
:func:`fold_same_length`                  yes            Latin lower case and accents, apostrophes, hyphens
:func:`fold_for_dates`                    yes            the same, plus dashes, more apostrophes and spaces
:func:`fold_accents`                      no             case-folded, compatibility-decomposed, accents removed
:func:`fold_name`                         no             :func:`fold_accents` with ``’`` as ``'``
:func:`break_long_runs`                   yes            a space inside every run of over N non-space characters
========================================  =============  ========================================================

.. [1] ``str.lower`` lengthens a few characters ("İ" becomes "i̇").

A same-length view keeps offsets: a span found in it slices the original text.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "break_long_runs", "fold_accents", "fold_for_dates", "fold_name", "fold_same_length", "normalise_text",
    "plain_apostrophes", "plain_apostrophes_and_spaces", "word_key",
]

TYPOGRAPHIC_APOSTROPHE = "\u2019"


# ----------------------------------------------------------------- decoded text

_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n", "\ufeff": None})


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line endings, no BOM characters: the one form every later stage reads."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return unicodedata.normalize("NFC", text)


def break_long_runs(text: str, longest: int = 200) -> str:
    """The text with a space in place of every ``longest + 1``-th character of a longer run of non-space
    characters.

    spaCy's tokenizer strips prefixes and suffixes one at a time, searching the whole token each time:
    a 20,000-character run of punctuation takes minutes (issue #15). No word or URL is that long, and
    the same length keeps every offset.
    """
    if len(text) <= longest:
        return text
    return re.sub(rf"\S{{{longest + 1},}}", lambda m: _spaced(m.group(), longest), text)


def _spaced(run: str, longest: int) -> str:
    chars = list(run)
    for i in range(longest, len(chars), longest + 1):
        chars[i] = " "
    return "".join(chars)


# ----------------------------------------------------------------- apostrophes and spaces

# What the cleaning rules of data/<lang>/cleaning.json must not have to spell: they write only ' and a space.
_RULE_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


def plain_apostrophes_and_spaces(text: str) -> str:
    """Curly (’ ‘) and letter (ʼ) apostrophes as ``'``, no-break, narrow no-break and thin spaces as `` ``;
    nothing else changes (case and accents stay), so the result has the length of ``text``."""
    return text.translate(_RULE_MARKS)


def plain_apostrophes(text: str) -> str:
    """The typographic apostrophe of French news (’) as ``'``; same length."""
    return text.replace(TYPOGRAPHIC_APOSTROPHE, "'")


def word_key(text: str) -> str:
    """A word as the word lists of ``people.json`` and ``venues.json`` hold it: lower case, ``'`` apostrophe."""
    return plain_apostrophes(text.lower())


# ----------------------------------------------------------------- same-length folds

# The gazetteers' marks: enough for French and English names of states, places and organisations.
_PHRASE_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
_PHRASE_HYPHENS = "\u2010\u2011\u2012\u2013\u2212"


def _phrase_char(char: str) -> str:
    if char in _PHRASE_APOSTROPHES:
        return "'"
    if char in _PHRASE_HYPHENS:
        return "-"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char


# Latin, Latin-1, Latin Extended-A/B and the typographic marks: enough for French and English news.
_PHRASE_TABLE = {code: _phrase_char(chr(code)) for code in range(0x250)}
_PHRASE_TABLE.update({ord(c): _phrase_char(c) for c in _PHRASE_APOSTROPHES + _PHRASE_HYPHENS})


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with exactly the same length (the gazetteers' view).

    Only characters below U+0250 are lower-cased and stripped of accents; the
    apostrophes ’ ‘ ʼ ` ´ ′ become ``'`` and the hyphens ‐ ‑ ‒ – − become ``-``;
    the em dash and everything else stay as they are.
    """
    return text.translate(_PHRASE_TABLE)


# Apostrophe look-alikes seen in scraped news (and in dateparser's test cases).
_DATE_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u055a\ua78c\uff07\u2032\u2035\u02b9\u00b4`"
_DATE_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DATE_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\u2005\u200a"


def _date_char(char: str) -> str:
    low = char.lower()
    if len(low) != 1:
        return char
    base = unicodedata.normalize("NFD", low)[0]
    return base if len(base) == 1 else low


def _date_table() -> dict[int, str]:
    table = {code: _date_char(chr(code)) for code in range(0x41, 0x250)}
    table.update({ord(c): "'" for c in _DATE_APOSTROPHES})
    table.update({ord(c): "-" for c in _DATE_DASHES})
    table.update({ord(c): " " for c in _DATE_SPACES})
    return {k: v for k, v in table.items() if chr(k) != v}


_DATE_TABLE = _date_table()


def fold_for_dates(text: str) -> str:
    """Lower-case, accent-free, same-length view of ``text`` that the date lexicons are written against.

    Unlike :func:`fold_same_length` it also makes every dash (em dash included)
    ``-``, twelve apostrophe look-alikes ``'`` and eight kinds of space a plain
    space; a Latin letter whose lower case is two characters ("İ") stays as it is.
    """
    return text.translate(_DATE_TABLE)


# ----------------------------------------------------------------- folds that may change the length

def fold_accents(text: str) -> str:
    """Case-folded, compatibility-decomposed, without combining marks: "Straße" is "strasse",
    "ﬁ" is "fi", "Élysée" is "elysee". Offsets are not kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(text: str) -> str:
    """How two spellings of a person's name are compared: :func:`fold_accents`, with ``’`` as ``'``."""
    return fold_accents(plain_apostrophes(text))
