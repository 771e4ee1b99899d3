"""The clause an event is read from, and where a mention lies in the tree relative to its trigger.

A :class:`Clause` is what every decision about one coded event reads (its sentence, the article, the
mentions, the document's frame, the language); dating, placing and status take it whole. The
functions below tell whether a date or a place belongs to the event's own clause or to another one
("after Washington said it would send arms *to Kyiv*", "the first talks *since 2019*").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..languages import labels_for, language_data
from ..model import Document, Mention
from ..nlp import Anchor, Mentions
from .syntax import background, recalled_scene
from .triggers import TriggerLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .coder import CodedEvent
    from .framing import Frame

__all__ = ["DECISION_TYPES", "SEQUENCED_TYPES", "Clause", "complement_spans", "discourse", "governed_by_trigger",
           "in_background_clause", "in_other_clause", "in_scene_event", "nominal_chain"]

# Decisions of one party: taken and announced at its seat, wherever what they concern lies.
DECISION_TYPES = frozenset({"SANCTION"})
# Events that a place or date "after"/"in response to" another event is not the place or date of: a
# meeting after an earlier summit, a decision in response to another's. An agreement "after talks in
# Moscow" is reached at those talks.
SEQUENCED_TYPES = DECISION_TYPES | {"CONSULT"}


def discourse(language: str) -> dict[str, Any]:
    """The discourse cues of ``language`` (``data/<language>/discourse.json``): prefixes, markers, templates."""
    return language_data(language, "discourse", optional=True)


@dataclass(frozen=True)
class Clause:
    """One coded event in its sentence (``sent``, a span of the parsed article), with the article
    (``doc``), its mentions, its frame and its language. ``others``: the triggers of the sentence's
    other events, whose own dates are theirs."""
    doc: Document
    sent: Span
    event: CodedEvent
    mentions: Mentions
    frame: Frame
    language: str
    others: tuple[tuple[int, int], ...] = ()

    @property
    def trigger(self) -> tuple[int, int]:
        return self.event.trigger

    @property
    def anchor(self) -> Anchor:
        return self.mentions.anchor

    @property
    def discourse(self) -> dict[str, Any]:
        """The language's discourse cues (:func:`discourse`)."""
        return discourse(self.language)

    @property
    def root(self) -> Token | None:
        """The trigger's head token; None when the trigger does not align with the parse's tokens."""
        span = self.sent.doc.char_span(self.trigger[0], self.trigger[1], alignment_mode="expand")
        return span.root if span is not None else None

    @property
    def headline(self) -> bool:
        """Whether the sentence is the article's title."""
        title = self.doc.title
        if not title:
            return False
        return self.sent.start_char < len(title) and self.doc.text.startswith(title)

    def in_span(self, kind: str) -> list[Mention]:
        """The mentions of ``kind`` (``"dates"``, ``"places"``, ``"actors"``) inside the sentence."""
        return self.mentions.in_span(kind, self.sent.start_char, self.sent.end_char)


