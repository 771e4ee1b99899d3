"""Temporal expressions in French and English news: finding them and resolving them.

A lexicon per language (``data/<lang>/dates.json``) tags tokens with grammar
categories; a language-agnostic rule grammar (:mod:`.grammar`) over those tags
builds meanings (:mod:`.expr`) with its :mod:`.builders`; :mod:`.resolve` turns a
meaning and an anchor (the publication date) into an interval with a precision
(which occurrence: :mod:`.choice`; which part: :mod:`.parts`), using the tense of
the sentence (:mod:`.tense`) where the expression alone is ambiguous.
Code outside this package imports the names of ``__all__`` from here.

    >>> from datetime import date
    >>> resolve("mardi dernier", date(2025, 4, 10)).start
    datetime.date(2025, 4, 8)
"""
from __future__ import annotations

from .api import (
    counts_ahead,
    detect_language,
    find_dates,
    infer_anchor,
    parse_anchor,
    resolve,
    run_dates,
    states_year,
    tense_at,
)

__all__ = ["counts_ahead", "detect_language", "find_dates", "infer_anchor", "parse_anchor", "resolve", "run_dates",
           "states_year", "tense_at"]
