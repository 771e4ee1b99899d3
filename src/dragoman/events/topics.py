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

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from ..config import data_dir
from ..errors import UnsupportedLanguage
from .status import conditional_perfect, normalise, status_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Cue", "TopicLexicon", "TopicReading", "read_topics", "topic_codes", "topic_lexicon"]

TopicSpan = tuple[str, int, int]  # (code, start, end) in the document text

_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "expl:subj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass"})
_NOT_COMPLEMENT_DEPS = _SUBJECT_DEPS | frozenset({
    "aux", "aux:tense", "aux:pass", "auxpass", "cop", "punct", "cc", "mark", "case", "det", "neg",
    "advmod", "conj", "parataxis", "advcl", "expl", "expl:pass", "expl:comp", "dep", "discourse",
})
_MODIFIER_DEPS = frozenset({"amod", "appos", "acl"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "xcomp", "ccomp", "attr", "oprd"})
_BOUNDARY = frozenset({".", ";", ":", "!", "?", ",", "—", "–"})
_LIST_END = frozenset({".", ";", "!", "?"})
_CUE_GAP = 2       # words allowed between the words of a cue ("porteront exclusivement sur")
_WINDOW = 12       # fallback scope, in tokens
_LABEL_WINDOW = 40  # longest list after "Exclusions :"
_WORD = re.compile(r"\w+['’]|[\w*-]+")


@dataclass(frozen=True)
class Cue:
    """Words that put what they govern in or out of the event's topics."""
    words: tuple[str, ...]
    role: str    # topic | excluded
    scope: str   # complement | subject | both | noun | label
    exclusive: bool = False


@dataclass(frozen=True)
class TopicLexicon:
    language: str
    keywords: tuple[tuple[str, re.Pattern[str]], ...]
    stop: re.Pattern[str] | None
    cues: tuple[Cue, ...]
    exclusive: frozenset[str]
    background: tuple[tuple[str, ...], ...]
    hypothesis: tuple[tuple[str, ...], ...]
    negation: frozenset[str]
    restrictive: frozenset[str]


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


# ----------------------------------------------------------------- lexicon

@lru_cache(maxsize=1)
def topic_codes() -> tuple[str, ...]:
    """The contract's topic codes (``data/common/topics.json``)."""
    with open(data_dir() / "common" / "topics.json", encoding="utf-8") as handle:
        return tuple(json.load(handle)["codes"])


def keyword_regex(pattern: str) -> str:
    """Regex for a keyword pattern: '(s)' optional, 'ukrain*' a prefix, a lone '*' any word."""
    words = []
    for word in pattern.split():
        if word == "*":
            words.append(r"[\w'’-]+")
            continue
        pieces = re.split(r"(\([^)]*\)|\*)", word)
        words.append("".join(_piece_regex(piece) for piece in pieces if piece))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _piece_regex(piece: str) -> str:
    if piece == "*":
        return r"\w*"
    body = re.escape(piece.strip("()")).replace("'", "['’]")
    return f"(?:{body})?" if piece.startswith("(") else body


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile("|".join(map(keyword_regex, ordered)), re.IGNORECASE) if ordered else None


def _cue_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text)))


@lru_cache(maxsize=None)
def topic_lexicon(language: str) -> TopicLexicon:
    """Keywords and cues for ``language``, read once."""
    path = data_dir() / language / "topics.json"
    if not path.is_file():
        raise UnsupportedLanguage(source="<topics>", language=language, supported="fr, en")
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    known = set(topic_codes())
    # one regex per pattern: an alternation would let a shorter match hide a longer one
    keywords = tuple((code, re.compile(keyword_regex(p), re.IGNORECASE))
                     for code, patterns in raw["keywords"].items() if code in known for p in patterns)
    cues = tuple(Cue(_cue_words(c["cue"]), c["role"], c["scope"], bool(c.get("exclusive")))
                 for c in raw["cues"])
    return TopicLexicon(
        language=language, keywords=keywords, stop=_alternation(raw.get("stop", [])), cues=cues,
        exclusive=frozenset(normalise(w) for w in raw["exclusive"]),
        background=tuple(_cue_words(c) for c in raw["background"]),
        hypothesis=tuple(_cue_words(c) for c in raw["hypothesis"]),
        negation=frozenset(normalise(w) for w in raw["negation"]),
        restrictive=frozenset(normalise(w) for w in raw.get("restrictive", [])))


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


# ----------------------------------------------------------------- cue matching

_FORMS_KEY = "dragoman_topic_forms"


