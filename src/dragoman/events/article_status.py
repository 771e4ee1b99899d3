"""The status of an article's events read against each other (issue #13).

The grammar gives each clause's event its status (:mod:`dragoman.events.status`); an article can still
say more about an event than the clause that names it: one party denies talks the other announced
(they are uncertain there), and a verbless headline ("Sommet Liban-Syrie à Damas") says nothing of its
event's status, which its body reports ("se rencontreront"), nor its date, which the body's report of the same event
gives. Across articles, the latest report of an
outcome decides (:mod:`dragoman.stories`).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import EventCandidate
from .clause import Clause
from .status_lexicon import status_lexicon
from .verb_groups import realised, setting_of

__all__ = ["document_statuses"]

# Events that need both sides: one side's denial leaves the other's report of it uncertain.
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def document_statuses(pairs: list[tuple[Clause, EventCandidate]]) -> list[EventCandidate]:
    """The candidates of one article, each clause with its candidate, read against each other: a joint
    event one of its parties denies is uncertain ("Washington announced talks ...; Tehran denied any
    talks"), a verbless headline ("Sommet Liban-Syrie à Damas") has the status its body reports, and an
    undated headline the date its body gives the same event."""
    denials = [cand for clause, cand in pairs if _denied(clause)]
    body = [cand for clause, cand in pairs if not clause.headline and not cand.background]
    settled = []
    for clause, cand in pairs:
        if clause.headline and _verbless(clause):
            same = next((other for other in body if _same_event(cand, other)), None)
            cand = cand if same is None else replace(cand, status=same.status)
        if clause.headline and not cand.date.known:
            cand = _dated_by_body(cand, body)
        if cand.type in JOINT_TYPES and cand.status != "cancelled" and not cand.background and any(
                _same_event(cand, denial) for denial in denials):
            cand = replace(cand, status="uncertain")
        settled.append(cand)
    return settled


def _dated_by_body(cand: EventCandidate, body: list[EventCandidate]) -> EventCandidate:
    """A headline names no date; its event is the one the body reports first with a date ("Premiers
    pourparlers près de Gomel" / "se sont quittées lundi soir au terme de cinq heures de discussions")."""
    same = next((other for other in body if other.date.known and _same_event(cand, other)), None)
    return cand if same is None else replace(cand, date=same.date)


def _denied(clause: Clause) -> bool:
    """Whether the clause's event is denied ("a démenti toute négociation", "denied that talks were under way")."""
    root = clause.root
    if root is None:
        return False
    setting = setting_of(root, status_lexicon(clause.language))
    return any(realised(head, setting.lex.denial_heads) for head in setting.heads)


def _verbless(clause: Clause) -> bool:
    root = clause.root
    return root is not None and setting_of(root, status_lexicon(clause.language)).gov is None


def _same_event(cand: EventCandidate, other: EventCandidate) -> bool:
    """Same type between the same parties (one side's list may name a third)."""
    codes, theirs = {a.code for a in cand.actors}, {a.code for a in other.actors}
    return (cand is not other and cand.type == other.type and len(codes & theirs) >= 2
            and (codes <= theirs or theirs <= codes))
