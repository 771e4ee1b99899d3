"""Candidates stage: coded triggers + mentions -> one EventCandidate per event reading.

A coded trigger gives the type and the parties the parse shows; each is read in its :class:`Clause`.
Parties (:mod:`.parties`, with the document :mod:`.framing`), date (:mod:`.dating`), place
(:mod:`.placing`) and status (:mod:`.status`) are decided from the trigger's sentence; people, venue
and topics, for the article's main event, from the rest of the article too.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor, Document, EventCandidate, Evidence, Location, Mention
from ..nlp import Mentions
from .article_status import document_statuses
from .attendance import event_people
from .clause import Clause
from .dating import event_date, habitual, is_background
from .framing import Frame, document_frame
from .parties import event_parties, party_codes
from .placing import event_place
from .posts import gone_home, one_per_post
from .rounds import one_per_round
from .status import candidate_status, clause_status
from .syntax import recalled_scene
from .topics import TopicReading, read_topics
from .triggers import TriggerLexicon
from .venue_choice import event_venue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .coder import CodedEvent

__all__ = ["build_candidates", "clauses", "draft"]

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # joint acts: their parties are no doers and targets


def build_candidates(doc: Document, sdoc: Doc, mentions: Mentions, coded: Sequence[CodedEvent], *,
                     language: str) -> list[EventCandidate]:
    """One candidate per coded (non-negated) trigger that has, or inherits, two parties."""
    frame = document_frame(mentions, sdoc, language=language)
    sents = list(sdoc.sents)
    pairs = [(clause, cand) for clause in clauses(doc, sents, mentions, coded, frame=frame, language=language)
             if (whole := draft(clause)) is not None for one in one_per_post(whole)
             for cand in one_per_round(clause, one)]
    drafts = document_statuses(pairs)
    main = [d for d in drafts if not d.background]
    own_sentences = {d.evidence[0].start for d in drafts if d.background}
    reading = TopicReading()  # an article without events of its own has no topics to read
    if main:
        reading = read_topics([s for s in sents if s.start_char not in own_sentences], language=language)
    events = {d.evidence[0].start for d in main}
    held = [(d, event_venue(d, mentions, taken=own_sentences, events=events, place=frame.location, language=language))
            for d in drafts]
    return [finish_main(d, mentions, venue, reading, drafts, language=language) for d, venue in held
            if not d.background] + \
        [finish_background(d, sents, mentions, venue, language=language) for d, venue in held if d.background]


def clauses(doc: Document, sents: list[Span], mentions: Mentions, coded: Sequence[CodedEvent], *, frame: Frame,
            language: str) -> list[Clause]:
    """The clause of each asserted (non-negated) coded event, with the triggers of its sentence's others."""
    triggers: dict[int, list[tuple[int, int]]] = {}
    for event in coded:
        triggers.setdefault(event.sentence, []).append(event.trigger)
    return [Clause(doc=doc, sent=sents[event.sentence], event=event, mentions=mentions, frame=frame,
                   language=language, others=tuple(t for t in triggers[event.sentence] if t != event.trigger))
            for event in coded if not event.negated]


def draft(clause: Clause) -> EventCandidate | None:
    """The candidate of one clause, before the article-wide people, venue and topics."""
    actors = event_parties(clause)
    if len(party_codes(actors)) < 2 or not (clause.event.type in SYMMETRIC or doer_named(actors) or mutual(clause)):
        return None
    if untitled(clause):
        return None
    grammar = clause_status(clause)
    root = clause.root
    # a called-off meeting named by a noun is dated by its own phrase only: the clause's date is the calling off's
    called_off = grammar == "cancelled" and root is not None and root.pos_ in ("NOUN", "PROPN")
    # so is a meeting a scene recalls ("went to Rabat on Monday, after a phone call"): Monday is the trip's
    cues = TriggerLexicon.for_language(clause.language).cues
    scene = recalled_scene(root, cues) if root is not None and root.pos_ in ("NOUN", "PROPN") else set()
    when = event_date(clause, phrase_only=called_off or bool(scene))
    where = event_place(clause, actors, when)
    if gone_home(clause, where):
        return None
    habit = habitual(clause)
    status, when = candidate_status(clause, grammar, when, habitual=habit)
    doc, sent, event = clause.doc, clause.sent, clause.event
    evidence = Evidence(doc.id, sent.start_char, sent.end_char, doc.text[sent.start_char:sent.end_char])
    return EventCandidate(
        document=doc.id, type=event.type, status=status, mode=meeting_mode(event.type, event.mode, actors, where),
        cameo=event.cameo, actors=actors,
        location=where, date=when, evidence=(evidence,), trigger=doc.text[event.trigger[0]:event.trigger[1]],
        confidence=0.8 if event.source else 0.5,
        # what came before the sentence's event ("after their previous meeting in Tokyo") is recalled
        background=habit or bool(scene & cues.recalled_scenes) or is_background(when, clause.anchor))


