"""Cleaning lexicons, one data file per language (``data/<lang>/cleaning.json``).

The cleaning code never names a language: it asks :func:`lexicon_for` for the
lexicon of a language and gets the union of every lexicon when the language
is unknown or has no file of its own.

Rule patterns are case-insensitive and match a *folded* view of the text in
which curly apostrophes are straight and non-breaking spaces are plain
spaces (:func:`dragoman.text.plain_apostrophes_and_spaces`, imported here as ``fold``),
so the data files only spell ``'`` and `` ``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import ConfigError
from ..languages import language_data, languages
from ..text import plain_apostrophes_and_spaces as fold  # noqa: F401  (clean and head import it from here)

SCOPES = ("paragraph", "line", "sentence", "none")
REGIONS = ("any", "lead", "tail")


@dataclass(frozen=True)
class Rule:
    """A family of patterns: what to remove (``scope``), where, which flag it raises."""
    name: str
    scope: str
    where: str
    flag: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    languages: tuple[str, ...]
    sections: frozenset[tuple[str, ...]]
    rules: tuple[Rule, ...]
    small_words: frozenset[str]
    abbreviations: frozenset[str]
    title_case_normal: bool

    @property
    def section_words(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.sections if len(phrase) == 1)

    @property
    def longest_section(self) -> int:
        return max((len(phrase) for phrase in self.sections), default=0)


def available_languages() -> tuple[str, ...]:
    return languages()


def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon of ``language``; the union of all of them when it has none."""
    languages = available_languages()
    if language in languages:
        return _load(language)
    return _merged(languages)


@cache
def _merged(languages: tuple[str, ...]) -> Lexicon:
    parts = [_load(lang) for lang in languages]
    return Lexicon(
        languages=languages,
        sections=frozenset().union(*(p.sections for p in parts)),
        rules=tuple(rule for p in parts for rule in p.rules),
        small_words=frozenset().union(*(p.small_words for p in parts)),
        abbreviations=frozenset().union(*(p.abbreviations for p in parts)),
        # Title Case is only suspicious if no candidate language uses it normally.
        title_case_normal=any(p.title_case_normal for p in parts),
    )


@cache
def _load(language: str) -> Lexicon:
    raw = language_data(language, "cleaning")
    return Lexicon(
        languages=(language,),
        sections=frozenset(section_tokens(name) for name in raw["sections"]),
        rules=tuple(_rule(spec, "cleaning.json") for spec in raw["rules"]),
        small_words=frozenset(w.casefold() for w in raw.get("small_words", ())),
        abbreviations=frozenset(w.casefold() for w in raw.get("abbreviations", ())),
        title_case_normal=bool(raw.get("title_case_normal", True)),
    )


def _rule(spec: dict, filename: str) -> Rule:
    scope, where = spec.get("scope", "none"), spec.get("where", "any")
    if scope not in SCOPES or where not in REGIONS:
        raise ConfigError(name=f"{filename}:{spec.get('name')}", detail=f"bad scope/where {scope!r}/{where!r}")
    try:
        pattern = re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(name=f"{filename}:{spec.get('name')}", detail=str(exc)) from exc
    return Rule(spec["name"], scope, where, spec.get("flag"), pattern)


def section_tokens(text: str) -> tuple[str, ...]:
    """Words of a label, case-folded, with CamelCase glue split apart."""
    return tuple(part.casefold() for word in text.split() for part in split_camel(word))


def split_camel(word: str) -> list[str]:
    """``"ActualitésInternational"`` -> ``["Actualités", "International"]``."""
    parts, start = [], 0
    for i in range(1, len(word)):
        if word[i - 1].islower() and word[i].isupper():
            parts.append(word[start:i])
            start = i
    parts.append(word[start:])
    return parts
