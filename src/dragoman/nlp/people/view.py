"""One document as the people reader sees it: its sentences, the titles it holds, its actors,
and the names found so far.

A title phrase of the lexicon is a hit unless a longer one covers it or it is
used as a verb or a postposed adjective ("a envoyé", "procureur général"); what
follows a title ("de la diplomatie russe", "of Energy") is its portfolio.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Mention
from ...text import word_key
from ..phrases import text_words, token_spans
from .lexicon import PeopleLexicon, Title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_LABELS = frozenset({"PER", "PERSON"})


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


def proper(text: str) -> bool:
    """Capitalised, no digits, not an all-capitals acronym ("CTK") or headline."""
    shouting = len(text) > 1 and text.isalpha() and text.isupper()
    return text[:1].isupper() and not shouting and not any(ch.isdigit() for ch in text)
