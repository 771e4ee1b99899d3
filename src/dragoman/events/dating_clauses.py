"""Which clause a date belongs to, seen from an event's trigger, and the tense of that clause.

A date dates the event of its own clause first: in "a déclaré mardi que la rencontre prévue le 20 mars
aurait lieu à Oslo", the 20th is the meeting's and Tuesday the declaration's. A date of a clause above the
trigger's is a fallback only, and never across a relative clause ("Norway, whose ministers met on
Tuesday, will meet Sweden next month": next month is not when they met; "Skripal, a former officer who
passed secrets to Britain, was found on March 4": an apposition's relative clause) or a clause of sequence ("a day
after Moscow and Kyiv signed", "après que les deux camps eurent accepté"). A date inside a relative or
complement clause the trigger is not in belongs to that clause ("signed an agreement that will expire in
six years"); one of a coordinate or adverbial clause beside it is the last resort.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..languages import labels_for
from ..model import Mention
from .status_lexicon import status_lexicon
from .verb_groups import conditional_perfect, group_tense, verb_group

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SIBLING", "clause_head", "clause_rank", "clause_tense", "reported", "verb_tense"]

SIBLING = 50  # a date of a clause beside the trigger's: used when nothing nearer dates the event
PREDICATES = frozenset({"VERB", "AUX"})
PAST, FUTURE = frozenset({"Recent", "Remote"}), frozenset({"Fut"})
AHEAD = frozenset({"planned", "reported"})  # modal readings that put the event ahead ("will", "would")


def clause_head(token: Token) -> Token:
    """The head of the smallest clause holding ``token`` (a verb heading a clause, or the root)."""
    labels = labels_for(token, "clause_head")
    for _ in range(len(token.doc)):
        if token.head.i == token.i or (token.dep_ in labels and token.pos_ in PREDICATES):
            return token
        token = token.head
    return token


def clause_rank(sdoc: Doc, mention: Mention, trigger: tuple[int, int], sequence: frozenset[str]) -> int | None:
    """0 for a date of the trigger's own clause, k for one k clauses above it, :data:`SIBLING` for one of a
    coordinate or adverbial clause beside it; None when the date is another clause's (see the module)."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return 0
    own, above = clause_head(span.root), _clauses_above(head.root)
    positions = [c.i for c in above]
    if own.i in positions:
        level = positions.index(own.i)
        return None if any(_closed(c, span.root, own, sequence) for c in above[:level]) else level
    for clause in _clauses_above(own):
        if clause.i in positions:
            return SIBLING
        if _enclosed(clause, sequence):
            return None
    return SIBLING


def _clauses_above(token: Token) -> list[Token]:
    """The heads of the clauses holding ``token``, innermost first, up to the sentence's root."""
    heads = [clause_head(token)]
    while heads[-1].head.i != heads[-1].i and len(heads) < 20:
        heads.append(clause_head(heads[-1].head))
    return heads


def _closed(clause: Token, date: Token, above: Token, sequence: frozenset[str]) -> bool:
    """Whether a clause on the way up from the trigger keeps its time from the date of the clause ``above``:
    one of sequence ("after they signed"), or a relative clause in another tense than the clause above,
    unless the date is its antecedent's ("the declaration of 11 May, in which both sides pledged")."""
    if _markers(clause) & sequence:
        return True
    if clause.dep_ not in labels_for(clause, "relative_clause"):
        return False
    antecedent = {t.i for t in clause.head.subtree} - {t.i for t in clause.subtree}
    if date.i in antecedent:
        return False
    # a relative clause of an apposition tells who someone is, from any time ("Skripal, a former officer who
    # passed secrets to Britain, was found on March 4")
    return verb_tense(clause) != verb_tense(above) or clause.head.dep_ in labels_for(clause, "apposition")


def _enclosed(clause: Token, sequence: frozenset[str]) -> bool:
    """A clause whose dates are its own, seen from beside it: a relative clause, or one of sequence."""
    return clause.dep_ in labels_for(clause, "relative_clause") or bool(_markers(clause) & sequence)


def _markers(clause: Token) -> set[str]:
    marker = labels_for(clause, "marker")
    words = {c.lower_ for c in clause.children if c.dep_ in marker}
    if clause.head.dep_ in marker:  # "after signing": the preposition heads the clause
        words.add(clause.head.lower_)
    return words


def clause_tense(sdoc: Doc, mention: Mention) -> int:
    """The tense of the clause a date belongs to (:func:`verb_tense` of its head); 0 when unknown, or when
    the date hangs on a participle that describes a noun ("la rencontre prévue jeudi", "the talks set for
    Friday"), which has no tense of its own."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return 0
    verb = next((t for t in span.root.ancestors if t.pos_ in PREDICATES), None)
    if verb is not None and verb.dep_ in labels_for(verb, "describing_modifier"):
        return 0
    return verb_tense(clause_head(span.root))


def verb_tense(verb: Token) -> int:
    """The tense of a clause's verb group: -1 past, +1 future or conditional (a reported future, "will",
    "would"), 0 present or unknown. A conditional perfect ("aurait rencontré", "would have met") looks back;
    the French future perfect of news too ("n'aura duré qu'une heure")."""
    if verb.pos_ not in PREDICATES:
        return 0
    lex = status_lexicon(verb.doc.lang_)
    group = verb_group(verb)
    tense = group_tense(verb, group, lex)
    if tense in PAST or tense == "FutPerfect" or conditional_perfect(verb, lex):
        return -1
    ahead = any(lex.modal(t.lower_) in AHEAD for t in group if t.i != verb.i and t.pos_ == "AUX")
    return 1 if tense in FUTURE or tense == "Cnd" or ahead else 0


def reported(sdoc: Doc, mention: Mention) -> bool:
    """Whether a date lies in a reported clause ("told reporters [the meeting was expected on 18 March]"),
    whose past may be the reporting verb's, not its own."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and clause_head(span.root).dep_ in labels_for(span.root, "complement_clause")
