"""Whether a trigger's reading asserts an event (issue #13).

An event needs a predicate that says it happened, happens or is planned; a word of the lexicon alone
is not enough. These readings assert none, and are no event of their own:

- a section heading: a short line of the body, not the title, without a clause of its own
  ("Une négociation éclair", "Old promises", "What was agreed");
- a remark about a kind of event: a trigger that is the subject of a modal of possibility or necessity
  over a copula ("le dialogue ne peut pas être à sens unique", "dialogue cannot be one-sided") or,
  negated, over a predicate that is no event ("ne peut pas se nourrir de promesses");
- what something is about: "les discussions doivent porter sur une trêve", "talks focused on a truce";
- what is prevented or stopped: "s'engagent à empêcher tout groupe de menacer", "pledged to stop
  attacks" (a pledge of peace, not a threat);
- a bare purpose phrase naming a procedure: an envoy "rappelé pour consultations";
- the aim of an attempt stated as a purpose: "pour tenter de sauver l'accord", "in a bid to end the war";
- what a thing would make possible, in a conditional relative clause: "un mécanisme qui permettrait
  d'exporter", "proposals under which it would host no bases", "statements that would make the meeting
  pointless".

A reading under a condition, a wish or a doubt is an event whose status is uncertain; that is decided
with the rest of the status (:mod:`dragoman.events.status`). The words live in
``data/<language>/assertion.json``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..languages import labels_for, language_data
from .status_lexicon import normalise, status_lexicon
from .verb_groups import governing_verb, is_negated, mood_of, realised, verb_group, word_forms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["AssertionLexicon", "asserts", "assertion_lexicon", "heading", "pledges_prevention"]

PLACE_ENTITIES = frozenset({"LOC", "GPE"})  # both models' labels of a place
HEADING_WORDS = 10  # longer lines are sentences that lost their full stop, not headings
HEADING_ENDS = frozenset({".", "!", ";", ":", ","})
NOMINAL = frozenset({"NOUN", "PROPN"})
_MAX_CLIMB = 4


@dataclass(frozen=True)
class AssertionLexicon:
    """The words of one language that make a reading assert no event (``assertion.json``)."""
    modals: frozenset[str]
    copulas: frozenset[str]
    topic_verbs: frozenset[str]
    preventive_verbs: frozenset[str]
    attempts: frozenset[str]
    purpose_marks: frozenset[str]
    purpose_idioms: frozenset[str]  # "pour consultations": a recalled envoy's procedure, not a meeting
    aim_nouns: frozenset[str]  # "the aim is a ceasefire": what is sought, not what happened
    stance_words: frozenset[str]  # "in favour of talks", "ouvert à des discussions": a position, not an event
    events: frozenset[str]  # predicates that still report an event under a modal (status.json)


@cache
def assertion_lexicon(language: str) -> AssertionLexicon:
    raw = language_data(language, "assertion", optional=True)
    words = {key: frozenset(normalise(w) for w in raw.get(key, ())) for key in (
        "modals", "copulas", "topic_verbs", "preventive_verbs", "attempts", "purpose_marks", "purpose_idioms",
        "aim_nouns", "stance_words")}
    lex = status_lexicon(language)
    events = lex.occurrence_verbs | lex.begin_verbs | lex.cancel_words | lex.support_verbs
    return AssertionLexicon(events=events, **words)


def asserts(token: Token, lex: AssertionLexicon) -> bool:
    """Whether the trigger ``token`` names an event the sentence asserts (or plans, or doubts)."""
    return not (generic(token, lex) or topical(token, lex) or prevented(token, lex) or aimed(token, lex)
                or idiom(token, lex) or conjectured(token) or sought(token, lex) or stance(token, lex))


def sought(token: Token, lex: AssertionLexicon) -> bool:
    """A noun said to be an aim ("the aim of the talks is a lasting ceasefire", "l'objectif est un cessez-le-feu"):
    what is sought, not an event."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "attr":  # English: the noun completes "is", whose subject is the aim
        subjects = [c for c in token.head.children if c.dep_.startswith("nsubj")]
    elif any(c.dep_ == "cop" for c in token.children):  # French (UD): the copula hangs on the noun
        subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    else:
        return False
    return any(normalise(s.lemma_) in lex.aim_nouns or normalise(s.text) in lex.aim_nouns for s in subjects)


def stance(token: Token, lex: AssertionLexicon) -> bool:
    """A noun that completes a word of position ("he is in favour of negotiations", "s'est dit favorable à des
    négociations", "open to talks"): what someone stands for or against, not an event."""
    if token.pos_ not in NOMINAL:
        return False
    if token.head.pos_ == "ADP":  # English: the preposition heads the noun
        head = token.head.head
    elif any(c.dep_ == "case" for c in token.children):  # French (UD): the preposition hangs on the noun
        head = token.head
    else:  # a direct object: "opened talks", "a ouvert des discussions"
        return False
    return head.i != token.i and (normalise(head.lemma_) in lex.stance_words or normalise(head.text) in lex.stance_words)


