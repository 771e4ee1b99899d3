"""Scopes of topic cues over the dependency parse: which tokens a cue puts in or out of an event's
topics (complements of a cue verb, object of a cue preposition, subject of a cue predicate, noun a
negation word modifies, list after a colon), and the context frames whose topics are background.
When the parse gives nothing, the words up to the next clause boundary stand in for it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..languages import labels_for
from .status_lexicon import normalise, status_lexicon
from .topic_lexicon import Cue, TopicLexicon
from .verb_groups import conditional_perfect

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["background_scope", "cue_scope", "find_cue", "is_restrictive", "negation_words", "unit_forms"]

_BOUNDARY = frozenset({".", ";", ":", "!", "?", ",", "—", "–"})
_LIST_END = frozenset({".", ";", "!", "?"})
_CUE_GAP = 2       # words allowed between the words of a cue ("porteront exclusivement sur")
_WINDOW = 12       # fallback scope, in tokens
_LABEL_WINDOW = 40  # longest list after "Exclusions :"


# ----------------------------------------------------------------- cue matching

_FORMS_KEY = "dragoman_topic_forms"


def _forms(doc: "Doc") -> list[tuple[str, str]]:
    """(text, lemma) of every token, normalised once per document (cue matching is the hot path)."""
    forms = doc.user_data.get(_FORMS_KEY)
    if forms is None or len(forms) != len(doc):
        forms = [(normalise(t.text), normalise(t.lemma_)) for t in doc]
        doc.user_data[_FORMS_KEY] = forms
    return forms


def unit_forms(unit: "Span") -> frozenset[str]:
    """Every text and lemma form of a span's tokens, as cue words are matched against them."""
    forms = _forms(unit.doc)
    return frozenset(f for i in range(unit.start, unit.end) for f in forms[i])


def _matches_form(item: str, forms: tuple[str, str]) -> bool:
    if item.endswith("*"):
        return forms[0].startswith(item[:-1]) or forms[1].startswith(item[:-1])
    return item == forms[0] or item == forms[1]


def _matches_word(item: str, token: "Token") -> bool:
    return _matches_form(item, _forms(token.doc)[token.i])


def find_cue(unit: "Span", words: tuple[str, ...]) -> list[list["Token"]]:
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
    other = labels_for(token, "not_complement")
    for child in token.children:
        if child.dep_ not in other and child not in match:
            scope |= _subtree(child)
    return scope


def _complement_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    adposition = labels_for(anchor, "adposition")
    scope: set[int] = set()
    for token in match:
        if token.pos_ in ("ADP", "SCONJ") or token.dep_ in adposition:
            scope |= _object_of(token)
    if anchor.pos_ in ("VERB", "AUX", "ADJ"):
        scope |= _complements(anchor, match)
    elif anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ not in adposition:
        scope |= _subtree(anchor) - {t.i for t in match}
    elif anchor.pos_ == "ADV" and anchor.head.i != anchor.i:
        head = anchor.head
        scope |= _complements(head, match) if head.pos_ in ("VERB", "AUX") else _subtree(head) - {anchor.i}
    return scope


def _clause_head(token: "Token") -> "Token":
    node = token
    subject = labels_for(token, "any_subject")
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or any(c.dep_ in subject for c in node.children):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _modified_noun(anchor: "Token") -> set[int]:
    """The noun an adjective or participle cue describes ('L'Ukraine, grande absente')."""
    node = anchor
    modifier = labels_for(anchor, "describing_modifier")
    while node.dep_ in modifier and node.head.i != node.i and node.head.pos_ == "ADJ":
        node = node.head
    if node.dep_ in modifier and node.head.i != node.i:
        return _subtree(node.head) - _subtree(node)
    return set()


def _subject_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    modified = _modified_noun(anchor)
    if modified:
        return modified
    clause = _clause_head(anchor)
    subject = labels_for(anchor, "any_subject")
    scope: set[int] = set()
    for child in clause.children:
        if child.dep_ in subject and anchor not in child.subtree:
            scope |= _subtree(child)
    return scope


def _object_scope(match: list["Token"]) -> set[int]:
    anchor = _anchor(match)
    complement = labels_for(anchor, "complement")
    return {i for c in anchor.children if c.dep_ in complement for i in _subtree(c)}


def _passive_scope(match: list["Token"]) -> set[int]:
    """'Ukraine was excluded', 'la question a été écartée', 'le dossier exclu'."""
    anchor = _anchor(match)
    modified = _modified_noun(anchor)
    if modified:
        return modified
    subject = labels_for(anchor, "passive_nominal_subject")
    return {i for c in anchor.children if c.dep_ in subject for i in _subtree(c)}


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
    scope: set[int] = set()
    while sentence.start <= i < sentence.end and len(scope) < _WINDOW and doc[i].text not in _BOUNDARY:
        scope.add(i)
        i += step
    return scope


def cue_scope(cue: Cue, match: list["Token"]) -> set[int]:
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


def negation_words(match: list["Token"], lex: TopicLexicon) -> set[str]:
    """Negation words on the cue or on the clause it belongs to."""
    anchor = _anchor(match)
    holders = {anchor, _clause_head(anchor)}
    if anchor.pos_ == "ADP" and anchor.head.i != anchor.i:
        holders.add(anchor.head)
    return {normalise(c.text) for h in holders for c in h.children if normalise(c.text) in lex.negation}


def is_restrictive(match: list["Token"], lex: TopicLexicon) -> bool:
    """French 'ne ... que' ('ne porteront que sur'): only, not a negation."""
    doc, start = match[0].doc, min(t.i for t in match + [_clause_head(_anchor(match))])
    return any(normalise(t.text) in lex.restrictive for t in doc[start: min(match[-1].i + 3, len(doc))])


# ----------------------------------------------------------------- frames

def _frame_root(anchor: "Token") -> "Token":
    if anchor.head.i == anchor.i:
        return anchor
    if anchor.dep_ in ("case", "mark", "fixed") or anchor.pos_ == "SCONJ":
        return anchor.head
    if anchor.dep_ in labels_for(anchor, "any_subject") or anchor.dep_ in ("amod", "advmod"):
        return anchor.head
    return anchor


def background_scope(unit: "Span", lex: TopicLexicon) -> set[int]:
    """Context frames ('dans un contexte de', 'amid', 'depuis') and hypotheses ('si', 'if')."""
    scope: set[int] = set()
    for words in lex.background + lex.hypothesis:
        for match in find_cue(unit, words):
            scope |= _subtree(_frame_root(_anchor(match)))
    perfect = status_lexicon(lex.language)
    for token in unit:
        if token.pos_ in ("VERB", "AUX") and conditional_perfect(token, perfect):
            scene, subject = labels_for(token, "scene_clause"), labels_for(token, "any_subject")
            for child in token.children:
                clause = child.dep_ in scene and child.pos_ == "VERB"
                if clause or child.dep_ in subject:
                    scope |= _subtree(child)
    return scope
