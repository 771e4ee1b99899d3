"""Pass 3 of the people reader: role cues.

Who leads a delegation (passive and active voice), who hosts; the delegation's
or side's actor ("la délégation russe", "Du côté américain") gives its leader's
affiliation.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .occurrences import BY_DELEGATION, BY_SIDE, Occurrence
from .titles import affiliation
from .view import View

if TYPE_CHECKING:
    from spacy.tokens import Token


def apply_cues(view: View, occurrences: list[Occurrence]) -> None:
    """Roles and affiliations that verbs (lead, host, receive) and side phrases give the occurrences."""
    lex = view.lex
    for token in view.doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "ADJ", "AUX"):
            continue
        if lemma in lex.lead_lemmas or view.word(token.i) in lex.lead_lemmas:
            _lead_cue(view, token, occurrences)
        elif lemma in lex.host_lemmas or lemma in lex.receive_lemmas:
            _host_cue(view, token, occurrences)
    _side_cues(view, occurrences)


def _passive(view: View, token: Token) -> bool:
    return token.i + 1 < len(view.doc) and view.word(token.i + 1) in view.lex.passive_markers


def _lead_cue(view: View, verb: Token, occurrences: list[Occurrence]) -> None:
    """"la délégation russe sera dirigée par X", "a delegation led by X", "X headed the delegation"."""
    if _passive(view, verb):
        group = _group_before(view, verb.i)
        target = _next_occurrence(view, verb.i + 1, occurrences)
    else:
        group = _delegation_after(view, verb.i)
        target = _subject(view, verb, occurrences)
    if group is None or target is None:
        return
    target.roles.add("head_of_delegation")
    if group[1]:
        target.actors.append((BY_DELEGATION, group[1]))


def _host_cue(view: View, verb: Token, occurrences: list[Occurrence]) -> None:
    """"X accueille", "hosted by X"; "recevoir"/"receive" only with a person as object."""
    if _passive(view, verb):
        target = _next_occurrence(view, verb.i + 1, occurrences)
    elif verb.lemma_.lower() in view.lex.host_lemmas or _object_is_person(view, verb, occurrences):
        target = _subject(view, verb, occurrences)
    else:
        target = None
    if target is not None:
        target.roles.add("host")


def _side_cues(view: View, occurrences: list[Occurrence]) -> None:
    """"Du côté américain, … X": the first person after a side phrase may belong to that side."""
    for token in view.doc:
        if view.word(token.i) not in view.lex.side_words or _occurrence_at(occurrences, token.i):
            continue
        actor = _group_actor(view, token.i, token.i + 3)
        after = [o for o in occurrences if o.name and o.lo > token.i and view.same_sentence(o.lo, token.i)]
        if actor and after:
            after[0].actors.append((BY_SIDE, actor))


def _group_before(view: View, i: int) -> tuple[int, str | None] | None:
    """The delegation a passive leading verb is about, and the actor of the nearest group phrase."""
    lex, start = view.lex, max(0, i - 12)
    words = [j for j in range(i - 1, start - 1, -1) if view.same_sentence(j, i)
             and view.word(j) in lex.delegation_words | lex.side_words]
    if not any(view.word(j) in lex.delegation_words for j in words):
        return None
    actors = (_group_actor(view, j, i) for j in words)
    return words[0], next((a for a in actors if a), None)


def _delegation_after(view: View, i: int) -> tuple[int, str | None] | None:
    for j in range(i + 1, min(len(view.doc), i + 5)):
        if view.word(j) in view.lex.delegation_words:
            return j, _group_actor(view, j, j + 4)
    return None


def _group_actor(view: View, w: int, limit: int) -> str | None:
    """The actor of a group phrase around ``w``: "la délégation russe", "the US side"."""
    lo = w - 3
    while lo < w and not view.same_sentence(lo, w):
        lo += 1
    hi = min(limit, w + 4, len(view.doc))
    return affiliation(view, lo, hi) if any(view.same_sentence(k, w) for k in range(lo, hi)) else None


def _next_occurrence(view: View, i: int, occurrences: list[Occurrence]) -> Occurrence | None:
    for occ in occurrences:
        if occ.lo > i and view.same_sentence(occ.lo, i):
            return occ if occ.lo - i <= 4 else None
    return None


def _occurrence_at(occurrences: list[Occurrence], i: int) -> Occurrence | None:
    return next((occ for occ in occurrences if occ.lo <= i < occ.hi), None)


def _subject(view: View, verb: Token, occurrences: list[Occurrence]) -> Occurrence | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl:subj"):
            head = verb.head if view.word(child.i) in view.lex.relatives else child
            occ = _occurrence_at(occurrences, head.i)
            if occ:
                return occ
    j = verb.i - 1  # parsers often misattach the subject: take a person right before the verb
    while j >= 0 and (view.doc[j].pos_ in ("AUX", "ADV", "PART") or view.doc[j].text == ","
                      or view.word(j) in view.lex.relatives):
        j -= 1
    return _occurrence_at(occurrences, j) if view.same_sentence(j, verb.i) else None


def _object_is_person(view: View, verb: Token, occurrences: list[Occurrence]) -> bool:
    objects = [c.i for c in verb.children if c.dep_ in ("obj", "dobj")]
    nxt = verb.i + 1
    while nxt < len(view.doc) and view.doc[nxt].pos_ == "DET":
        nxt += 1
    return any(_occurrence_at(occurrences, i) for i in [*objects, nxt])
