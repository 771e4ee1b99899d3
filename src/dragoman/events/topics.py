"""Topics of an event, topics said to be left out of it, and topics named as context.

Every topic mention found by the keyword patterns of ``data/<language>/topics.json``
gets one reading:

* **excluded**: in the scope of an exclusion cue ("hors de la table", "off the
  table", "grande absente", "Exclusions : X") or of a negated topic cue ("ne
  porteront pas sur", "not on the agenda", "won't be discussed", "pas de ... sur X");
* **background**: inside a context frame ("dans un contexte de tensions ...",
  "amid tensions over", "depuis le début de la guerre", "since the war began")
  or the condition of a hypothesis ("si ...", "Aborder l'Ukraine aurait ...");
* **topic**: in the scope of a topic cue ("porteront sur", "axés sur", "focus on",
  "on the agenda", "Objectif : X"), or named without any cue, unless a cue made the
  topics exclusive ("exclusivement", "se limitent à", "only") or the sentence is dated
  in the past ("la semaine dernière"): then uncued mentions are background.

Scopes follow the dependency tree (complements of a cue verb, object of a cue preposition,
subject of a cue predicate, noun a negation word modifies, list after a colon); when the
parse gives nothing, the words up to the next clause boundary stand in for it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .status_lexicon import normalise, status_lexicon
from .topic_lexicon import Cue, TopicLexicon, keyword_regex, topic_codes, topic_lexicon
from .topic_scopes import background_scope, cue_scope, find_cue, is_restrictive, negation_words, unit_forms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Cue", "TopicLexicon", "TopicReading", "keyword_regex", "read_topics", "topic_codes", "topic_lexicon"]

TopicSpan = tuple[str, int, int]  # (code, start, end) in the document text


@dataclass(frozen=True)
class TopicReading:
    """Every topic mention of an event's sentences, by reading."""
    topics: tuple[TopicSpan, ...] = ()      # topics OF the event
    excluded: tuple[TopicSpan, ...] = ()    # topics the text says are NOT part of it
    background: tuple[TopicSpan, ...] = ()  # topics named only as context

    @property
    def excluded_codes(self) -> tuple[str, ...]:
        return _codes(self.excluded)

    @property
    def topic_codes(self) -> tuple[str, ...]:
        """Codes of the event's topics, less any the text also excludes."""
        excluded = set(self.excluded_codes)
        return tuple(code for code in _codes(self.topics) if code not in excluded)

    @property
    def background_codes(self) -> tuple[str, ...]:
        return _codes(self.background)


def _codes(spans: Iterable[TopicSpan]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for code, _, _ in spans))


# ----------------------------------------------------------------- mentions

@dataclass(frozen=True)
class _Mention:
    code: str
    start: int
    end: int
    root: int  # token index of the mention's head word


def _mentions(unit: "Span", lex: TopicLexicon) -> list[_Mention]:
    """Keyword matches in ``unit``, longest first where they overlap, minus stop phrases."""
    text, offset, doc = unit.text, unit.start_char, unit.doc
    stops = [m.span() for m in lex.stop.finditer(text)] if lex.stop else []
    found = [(m.start(), m.end(), code) for code, pattern in lex.keywords for m in pattern.finditer(text)]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, code in found:
        if any(start < e and s < end for s, e, _ in kept) or any(start < e and s < end for s, e in stops):
            continue
        kept.append((start, end, code))
    mentions = []
    for start, end, code in sorted(kept):
        span = doc.char_span(offset + start, offset + end, alignment_mode="expand")
        if span is not None and len(span):
            mentions.append(_Mention(code, offset + start, offset + end, span.root.i))
    return mentions


# ----------------------------------------------------------------- reading

@dataclass
class _Scopes:
    topic: set[int]
    excluded: set[int]
    background: set[int]
    anchors: set[int]
    exclusive: bool = False
    recalled: bool = False  # the sentence is dated in the past ('last week', 'il y a un mois')

    def label(self, index: int) -> str:
        if index in self.excluded:
            return "excluded"
        if index in self.background:
            return "background"
        if index in self.topic:
            return "topic"
        return "background" if self.recalled else "unmarked"


def _scopes(unit: "Span", lex: TopicLexicon) -> _Scopes:
    scopes = _Scopes(set(), set(), background_scope(unit, lex), set())
    present = unit_forms(unit)
    for cue in lex.cues:
        first = cue.words[0]
        if not first.endswith("*") and first not in present:  # most cues are absent from a sentence
            continue
        for match in find_cue(unit, cue.words):
            _apply(cue, match, scopes, lex)
    scopes.exclusive = scopes.exclusive or _exclusive_adverb(unit, scopes, lex)
    scopes.recalled = bool(status_lexicon(lex.language).past_cues.search(normalise(unit.text)))
    return scopes


def _apply(cue: Cue, match: list["Token"], scopes: _Scopes, lex: TopicLexicon) -> None:
    scope = cue_scope(cue, match)
    if not scope:
        return
    negation = negation_words(match, lex) if cue.scope != "noun" else set()
    restrictive = bool(negation) and negation <= {"ne", "n'"} and is_restrictive(match, lex)
    negated = bool(negation) and not restrictive
    if cue.role == "excluded" or negated:
        if not (cue.role == "excluded" and negated):  # 'pas exclu' says nothing either way
            scopes.excluded |= scope
        return
    scopes.topic |= scope
    scopes.anchors |= {t.i for t in match}
    scopes.exclusive = scopes.exclusive or cue.exclusive or restrictive


def _exclusive_adverb(unit: "Span", scopes: _Scopes, lex: TopicLexicon) -> bool:
    """'porteront exclusivement sur', 'only about': an exclusive word on a topic cue."""
    marked = scopes.anchors | scopes.topic
    return any(normalise(t.text) in lex.exclusive and (t.head.i in marked or t.i in marked)
               for t in unit)


def _units(sentences: Sequence["Span"]) -> list["Span"]:
    """The sentences in order, each carried on past a final colon ('Exclusions claires :')."""
    units: list["Span"] = []
    for sentence in sorted(sentences, key=lambda s: s.start):
        if units and sentence.start < units[-1].end:
            continue
        doc, end = sentence.doc, sentence.end
        while end < len(doc) and [t.text for t in doc[sentence.start:end] if not t.is_space][-1:] == [":"]:
            end = doc[end].sent.end
        units.append(doc[sentence.start:end])
    return units


def read_topics(sentences: Sequence["Span"], *, language: str) -> TopicReading:
    """Classify every topic mention in ``sentences`` (the sentences about one event)."""
    lex = topic_lexicon(language)
    readings: list[tuple[_Mention, str]] = []
    exclusive = False
    for unit in _units(sentences):
        scopes = _scopes(unit, lex)
        exclusive = exclusive or scopes.exclusive
        readings.extend((mention, scopes.label(mention.root)) for mention in _mentions(unit, lex))
    unmarked = "background" if exclusive else "topic"
    sorted_spans: dict[str, list[TopicSpan]] = {"topic": [], "excluded": [], "background": []}
    for mention, label in readings:
        label = unmarked if label == "unmarked" else label
        sorted_spans[label].append((mention.code, mention.start, mention.end))
    return TopicReading(topics=tuple(sorted_spans["topic"]), excluded=tuple(sorted_spans["excluded"]),
                        background=tuple(sorted_spans["background"]))
