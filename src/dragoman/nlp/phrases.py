"""Lexicon phrases found in a parsed document: the matching the people and venue readers share.

A lexicon lists phrases as plain text ("chef de la diplomatie", "head of the * delegation");
each list becomes one case-insensitive pattern whose matches are turned into token spans.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["first_words", "phrase_pattern", "text_words", "token_spans"]


def phrase_pattern(forms: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for lexicon phrases; ``*`` is one optional word."""
    ordered = sorted((form for form in forms if form.strip()), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(_form_regex(form) for form in ordered)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def _form_regex(form: str) -> str:
    words = form.split()
    out = ""
    for index, word in enumerate(words):
        if word == "*":
            out += r"(?:[\w.'’-]+\s+)?"
            continue
        out += "".join("['’]" if ch in "'’" else "[-‐‑]" if ch == "-" else re.escape(ch) for ch in word)
        out += r"\s+" if index < len(words) - 1 else ""
    return out


_WORD = re.compile(r"\w+")


def text_words(text: str) -> frozenset[str]:
    """The lower-cased word characters runs of a text."""
    return frozenset(_WORD.findall(text.lower()))


def first_words(forms: Sequence[str]) -> frozenset[str] | None:
    """The first word-character run of each form ("vice" for "vice-président", "l" never: forms
    start with the title); ``None`` when a form starts with a wildcard and may begin anywhere."""
    found = set()
    for form in forms:
        head = _WORD.search(form.lower())
        if form.strip().startswith("*") or head is None:
            return None
        found.add(head.group())
    return frozenset(found)


def token_spans(doc: Doc, pattern: re.Pattern[str] | None, *, text: str | None = None) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the pattern's matches in the document's text (``text``, when
    the caller already holds it: spaCy builds ``doc.text`` anew on every access)."""
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(doc.text if text is None else text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            spans.append((span.start, span.end))
    return spans