def heading(span: Span) -> bool:
    """A short line of its own after the first one, with no final full stop and no clause with a
    subject of its own ("Une négociation éclair", "What was agreed": a wh-word is no subject)."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return False
    text, first, last = doc_text(span.doc), tokens[0], tokens[-1]
    before, after = text[:first.idx].rstrip(" \t"), text[last.idx + len(last):].lstrip(" \t")
    if not before.strip() or not before.endswith("\n") or (after and not after.startswith("\n")):
        return False
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > HEADING_WORDS or last.text in HEADING_ENDS or _tags_an_event(words):
        return False
    return not any(_has_subject(t) for t in span if "Fin" in t.morph.get("VerbForm", []))


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it on every access, once per sentence here (#15)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "dragoman.text"


def _tags_an_event(words: list[Token]) -> bool:
    """A line that names a place or a year ("Rencontre mars 2025 Istanbul") tags a report of an event,
    as a headline does; a section label ("Deux groupes d'experts") names neither."""
    return any(t.ent_type_ in PLACE_ENTITIES or (t.is_digit and len(t.text) == 4) for t in words)


def _has_subject(verb: Token) -> bool:
    subjects = labels_for(verb, "any_subject")
    clause = verb if verb.pos_ != "AUX" or verb.dep_ not in labels_for(verb, "verb_group") else verb.head
    return any(c.dep_ in subjects and c.pos_ != "PRON" and "Int" not in c.morph.get("PronType", [])
               and c.tag_ not in ("WP", "WDT") for c in clause.children)


def generic(token: Token, lex: AssertionLexicon) -> bool:
    """The subject of a modal remark about a kind of event ("le dialogue ne peut pas être à sens unique")."""
    if token.pos_ not in NOMINAL or token.dep_ not in labels_for(token, "any_subject"):
        return False
    verb = token.head
    if normalise(verb.lemma_) in lex.modals:  # French: "peut" heads its infinitive or copular phrase
        chain = labels_for(verb, "verb_chain")
        below = [c for c in verb.children if c.dep_ in chain or any(g.dep_ == "cop" for g in c.children)]
        predicate = below[0] if below else None
    elif any(c.dep_ in labels_for(verb, "auxiliary") | {"aux"} and normalise(c.text) in lex.modals
             for c in verb.children):
        predicate = verb
    else:
        return False
    if predicate is None or realised(predicate, lex.events):
        return False
    return _copular(predicate, lex) or is_negated(verb, status_lexicon(token.doc.lang_))


def _copular(predicate: Token, lex: AssertionLexicon) -> bool:
    return bool(word_forms(predicate) & lex.copulas) or any(c.dep_ == "cop" for c in predicate.children)


def topical(token: Token, lex: AssertionLexicon) -> bool:
    """A trigger introduced to a verb that says what something is about ("porter sur une trêve")."""
    marker, verb = _marker(token)
    if marker is None or verb is None:
        return False
    return any(f"{form} {marker}" in lex.topic_verbs for form in word_forms(verb))


def _marker(token: Token) -> tuple[str | None, Token | None]:
    """The preposition that introduces ``token`` and the verb it hangs from, in either scheme."""
    cases = [c for c in token.children if c.dep_ in ("case", "mark")]
    if cases:
        return normalise(cases[0].text), token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return normalise(token.head.text), token.head.head
    return None, None


def prevented(token: Token, lex: AssertionLexicon) -> bool:
    """What a verb of prevention or cessation governs, through the infinitives and purposes between
    them ("empêcher tout groupe d'utiliser le sol pour menacer", "stop attacks"); the doer of a
    stopping is not stopped ("the truce stopped the fighting")."""
    cur = token
    for _ in range(_MAX_CLIMB + 2):
        if cur.head.i == cur.i or cur.dep_ in labels_for(cur, "coordinate_clause") | labels_for(cur, "relative_clause"):
            return False
        below, cur = cur, cur.head
        if below.dep_ in labels_for(below, "any_subject"):
            return False
        if cur.pos_ in ("VERB", "AUX") and realised(cur, lex.preventive_verbs) is not None:
            return True
    return False


def pledges_prevention(verb: Token, lex: AssertionLexicon) -> bool:
    """A promise whose complement is a prevention ("s'engagent à empêcher ..."): what else it governs is
    what is prevented, even where the parser hung it on the promise itself ("... pour menacer")."""
    chain = labels_for(verb, "verb_chain")
    return any(c.dep_ in chain and realised(c, lex.preventive_verbs) is not None for c in verb.children)


def aimed(token: Token, lex: AssertionLexicon) -> bool:
    """The aim of an attempt stated as a purpose ("pour tenter de sauver", "in a bid to revive")."""
    cur = token
    for _ in range(_MAX_CLIMB):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if word_forms(cur) & lex.attempts:
            return _purpose(cur, lex)
    return False


def idiom(token: Token, lex: AssertionLexicon) -> bool:
    """A bare purpose phrase naming a procedure ("rappelé pour consultations", "recalled for consultations")."""
    marker, _ = _marker(token)
    bare = not any(c.dep_ == "det" for c in token.children)
    return marker is not None and bare and f"{marker} {normalise(token.text)}" in lex.purpose_idioms


def _purpose(word: Token, lex: AssertionLexicon) -> bool:
    marks = {normalise(c.text) for c in word.children if c.dep_ in ("mark", "aux", "case")}
    if word.pos_ in NOMINAL:
        return bool(marks & lex.purpose_marks) or (word.dep_ == "pobj" and normalise(word.head.text) in lex.purpose_marks)
    return word.dep_ == "advcl" and bool(marks & lex.purpose_marks)


def conjectured(token: Token) -> bool:
    """In a relative clause of a noun whose verb is conditional ("un mécanisme qui permettrait", "a plan
    under which troops would withdraw"): what a thing would allow, not an act."""
    verb = governing_verb(token)
    for _ in range(_MAX_CLIMB):  # through its infinitives: "qui permettrait de retirer"
        if verb is None or verb.dep_ not in labels_for(verb, "verb_chain"):
            break
        verb = verb.head
    if verb is None or verb.dep_ not in labels_for(verb, "relative_clause") or verb.head.pos_ not in NOMINAL:
        return False
    lex = status_lexicon(token.doc.lang_)
    group = verb_group(verb)
    return any(mood_of(t, lex) == "Cnd" for t in group) or any(
        t.tag_ == "MD" and lex.modal(normalise(t.text)) in ("reported", "uncertain") for t in group)