def untitled(clause: Clause) -> bool:
    """A title that names none of its parties ("Talks", "Pourparlers", "A deal") labels the article; the
    event it names is the one the text reports, with the parties the text gives it."""
    first_line = clause.doc.text.find("\n")
    in_title = clause.sent.start_char == 0 and 0 < first_line and clause.trigger[1] <= first_line
    return in_title and not clause.mentions.in_span("actors", 0, first_line)


def doer_named(actors: tuple[Actor, ...]) -> bool:
    """An act needs a doer among its parties: a reading whose parties are all its targets ("Le communiqué
    remercie l'Irak et Oman", "the deal provided for an exchange of prisoners") names what was done to
    them by someone it does not name, or by a text, not an event between them."""
    return any(a.role not in ("target", "host", "observer") for a in actors)


def mutual(clause: Clause) -> bool:
    """A trigger a word of mutuality qualifies ("des expulsions réciproques", "tit-for-tat expulsions") or a
    trigger whose own phrase names its parties as partners ("expulsions of diplomats between Russia and the US",
    "the talks between Iran and the US were postponed"):
    each party is doer and target, so all may be named as its targets."""
    root = clause.root
    if root is None:
        return False
    if any(t.lower_ in clause.discourse.get("mutual_words", ()) for t in root.children):
        return True
    partners = {w for w, role in TriggerLexicon.for_language(clause.language).cues.prepositions.items()
                if role == "partner"}
    return any(t.lower_ in partners and _in_phrase(t, root) for t in root.subtree)


def _in_phrase(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs on ``root`` through nouns and prepositions only (no other clause between)."""
    node = token.head
    while node.i != root.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def meeting_mode(kind: str, mode: str | None, actors: tuple[Actor, ...], where: Location | None) -> str | None:
    """PLOVER's mode of a meeting the verb did not qualify (not a visit, a call or a hosting): held in the
    country of none of its parties, it is at a third location between two sides, multilateral among more."""
    if kind != "CONSULT" or mode is not None or where is None or where.country is None:
        return mode
    sides = party_codes(actors)
    if len(sides) < 2 or where.country in sides:
        return mode
    return "third-party" if len(sides) == 2 else "multilateral"


def finish_main(cand: EventCandidate, mentions: Mentions, venue: Mention | None, reading: TopicReading,
                drafts: Sequence[EventCandidate], *, language: str) -> EventCandidate:
    """The article's own event reads people, venue and topics across the article (``reading``), its
    people outside the sentences of the other events (``drafts``)."""
    return replace_fields(cand, people=event_people(cand, mentions, others=drafts, language=language),
                          venue=str(venue.value) if venue is not None else None,
                          topics=codes_of(reading.topics), excluded=codes_of(reading.excluded))


def finish_background(cand: EventCandidate, sents: list[Span], mentions: Mentions, venue: Mention | None, *,
                      language: str) -> EventCandidate:
    """A recalled event reads people, venue and topics in its own sentence only."""
    start = cand.evidence[0].start
    own = [s for s in sents if s.start_char == start]
    reading = read_topics(own, language=language)
    return replace_fields(cand, people=event_people(cand, mentions, others=None, language=language),
                          venue=str(venue.value) if venue is not None else None,
                          topics=codes_of(reading.topics), excluded=codes_of(reading.excluded))


def codes_of(spans) -> tuple[str, ...]:
    return tuple(sorted({code for code, _, _ in spans}))


def replace_fields(cand: EventCandidate, *, people, venue, topics, excluded) -> EventCandidate:
    location = cand.location
    if venue and location is not None:
        location = replace(location, venue=venue)
    topics = tuple(t for t in topics if t not in excluded)
    return replace(cand, people=people, location=location, topics=topics, excluded_topics=excluded)
