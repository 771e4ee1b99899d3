"""PETRARCH/TABARI actor and agent dictionaries: reading them, finding their names, handing
their actors to the gazetteer (:func:`load_dictionaries`); and :class:`ActorIndex`, which puts
actor mentions of any origin on a parse's tokens.

The text format (see PETRARCH's ``PETR.Validate.actors.txt``/``agents.txt``)::

    ARNOR_  [ARN]                  an actor; "_" joins words; a final "_" means the word ends there
    +ARNORIAN                      another name of the entry above
    GOLLUM                         an entry whose codes follow on their own lines...
        [HOB < 950601]             ...valid before a date (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601-19990815] ...within dates
        [HOBREB > 990816]          ...from a date on
    PRESIDENT [~GOV]               an agent: its code follows the actor's ("Arnor president" -> ARNGOV)
    MSF {} [NGO~]                  an agent whose code precedes the actor's; "{}" means no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   an agent with an irregular plural
    !PERSON! = MAN, MEN            a substitution set, used as CONGRESS!PERSON!
    # comment, <!-- comment -->

A word without the final "_" also matches longer words it starts ("DAGOLATH"
finds "Dagolathi"), as TABARI stems did, within a short suffix. Codes made only
of punctuation ("---", "+++") name nothing. Where several date limits hold, the
first listed wins; without a date, the entry's unrestricted code is used.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import UnreadableInput
from ..model import Actor, Mention

WORD = re.compile(r"[^\W_]+(?:[.'’&-][^\W_]+)*\.?")
CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATE_LIMIT = re.compile(r"^(\S*?)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$")
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
PLURAL = re.compile(r"\{([^}]*)\}")
CONNECTORS = frozenset({"OF", "IN", "FROM", "FOR", "AT"})
MAX_SUFFIX = 4  # "ERIADOR" -> "ERIADORIAN"; longer tails are other words


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None    # inclusive

    def holds(self, day: date | None) -> bool:
        return day is None or ((self.start is None or day >= self.start) and (self.end is None or day <= self.end))

    @property
    def limited(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: its names (as word tuples), codes, and whether it is an agent."""
    name: str
    phrases: tuple[tuple[str, ...], ...]
    codes: tuple[DatedCode, ...]
    agent: bool = False

    def code_on(self, day: date | None) -> str | None:
        dated = next((c for c in self.codes if c.limited and day is not None and c.holds(day)), None)
        plain = next((c for c in self.codes if not c.limited), None)
        chosen = dated or plain or (self.codes[0] if day is None and self.codes else None)
        return chosen.code if chosen is not None and _meaningful(chosen.code) else None


# ----------------------------------------------------------------- reading

def parse_day(raw: str) -> date:
    year = int(raw[:2]) + (1900 if int(raw[:2]) > 30 else 2000) if len(raw) == 6 else int(raw[:4])
    rest = raw[-4:]
    return date(year, int(rest[:2]), int(rest[2:]))


def parse_code(block: str) -> DatedCode:
    text = block.strip()
    found = DATE_LIMIT.match(text)
    if not found:
        return DatedCode(text.split()[0].upper() if text.split() else "")
    code, sign, day, first, last = found.groups()
    code = code.upper()
    if sign == "<":
        return DatedCode(code, None, parse_day(day) - timedelta(days=1))
    if sign == ">":
        return DatedCode(code, parse_day(day), None)
    if first:
        return DatedCode(code, parse_day(first), parse_day(last))
    return DatedCode(code)


def _meaningful(code: str) -> bool:
    return any(c.isalnum() for c in code)


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->|<!.*?>", "", line)
    return line.split("#", 1)[0].rstrip()


def _phrase(name: str) -> tuple[str, ...]:
    words = [w for w in re.split(r"[_\s]+", name.strip().upper()) if w]
    if name.strip().endswith("_") and words:
        words[-1] += "_"
    return tuple(words)


