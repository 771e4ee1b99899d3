"""Temporal lexicons, one data file per language (``data/<lang>/dates.json``).

The code never names a language: :func:`lexicon_for` loads a data file once
and compiles it into a phrase index; :meth:`Lexicon.tag` turns a text into
:class:`Item` tokens carrying a grammar category (see :mod:`.tags`) and a value.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ...languages import language_data
from ...text import fold_for_dates
from .tags import ABBREVIATION_SECTIONS, AMBIGUOUS_TAG, PUNCT_TAGS, SECTIONS
from .text import Token, phrase_tokens, tokenize

_AMBIGUOUS = frozenset(AMBIGUOUS_TAG.values())


@dataclass(frozen=True)
class Entry:
    tag: str
    value: Any
    abbreviation: bool = False


@dataclass(slots=True)
class Item:
    """One token, or one lexicon phrase spanning several tokens."""
    start: int
    end: int
    tag: str
    value: Any
    norm: str
    plural: bool = False


@dataclass(frozen=True)
class Tense:
    """Word lists that tell the tense of a clause (see :mod:`.tense`)."""
    past_words: frozenset[str]
    future_words: frozenset[str]
    past_auxiliaries: frozenset[str]
    reflexive: frozenset[str]
    participle_suffixes: tuple[str, ...]
    etre_verbs: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    future_suffixes: tuple[str, ...]
    suffix_exceptions: frozenset[str]
    clause_openers: frozenset[str] = frozenset()
    future_tags: frozenset[str] = frozenset()
    past_tags: frozenset[str] = frozenset()
    participle_cue_suffixes: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()
    attributions: frozenset[str] = frozenset()  # ", the White House said": not the tense of what it reports
    retrospective_auxiliaries: frozenset[str] = frozenset()  # future perfect looking back ('aura duré')
    prospective_words: frozenset[str] = frozenset()  # ... unless one of these comes first ('quand', 'avant')


@dataclass(frozen=True)
class Lexicon:
    language: str
    numeric_order: str
    phrases: dict[str, "_Node"]
    ordinal_suffixes: frozenset[str]
    decade_suffixes: frozenset[str]
    quarter_prefixes: frozenset[str]
    number_joiners: frozenset[str]
    plural: frozenset[str]
    strict_accents: frozenset[str]
    strict_folded: frozenset[str]
    detect: frozenset[str]
    retrospective: frozenset[str]
    tense: Tense
    anaphoric: frozenset[str] = frozenset()  # offset suffixes counting from the time under discussion
    ambiguous_need_capital: bool = False

    def tag(self, text: str, *, lenient: bool = False) -> list[Item]:
        """Tokens of ``text`` with their categories; number words are merged.

        ``lenient`` accepts lower-case ambiguous words ("march 3") for a text
        that is a bare expression rather than running prose.
        """
        folded = fold_for_dates(text)
        tokens = tokenize(folded)
        norms = [t.norm for t in tokens]
        items: list[Item] = []
        phrases = self.phrases
        i = 0
        while i < len(tokens):
            node = phrases.get(norms[i])
            found = self._phrase_at(text, folded, tokens, norms, i, node, lenient) if node else None
            if found is not None:
                items.append(found[0])
                i = found[1]
                continue
            token = tokens[i]
            if token.norm.isalpha() and len(token.norm) > 2:  # the common case: a plain word
                items.append(Item(token.start, token.end, "WORD", None, token.norm))
            else:
                items.append(self._shape(token))
            i += 1
        return _merge_numbers(_unglue_names(items), self.number_joiners)

    def _phrase_at(self, text: str, folded: str, tokens: list[Token], norms: list[str], i: int,
                   node: "_Node", lenient: bool = False) -> tuple[Item, int] | None:
        """The longest lexicon phrase starting at token ``i``, as one item, and the next token index."""
        found = _walk(node, norms, i)
        if len(found) == 1 and found[0][0] == 1 and node.simple is not None:
            token, simple = tokens[i], node.simple
            return Item(token.start, token.end, simple.tag, simple.value, token.norm, token.norm in self.plural), i + 1
        for n, entries in reversed(found):
            if not _adjacent(tokens, i, n):
                continue
            entry = self._choose(text, folded, tokens[i].start, tokens[i + n - 1].end, entries, lenient)
            if entry is None:
                continue
            end = tokens[i + n - 1].end
            if entry.abbreviation and folded[end:end + 1] == ".":
                end += 1
                n += 1 if i + n < len(tokens) and norms[i + n] == "." else 0
            norm = folded[tokens[i].start:end]
            return Item(tokens[i].start, end, entry.tag, entry.value, norm, norm in self.plural), i + n
        return None

    def _choose(self, text: str, folded: str, start: int, end: int, entries: tuple[Entry, ...],
                lenient: bool) -> Entry | None:
        if folded[start:end] in self.strict_folded and text[start:end].lower() not in self.strict_accents:
            return None
        dotted = [e for e in entries if e.abbreviation] \
            if folded[end:end + 1] == "." and not self._compound_number(folded, start) else []
        entry = dotted[0] if dotted else entries[0]
        if entry.tag in _AMBIGUOUS and self.ambiguous_need_capital and not lenient and text[start:start + 1].islower():
            return None
        return entry

    def _compound_number(self, folded: str, start: int) -> bool:
        """ "les Vingt-Sept.": a word glued by a hyphen to a number word is part of that number."""
        before = folded[max(0, start - 20):start]
        if not before.endswith("-"):
            return False
        word = before[:-1].split()[-1].split("-")[-1] if before[:-1].split() else ""
        node = self.phrases.get(word)
        return node is not None and any(e.tag == "NUM" for e in node.entries)

    def _shape(self, token: Token) -> Item:
        tag, value = _shape_tag(token.norm, self)
        return Item(token.start, token.end, tag, value, token.norm)


class _Node:
    """A trie node over phrase tokens: the phrases ending here, and the longer ones."""
    __slots__ = ("entries", "children", "simple")

    def __init__(self) -> None:
        self.entries: tuple[Entry, ...] = ()
        self.children: dict[str, _Node] = {}
        self.simple: Entry | None = None  # the entry to use as is (no abbreviation, accent or case check)


def _walk(node: _Node, norms: list[str], i: int) -> list[tuple[int, tuple[Entry, ...]]]:
    """Every phrase that starts at token ``i``: (length, entries), shortest first."""
    found = [(1, node.entries)] if node.entries else []
    n = 1
    while node.children and i + n < len(norms):
        child = node.children.get(norms[i + n])
        if child is None:
            break
        node = child
        n += 1
        if node.entries:
            found.append((n, node.entries))
    return found


def _adjacent(tokens: list[Token], i: int, n: int) -> bool:
    """Phrase tokens may be separated by spaces only (not by a line of text)."""
    return n == 1 or all(tokens[k + 1].start - tokens[k].end <= 2 for k in range(i, i + n - 1))


def _shape_tag(norm: str, lex: Lexicon) -> tuple[str, Any]:
    if norm[0].isdigit():
        return _digit_tag(norm, lex)
    if len(norm) == 2 and norm[1].isdigit():
        ok = norm[0] in lex.quarter_prefixes and norm[1] in "1234"
        return ("QTOKEN", int(norm[1])) if ok else ("WORD", None)
    if norm.isalpha() or not norm.strip() or norm in "%$€£":
        return "WORD", None
    return PUNCT_TAGS.get(norm, "PUNCT"), None


def _digit_tag(norm: str, lex: Lexicon) -> tuple[str, Any]:
    digits = norm.rstrip("abcdefghijklmnopqrstuvwxyz")
    suffix = norm[len(digits):]
    if not digits.isdigit():
        return "WORD", None
    value = int(digits)
    if suffix:
        if suffix in lex.ordinal_suffixes and len(digits) <= 2:
            return "ORD", value
        if suffix in lex.decade_suffixes and value % 10 == 0 and len(digits) in (2, 4):
            return "DECADE", digits
        return "WORD", None
    if len(digits) <= 2:
        return "NUM", digits
    return ("YEAR", value) if len(digits) == 4 else ("BIGNUM", value)


_NAME_PARTS = frozenset({"HOLIDAY", "MONTH", "MONTHA", "WD", "WDA", "SEASON"})


def _unglue_names(items: list[Item]) -> list[Item]:
    """``Jean-Noël``, ``Saint-Martin``: a date word glued by a hyphen to a plain word is part of a name."""
    for k in range(2, len(items)):
        item, dash, word = items[k], items[k - 1], items[k - 2]
        if item.tag in _NAME_PARTS and dash.tag == "DASH" and word.tag == "WORD" \
                and word.end == dash.start and dash.end == item.start:
            items[k] = Item(item.start, item.end, "WORD", None, item.norm)
    return items


def _merge_numbers(items: list[Item], joiners: frozenset[str]) -> list[Item]:
    """``vingt-deux``, ``trente et un``, ``twenty-one``: one number token."""
    out: list[Item] = []
    for item in items:
        if item.tag == "NUM" and isinstance(item.value, int) and len(out) >= 1:
            prev = out[-1]
            glue = None
            if len(out) >= 2 and prev.norm in joiners and _word_number(out[-2]):
                glue, prev = prev, out[-2]
            if _word_number(prev) and _compounds(prev.value, item.value):
                del out[-2 if glue else -1:]
                out.append(Item(prev.start, item.end, "NUM", prev.value + item.value, prev.norm + " " + item.norm))
                continue
        out.append(item)
    return out


def _word_number(item: Item) -> bool:
    return item.tag == "NUM" and isinstance(item.value, int)


def _compounds(tens: int, unit: int) -> bool:
    if tens in (60, 80):
        return 0 < unit < 20
    return tens % 10 == 0 and 20 <= tens <= 90 and 0 < unit < 10 or tens == 10 and 6 < unit < 10


def number_value(item: Item) -> int | None:
    """The integer a NUM token stands for (digit tokens keep their digits as text)."""
    if item.tag != "NUM":
        return None
    return int(item.value) if isinstance(item.value, str) else item.value


@cache
def lexicon_for(language: str) -> Lexicon:
    return _compile(language_data(language, "dates"))


def _compile(data: dict[str, Any]) -> Lexicon:
    ambiguous = {fold_for_dates(w) for w in data.get("ambiguous", [])}
    index: dict[tuple[str, ...], list[Entry]] = {}
    for section, tag in SECTIONS:
        for phrase, value in _section_items(data.get(section, ())):
            words = phrase_tokens(phrase)
            if not words:
                continue
            entry_tag = AMBIGUOUS_TAG.get(tag, tag) if fold_for_dates(phrase) in ambiguous else tag
            entry = Entry(entry_tag, value, section in ABBREVIATION_SECTIONS)
            for variant in _variants(words):
                index.setdefault(variant, []).append(entry)
    return Lexicon(
        language=data["language"], numeric_order=data.get("numeric_order", "dmy"),
        phrases=_trie(index, _folded(data, "strict_accents")),
        ordinal_suffixes=_folded(data, "ordinal_suffixes"), decade_suffixes=_folded(data, "decade_suffixes"),
        quarter_prefixes=_folded(data, "quarter_prefixes"), number_joiners=_folded(data, "number_joiners"),
        plural=_folded(data, "plural"), strict_accents=frozenset(w.lower() for w in data.get("strict_accents", ())),
        strict_folded=_folded(data, "strict_accents"),
        detect=_folded(data, "detect"), retrospective=_folded(data, "retrospective"),
        tense=_tense(data.get("tense", {})), anaphoric=_folded(data, "anaphoric_suffixes"),
        ambiguous_need_capital=bool(data.get("ambiguous_need_capital")),
    )


def _section_items(section: Any) -> list[tuple[str, Any]]:
    if isinstance(section, dict):
        return list(section.items())
    return [(phrase, phrase) for phrase in section]


def _variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A hyphenated phrase also matches when written with a space; "près de" also as "près d'"."""
    variants = [words]
    if "-" in words[1:-1]:
        variants.append(tuple(w for w in words if w != "-"))
    if len(words) > 1 and words[-1] == "de":
        variants += [v[:-1] + ("d", "'") for v in list(variants)]
    return variants


