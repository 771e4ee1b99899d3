"""Phrase matching over normalised tokens: the engine under the actor and place gazetteers.

Text is folded once, character for character (:func:`dragoman.text.fold_same_length`:
lower case, accents stripped, typographic apostrophes and hyphens unified), so
every offset in the folded text is an offset in the original. Tokens are word runs or single
punctuation marks; whitespace is not a token, so "Etats - Unis" and
"États-Unis" meet the same path of a token trie.

Case is checked per token against the surface form it came from, not folded
away: a lower-case form token accepts any case ("américaine" matches
"Américaine"), a capitalised one needs a capital initial ("Turkey", not
"turkey") and an all-capitals one needs all capitals ("US", not "us").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text import fold_same_length

V = TypeVar("V")

ANY, INITIAL, UPPER = 0, 1, 2
TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")
_END = ""  # trie key of the entries that end at a node


@dataclass(frozen=True)
class Tokens:
    """A text cut into tokens; ``keys`` are folded, ``spans`` index the original text."""
    text: str
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> "Tokens":
        folded = fold_same_length(text)
        found = [(m.group(), m.span()) for m in TOKEN.finditer(folded)]
        return cls(text, tuple(k for k, _ in found), tuple(s for _, s in found))

    def surface(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def __len__(self) -> int:
        return len(self.keys)


def case_rule(token: str) -> int:
    """How strictly a text token must follow the case of this form token."""
    if token.isupper():  # False for tokens without letters, so "-" and "7" accept anything
        return UPPER
    return INITIAL if token[:1].isupper() else ANY


def case_fits(rule: int, text_token: str) -> bool:
    if rule == UPPER:
        return text_token.isupper()
    if rule == INITIAL:
        return text_token[:1].isupper()
    return True


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A matched phrase: token range ``[first, last)`` and character span."""
    first: int
    last: int
    start: int
    end: int
    value: V


@dataclass
class _Entry(Generic[V]):
    rules: tuple[int, ...]
    value: V
    prefix: bool


class PhraseTable(Generic[V]):
    """A token trie from surface forms to values, with longest-match search.

    A value of ``None`` is a blocker: it claims its span (so nothing inside
    it matches) but yields no hit. A ``prefix`` entry ("russo", "Sino") is
    only valid before a hyphen and another match, as in "russo-américain".
    """

    def __init__(self) -> None:
        self._root: dict = {}
        self.size = 0

    def add(self, form: str, value: V | None, *, prefix: bool = False) -> None:
        """Add ``form`` (and, if hyphenated, its spelling without hyphens); a later form with
        the same tokens and case rules replaces the earlier one."""
        folded = fold_same_length(form)
        spans = [m.span() for m in TOKEN.finditer(folded)]
        keys = tuple(folded[start:end] for start, end in spans)
        rules = tuple(case_rule(form[start:end]) for start, end in spans)
        self._insert(keys, rules, value, prefix)
        if "-" in keys and not prefix:
            kept = [i for i, key in enumerate(keys) if key != "-"]
            self._insert(tuple(keys[i] for i in kept), tuple(rules[i] for i in kept), value, prefix)

    def _insert(self, keys: tuple[str, ...], rules: tuple[int, ...], value: V | None, prefix: bool) -> None:
        if not keys:
            return
        node = self._root
        for key in keys:
            node = node.setdefault(key, {})
        entries: list[_Entry] = node.setdefault(_END, [])
        for entry in entries:
            if entry.rules == rules:
                entry.value, entry.prefix = value, prefix
                return
        entries.append(_Entry(rules, value, prefix))
        if len(entries) > 1:
            entries.sort(key=_strictness)
        self.size += 1

    def __contains__(self, form: str) -> bool:
        node = self._walk(Tokens.of(form).keys)
        return node is not None and _END in node

    def _walk(self, keys: tuple[str, ...]) -> dict | None:
        node = self._root
        for key in keys:
            child = node.get(key)
            if child is None:
                return None
            node = child
        return node

    def match_at(self, tokens: Tokens, first: int) -> Hit[V | None] | None:
        """The longest valid match starting at token ``first``."""
        keys, node = tokens.keys, self._root
        found: list[tuple[int, list[_Entry]]] = []
        for index in range(first, len(keys)):
            child = node.get(keys[index])
            if child is None:
                break
            node = child
            ends = node.get(_END)
            if ends:
                found.append((index + 1, ends))
        for last, entries in reversed(found):
            entry = self._fitting(tokens, first, last, entries)
            if entry is not None:
                return Hit(first, last, tokens.spans[first][0], tokens.spans[last - 1][1], entry.value)
        return None

    def _fitting(self, tokens: Tokens, first: int, last: int, entries: list[_Entry]) -> _Entry | None:
        hyphen_next = last < len(tokens.keys) and tokens.keys[last] == "-"
        for entry in entries:
            if not all(case_fits(rule, tokens.surface(first + i)) for i, rule in enumerate(entry.rules)):
                continue
            if entry.prefix and not (hyphen_next and self._valued_at(tokens, last + 1)):
                continue
            if entry.value is None and hyphen_next:
                continue  # "in Russian-held areas" is not the blocker "in Russian"
            return entry
        return None

    def _valued_at(self, tokens: Tokens, first: int) -> bool:
        hit = self.match_at(tokens, first) if first < len(tokens) else None
        return hit is not None and hit.value is not None

    def scan(self, tokens: Tokens) -> Iterator[Hit[V]]:
        """Non-overlapping longest matches, left to right; blocked spans are skipped."""
        keys, root = tokens.keys, self._root
        index, size = 0, len(keys)
        while index < size:
            hit = self.match_at(tokens, index) if keys[index] in root else None
            if hit is None:
                index += 1
                continue
            if hit.value is not None:
                yield hit  # type: ignore[misc]
            index = hit.last

    def lookup(self, tokens: Tokens) -> V | None:
        """The value of a phrase that is exactly one form (case rules apply)."""
        hit = self.match_at(tokens, 0) if len(tokens) else None
        if hit is None or hit.last != len(tokens):
            return None
        return hit.value


def _strictness(entry: _Entry) -> int:
    return -sum(entry.rules)  # strictest case first: "US" is tried before a lower-case "us"


def strip_article(tokens: Tokens, articles: tuple[Tokens, ...]) -> Tokens | None:
    """``tokens`` without a leading article ("la Maison-Blanche", "the UK"), if it has one."""
    for article in articles:
        size = len(article)
        if len(tokens) > size and tokens.keys[:size] == article.keys:
            return Tokens(tokens.text, tokens.keys[size:], tokens.spans[size:])
    return None

