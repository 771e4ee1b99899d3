"""One person, one record: the readings of a person across documents, languages and transliterations.

A name is compared by keys: its surname and its whole name, folded (accents, case, ``y`` as ``i``,
doubled letters), as written and under each language's transliteration rules
(``data/<lang>/names.json``: a French ``ch`` is an English ``sh``, ``ou`` is ``u``). Two readings are one
person when they share a key and their first names do not disagree. The record takes the name that
leaders' data gives (``data/common/leaders.json``), else the one English sources write, else the longest,
and keeps every other spelling as an alias.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache

from ..languages import common_data, language_data, languages
from ..model import Person
from ..text import fold_accents

_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLE = re.compile(r"(.)\1+")
_TOKENS = re.compile(r"[\s\-‐]+")


@cache
def _rules(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    table = language_data(language, "names", optional=True).get("transliteration", {})
    if not table:
        return None
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern, dict(table)


def skeleton(word: str) -> str:
    """Letters only, accent-free, ``y`` as ``i``, no doubled letters: "Ryabkov" and "Riabkov" meet."""
    folded = _NOT_LETTER.sub("", fold_accents(word).replace("y", "i"))
    return _DOUBLE.sub(r"\1", folded)


@lru_cache(maxsize=4096)
def spellings(word: str) -> frozenset[str]:
    """The skeletons of ``word`` as written and read by each language's transliteration rules."""
    lowered = fold_accents(word)
    found = {skeleton(lowered)}
    for language in languages():
        rules = _rules(language)
        if rules is not None:
            found.add(skeleton(_transliterated(lowered, *rules)))
    return frozenset(s for s in found if s)


def _transliterated(word: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    return pattern.sub(lambda m: table[m.group()], word)


def tokens(name: str) -> list[str]:
    return [t for t in _TOKENS.split(name.strip()) if t]


@lru_cache(maxsize=65536)
def keys(name: str) -> frozenset[str]:
    parts = tokens(name)
    if not parts:
        return frozenset()
    return spellings(parts[-1]) | spellings("".join(parts))


def first_names_agree(a: str, b: str) -> bool:
    """"Sergueï Lavrov" and "Sergei Lavrov" agree; "Ilham Aliyev" and "Heydar Aliyev" do not."""
    pa, pb = tokens(a), tokens(b)
    if len(pa) < 2 or len(pb) < 2:
        return True
    return bool({s[:1] for s in spellings(pa[0])} & {s[:1] for s in spellings(pb[0])})


def same_person(a: str, b: str) -> bool:
    return bool(keys(a) & keys(b)) and first_names_agree(a, b)


@lru_cache(maxsize=1)
def _leader_names() -> tuple[tuple[frozenset[str], str], ...]:
    rows = common_data("leaders")["leaders"]
    return tuple((frozenset().union(*(keys(f) for f in (r["name"], *r.get("forms", ())) if len(tokens(f)) > 1),
                  keys(r["name"])), r["name"]) for r in rows)


@lru_cache(maxsize=1)
def _leaders_by_key() -> dict[str, tuple[int, ...]]:
    """Each spelling key -> the positions in :func:`_leader_names` of the leaders that have it."""
    index: dict[str, list[int]] = {}
    for i, (known, _) in enumerate(_leader_names()):
        for key in known:
            index.setdefault(key, []).append(i)
    return {key: tuple(found) for key, found in index.items()}


def canonical_name(spelled: Iterable[tuple[str, str | None]]) -> str:
    """Leaders' data, else an English source's spelling, else the longest (then the first in order)."""
    names = list(spelled)
    leaders, index = _leader_names(), _leaders_by_key()
    matches = sorted({i for n in {n for n, _ in names if len(tokens(n)) > 1} for key in keys(n)
                      for i in index.get(key, ()) if first_names_agree(n, leaders[i][1])})
    if matches:
        return leaders[matches[0]][1]
    english = [n for n, lang in names if lang == "en"]
    pool = english or [n for n, _ in names]
    return max(pool, key=lambda n: (len(tokens(n)), len(n), n))


def merge_people(readings: Sequence[tuple[Person, str | None]]) -> tuple[Person, ...]:
    """One person per group of readings of the same name: (person, language of its document) pairs."""
    groups: list[list[tuple[Person, str | None]]] = []
    names: list[set[str]] = []  # each group's distinct spellings: copies repeat a name hundreds of times
    for person, language in readings:
        home = next((n for n, spelled in enumerate(names)
                     if person.name in spelled or any(same_person(person.name, name) for name in spelled)), None)
        if home is None:
            groups.append([(person, language)])
            names.append({person.name})
        else:
            groups[home].append((person, language))
            names[home].add(person.name)
    return tuple(sorted((_merged(g) for g in groups), key=lambda p: p.name))


def _merged(group: list[tuple[Person, str | None]]) -> Person:
    name = canonical_name((p.name, lang) for p, lang in group)
    own = set(tokens(name))
    aliases = tuple(sorted({p.name for p, _ in group if not set(tokens(p.name)) <= own}))
    pick: Mapping[str, str | None] = {field: next((getattr(p, field) for p, _ in group if getattr(p, field)), None)
                                      for field in ("actor", "title", "role")}
    return Person(name, pick["actor"], pick["title"], pick["role"], aliases)