def _trie(index: dict[tuple[str, ...], list[Entry]], strict: frozenset[str]) -> dict[str, _Node]:
    roots: dict[str, _Node] = {}
    for words, entries in index.items():
        node = roots.setdefault(words[0], _Node())
        for word in words[1:]:
            node = node.children.setdefault(word, _Node())
        node.entries = tuple(entries)
        plain = not any(e.abbreviation for e in entries) and entries[0].tag not in _AMBIGUOUS
        node.simple = entries[0] if plain and len(words) == 1 and words[0] not in strict else None
    return roots


def _folded(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold_for_dates(w) for w in data.get(key, ()))


def _tense(data: dict[str, Any]) -> Tense:
    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, ()))

    def suffixes(key: str) -> tuple[str, ...]:
        return tuple(sorted((w.lower() for w in data.get(key, ())), key=len, reverse=True))

    def elided(key: str) -> frozenset[str]:
        return words(key) | {w.rstrip("'") for w in words(key)}

    return Tense(words("past_words"), words("future_words"), words("past_auxiliaries"), elided("reflexive"),
                 suffixes("participle_suffixes"), tuple(data.get("etre_verbs", ())), suffixes("past_suffixes"),
                 suffixes("future_suffixes"), words("suffix_exceptions"), elided("clause_openers"),
                 frozenset(data.get("future_tags", ())), frozenset(data.get("past_tags", ())),
                 suffixes("participle_cue_suffixes"), elided("determiners"), words("attributions"),
                 words("retrospective_auxiliaries"), elided("prospective_words"))
