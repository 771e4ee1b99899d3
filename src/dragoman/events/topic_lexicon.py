"""Topic lexicon: keyword patterns and cues of ``data/<language>/topics.json``, read once.

Keyword patterns name topics ('(s)' optional, 'ukrain*' a prefix, a lone '*' any word);
cues say how what they govern is read (topic, excluded) and over which scope.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..languages import common_data, language_data
from .status_lexicon import normalise

__all__ = ["Cue", "TopicLexicon", "keyword_regex", "topic_codes", "topic_lexicon"]

_WORD = re.compile(r"\w+['’]|[\w*-]+")


@dataclass(frozen=True)
class Cue:
    """Words that put what they govern in or out of the event's topics."""
    words: tuple[str, ...]
    role: str    # topic | excluded
    scope: str   # complement | subject | both | noun | label
    exclusive: bool = False


@dataclass(frozen=True)
class TopicLexicon:
    language: str
    keywords: tuple[tuple[str, re.Pattern[str]], ...]
    stop: re.Pattern[str] | None
    cues: tuple[Cue, ...]
    exclusive: frozenset[str]
    background: tuple[tuple[str, ...], ...]
    hypothesis: tuple[tuple[str, ...], ...]
    negation: frozenset[str]
    restrictive: frozenset[str]


@lru_cache(maxsize=1)
def topic_codes() -> tuple[str, ...]:
    """The contract's topic codes (``data/common/topics.json``)."""
    return tuple(common_data("topics")["codes"])


def keyword_regex(pattern: str) -> str:
    """Regex for a keyword pattern: '(s)' optional, 'ukrain*' a prefix, a lone '*' any word."""
    words = []
    for word in pattern.split():
        if word == "*":
            words.append(r"[\w'’-]+")
            continue
        pieces = re.split(r"(\([^)]*\)|\*)", word)
        words.append("".join(_piece_regex(piece) for piece in pieces if piece))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _piece_regex(piece: str) -> str:
    if piece == "*":
        return r"\w*"
    body = re.escape(piece.strip("()")).replace("'", "['’]")
    return f"(?:{body})?" if piece.startswith("(") else body


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile("|".join(map(keyword_regex, ordered)), re.IGNORECASE) if ordered else None


def _cue_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text)))


@cache
def topic_lexicon(language: str) -> TopicLexicon:
    """Keywords and cues for ``language``, read once."""
    raw = language_data(language, "topics")
    known = set(topic_codes())
    # one regex per pattern: an alternation would let a shorter match hide a longer one
    keywords = tuple((code, re.compile(keyword_regex(p), re.IGNORECASE))
                     for code, patterns in raw["keywords"].items() if code in known for p in patterns)
    cues = tuple(Cue(_cue_words(c["cue"]), c["role"], c["scope"], bool(c.get("exclusive")))
                 for c in raw["cues"])
    return TopicLexicon(
        language=language, keywords=keywords, stop=_alternation(raw.get("stop", [])), cues=cues,
        exclusive=frozenset(normalise(w) for w in raw["exclusive"]),
        background=tuple(_cue_words(c) for c in raw["background"]),
        hypothesis=tuple(_cue_words(c) for c in raw["hypothesis"]),
        negation=frozenset(normalise(w) for w in raw["negation"]),
        restrictive=frozenset(normalise(w) for w in raw.get("restrictive", [])))
