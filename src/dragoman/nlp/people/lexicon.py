"""The people lexicon of one language (``data/<language>/people.json``): titles and the word lists
that frame names and role cues."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...languages import common_data, language_data
from ...text import word_key
from ..phrases import first_words, phrase_pattern

WORD_LISTS = (  # the word lists of people.json, one PeopleLexicon field each
    "honorifics", "particles", "determiners", "connectors", "non_affiliation", "relatives", "copulas",
    "fillers", "clause_breakers", "openers", "delegation_words", "side_words", "lead_lemmas",
    "passive_markers", "host_lemmas", "receive_lemmas", "title_tail_pos",
)


@dataclass(frozen=True)
class Title:
    """One title of the lexicon: its key ("ambassador"), the phrases that say it, and its role."""
    key: str
    pattern: re.Pattern[str] | None
    parents: tuple[str, ...] = ()
    role: str | None = None
    titled: bool = True  # False for role phrases that are not titles ("à la tête de la délégation")
    first_words: frozenset[str] | None = None  # a text without any of these cannot hold the title

    def may_occur(self, words: frozenset[str]) -> bool:
        return self.first_words is None or not self.first_words.isdisjoint(words)


@dataclass(frozen=True)
class PeopleLexicon:
    """One language's ``people.json``: titles, and the word lists that frame names and cues."""
    titles: tuple[Title, ...]
    complements: re.Pattern[str] | None
    honorifics: frozenset[str]
    particles: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    non_affiliation: frozenset[str]
    relatives: frozenset[str]
    copulas: frozenset[str]
    fillers: frozenset[str]
    clause_breakers: frozenset[str]
    openers: frozenset[str]
    delegation_words: frozenset[str]
    side_words: frozenset[str]
    lead_lemmas: frozenset[str]
    passive_markers: frozenset[str]
    host_lemmas: frozenset[str]
    receive_lemmas: frozenset[str]
    title_tail_pos: frozenset[str]

    @classmethod
    @cache
    def for_language(cls, language: str) -> PeopleLexicon:
        raw = language_data(language, "people")
        titles = tuple(
            Title(key, phrase_pattern(spec["forms"]), tuple(spec.get("parents", ())), spec.get("role"),
                  spec.get("title", True), first_words(spec["forms"]))
            for key, spec in raw["titles"].items())
        words = {name: frozenset(w if name.endswith("_pos") else word_key(w) for w in raw[name]) for name in WORD_LISTS}
        return cls(titles, phrase_pattern(raw["title_complements"]), **words)

    def lineage(self, key: str) -> set[str]:
        """A title key with its ancestors: a foreign minister is also a minister."""
        parents = {title.key: title.parents for title in self.titles}
        keys: set[str] = set()
        todo = [key]
        while todo:
            key = todo.pop()
            if key not in keys:
                keys.add(key)
                todo.extend(parents.get(key, ()))
        return keys

    def title_keys(self, title: str) -> set[str]:
        """The title keys the longest title of a phrase says, with their ancestors ("chef de la
        diplomatie russe": foreign_minister, minister)."""
        found = [(len(match.group()), entry.key) for entry in self.titles
                 if entry.pattern is not None and (match := entry.pattern.search(title))]
        longest = max((size for size, _ in found), default=0)  # "deputy secretary of state", not "secretary of state"
        return {key for size, entry in found if size == longest for key in self.lineage(entry)}


def title_rank(title: str | None, *, language: str) -> int:
    """How high a title stands (0: head of state or government; ``levels.json`` ranks); a title of no
    rank, or none, ranks below them all."""
    ranks = common_data("levels")["ranks"]
    keys = PeopleLexicon.for_language(language).title_keys(title) if title else set()
    return min((i for i, tier in enumerate(ranks) if keys & set(tier)), default=len(ranks))