def _forms(doc: "Doc") -> list[tuple[str, str]]:
    """(text, lemma) of every token, normalised once per document (cue matching is the hot path)."""
    forms = doc.user_data.get(_FORMS_KEY)
    if forms is None or len(forms) != len(doc):
        forms = [(normalise(t.text), normalise(t.lemma_)) for t in doc]
        doc.user_data[_FORMS_KEY] = forms
    return forms


def _matches_form(item: str, forms: tuple[str, str]) -> bool:
    if item.endswith("*"):
        return forms[0].startswith(item[:-1]) or forms[1].startswith(item[:-1])
    return item == forms[0] or item == forms[1]


def _matches_word(item: str, token: "Token") -> bool:
    return _matches_form(item, _forms(token.doc)[token.i])


def _find(unit: "Span", words: tuple[str, ...]) -> list[list["Token"]]:
    """Every place in ``unit`` where ``words`` occur in order, a few words apart at most."""
    doc, forms = unit.doc, _forms(unit.doc)
    found = []
    for i in range(unit.start, unit.end):
        if not _matches_form(words[0], forms[i]):
            continue
        match = [i]
        for item in words[1:]:
            nxt = _next_word(unit, match[-1], item, forms)
            if nxt is None:
                break
            match.append(nxt)
        if len(match) == len(words):
            found.append([doc[j] for j in match])
    return found


def _next_word(unit: "Span", after: int, item: str, forms: list[tuple[str, str]]) -> int | None:
    doc = unit.doc
    for i in range(after + 1, min(after + 2 + _CUE_GAP, unit.end)):
        if _matches_form(item, forms[i]):
            return i
        if doc[i].is_punct:
            return None
    return None


def _anchor(match: list["Token"]) -> "Token":
    """The syntactic head of a matched cue: its word nearest the root."""
    return min(match, key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def _subtree(token: "Token") -> set[int]:
    return {t.i for t in token.subtree}


# ----------------------------------------------------------------- scopes

def _object_of(token: "Token") -> set[int]:
    """What a preposition introduces: its head noun (UD French) or its object (English)."""
    if token.dep_ in ("case", "mark", "fixed") and token.head.i != token.i:
        return _subtree(token.head) - {token.i}
    return _subtree(token) - {token.i}


def _complements(token: "Token", match: list["Token"]) -> set[int]:
    scope: set[int] = set()
    for child in token.children:
        if child.dep_ not in _NOT_COMPLEMENT_DEPS and child not in match:
            scope |= _subtree(child)
    return scope


def _complement_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    scope: set[int] = set()
    for token in match:
        if token.pos_ in ("ADP", "SCONJ") or token.dep_ in ("case", "prep"):
            scope |= _object_of(token)
    if anchor.pos_ in ("VERB", "AUX", "ADJ"):
        scope |= _complements(anchor, match)
    elif anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ not in ("case", "prep"):
        scope |= _subtree(anchor) - {t.i for t in match}
    elif anchor.pos_ == "ADV" and anchor.head.i != anchor.i:
        head = anchor.head
        scope |= _complements(head, match) if head.pos_ in ("VERB", "AUX") else _subtree(head) - {anchor.i}
    return scope


def _clause_head(token: "Token") -> "Token":
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in node.children):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _modified_noun(anchor: "Token") -> set[int]:
    """The noun an adjective or participle cue describes ('L'Ukraine, grande absente')."""
    node = anchor
    while node.dep_ in _MODIFIER_DEPS and node.head.i != node.i and node.head.pos_ == "ADJ":
        node = node.head
    if node.dep_ in _MODIFIER_DEPS and node.head.i != node.i:
        return _subtree(node.head) - _subtree(node)
    return set()


def _subject_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    modified = _modified_noun(anchor)
    if modified:
        return modified
    clause = _clause_head(anchor)
    scope: set[int] = set()
    for child in clause.children:
        if child.dep_ in _SUBJECT_DEPS and anchor not in child.subtree:
            scope |= _subtree(child)
    return scope


def _object_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    return {i for c in anchor.children if c.dep_ in _OBJECT_DEPS for i in _subtree(c)}


def _passive_scope(match: list["Token"]) -> set[int]:
    """'Ukraine was excluded', 'la question a été écartée', 'le dossier exclu'."""
    anchor = _anchor(match)
    modified = _modified_noun(anchor)
    if modified:
        return modified
    return {i for c in anchor.children if c.dep_ in _PASSIVE_SUBJECT_DEPS for i in _subtree(c)}