def governed_by_trigger(sdoc: Doc, mention: Mention, trigger: tuple[int, int]) -> bool:
    """A date the trigger's own phrase holds ("la rencontre [prévue le 20 mars]", "talks [planned for
    Friday]") dates the event before any nearer date of the clause around it ("a annoncé mardi
    l'annulation de la rencontre prévue le 20 mars": Tuesday is the announcement's). The phrase of a
    noun trigger is the noun phrase it completes ("l'annulation de la rencontre", "the cancellation of
    the meeting"): parsers attach a participle to the first noun of the two."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return False
    phrase = {token.i for token in nominal_chain(head.root)}
    return any(node.i in phrase for node in (span.root, *span.root.ancestors))


def nominal_chain(token: Token) -> list[Token]:
    """The trigger, and the nouns it completes: "rencontre" -> "annulation" in "l'annulation de la rencontre"."""
    chain = [token]
    while token.pos_ in ("NOUN", "PROPN"):
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":  # English: noun <- of <- noun
            head = head.head
        elif token.dep_ != "nmod":
            break
        if head.pos_ != "NOUN" or head.i == token.i:
            break
        chain.append(head)
        token = head
    if token.dep_ in ("nsubj", "nsubjpass") and _reduced_relative(token.head):
        chain.append(token.head)  # "the summit [set for 20 March]" parsed as a clause of its own
    return chain


def _reduced_relative(verb: Token) -> bool:
    """A bare past participle ("set", "planned") the parser made a clause: no auxiliary of its own."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def in_background_clause(sdoc: Doc, mention: Mention, trigger: tuple[int, int], markers: frozenset[str]) -> bool:
    """A date (or place) under a "since" phrase or clause that does not hold the trigger dates the
    background ("the first talks since 2019", "depuis la rupture des relations en 2022"), not the event."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None or not markers:
        return False
    marker = labels_for(span.root, "marker")
    for node in (span.root, *span.root.ancestors):
        marked = node.lower_ in markers or any(c.lower_ in markers and c.dep_ in marker for c in node.children)
        if head.root.i in {t.i for t in node.subtree}:
            return False
        if marked:
            return True
    return False


def in_scene_event(clause: Clause, mention: Mention) -> bool:
    """Whether the date lies in the phrase of an event noun that sets the scene and does not hold the
    trigger ("were meeting, three months after their previous encounter in Brussels on May 22", "trois
    mois après leur précédente rencontre le 22 mai"): that earlier event's date, not this one's. Such a
    noun is no event of its own (it is not asserted), so :func:`held_by_another` does not see it."""
    sdoc = clause.sent.doc
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(clause.trigger[0], clause.trigger[1], alignment_mode="expand")
    if span is None or head is None or clause.event.type not in SEQUENCED_TYPES:
        return False
    lexicon = TriggerLexicon.for_language(clause.language)
    for node in span.root.ancestors:
        if node.left_edge.i <= head.root.i <= node.right_edge.i:
            return False
        if node.pos_ in ("NOUN", "PROPN") and _event_noun(lexicon, node) and background(node, lexicon.cues):
            return True
    return False


def scene_stretches(clause: Clause) -> list[tuple[int, int, int]]:
    """``(noun, start, end)``: each event noun a recalled scene introduces ("after their summit", "après leur
    sommet"), with the characters from it to the next comma, semicolon or colon (or the sentence's end). A
    date in that stretch is the scene's event's even where the parser hung it on the main verb ("se voyaient
    pour la troisième fois, après leur sommet à Singapour en juin 2018")."""
    lexicon = TriggerLexicon.for_language(clause.language)
    sent, found = clause.sent, []
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or not _event_noun(lexicon, token) \
                or not recalled_scene(token, lexicon.cues):
            continue
        stop = next((t for t in sent if t.i > token.i and t.text in (",", ";", ":")), None)
        found.append((token.i, token.idx, stop.idx if stop is not None else sent.end_char))
    return found


def _event_noun(lexicon: TriggerLexicon, token) -> bool:
    entry = lexicon.entry_for(token)
    return entry is not None and entry.pos == "noun"


def in_other_clause(sdoc: Doc, mention: Mention, trigger: tuple[int, int]) -> bool:
    """A place inside a clause with a subject of its own that does not hold the trigger is that
    clause's ("the meeting came after Washington said it would send arms *to Kyiv*")."""
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = sdoc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return False
    # an own clause is never a complement: in "talks will be in X, he said" X is the talks' place
    subjects, own = labels_for(span.root, "nominal_subject"), labels_for(span.root, "own_clause")
    for node in (span.root, *span.root.ancestors):
        if head.root.i in {t.i for t in node.subtree}:
            return False
        subject = any(c.dep_ in subjects and c.pos_ != "PRON" for c in node.children)
        if node.dep_ in own and subject and not predicate_of_noun(node):
            return True
    return False


def predicate_of_noun(node: Token) -> bool:
    """A verb the parser coordinated with a noun ("Le cycle de pourparlers entre la Russie et l'Ukraine
    s'est achevé": 'achevé' conjoined to 'cycle', 'l'Ukraine' its subject) is that noun's predicate,
    not a clause of its own: a noun and a verb are never conjuncts."""
    return node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("NOUN", "PROPN")


def complement_spans(verb: Token) -> list[tuple[int, int]]:
    """Character spans of the clauses a verb trigger governs: an infinitive or a that-clause with a
    verb of its own ("agreed to hold talks", "ont convenu de se retrouver", "said that ...")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    spans = []
    complement = labels_for(verb, "complement_clause")
    for child in verb.children:
        if child.dep_ in complement and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
            tokens = list(child.subtree)
            spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return spans
