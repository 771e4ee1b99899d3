"""A small rule language over tag strings.

A rule pattern is a sequence of tag names (see :mod:`.tags`) or class names,
with ``?``/``*``/``+``, groups ``( a | b )``, negative look-ahead ``!X``,
captures ``name=X`` and references ``<nt>`` to a nonterminal, i.e. a list of
rules whose matches a builder can parse again with :meth:`Hit.sub`::

    THE? d=DAY m=ANYMONTH y=YEAR?

Patterns compile to regular expressions over the one-character-per-token
string built by the lexicon, so matching a whole article is a handful of
regex scans.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NoReturn

from ...errors import PipelineError
from .lexicon import Item, Lexicon
from .tags import TAGS

_DSL = re.compile(r"\s*(?:(\w+)=|<(\w+)>|([!()|?*+])|([A-Z][A-Z0-9_]*))")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    build: Callable[["Hit"], Any]
    weak: bool = False  # only when the rule covers a whole stand-alone expression


@dataclass
class Compiled:
    rule: Rule
    regex: re.Pattern[str]
    subs: dict[str, str] = field(default_factory=dict)  # capture name -> nonterminal
    # Sets of tag characters of which any match holds at least one each: a
    # stretch of text lacking one of them cannot match, so it is not scanned.
    required: tuple[frozenset[str], ...] = ()

    def possible(self, present: frozenset[str]) -> bool:
        return all(not need.isdisjoint(present) for need in self.required)


def _chars(regex: str) -> frozenset[str]:
    return frozenset(c for c in TAGS.values() if re.fullmatch(regex, c))


class _Parser:
    """Recursive descent over the DSL, emitting a regular expression (and what a match requires)."""

    def __init__(self, pattern: str, classes: dict[str, str], nts: dict[str, str], named: bool,
                 nt_chars: dict[str, frozenset[str] | None] | None = None) -> None:
        self.toks = [m.groups() for m in _DSL.finditer(pattern)]
        self.pos = 0
        self.classes, self.nts, self.named = classes, nts, named
        self.subs: dict[str, str] = {}
        self.nt_chars = nt_chars or {}
        self.depth = 0
        self.required: list[frozenset[str]] = []
        self.branching = False

    def peek(self) -> tuple[str | None, ...]:
        return self.toks[self.pos] if self.pos < len(self.toks) else (None, None, None, None)

    def alt(self) -> str:
        parts = [self.seq()]
        while self.peek()[2] == "|":
            self.pos += 1
            self.branching = self.branching or self.depth == 0
            parts.append(self.seq())
        return "|".join(parts)

    def needs(self) -> tuple[frozenset[str], ...]:
        return () if self.branching else tuple(self.required)

    def seq(self) -> str:
        out = []
        while self.pos < len(self.toks) and self.peek()[2] not in ("|", ")"):
            out.append(self.item())
        return "".join(out)

    def item(self) -> str:
        negate = self.peek()[2] == "!"
        self.pos += negate
        name = self.peek()[0]
        self.pos += name is not None
        ref, tag = self.peek()[1], self.peek()[3]
        atom = self.atom()
        quant = self.peek()[2]
        if self.depth == 0 and not negate and quant not in ("?", "*"):
            self._require(ref, tag)
        if name and self.named:
            if ref:
                self.subs[name] = ref
            atom = f"(?P<{name}>{atom})"
        if quant in ("?", "*", "+"):
            self.pos += 1
            atom = f"(?:{atom}){quant}"
        return f"(?!{atom})" if negate else atom

    def atom(self) -> str:
        _, ref, sym, tag = self.peek()
        self.pos += 1
        if ref:
            return f"(?:{self.nts[ref]})"
        if sym == "(":
            self.depth += 1
            inner = self.alt()
            self.depth -= 1
            self.pos += 1  # the closing parenthesis
            return f"(?:{inner})"
        if tag in self.classes:
            return self.classes[tag]
        if tag in TAGS:
            return re.escape(TAGS[tag])
        raise ValueError(f"unknown symbol {tag or sym!r} in temporal grammar")

    def _require(self, ref: str | None, tag: str | None) -> None:
        if ref:
            chars = self.nt_chars.get(ref)
        elif tag in self.classes:
            chars = _chars(self.classes[tag])
        else:
            chars = frozenset(TAGS[tag]) if tag in TAGS else None
        if chars:
            self.required.append(chars)


def compile_rules(rules: list[Rule], classes: dict[str, str], nts: dict[str, list[Rule]]) -> tuple[
        list[Compiled], dict[str, list[Compiled]]]:
    """Compile nonterminals (in order: a nonterminal may use earlier ones), then top rules."""
    flat: dict[str, str] = {}
    nt_chars: dict[str, frozenset[str] | None] = {}
    compiled_nts: dict[str, list[Compiled]] = {}
    for nt, alternatives in nts.items():
        compiled_nts[nt] = [_compile(r, classes, flat, nt_chars) for r in alternatives]
        flat[nt] = "|".join(_Parser(r.pattern, classes, flat, False).alt() for r in alternatives)
        needs = [c.required for c in compiled_nts[nt]]
        nt_chars[nt] = None if not all(needs) else frozenset().union(*(s for n in needs for s in n))
    return [_compile(r, classes, flat, nt_chars) for r in rules], compiled_nts


def _compile(rule: Rule, classes: dict[str, str], flat: dict[str, str],
             nt_chars: dict[str, frozenset[str] | None]) -> Compiled:
    parser = _Parser(rule.pattern, classes, flat, True, nt_chars)
    return Compiled(rule, re.compile(parser.alt()), parser.subs, parser.needs())


@dataclass
class Hit:
    """One match of a rule: its items, captures and nonterminal parses."""
    items: list[Item]
    tags: str
    match: re.Match[str]
    compiled: Compiled
    lex: Lexicon
    nts: dict[str, list[Compiled]]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def matched(self) -> list[Item]:
        return self.items[self.start:self.end]

    def has(self, name: str) -> bool:
        return name in self.match.re.groupindex and self.match.start(name) >= 0

    def get(self, name: str) -> Item | None:
        if name not in self.match.re.groupindex:
            return None
        s = self.match.start(name)
        return self.items[s] if s >= 0 and self.match.end(name) > s else None

    def need(self, name: str) -> Item:
        """The item of a capture the rule's pattern always makes (``d=DAY``, not ``y=YEAR?``)."""
        item = self.get(name)
        if item is None:
            self._missing(name)
        return item

    def all(self, name: str) -> list[Item]:
        if name not in self.match.re.groupindex:
            return []
        s, e = self.match.span(name)
        return self.items[s:e] if s >= 0 else []

    def span(self, name: str) -> tuple[int, int]:
        """Character span of a capture the rule's pattern always makes."""
        if name not in self.match.re.groupindex:
            self._missing(name)
        s, e = self.match.span(name)
        if s < 0 or e <= s:
            self._missing(name)
        return self.items[s].start, self.items[e - 1].end

    def _missing(self, name: str) -> NoReturn:
        # a builder reading a capture its rule's pattern may skip: a bug of the grammar, not of the text
        raise PipelineError(stage="dates", source=f"temporal rule '{self.compiled.rule.name}'",
                            detail=f"the builder reads '{name}', which the pattern did not capture")

    def before(self) -> Item | None:
        return self.items[self.start - 1] if self.start > 0 else None

    def after(self) -> Item | None:
        return self.items[self.end] if self.end < len(self.items) else None

    def sub(self, name: str) -> Any:
        """Parse a captured nonterminal again with its own rules (first that builds wins)."""
        nt = self.compiled.subs.get(name)
        if nt is None or not self.has(name):
            return None
        s, e = self.match.span(name)
        if s < 0:
            return None
        for compiled in self.nts[nt]:
            m = compiled.regex.fullmatch(self.tags, s, e)
            if m is None:
                continue
            value = compiled.rule.build(Hit(self.items, self.tags, m, compiled, self.lex, self.nts))
            if value is not None:
                return value
        return None