def _noun_scope(match: list["Token"]) -> set[int]:
    """'Pas de déclarations sur X', 'aucune discussion sur X', 'no talks on X', 'visas, not X'."""
    anchor = _anchor(match)
    doc = anchor.doc
    following = [t for t in doc[anchor.i + 1: min(anchor.i + 4, len(doc))] if not t.is_punct]
    noun = next((t for t in following if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None and anchor.head.pos_ in ("NOUN", "PROPN") and anchor.head.i != anchor.i:
        noun = anchor.head
    return _subtree(noun) - {t.i for t in match} if noun is not None else set()


def _label_scope(match: list["Token"]) -> set[int]:
    """'Exclusions claires : X et Y' — the list after a colon just after the cue."""
    doc, last = match[-1].doc, match[-1]
    colon = next((doc[i] for i in range(last.i + 1, min(last.i + 3, len(doc))) if doc[i].text == ":"), None)
    if colon is None:
        return set()
    scope = set()
    for token in doc[colon.i + 1: min(colon.i + 1 + _LABEL_WINDOW, len(doc))]:
        scope.add(token.i)
        if token.text in _LIST_END or "\n" in token.text_with_ws:
            break
    return scope


def _window(match: list["Token"], *, before: bool) -> set[int]:
    """Fallback scope: the words up to the next clause boundary."""
    doc, sentence = match[0].doc, match[0].sent
    step, i = (-1, match[0].i - 1) if before else (1, match[-1].i + 1)
    scope = set()
    while sentence.start <= i < sentence.end and len(scope) < _WINDOW and doc[i].text not in _BOUNDARY:
        scope.add(i)
        i += step
    return scope


def _cue_scope(cue: Cue, match: list["Token"]) -> set[int]:
    scope = _label_scope(match)
    if scope or cue.scope == "label":
        return scope
    if cue.scope == "noun":
        return _noun_scope(match)
    if cue.scope == "subject":
        return _subject_scope(match) or _window(match, before=True)
    if cue.scope == "both" and cue.role == "excluded":
        # 'écarté des discussions', 'excluded from the talks': the from-phrase is the event
        scope = _object_scope(match) | _passive_scope(match)
    else:
        scope = _complement_scope(match)
    if cue.scope == "both":
        scope |= _passive_scope(match)
    return scope or _window(match, before=False)


def _negation(match: list["Token"], lex: TopicLexicon) -> set[str]:
    """Negation words on the cue or on the clause it belongs to."""
    anchor = _anchor(match)
    holders = {anchor, _clause_head(anchor)}
    if anchor.pos_ == "ADP" and anchor.head.i != anchor.i:
        holders.add(anchor.head)
    return {normalise(c.text) for h in holders for c in h.children if normalise(c.text) in lex.negation}


def _restrictive(match: list["Token"], lex: TopicLexicon) -> bool:
    """French 'ne ... que' ('ne porteront que sur'): only, not a negation."""
    doc, start = match[0].doc, min(t.i for t in match + [_clause_head(_anchor(match))])
    return any(normalise(t.text) in lex.restrictive for t in doc[start: min(match[-1].i + 3, len(doc))])


# ----------------------------------------------------------------- frames

def _frame_root(anchor: "Token") -> "Token":
    if anchor.head.i == anchor.i:
        return anchor
    if anchor.dep_ in ("case", "mark", "fixed") or anchor.pos_ == "SCONJ":
        return anchor.head
    if anchor.dep_ in _SUBJECT_DEPS or anchor.dep_ in ("amod", "advmod"):
        return anchor.head
    return anchor


def _background_scope(unit: "Span", lex: TopicLexicon) -> set[int]:
    """Context frames ('dans un contexte de', 'amid', 'depuis') and hypotheses ('si', 'if')."""
    scope: set[int] = set()
    for words in lex.background + lex.hypothesis:
        for match in _find(unit, words):
            scope |= _subtree(_frame_root(_anchor(match)))
    perfect = status_lexicon(lex.language)
    for token in unit:
        if token.pos_ in ("VERB", "AUX") and conditional_perfect(token, perfect):
            for child in token.children:
                clause = child.dep_ in ("csubj", "csubj:pass", "advcl", "dep") and child.pos_ == "VERB"
                if clause or child.dep_ in _SUBJECT_DEPS:
                    scope |= _subtree(child)
    return scope


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
    scopes = _Scopes(set(), set(), _background_scope(unit, lex), set())
    for cue in lex.cues:
        for match in _find(unit, cue.words):
            _apply(cue, match, scopes, lex)
    scopes.exclusive = scopes.exclusive or _exclusive_adverb(unit, scopes, lex)
    scopes.recalled = bool(status_lexicon(lex.language).past_cues.search(normalise(unit.text)))
    return scopes


def _apply(cue: Cue, match: list["Token"], scopes: _Scopes, lex: TopicLexicon) -> None:
    scope = _cue_scope(cue, match)
    if not scope:
        return
    negation = _negation(match, lex) if cue.scope != "noun" else set()
    restrictive = bool(negation) and negation <= {"ne", "n'"} and _restrictive(match, lex)
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
