"""Repair of parses: a trigger verb the parser did not read as the head of its clause, an object
read as part of an adverbial.

In headlines and short leads the French model often reads "Le Canada expulse deux diplomates
iraniens" as one noun phrase ("expulse" an adjective of "Canada"), hangs the verb on its subject
("La Pologne expulse l'ambassadeur...": "expulse" a clause of "Pologne", "ambassadeur" the root) or
tags it a noun ("L'Union européenne sanctionne ..."). Such a word is a form of a trigger verb that
stands between an actor's noun phrase and a noun phrase, without both a subject and an object.
On a copy of the document it is made the head of its clause, with the actor on its left as subject
and the noun phrase on its right as object, so that the lexicon's conditions ("expel" + "ambassador")
and the argument reader see the sentence as written. The document itself is never changed.

The copy is labelled with UD's "nsubj", "obj" and "ROOT" whatever the language, so each language pack
lists "obj" under the roles that hold it (English parses have "dobj" of their own).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..languages import labels_for
from ..nlp import ActorIndex
from .syntax import lemma
from .triggers import TriggerLexicon

NOMINAL = frozenset({"NOUN", "PROPN"})
PRENOMINAL = frozenset({"DET", "NUM", "ADJ"})
MAX_PRENOMINAL = 3


@dataclass(frozen=True)
class Fix:
    """A misread verb (token index and lemma) with, when it lost them, its subject and object heads."""
    verb: int
    lemma: str
    subject: int | None = None
    object: int | None = None


def repaired(doc, lexicon: TriggerLexicon, index: ActorIndex):
    """``doc``, or a repaired copy when the parser misread a trigger verb or displaced an object."""
    verbless = frozenset(t.i for sent in doc.sents if not any(t.pos_ in ("VERB", "AUX") for t in sent) for t in sent)
    fixes = [fix for token in doc
             if (fix := mistagged_verb(token, lexicon) or misread_verb(token, lexicon, index, verbless)) is not None]
    objects = [(token.i, verb) for token in doc if (verb := displaced_object(token)) is not None]
    if not fixes and not objects:
        return doc
    copy = doc.copy()
    for fix in fixes:
        _apply(copy, fix)
    for token, verb in objects:
        copy[token].head, copy[token].dep_ = copy[verb], "obj"
    return copy


def displaced_object(token) -> int | None:
    """ "ont tenu samedi à Mascate un troisième cycle de pourparlers": an object placed after an
    adverbial is read as a second member of it ("cycle" conj of "Mascate"). A noun phrase joined to
    a prepositional phrase with neither a conjunction nor a comma, under a verb without an object,
    is that verb's object; returns the verb's index."""
    if token.dep_ != "conj" or token.pos_ != "NOUN":
        return None
    head = token.head
    if head.i >= token.i:
        return None
    if not any(c.dep_ == "det" for c in token.children) or any(c.dep_ == "cc" for c in token.children):
        return None
    if any(t.pos_ in ("CCONJ", "PUNCT") for t in token.doc[head.i + 1:token.i]):
        return None
    verb = head.head
    if not head.dep_.startswith(("obl", "nmod")) or not any(c.dep_ == "case" for c in head.children):
        return None
    objects = labels_for(verb, "object")
    if verb.pos_ != "VERB" or any(c.dep_ in objects for c in verb.children):
        return None
    return verb.i


def mistagged_verb(token, lexicon: TriggerLexicon) -> Fix | None:
    """ "a gelé" with "gelé" an adjective: a word with tense auxiliaries is a verb, whatever its tag."""
    if token.pos_ not in ("ADJ", "NOUN") or "Part" in token.morph.get("VerbForm"):
        return None
    auxiliary = labels_for(token, "auxiliary")
    if not any(c.dep_ in auxiliary for c in token.children) or lexicon.entry_for(token) is not None:
        return None
    verb = lexicon.verb_lemma(token)
    return Fix(token.i, verb) if verb is not None else None


def misread_verb(token, lexicon: TriggerLexicon, index: ActorIndex, verbless: frozenset[int]) -> Fix | None:
    """The fix for ``token`` when it is a trigger verb left without its clause (``verbless``: the
    tokens of sentences without any verb)."""
    if not _misread(token, lexicon, verbless):
        return None
    deps = {c.dep_ for c in token.children}
    if "nsubj" in deps and deps & labels_for(token, "object"):
        return None
    verb = lexicon.verb_lemma(token)
    subject = _actor_before(token, index)
    obj = _noun_after(token, lexicon.cues.partitives)
    if verb is None or subject is None or obj is None:
        return None
    return Fix(token.i, verb, subject, obj)


def _misread(token, lexicon: TriggerLexicon, verbless: frozenset[int]) -> bool:
    """A finite verb under a noun ("expulse" amod/acl), or a verb form tagged otherwise in a clause
    without any verb ("sanctionne" a noun), which is not a noun trigger in its own right."""
    if token.pos_ in ("VERB", "AUX"):  # under a relation where a verb heads a clause of its own, it is read right
        return token.dep_ not in labels_for(token, "clause_head") and _finite(token, lexicon)
    if token.pos_ not in ("NOUN", "ADJ", "PROPN", "ADP", "ADV") or token.i not in verbless:
        return False
    return lexicon.entry_for(token) is None


def _finite(token, lexicon: TriggerLexicon) -> bool:
    """Finite by its morphology or by its ending: the tagger reads "expulse" as a participle too."""
    if "Fin" in token.morph.get("VerbForm"):
        return True
    word = lemma(token)
    return any(word.endswith(stem) and token.lower_ == word[:len(word) - len(stem)] + ending
               for ending, stem in lexicon.cues.verb_endings)


def _actor_before(token, index: ActorIndex) -> int | None:
    """The head of the actor mention that ends right before ``token``."""
    if token.i == token.sent.start or not index.at.get(token.i - 1):
        return None
    mention = index.at[token.i - 1][0]
    inside = {i for i, found in index.at.items() if mention in found}
    doc = token.doc
    heads = [i for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    return heads[0] if heads else None


def _noun_after(token, partitives: frozenset[str]) -> int | None:
    """The head noun of the phrase that starts right after ``token`` ("deux diplomates iraniens",
    "des responsables chinois")."""
    for offset in range(1, MAX_PRENOMINAL + 2):
        if token.i + offset >= token.sent.end:
            return None
        nxt = token.doc[token.i + offset]
        if nxt.pos_ in NOMINAL:
            return nxt.i
        if nxt.pos_ not in PRENOMINAL and not (offset == 1 and nxt.lower_ in partitives):
            return None
    return None


def _apply(doc, fix: Fix) -> None:
    verb = doc[fix.verb]
    verb.pos_, verb.lemma_ = "VERB", fix.lemma
    if fix.subject is None or fix.object is None:
        return
    verb.head = verb  # detached first: no cycle whatever hung under what
    verb.dep_ = "ROOT"
    for token, dep in ((doc[fix.object], "obj"), (doc[fix.subject], "nsubj")):
        token.head = verb
        token.dep_ = dep
    for token in [t for t in verb.sent if t.i > verb.i and t.head.i < verb.i]:  # "vers Haïti" hung on "Canada"
        token.head = verb
