"""Sentence-level event coding from the dependency parse (``dragoman code``).

For each trigger the lexicon finds (:mod:`dragoman.events.triggers`), the
arguments come from the tree, not from word order: the source is the subject
(or the ``by``/``par`` agent of a passive), the target the objects and the
oblique arguments whose preposition marks a recipient (``with``/``avec`` mark
a partner, ``against``/``contre`` a target...). A noun trigger takes its
arguments from its own modifiers ("US-Russia talks", "sanctions against Iran",
"l'expulsion de diplomates français") and, failing that, from the verb that
governs it ("Russia *held* talks with..."). A trigger embedded under another
trigger is part of that event ("threatened to impose sanctions" is one THREATEN
event), as in CAMEO's coding of the main verb. Reporters of speech are never
arguments: "a annoncé l'agence TASS" only governs the clause it reports.

:class:`CodedEvent` keeps the lexical type with ``future`` and ``negated`` flags;
:mod:`dragoman.events.coding` applies PLOVER's conventions to it for the ``code`` contract.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..languages import labels_for
from ..model import Actor, ActorRole, Mention
from ..nlp import ActorIndex
from .arguments import ArgumentReader, Frame
from .assertion import assertion_lexicon, asserts, heading, pledges_prevention
from .repair import repaired
from .status_lexicon import status_lexicon
from .syntax import background, future, negated, np_indices, pp_arguments, recalled_scene, state_word
from .triggers import TriggerLexicon, TriggerMatch, plover

DISTINCT_MODES = frozenset({"CONSULT"})  # types whose modes (visit, phone, meet) are never facets of one act
SENTENCE_END = frozenset({".", "!", "?", "…", ";"})
VERBAL_QUADS = frozenset({"verbal cooperation", "verbal conflict"})


@dataclass(frozen=True)
class CodedEvent:
    """One event read from one sentence.

    ``type`` is the lexical PLOVER type ("meet" is CONSULT even when it will
    happen next week); ``future`` and ``negated`` say how it is asserted.
    """
    type: str
    mode: str | None
    cameo: str | None
    trigger: tuple[int, int]
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    negated: bool
    sentence: int
    future: bool = False
    text: str = ""


# ----------------------------------------------------------------- subsumption

def governor(token, triggers: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """The trigger this one is part of: "refused to *meet*", "demanded the *release*",
    "held talks on a troop *pullback*" (through the light verb's object)."""
    cur = token
    subjects = labels_for(token, "nominal_subject")
    for _ in range(8):
        if cur.head.i == cur.i or not _embeds(cur, triggers[token.i]):
            return None
        if cur.i != token.i and cur.dep_ in subjects:  # "the ministers, who *met* on Tuesday, praised": the
            return None  # meeting describes who praised; it is no part of the praise
        below, cur = cur, cur.head
        if below.dep_ != "conj" and cur.i in triggers:
            return triggers[cur.i]
        light = _light_object(cur, below, triggers)
        if light is not None:
            return light
    return None


def _embeds(token, match: TriggerMatch) -> bool:
    """Whether ``token``'s own trigger can be part of its head's: a conjunct or a relative clause can, an
    apposition or a parenthetical cannot; an adverbial clause only when it says what for."""
    dep = token.dep_
    if _own_clause(token):
        return False
    if dep == "advcl":
        return _verbal(match) or "Inf" in token.morph.get("VerbForm") or any(
            c.lower_ in ("to", "pour", "afin") for c in token.children if c.dep_ in ("aux", "mark"))
    return dep not in labels_for(token, "not_embedding")


def _light_object(verb, below, triggers: dict[int, TriggerMatch]) -> TriggerMatch | None:
    if verb.i in triggers or below.dep_ in labels_for(verb, "object") or below.dep_.startswith("nsubj"):
        return None
    objects = labels_for(verb, "direct_object")
    return next((triggers[c.i] for c in verb.children if c.dep_ in objects and c.i in triggers), None)


def _verbal(match: TriggerMatch) -> bool:
    return plover().quads.get(match.entry.type) in VERBAL_QUADS


def main_triggers(matches: list[TriggerMatch], doc) -> list[tuple[TriggerMatch, list[TriggerMatch]]]:
    """Triggers not embedded under another one, each with the triggers it governs."""
    by_token = {m.token: m for m in matches}
    embedded: dict[int, list[TriggerMatch]] = {}
    free = []
    for match in matches:
        boss = governor(doc[match.token], by_token)
        if boss is None:
            free.append(match)
        else:
            embedded.setdefault(boss.token, []).append(match)
    return [(m, embedded.get(m.token, [])) for m in free]


def called_off(groups: list[tuple[TriggerMatch, list[TriggerMatch]]]) -> list[TriggerMatch]:
    """The meetings a refusal to meet is about ("reporte sa visite", "called off the summit"): events of
    their own, which the status stage reads as cancelled."""
    return [item for match, inner in groups if match.entry.type == "REJECT" and match.entry.mode == "meet"
            for item in inner if item.entry.type == "CONSULT"]


def complements(match: TriggerMatch, inner: list[TriggerMatch], doc) -> list[TriggerMatch]:
    """Embedded triggers that say what is promised, ordered or threatened (not adjuncts)."""
    found = []
    for item in inner:
        cur = doc[item.token]
        embedded = labels_for(cur, "embedded_complement")
        while cur.i != match.token and cur.dep_ in embedded and cur.head.i != cur.i and not _own_clause(cur):
            cur = cur.head
        if cur.i == match.token:
            found.append(item)
    return found


def _own_clause(token) -> bool:
    """A conjoined verb with a subject of its own ("prêt à signer et que la partie serbe a refusé", "ready to
    sign, and the Serbs refused") is a clause of its own, not part of what the first verb's governor says."""
    subjects = labels_for(token, "nominal_subject")
    return token.dep_ == "conj" and any(c.dep_ in subjects for c in token.children)


def committed_type(match: TriggerMatch, inner: list[TriggerMatch]) -> tuple[str, str | None, str | None]:
    """Type of a promise, vow, threat or order: what is promised or ordered decides
    ("vowed to fight" threatens, "ordered the arrest" coerces)."""
    entry = match.entry
    if entry.causative and inner:
        return inner[0].entry.type, inner[0].entry.cameo, inner[0].entry.mode
    conflict = [m for m in inner if "conflict" in plover().quads.get(m.entry.type, "")]
    if not entry.commissive or not conflict:
        return entry.type, entry.cameo, entry.mode
    shift = plover().future.get(conflict[0].entry.type)
    if shift and shift[0] == "THREATEN":
        return shift
    return "THREATEN", "130", entry.mode if entry.type == "THREATEN" else None


# ----------------------------------------------------------------- coding

class SentenceCoder:
    """Codes the sentences of one parsed document."""

    def __init__(self, doc, actors: Sequence[Mention], *, language: str, called_off_meetings: bool = False) -> None:
        self.called_off_meetings = called_off_meetings
        self.lexicon = TriggerLexicon.for_language(language)
        self.cues = self.lexicon.cues
        self.assertion = assertion_lexicon(language)
        self.status = status_lexicon(language)
        self.index = ActorIndex(doc, actors)
        self.doc = repaired(doc, self.lexicon, self.index)  # same tokens: the index holds
        self.text = doc.text  # built anew on every access of ``doc.text``
        self.reader = ArgumentReader(self.index, self.cues)
        self.sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}

    def code(self, span) -> list[CodedEvent]:
        span = self.doc[span.start:span.end]
        if heading(span):
            return []
        found = self.lexicon.find(span)
        unasserted = [m for m in found if not self._asserted(self.doc[m.token])]
        # the act a trigger of the background says is refused, accepted or planned is no more asserted than it
        # ("because Iran refuses [to sit down with] American officials", "if Moscow agrees [to negotiate]");
        # a thing it names still is ("when Trump had called off [a meeting] at Camp David")
        matches = [m for m in found if m not in unasserted
                   and not (m.entry.pos == "verb" and any(complements(u, [m], self.doc) for u in unasserted))]
        states = [m for m in matches if m.entry.pos == "noun" and m.entry.type == "CONSULT"
                  and state_word(self.doc[m.token], self.cues)]
        # "they met again, after their summit in Singapore": the scene's meeting is an event of its own
        scenes = [m for m in matches if self.called_off_meetings and m.entry.pos == "noun" and m not in states
                  and recalled_scene(self.doc[m.token], self.cues)]
        alone = states + scenes
        groups = main_triggers([m for m in matches if m not in alone], self.doc) + [(m, []) for m in alone]
        events = [self.event(m, complements(m, inner, self.doc), span) for m, inner in groups]
        if self.called_off_meetings:
            events += [self.event(m, [], span) for m in called_off(groups)]
        apart = [e for e in events if self._another_instance(e)]
        merged = merge_events([e for e in events if e not in apart]) + apart
        return absorb(sorted(merged, key=lambda e: e.trigger))

    def _another_instance(self, event: CodedEvent) -> bool:
        """A noun trigger a word sets in another time ("their previous encounter", "la prochaine réunion")
        names another event than the sentence's own one of that type: it is not merged with it."""
        span = self.doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
        if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
            return False
        words = self.status.planned_modifiers | self.status.past_modifiers
        if any(c.lemma_.lower() in words or c.lower_ in words for c in span.root.children):
            return True
        # "they met again, after their summit in Singapore": the scene's meeting came before this one
        return self.called_off_meetings and bool(recalled_scene(span.root, self.cues))

    def _asserted(self, token) -> bool:
        """Not setting the scene ("after two days of fighting") and asserting an event (:mod:`.assertion`)."""
        return not background(token, self.cues, recalled=self.called_off_meetings) and asserts(token, self.assertion)

    def event(self, match: TriggerMatch, inner: list[TriggerMatch], unit) -> CodedEvent:
        token = self.doc[match.token]
        noun = match.entry.pos == "noun"
        frame = self.reader.frame(token, match)
        if not frame.sources:
            frame.add("sources", self._split_subject(token, unit))
        judged = self._judged(frame, inner[0]) if match.entry.evaluative and inner else None
        # a meeting "to unblock sanctions against Russia" is not held with Russia; one "to negotiate with" is
        aim = match.entry.type == "CONSULT" and any(m.entry.type != "CONSULT" for m in inner[:1])
        if not (frame.objects or frame.targets or frame.partners or aim):
            self._inherit_targets(frame, token, inner, judged)
        if match.entry.commissive and pledges_prevention(token, self.assertion):
            inner = []  # "s'engagent à empêcher ... de menacer": a pledge of peace, no threat
        if match.entry.commissive:  # "a promis de ne jamais menacer", "vowed not to attack": no threat either
            inner = [m for m in inner if not negated(self.doc[m.token], self.cues, m.entry.pos == "noun")]
        kind, cameo, mode = committed_type(match, inner)
        source, target = self.roles(frame, match.entry.symmetric)
        return CodedEvent(type=kind, mode=mode, cameo=cameo, trigger=(match.start, match.end), source=source,
                          target=target, negated=negated(token, self.cues, noun),
                          sentence=self.sent_of.get(token.i, 0), future=future(token, self.cues, noun),
                          text=self.text[match.start:match.end])

    def _split_subject(self, token, unit) -> list[int]:
        """ "Paris et Berlin | ont convenu...": the parser cut the sentence after its subject."""
        sent = token.sent
        subject = labels_for(token, "subject") | labels_for(token, "passive_subject")
        if sent.start <= unit.start or any(c.dep_ in subject for c in sent.root.children):
            return []
        before = self.doc[unit.start:sent.start]
        if any(t.pos_ in ("VERB", "AUX") for t in before):
            return []
        return self.index.within(range(before.start, before.end))

    def _judged(self, frame: Frame, act: TriggerMatch) -> Frame:
        """The frame of the act that is praised or blamed, without whom it was aimed at ("praised the
        EU's sanctions against Russia": Russia is not praised); those leave the judgement's frame too."""
        token = self.doc[act.token]
        aimed = [m for word, noun in pp_arguments(token, self.cues) if self.cues.prepositions.get(word) == "target"
                 for m in self.index.within(np_indices(noun))]
        own = {self.index.mentions[m].value.code for m in frame.sources}  # its own side's measure: "the EU's"
        for role in ("objects", "targets", "weak"):
            setattr(frame, role, [m for m in getattr(frame, role)
                                  if m not in aimed and self.index.mentions[m].value.code not in own])
        judged = self.reader.frame(token, act)
        doers = [m for m in judged.sources + judged.partners + judged.targets + judged.objects if m not in aimed]
        result = Frame()
        result.add("sources", doers)
        return result

    def _inherit_targets(self, frame: Frame, token, inner: list[TriggerMatch], judged: Frame | None) -> None:
        """ "threatened to impose sanctions on Iran", "offered to hand over to Britain...": the
        target of what is threatened, offered or demanded; of what is praised or blamed, its doers
        ("s'est félicité des sanctions de l'UE": the EU; of its own side's measures: nobody)."""
        if judged is not None:
            own = {self.index.mentions[m].value.code for m in frame.sources}
            frame.add("targets", [m for m in judged.sources if self.index.mentions[m].value.code not in own])
            return
        sub = Frame()
        if inner:
            sub = self.reader.frame(self.doc[inner[0].token], inner[0])
        else:
            for child in (c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")):
                self.reader.verb_frame(child, sub)
        others = sub.sources + sub.objects + sub.targets + sub.partners or sub.weak
        frame.add("targets", [m for m in others if m not in frame.sources])

    def roles(self, frame: Frame, symmetric: bool) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        parties = list(dict.fromkeys(frame.sources + frame.partners + frame.objects))
        if symmetric and len(parties) > 1:
            both = self.actors(parties, "participant")
            return both, both
        targets = [m for m in dict.fromkeys(frame.objects + frame.targets + frame.partners) if m not in frame.sources]
        if not targets:
            targets = [m for m in frame.weak if m not in frame.sources]
        return self.actors(frame.sources, "source"), self.actors(targets, "target")

    def actors(self, indices: list[int], role: ActorRole) -> tuple[Actor, ...]:
        return tuple(dataclasses.replace(self.index.mentions[i].value, role=role) for i in indices)


def absorb(events: list[CodedEvent]) -> list[CodedEvent]:
    """Drop events that are part of another by the same actors (a protest's demands)."""
    absorbs = plover().absorbs
    return [e for e in events if not any(_absorbed_by(e, other, absorbs) for other in events if other is not e)]


def _absorbed_by(event: CodedEvent, other: CodedEvent, absorbs: dict[str, frozenset[str]]) -> bool:
    if event.type not in absorbs.get(other.type, ()):
        return False
    return {a.code for a in event.source} <= {a.code for a in other.source}


def merge_events(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per type and party set: "killed ... in an attack" is one ASSAULT."""
    kept: list[CodedEvent] = []
    for event in events:
        twin = next((k for k in kept if _mergeable(k, event)), None)
        if twin is None:
            kept.append(event)
        else:
            kept[kept.index(twin)] = dataclasses.replace(
                twin, source=_union(twin.source, event.source), target=_union(twin.target, event.target))
    return kept


def _mergeable(a: CodedEvent, b: CodedEvent) -> bool:
    codes_a, codes_b = {x.code for x in a.source}, {x.code for x in b.source}
    # two different kinds of contact are two events: "the visit follows a phone call"
    distinct = a.type in DISTINCT_MODES and a.mode and b.mode and a.mode != b.mode
    same = a.type == b.type and a.negated == b.negated and not distinct
    return same and (not codes_a or not codes_b or codes_a <= codes_b or codes_b <= codes_a)


def _union(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> tuple[Actor, ...]:
    return tuple({x.code: x for x in a + b}.values())


def units(doc) -> list:
    """Sentences, re-joined where the parser split before a sentence really ended."""
    spans, start = [], None
    for sent in doc.sents:
        start = sent.start if start is None else start
        last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
        line_end = "\n" in sent[-1].text or "\n" in sent[-1].whitespace_ or (
            sent.end < len(doc) and doc[sent.end].is_space and "\n" in doc[sent.end].text)
        if last.text[-1:] in SENTENCE_END or last.text in ("»", '"', "”", ")") or line_end or sent.end == len(doc):
            spans.append(doc[start:sent.end])
            start = None
    return spans


def code_sentence(sent, actors: Sequence[Mention], *, language: str) -> list[CodedEvent]:
    """Events of one sentence (a spaCy Span); ``actors`` are Mentions with char offsets in its Doc."""
    return SentenceCoder(sent.doc, actors, language=language).code(sent)


def code_doc(doc, actors: Sequence[Mention], *, language: str, called_off_meetings: bool = False) -> list[CodedEvent]:
    """Events of every sentence of a parsed document. With ``called_off_meetings`` a meeting that is
    called off or postponed is also an event of its own (extraction reports it as cancelled; sentence
    coding under PLOVER's conventions keeps only the refusal)."""
    coder = SentenceCoder(doc, actors, language=language, called_off_meetings=called_off_meetings)
    return [event for span in units(doc) for event in coder.code(span)]
