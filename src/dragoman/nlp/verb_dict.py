"""PETRARCH/TABARI verb dictionaries: reading them (``dragoman code --verbs``).

The text format (see PETRARCH's ``PETR.Validate.verbs.txt``)::

    &CURRENCY                      a synset: its "+" lines are words or phrases;
    +DOLLARS                       plurals are added unless the label or the phrase ends with "_";
    +SWISS FRANCS                  "+&OTHER" includes another synset
    --- RESTORE [064] ---          a block and its default code ("[---]": the bare verb is no event)
    RESTORE                        a verb; its regular forms (S, ED, ING) are generated...
    BREAK {BROKE BROKEN} [1717]    ...unless the forms are listed; a line may have its own code
    +CORDON_OFF {+CORDONED_OFF}    a multi-word verb; "+" marks the word the parser calls the verb
    - * TIES [064]                 a pattern: words before and after the verb "*"; a space lets
    - IN_* [075]                   other words come between, "_" does not
    - + * FROM $ [066]             "$" the source, "+" the target, "^" any noun phrase,
    - % * [030:030]                "%" a compound actor; "a:b" codes a->b and b->a, ":b" only b->a
    - * {AID | RELIEF} [073]       TABARI alternatives
    - * {ARMS SHIPMENT} (TO +)     PETRARCH 2 noun and prepositional phrases: their words, in order
    ~ ...                          transformations (not read)
    # comment, <!-- comment -->

A pattern with an undefined synset is skipped, as PETRARCH skips it;
:attr:`VerbDictionary.skipped` lists them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnreadableInput

BRACKET = re.compile(r"\[([^\]]*)\]")
BRACES = re.compile(r"\{([^}]*)\}")
PIECE = re.compile(r"[^\s_]+|[\s_]+")
COMMENT = re.compile(r"<!--.*?-->|<!.*?>")
MARKERS = {"$": "source", "+": "target", "^": "skip", "%": "compound"}
Phrases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Element:
    """One element of a pattern: literal phrases (a word, or a synset's phrases) or a marker.

    ``tight`` means no word may come between this element and its neighbour on the verb's side.
    """
    kind: str  # "words", "source", "target", "skip" or "compound"
    phrases: Phrases = ()
    tight: bool = False


@dataclass(frozen=True)
class Pattern:
    """``before * after [code]``; ``before`` is in text order, its last element next to the verb."""
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    line: str = ""

    @property
    def weight(self) -> int:
        """Longer patterns are tried first, as TABARI did."""
        return sum(max(map(len, e.phrases)) if e.kind == "words" else 1 for e in self.before + self.after)


@dataclass(frozen=True)
class VerbBlock:
    """The verbs of one ``--- NAME [CODE] ---`` block share its patterns."""
    name: str
    code: str
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class VerbForm:
    """One written form of a verb: "RESTORED", or "CORDONED" followed by "OFF"."""
    word: str
    block: VerbBlock
    code: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    base: bool = False  # the form as the line writes it (found by lemma too)


def null_code(code: str) -> bool:
    """ "---", "" and other codes without a letter or digit code no event."""
    return not any(c.isalnum() for c in code)


# ----------------------------------------------------------------- forms

def regular_forms(word: str) -> list[str]:
    """S, ED and ING forms, by PETRARCH's rules (with "Y" after a consonant made "IE")."""
    if re.search(r"[^AEIOU]Y$", word):
        return [word[:-1] + "IES", word[:-1] + "IED", word + "ING"]
    third = word + ("ES" if re.search(r"(S|X|Z|CH|SH)$", word) else "S")
    if word.endswith("E"):
        return [third, word + "D", (word if word.endswith("EE") else word[:-1]) + "ING"]
    return [third, word + "ED", word + "ING"]


def plural(phrase: str) -> str | None:
    """The plural of a synset phrase (its last word); None for a word already ending in one S."""
    if re.search(r"[^S]S$", phrase):
        return None
    if re.search(r"[^AEIOU]Y$", phrase):
        return phrase[:-1] + "IES"
    return phrase + ("ES" if re.search(r"(S|X|Z|CH|SH)$", phrase) else "S")


def _split_form(form: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """ "WIRE_+TAPPED" -> ("TAPPED", ("WIRE",), ()); a multi-word form without "+" has its verb first."""
    parts = [p for p in form.replace(" ", "_").split("_") if p]
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts[at] = parts[at].lstrip("+")
    return parts[at], tuple(parts[:at]), tuple(parts[at + 1:])


def verb_forms(line: str, block: VerbBlock) -> list[VerbForm]:
    """The forms a verb line names, with its own code or the block's."""
    codes = BRACKET.findall(line)
    listed = BRACES.search(line)
    main = BRACES.sub("", BRACKET.sub("", line)).strip().upper()
    if not main:
        return []
    code = codes[0].strip() if codes else block.code
    word, before, after = _split_form(main)
    written = listed.group(1).upper().split() if listed else [
        "_".join((*before, "+" + other, *after)) for other in regular_forms(word)]
    forms = [VerbForm(word, block, code, before, after, base=True)]
    for text in written:
        other, pre, post = _split_form(text)
        forms.append(VerbForm(other, block, code, pre, post))
    return forms


# ----------------------------------------------------------------- patterns

def _pieces(text: str) -> list[tuple[str, bool, bool]]:
    """Words of one side of a pattern, each with whether "_" joins it to the previous and next piece."""
    tokens = PIECE.findall(text)
    found = []
    for n, token in enumerate(tokens):
        if "_" not in token and token.strip():
            before = tokens[n - 1] if n else ""
            after = tokens[n + 1] if n + 1 < len(tokens) else ""
            found.append((token, _joins(before), _joins(after)))
    return found


def _joins(separator: str) -> bool:
    return "_" in separator and not separator.strip("_")


def parse_pattern(raw: str, synsets: "Synsets") -> Pattern | None:
    """One "- before * after [code]" line, or None when PETRARCH would skip it."""
    codes = BRACKET.findall(raw)
    body, choices = _inline(BRACKET.sub(" ", raw).strip()[1:].upper())
    body = body.replace("_ ", " ").strip().rstrip("_")
    if not codes or body.count("*") != 1:
        return None
    upper, _, lower = body.partition("*")
    before = _every([_element(word, after, synsets, choices) for word, _, after in _pieces(upper.lstrip() + "*")[:-1]])
    after = _every([_element(word, before, synsets, choices) for word, before, _ in _pieces("*" + lower.rstrip())[1:]])
    if before is None or after is None:
        return None
    return Pattern(before, after, codes[-1].strip(), raw.strip())


def _every(elements: list[Element | None]) -> tuple[Element, ...] | None:
    """The elements of one side of a pattern; None when a word of it cannot be read."""
    read = tuple(e for e in elements if e is not None)
    return read if len(read) == len(elements) else None


def _inline(body: str) -> tuple[str, dict[str, Phrases]]:
    """TABARI's "{A | B_C}" alternatives become one element each (named "&{n}"); PETRARCH 2's
    "{ARMS SHIPMENT}" noun phrases and "(TO BORDER)" prepositional phrases are their words in order."""
    choices: dict[str, Phrases] = {}
    pieces, last = [], 0
    for n, found in enumerate(BRACES.finditer(body)):
        inner, text = found.group(1), found.group(1)
        if "|" in inner:
            text = f"&{{{n}}}"
            choices[text] = _alternatives(inner)
        pieces += [body[last:found.start()], text]
        last = found.end()
    return "".join(pieces + [body[last:]]).replace("(", " ").replace(")", " "), choices


def _alternatives(inner: str) -> Phrases:
    phrases = (tuple(w for w in re.split(r"[\s_]+", alternative) if w) for alternative in inner.split("|"))
    return tuple(p for p in phrases if p)


def _element(word: str, tight: bool, synsets: "Synsets", choices: dict[str, Phrases]) -> Element | None:
    if word in MARKERS:
        return Element(MARKERS[word], tight=tight)
    if word in choices:
        return Element("words", choices[word], tight) if choices[word] else None
    if word.startswith("&"):
        phrases = synsets.phrases(word)
        return Element("words", phrases, tight) if phrases else None
    return Element("words", ((word,),), tight)


class Synsets:
    """Synset labels and their "+" lines, expanded on use (a synset may be defined after its patterns)."""

    def __init__(self) -> None:
        self.members: dict[str, list[str]] = {}
        self.no_plural: set[str] = set()

    def define(self, label: str) -> str:
        name = label.strip().upper()
        if name.endswith("_"):
            name = name.rstrip("_")
            self.no_plural.add(name)
        self.members.setdefault(name, [])
        return name

    def add(self, name: str, member: str) -> None:
        self.members[name].append(member.strip().upper())

    def phrases(self, label: str, seen: frozenset[str] = frozenset()) -> Phrases:
        name = label.rstrip("_")
        if name not in self.members or name in seen:
            return ()
        found: list[tuple[str, ...]] = []
        for member in self.members[name]:
            if member.startswith("&"):
                found += self.phrases(member, seen | {name})
                continue
            text = " ".join(member.rstrip("_").replace("_", " ").split())
            many = None if name in self.no_plural or member.endswith("_") else plural(text)
            found += [tuple(p.split()) for p in (text, many) if p]
        return tuple(dict.fromkeys(found))


# ----------------------------------------------------------------- reading

@dataclass
class _Block:
    name: str
    code: str
    patterns: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)


class _Reader:
    """Collects blocks and synsets line by line; patterns are parsed once every synset is known."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.synsets = Synsets()
        self.synset: str | None = None
        self.in_comment = False

    def line(self, raw: str) -> None:
        text = self._uncommented(raw)
        if not text:
            return
        if self.synset is not None and text.startswith("+"):
            self.synsets.add(self.synset, text[1:])
            return
        self.synset = None
        if text.startswith("---"):
            codes = BRACKET.findall(text)
            name = BRACKET.split(text.strip("- "))[0].strip()
            self.blocks.append(_Block(name, codes[0].strip() if codes else "---"))
        elif text.startswith("&"):
            self.synset = self.synsets.define(text.split()[0])
        elif text.startswith("-") and self.blocks:
            self.blocks[-1].patterns.append(text)
        elif not text.startswith("~") and self.blocks:
            self.blocks[-1].verbs.append(text)

    def _uncommented(self, raw: str) -> str:
        if self.in_comment:
            if "-->" not in raw:
                return ""
            raw, self.in_comment = raw.split("-->", 1)[1], False
        raw = COMMENT.sub("", raw)
        if "<!--" in raw:
            raw, self.in_comment = raw.split("<!--", 1)[0], True
        return raw.split("#", 1)[0].strip()

    def result(self) -> tuple[list[VerbForm], list[str]]:
        forms: list[VerbForm] = []
        skipped: list[str] = []
        for raw in self.blocks:
            patterns = [(line, parse_pattern(line, self.synsets)) for line in raw.patterns]
            skipped += [line for line, pattern in patterns if pattern is None]
            kept = sorted((p for _, p in patterns if p is not None), key=_heaviest_first)
            block = VerbBlock(raw.name, raw.code, tuple(kept))
            forms += [form for line in raw.verbs for form in verb_forms(line, block)]
        return forms, skipped


def _heaviest_first(pattern: Pattern) -> int:
    return -pattern.weight


def read_verbs(lines: Iterable[str]) -> tuple[list[VerbForm], list[str]]:
    """Every verb form of a dictionary (each pointing to its block), and the pattern lines skipped."""
    reader = _Reader()
    for line in lines:
        reader.line(line)
    return reader.result()


class VerbDictionary:
    """Verb forms of PETRARCH verb dictionaries, looked up by written form or by lemma.

    Multi-word forms ("CORDONED_OFF") come before single words; where files define the
    same form, the first file given wins.
    """

    def __init__(self, forms: Iterable[VerbForm], skipped: Iterable[str] = ()) -> None:
        self.skipped = tuple(skipped)
        self.by_word: dict[str, list[VerbForm]] = {}
        self.by_base: dict[str, list[VerbForm]] = {}
        for form in forms:
            self.by_word.setdefault(form.word, []).append(form)
            if form.base:
                self.by_base.setdefault(form.word, []).append(form)
        for bucket in (*self.by_word.values(), *self.by_base.values()):
            bucket.sort(key=_longest_first)  # stable: file order among equals

    @classmethod
    def load(cls, paths: Iterable[Path | str]) -> "VerbDictionary":
        forms: list[VerbForm] = []
        skipped: list[str] = []
        for path in paths:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    found, left = read_verbs(handle)
            except OSError as exc:
                raise UnreadableInput(source=str(path), detail=str(exc)) from exc
            forms += found
            skipped += left
        return cls(forms, skipped)

    def candidates(self, word: str, lemma: str) -> Iterator[VerbForm]:
        """Forms that may name the verb ``word`` (written forms first, then the lemma's base forms)."""
        yield from self.by_word.get(word.upper(), ())
        yield from self.by_base.get(lemma.upper(), ())


def _longest_first(form: VerbForm) -> int:
    return -(len(form.before) + len(form.after))
