"""Quality flags read from the text as a whole (lexicon rules add the others).

``clickbait`` also comes from a lead full of ``?``/``!`` and from a Title Case
headline in a language whose headlines are normally in sentence case;
``truncated`` also from a text that stops mid-sentence.
"""
from __future__ import annotations

import re

from .layout import TERMINAL, is_heading
from .lexicon import Lexicon

LEAD_CHARS = 600
LEAD_MARKS = 3  # "?" and "!" in the lead; news leads rarely have more than one
TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8
ELLIPSIS_MIN = 60
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLOSERS = "\"'»”’)]"


def text_flags(text: str, title: str | None, lead: str, lex: Lexicon) -> frozenset[str]:
    flags: set[str] = set()
    if shouting_lead(lead) or (not lex.title_case_normal and title_case(title, lex)):
        flags.add("clickbait")
    if ends_mid_sentence(text, lex):
        flags.add("truncated")
    return frozenset(flags)


def shouting_lead(lead: str) -> bool:
    sample = lead[:LEAD_CHARS]
    return sample.count("?") + sample.count("!") >= LEAD_MARKS


def title_case(title: str | None, lex: Lexicon) -> bool:
    """``"Nouveaux Pourparlers À Istanbul : Ce Qu'il Faut Savoir"``: every word capitalised."""
    if not title:
        return False
    words = [w for w in _WORD.findall(title)[1:] if w.casefold() not in lex.small_words]
    words = [w for w in words if not (w.isupper() and len(w) > 1)]  # acronyms say nothing
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= TITLE_CASE_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def ends_mid_sentence(text: str, lex: Lexicon) -> bool:
    """The last line stops without final punctuation, or on a word like "the"/"des"."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    if not last:
        return False
    if last.endswith(("…", "...")) and len(last) >= ELLIPSIS_MIN:
        return True
    if last[-1] in TERMINAL + _CLOSERS:
        return False
    words = _WORD.findall(last)
    return not is_heading(last) or (len(words) > 2 and words[-1].casefold() in lex.small_words)
