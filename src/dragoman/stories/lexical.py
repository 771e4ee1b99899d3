"""Rare terms of a title, comparable across languages and scripts.

Two reports of one story often share a name or a number that a sentence
embedding weighs little: "Nishiya", "13", "Rayssa". A title's rare terms are
its words that are uncommon in its own language, by the word frequencies
shipped with ``wordfreq`` (fixed data, not counts over the documents at
hand, so a pair's terms never depend on the rest of the corpus), written in
Latin letters by ``anyascii`` so that "Нишия" and "Nishiya" meet.
Languages ``wordfreq`` cannot look up without extra tokenisers (Chinese,
Japanese) or does not know give no terms: their documents cluster by
embedding alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Zipf frequency (log10 of occurrences per billion words) below which a word counts as rare; calibrated
# on OG2021 titles (tuned on the half before 2021-07-23): "Nishiya" 0, "fencers" 2.1 and "Guinea" 3.6 are
# rare, "Olympics" 4.5, "Macron" 4.9 and "gold" 5.2 are not.
RARE_ZIPF = 4.0
MIN_CHARS = 3  # shorter words are rare by accident (initials, particles); numbers always count
# A term is the first letters of the word, so that inflected names meet ("Нишии", "Nishiya"): +0.005 B-cubed
# F1 on OG2021 over whole words.
STEM_CHARS = 5
WORD = re.compile(r"\w+")
NO_TERMS = frozenset({"zh", "ja", "ko"})  # wordfreq needs extra tokenisers for these


def rare_terms(title: str, language: str | None) -> frozenset[str]:
    """The title's uncommon words, lower-cased, transliterated to ASCII and cut to their stem."""
    if not language or language in NO_TERMS or language not in _known_languages():
        return frozenset()
    terms = (_term(word.lower(), language) for word in WORD.findall(title))
    return frozenset(term for term in terms if term)


def shared_terms(a: frozenset[str], b: frozenset[str]) -> int:
    return len(a & b)


@lru_cache(maxsize=200_000)
def _term(word: str, language: str) -> str | None:
    from anyascii import anyascii
    from wordfreq import zipf_frequency

    key = anyascii(word).lower()
    if not key.isalnum() or (len(key) < MIN_CHARS and not key.isdigit()):
        return None
    if zipf_frequency(word, language) >= RARE_ZIPF:
        return None
    return key if key.isdigit() else key[:STEM_CHARS]


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())
