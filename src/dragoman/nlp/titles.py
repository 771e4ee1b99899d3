"""Titles around a person's name, and the lexicon helpers the people and venue readers share.

A title is found by phrase (``data/<language>/people.json``) and grows into a
zone by the words around it: before a name ("le chef de la diplomatie russe |
Sergueï Lavrov", "Iranian Foreign Minister | Abbas Araghchi") or after it, as an
apposition, relative clause or copula ("X, tout juste nommé ambassadeur de
Russie aux États-Unis", "X, who serves as envoy"). A zone's affiliation is its
first actor that is not a destination: "aux États-Unis" says where an
ambassador serves, "de Russie" whom he represents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..languages import language_data
from ..model import Mention
from ..text import word_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_LABELS = frozenset({"PER", "PERSON"})
WORD_LISTS = (  # the word lists of people.json, one PeopleLexicon field each
    "honorifics", "particles", "determiners", "connectors", "non_affiliation", "relatives", "copulas",
    "fillers", "clause_breakers", "openers", "delegation_words", "side_words", "lead_lemmas",
    "passive_markers", "host_lemmas", "receive_lemmas", "title_tail_pos",
)


# ----------------------------------------------------------------- lexicons


def phrase_pattern(forms: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for lexicon phrases; ``*`` is one optional word."""
    ordered = sorted((form for form in forms if form.strip()), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(_form_regex(form) for form in ordered)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def _form_regex(form: str) -> str:
    words = form.split()
    out = ""
    for index, word in enumerate(words):
        if word == "*":
            out += r"(?:[\w.'’-]+\s+)?"
            continue
        out += "".join("['’]" if ch in "'’" else "[-‐‑]" if ch == "-" else re.escape(ch) for ch in word)
        out += r"\s+" if index < len(words) - 1 else ""
    return out


_WORD = re.compile(r"\w+")


def text_words(text: str) -> frozenset[str]:
    """The lower-cased word characters runs of a text."""
    return frozenset(_WORD.findall(text.lower()))


def first_words(forms: Sequence[str]) -> frozenset[str] | None:
    """The first word-character run of each form ("vice" for "vice-président", "l" never: forms
    start with the title); ``None`` when a form starts with a wildcard and may begin anywhere."""
    found = set()
    for form in forms:
        head = _WORD.search(form.lower())
        if form.strip().startswith("*") or head is None:
            return None
        found.add(head.group())
    return frozenset(found)


def token_spans(doc: Doc, pattern: re.Pattern[str] | None, *, text: str | None = None) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the pattern's matches in the document's text (``text``, when
    the caller already holds it: spaCy builds ``doc.text`` anew on every access)."""
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(doc.text if text is None else text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            spans.append((span.start, span.end))
    return spans


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
    @lru_cache(maxsize=None)
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


# ----------------------------------------------------------------- per-document view

@dataclass(frozen=True)
class Hit:
    """A title phrase found in a document, as a token span."""
    start: int
    end: int
    title: Title


@dataclass
class View:
    """One document as the people reader sees it: tokens, title hits, actors, names found so far."""
    doc: Doc
    lex: PeopleLexicon
    sent_of: list[int]
    hits: list[Hit]
    title_tokens: frozenset[int]
    complement_tokens: frozenset[int]
    actor_spans: dict[int, tuple[int, int, str]]
    names: dict[int, int] = field(default_factory=dict)  # start -> end
    name_tokens: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, doc: Doc, lex: PeopleLexicon, actors: Sequence[Mention]) -> View:
        hits = _title_hits(doc, lex)
        complements = {i for s, e in token_spans(doc, lex.complements) for i in range(s, e)}
        complements |= {i for hit in hits for i in _portfolio(doc, lex, hit.end)}
        return cls(doc, lex, _sentence_ids(doc), hits, frozenset(i for h in hits for i in range(h.start, h.end)),
                   frozenset(complements), _actor_spans(doc, actors))

    def word(self, i: int) -> str:
        return word_key(self.doc[i].text)

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.doc) and 0 <= j < len(self.doc) and self.sent_of[i] == self.sent_of[j]

    def add_name(self, start: int, end: int) -> None:
        self.names[start] = end
        self.name_tokens.update(range(start, end))

    def is_connector(self, i: int) -> bool:
        return self.word(i) in self.lex.connectors or self.doc[i].pos_ == "DET"

    def is_modifier(self, i: int) -> bool:
        token = self.doc[i]
        return token.pos_ == "ADJ" and token.text[:1].islower()

    def in_zone(self, i: int) -> bool:
        return (i in self.title_tokens or i in self.complement_tokens or i in self.actor_spans
                or self.is_modifier(i) or self.is_connector(i) or self.is_joiner(i))

    def is_joiner(self, i: int) -> bool:
        """A hyphen the tokenizer split from its words: "chrétienne - sociale"."""
        token = self.doc[i]
        return token.text == "-" and not token.whitespace_ and i > 0 and not self.doc[i - 1].whitespace_


def _sentence_ids(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    ids = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        ids[sent.start:sent.end] = [index] * len(sent)
    return ids


def _title_hits(doc: Doc, lex: PeopleLexicon) -> list[Hit]:
    text = doc.text
    words = text_words(text)  # a cheap pass first: most titles are absent from most articles
    hits = [Hit(s, e, title) for title in lex.titles if title.may_occur(words)
            for s, e in token_spans(doc, title.pattern, text=text)]
    longest = [h for h in _outermost(hits) if not _adjectival(doc, h)]
    return sorted(longest, key=lambda h: (h.start, -h.end))


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Hits not inside a longer one (the same span under two titles keeps both), in one sweep."""
    kept: list[Hit] = []
    reach, widest = -1, None  # the furthest end so far, and the first span that reached it
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not (reach >= hit.end and widest != (hit.start, hit.end)):
            kept.append(hit)
        if hit.end > reach:
            reach, widest = hit.end, (hit.start, hit.end)
    return kept


def _adjectival(doc: Doc, hit: Hit) -> bool:
    """A title word used as a verb or as an adjective after a noun: "a envoyé", "will head",
    "procureur général"."""
    if hit.end - hit.start > 1:
        return False
    token = doc[hit.start]
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "ADJ" and hit.start > 0 and doc[hit.start - 1].pos_ in ("NOUN", "PROPN")


def _portfolio(doc: Doc, lex: PeopleLexicon, end: int) -> range:
    """What a title is of: "porte-parole | de la diplomatie russe", "Secretary of | Energy".

    Connectors followed by common nouns and adjectives, or by at most two
    capitalised words ("de la Maison Blanche"), never by a person's name.
    """
    k = last = end
    while k < len(doc) and k - end < 8:
        j = k
        while j < len(doc) and word_key(doc[j].text) in lex.connectors:
            j += 1
        m, capitals = j, 0
        while m < len(doc) and _portfolio_word(doc[m]) and capitals < 2:
            capitals += proper(doc[m].text)
            m += 1
        if j == k or m == j:
            break
        k = last = m
    return range(end, last)


def _portfolio_word(token: Token) -> bool:
    if token.is_punct or token.ent_type_ in PERSON_LABELS:
        return False
    return token.pos_ in ("NOUN", "ADJ") and token.text[:1].islower() or proper(token.text)


def _actor_spans(doc: Doc, actors: Sequence[Mention]) -> dict[int, tuple[int, int, str]]:
    spans: dict[int, tuple[int, int, str]] = {}
    for mention in actors:
        code = getattr(mention.value, "code", None)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not code:
            continue
        for i in range(span.start, span.end):
            spans.setdefault(i, (span.start, span.end, code))
    return spans


def affiliation(view: View, lo: int, hi: int) -> str | None:
    """The first actor in ``[lo, hi)`` that is not a destination ("aux États-Unis")."""
    for i in range(lo, hi):
        span = view.actor_spans.get(i)
        if span and (span[0] == i or i == lo) and not _destination(view, span[0]):
            return span[2]
    return None


def _destination(view: View, i: int) -> bool:
    if view.doc[i].pos_ == "ADJ":  # a demonym modifies the head noun, never a destination
        return False
    j = i - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    if j < 0:
        return False
    if view.word(j) in view.lex.non_affiliation:
        return True
    return view.word(j) in view.lex.connectors and j > 0 and view.word(j - 1) in view.lex.non_affiliation


def proper(text: str) -> bool:
    """Capitalised, no digits, not an all-capitals acronym ("CTK") or headline."""
    shouting = len(text) > 1 and text.isalpha() and text.isupper()
    return text[:1].isupper() and not shouting and not any(ch.isdigit() for ch in text)


# ----------------------------------------------------------------- titles around a name

def prenominal(view: View, start: int, *, allow_comma: bool = True) -> tuple[int, int] | None:
    """The title zone right before a name: "le chef de la diplomatie russe | Sergueï Lavrov"."""
    while start > 0 and view.word(start - 1) in view.lex.honorifics:  # "Prime Minister | Sheikh | Mohammed"
        start -= 1
    end = start - 1 if allow_comma and start > 0 and view.doc[start - 1].text == "," else start
    if end > 0 and view.doc[end - 1].pos_ == "ADP":  # "directeur de cabinet de | Jacques Delors"
        return None
    lo, taken = end, view.name_tokens
    while (lo > 0 and view.same_sentence(lo - 1, start) and view.in_zone(lo - 1) and lo - 1 not in taken
           and not _complement_of_other(view, lo)):
        lo -= 1
    while lo < end and view.is_connector(lo):
        lo += 1
    if lo == end:
        return None
    titled = any(i in view.title_tokens for i in range(lo, end))
    if end < start and (not titled or _after_preposition(view, lo)):
        return None
    if not titled and not any(i in view.actor_spans for i in range(lo, end)):
        return None
    return lo, end


def _complement_of_other(view: View, lo: int) -> bool:
    """A title governed by the word before it: "le porte-parole du | président Macron"."""
    return view.doc[lo - 1].pos_ == "ADP" and any(hit.start == lo and hit.title.titled for hit in view.hits)


def _after_preposition(view: View, lo: int) -> bool:
    j = lo - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    return j >= 0 and view.doc[j].pos_ in ("ADP", "SCONJ")


def apposition(view: View, end: int) -> tuple[int, int] | None:
    """``(title start, end)`` of a title after a name: apposition, relative clause or copula."""
    doc = view.doc
    if end >= len(doc) or not view.same_sentence(end, end - 1):
        return None
    if view.word(end) in view.lex.openers:
        j = end + 1
    elif doc[end].lemma_.lower() in view.lex.copulas:
        j = end
    else:
        return None
    limit = min(len(doc), end + 8)
    while j < limit and j not in view.title_tokens:
        if not view.same_sentence(j, end) or not _filler(view, j):
            return None
        j += 1
    if j >= limit or j in view.name_tokens or _governed(view, end, j):
        return None
    return j, extend(view, j)


def _governed(view: View, end: int, j: int) -> bool:
    """A title governed by a word other than a filler: "X, proche du Premier ministre"."""
    k = j - 1
    if k <= end or view.doc[k].pos_ != "ADP" or view.word(k) not in view.lex.connectors:
        return False
    return view.word(k - 1) not in view.lex.fillers


def _filler(view: View, j: int) -> bool:
    """Words between a name and its title: "tout juste nommé", "qui est", "Russia's newly appointed"."""
    token, word, lex = view.doc[j], view.word(j), view.lex
    if word in lex.clause_breakers or j in view.name_tokens:
        return False
    if word in lex.relatives or word in lex.fillers or word in lex.connectors or j in view.actor_spans:
        return True
    if token.lemma_.lower() in lex.copulas or token.pos_ in ("ADV", "DET", "AUX"):
        return True
    if token.pos_ == "VERB":
        return "Part" in token.morph.get("VerbForm")
    return view.is_modifier(j)


def extend(view: View, j: int) -> int:
    """End of the title phrase starting at ``j``: "ambassadeur de Russie aux États-Unis"."""
    k, limit = j, min(len(view.doc), j + 14)
    while k < limit and view.same_sentence(k, j):
        if k in view.name_tokens or (k not in view.title_tokens and k not in view.complement_tokens
                                     and k not in view.actor_spans and _ends_title(view, k)):
            break
        k += 1
    while k > j + 1 and k - 1 not in view.actor_spans and (view.is_connector(k - 1)
                                                          or view.doc[k - 1].pos_ in ("ADP", "ADV", "PART")):
        k -= 1
    return k


def _ends_title(view: View, k: int) -> bool:
    token, word, lex = view.doc[k], view.word(k), view.lex
    if (token.is_punct and not view.is_joiner(k)) or word in lex.clause_breakers or word in lex.relatives:
        return True
    if token.pos_ in ("VERB", "ADV") and token.pos_ not in lex.title_tail_pos:
        return True
    if token.pos_ in ("VERB", "AUX"):
        return token.pos_ == "AUX" or "Fin" in token.morph.get("VerbForm")
    if token.pos_ == "ADP" and word in lex.non_affiliation:  # "aux États-Unis", not "à la suite des élections"
        return not _actor_follows(view, k + 1)
    if token.pos_ == "ADP":
        return word not in lex.connectors
    return token.pos_ in ("NUM", "PRON", "SCONJ", "CCONJ")


def _actor_follows(view: View, k: int) -> bool:
    while k < len(view.doc) and (view.doc[k].pos_ == "DET" or view.word(k) in view.lex.connectors):
        k += 1
    return k in view.actor_spans