def _exact(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """Agents match as written (their plurals are listed), never as stems."""
    return phrase[:-1] + (phrase[-1].rstrip("_") + "_",)


def _plurals(name: str, braces: str | None) -> list[str]:
    if braces is not None:
        return [p for p in (b.strip() for b in braces.split(",")) if p]
    last = name.rstrip("_")
    if re.search(r"(S|X|Z|CH|SH)$", last):
        return [last + "ES"]
    if re.search(r"[^AEIOU]Y$", last):
        return [last[:-1] + "IES"]
    return [last + "S"]


class _Reader:
    """Accumulates entries line by line (an entry's codes may come on later lines)."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.macros: dict[str, list[str]] = {}
        self.names: list[str] = []
        self.codes: list[DatedCode] = []
        self.plurals: list[str] = []
        self.in_comment = False

    def line(self, raw: str) -> None:
        if self.in_comment or ("<!--" in raw and "-->" not in raw):
            self.in_comment = "-->" not in raw
            return
        text = _strip_comment(raw)
        if not text.strip():
            return
        macro = MACRO.match(text.strip())
        if macro:
            self.macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            return
        stripped = text.strip()
        if stripped.startswith("+"):
            self.names.append(stripped[1:].strip())
            return
        head = CODE_BLOCK.split(stripped)[0] if not stripped.startswith("[") else ""
        if head.strip():
            self.flush()
            name = PLURAL.sub("", head).strip()
            braces = PLURAL.search(head)
            self.names = [name]
            self.plurals = _plurals(name, braces.group(1) if braces else None)
        self.codes += [parse_code(b) for b in CODE_BLOCK.findall(stripped)]

    def flush(self) -> None:
        if self.names and self.codes:
            agent = any("~" in c.code for c in self.codes)
            names = self.names + (self.plurals if agent else [])
            phrases = tuple(_exact(p) if agent else p for n in names for p in self._expand(n) if p)
            self.entries.append(Entry(self.names[0], phrases, tuple(self.codes), agent))
        self.names, self.codes, self.plurals = [], [], []

    def _expand(self, name: str) -> list[tuple[str, ...]]:
        for macro, values in self.macros.items():
            if macro in name.upper():
                return [p for v in values for p in self._expand(name.upper().replace(macro, v))]
        return [_phrase(name)]


def read_entries(lines: Iterable[str]) -> list[Entry]:
    reader = _Reader()
    for line in lines:
        reader.line(line)
    reader.flush()
    return reader.entries


# ----------------------------------------------------------------- matching

@dataclass(frozen=True)
class _Word:
    key: str
    start: int
    end: int


def words_of(text: str) -> list[_Word]:
    """Upper-cased words with offsets; "Gondor's" is GONDOR, "Washington." is WASHINGTON."""
    found = []
    for match in WORD.finditer(text):
        raw, end = match.group(), match.end()
        if raw.endswith(".") and "." not in raw[:-1]:
            raw, end = raw[:-1], end - 1
        for tail in ("'s", "’s", "'", "’"):
            if raw.lower().endswith(tail) and len(raw) > len(tail):
                raw, end = raw[: -len(tail)], end - len(tail)
                break
        found.append(_Word(raw.upper(), match.start(), end))
    return found


def word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("_"):
        return word == pattern[:-1]
    if word == pattern:
        return True
    tail = word[len(pattern):]
    return len(pattern) >= 4 and word.startswith(pattern) and 0 < len(tail) <= MAX_SUFFIX and tail.isalpha()


class ActorDictionary:
    """Actors and agents from PETRARCH/TABARI dictionary files, matched in text."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        self.first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in self.entries:
            for phrase in entry.phrases:
                self.first.setdefault(phrase[0].rstrip("_"), []).append((phrase, entry))
        for bucket in self.first.values():
            bucket.sort(key=_longest_first)

    @classmethod
    def load(cls, paths: Iterable[Path | str]) -> "ActorDictionary":
        entries: list[Entry] = []
        for path in paths:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    entries += read_entries(handle)
            except OSError as exc:
                raise UnreadableInput(source=str(path), detail=str(exc)) from exc
        return cls(entries)

    def find(self, text: str, *, on: date | None = None, actors: Sequence[Mention] = ()) -> list[Mention]:
        """Dictionary actors in ``text`` as of ``on``, with agents attached to the actor they
        qualify ("Gondor's government" -> GONGOV); ``actors`` found by other means may carry agents too."""
        words = words_of(text)
        hits = self._hits(words)
        own = [m for i, j, entry in hits if not entry.agent for m in self._mentions(text, words, i, j, entry, on)]
        agents = [(i, j, entry) for i, j, entry in hits if entry.agent]
        pool = own + [m for m in actors if not _overlaps(m, own)]
        return attach_agents(text, words, pool, agents, on) + [m for m in own if m not in pool]

    def _hits(self, words: list[_Word]) -> list[tuple[int, int, Entry]]:
        hits, i = [], 0
        while i < len(words):
            found = self._longest_at(words, i)
            if found is None:
                i += 1
                continue
            hits.append((i, i + len(found[0]), found[1]))
            i += len(found[0])
        return hits

    def _longest_at(self, words: list[_Word], i: int) -> tuple[tuple[str, ...], Entry] | None:
        key = words[i].key
        candidates = [c for k in range(len(key), 3, -1) for c in self.first.get(key[:k], ())] + \
            (self.first.get(key, []) if len(key) < 4 else [])
        for phrase, entry in sorted(candidates, key=_longest_first):
            window = words[i:i + len(phrase)]
            if len(window) == len(phrase) and all(word_matches(p, w.key) for p, w in zip(phrase, window)):
                return phrase, entry
        return None

    def _mentions(self, text: str, words: list[_Word], i: int, j: int, entry: Entry, on: date | None):
        """One mention per code: "THE_SHIRE [FRO/BIL/SAM]" names three actors."""
        code = entry.code_on(on)
        start, end = words[i].start, words[j - 1].end
        name = entry.name.replace("_", " ").strip()
        return [Mention("actor", start, end, text[start:end], value=Actor(c, name)) for c in (code or "").split("/") if c]


def load_dictionaries(paths: Iterable[Path | str]) -> list[tuple[str, Actor]]:
    """The actors of PETRARCH/TABARI dictionary files as ``(form, actor)`` pairs for
    :class:`~dragoman.nlp.actors.ActorMatcher` (``dragoman extract --actors``).

    The matcher reads names without their sentence, so what needs one stays with
    ``dragoman code``: agents (they qualify another actor), date limits (an entry
    stands for its code without limits, else its first) and stems. An entry naming
    several actors ("[FRO/BIL/SAM]") stands for the first.
    """
    pairs = []
    for entry in ActorDictionary.load(paths).entries:
        code = entry.code_on(None)
        if entry.agent or code is None:
            continue
        actor = Actor(next(c for c in code.split("/") if c), entry.name.replace("_", " ").strip())
        pairs += [(" ".join(phrase), actor) for phrase in entry.phrases]
    return pairs


def _longest_first(item: tuple[tuple[str, ...], Entry]) -> int:
    return -len(item[0])


def _overlaps(mention: Mention, others: Sequence[Mention]) -> bool:
    return any(mention.start < o.end and o.start < mention.end for o in others)


def attach_agents(text: str, words: list[_Word], actors: list[Mention], agents: list[tuple[int, int, Entry]],
                  on: date | None) -> list[Mention]:
    """Actors with their agents merged in; agents qualifying no actor stand alone as "---AGT"."""
    result = list(actors)
    for i, j, entry in agents:
        code = entry.code_on(on)
        if code is None:
            continue
        start, end = words[i].start, words[j - 1].end
        owners = _owners(words, i, j, result)
        if not owners:
            result.append(Mention("actor", start, end, text[start:end], value=Actor(_combine("---", code), entry.name)))
        for owner in owners:
            lo, hi = (min(start, owner.start), max(end, owner.end)) if len(owners) == 1 else (owner.start, owner.end)
            value = Actor(_combine(owner.value.code, code), owner.value.name, sector=code.strip("~"))
            result[result.index(owner)] = Mention("actor", lo, hi, text[lo:hi], owner.sentence, value)
    return result


def _owners(words: list[_Word], i: int, j: int, actors: list[Mention]) -> list[Mention]:
    """The actors an agent phrase qualifies: "Arnor cleric", "Gondor's government",
    "government of Gondor", "lawmakers in Fornost and Gondor"."""
    before = [m for m in actors if m.end <= words[i].start and _gap(words, m.end, words[i].start) <= 1]
    if before:
        return before[-1:]
    after = [m for m in actors if j < len(words) and m.start == words[j].start]
    if after:
        return after[:1]
    if j < len(words) and words[j].key in CONNECTORS:
        k = j + 1 + (j + 1 < len(words) and words[j + 1].key == "THE")
        return _listed(words, k, actors)
    return []


def _listed(words: list[_Word], k: int, actors: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    while k < len(words):
        here = next((m for m in actors if m.start == words[k].start), None)
        if here is None:
            break
        found.append(here)
        k = next((n for n, w in enumerate(words) if w.start >= here.end), len(words))
        if k < len(words) and words[k].key in ("AND", ","):
            k += 1
        else:
            break
    return found


def _gap(words: list[_Word], start: int, end: int) -> int:
    return sum(1 for w in words if w.start >= start and w.end <= end)


def _combine(actor: str, agent: str) -> str:
    agent = agent.replace(" ", "")
    if agent.endswith("~"):
        return agent[:-1] + actor
    return actor + agent.lstrip("~")


class ActorIndex:
    """Actor mentions (from any matcher) located on the tokens of one parsed spaCy document."""

    def __init__(self, doc, mentions: Sequence[Mention]) -> None:
        self.mentions = [m for m in mentions if isinstance(m.value, Actor)]
        self.at: dict[int, list[int]] = {}
        for n, mention in enumerate(self.mentions):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.at.setdefault(token.i, []).append(n)

    def within(self, indices: Iterable[int]) -> list[int]:
        return list(dict.fromkeys(n for i in sorted(indices) for n in self.at.get(i, ())))
