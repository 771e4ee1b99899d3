"""Event status: planned, ongoing, occurred, cancelled or uncertain, decided here only.

The grammar of the trigger's clause gives a first verdict (:func:`event_status`), read from the verb
that governs the trigger (:mod:`dragoman.events.verb_groups`), in this order:

1. cancellation: a cancel word on the way from the trigger to its verb
   ("annulé", "called off") or a negated occurrence verb ("n'aura pas lieu");
2. uncertainty: denial or wish verbs above it ("démenti", "want") or joined to the verb that reports it
   ("said ..., but Washington denied"), a
   hypothesis ("si", "if"), the hearsay conditional perfect ("aurait
   rencontré"), hedging adverbs ("reportedly"), or a negated event verb;
3. tense and mood of the verb group, climbing infinitive chains ("va
   signer", "plans to send", "ont convenu de reprendre");
4. modifiers of a noun trigger ("prochaine réunion", "previous talks");
5. time cue words anywhere in the sentence ("prochains jours", "next week").

Every word list lives in ``data/<language>/status.json`` (:mod:`dragoman.events.status_lexicon`).

A candidate's status (:func:`candidate_status`) then weighs that verdict against what the article
says of the event: a recalled habit is over, a date overrides the tense, and only a lasting event can
be ongoing.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..languages import labels_for
from ..model import DateValue, Status
from ..nlp import Anchor
from .clause import Clause
from .dating import UNKNOWN, anchor_window, coming_day, known_ends
from .status_lexicon import Modal, StatusLexicon, normalise, status_lexicon
from .syntax import subject_marks
from .verb_groups import (
    Setting,
    bare_infinitive,
    between,
    conditional_perfect,
    cue_text,
    finite_past,
    group_tense,
    is_negated,
    realised,
    same,
    setting_of,
    verb_group,
    word_forms,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["candidate_status", "clause_status", "consistent_status", "event_status"]

Verdict = tuple[Status, str]  # (status, cue)


# Events that last: only these can be "ongoing"; the present tense of a punctual act
# ("France expels", "l'UE adopte") reports it done, as does any headline.
DURATIVE_TYPES = frozenset({"CONSULT", "COOPERATE", "MOBILIZE", "ASSAULT", "PROTEST", "AID", "COERCE"})


# Measures taken by deciding them: announcing one is taking it ("a annoncé l'expulsion de soixante
# diplomates", "will expel 60 diplomats, the minister said"), unless its own date lies ahead.
DECIDED_TYPES = frozenset({"SANCTION"})


def clause_status(clause: Clause) -> Status:
    """The grammar's verdict on the clause's event; "uncertain" when its trigger is not in the parse."""
    root = clause.root
    if root is None:
        return "uncertain"
    status = event_status(root, language=clause.language)[0]
    if status == "planned" and clause.event.type in DECIDED_TYPES and _decided(root, clause.language):
        return "occurred"
    return status


def _decided(trigger: "Token", language: str) -> bool:
    """An announced measure ("a annoncé l'expulsion") or one reported in the future ("will expel ..., X
    said"), not one still prepared, planned or hoped for ("plans to impose", "could expel")."""
    setting = setting_of(trigger, status_lexicon(language))
    if _announced(setting):
        return True
    top, lex = setting.top, setting.lex
    if top is None or any(realised(head, lex.prospective_heads) for head in setting.chain[1:]):
        return False
    group = verb_group(top)
    future = group_tense(top, group, lex) in ("Fut", "Cnd") or any(
        t.tag_ == "MD" and lex.modal(normalise(t.text)) in ("planned", "reported") for t in group)
    return future and _reported(setting)


def candidate_status(clause: Clause, status: Status, when: DateValue, *, habitual: bool) -> tuple[Status, DateValue]:
    """The status (and date) of a candidate, from the grammar's ``status`` and the date ``when``: a
    recalled habit or series is over and dated by no single expression; a present-tense event on a
    bare weekday of the past week is the coming one; the date overrides the tense; a punctual act or
    a headline's event is not ongoing."""
    if habitual:
        when, status = UNKNOWN, "occurred"
    coming = coming_day(clause, when) if status == "ongoing" else None
    if coming is not None:
        when, status = coming, "planned"
    status = consistent_status(status, when, clause.anchor)
    if status == "ongoing" and (clause.event.type not in DURATIVE_TYPES or clause.headline):
        status = "occurred"
    return status, when


def consistent_status(status: Status, when: DateValue, anchor: Anchor) -> Status:
    """What the date says overrides the tense: an event over before the article is not still planned,
    one that starts after it has not occurred."""
    window, ends = anchor_window(anchor), known_ends(when)
    if window is None or ends is None or status in ("cancelled", "uncertain"):
        return status
    if ends[1] < window[0] and status in ("planned", "ongoing"):
        return "occurred"
    if ends[0] > window[1] and status in ("occurred", "ongoing"):
        return "planned"
    return status


def event_status(trigger: "Token", *, language: str) -> Verdict:
    """``(status, cue)`` for the event that ``trigger`` names; ``cue`` is the deciding words."""
    setting = setting_of(trigger, status_lexicon(language))
    found = _cancelled(setting) or _uncertain(setting) or _modified(setting)
    if not found and not _announced(setting):
        found = _tense(setting)
    return found or _present(setting)


def _cancelled(setting: Setting) -> Verdict | None:
    lex, modifier = setting.lex, labels_for(setting.trigger, "noun_modifier")
    modifiers = [c for c in setting.trigger.children if c.dep_ in modifier]
    for token in [*modifiers, *between(setting), *setting.chain]:
        if same(token, setting.trigger):  # calling off is an act of its own: "Trump annule le sommet"
            continue
        found = realised(token, lex.cancel_words)
        if found and not is_negated(token, lex):
            return "cancelled", cue_text(verb_group(token) + found[1:])
    gov = setting.gov
    negated = [v for v in setting.chain if is_negated(v, lex)]
    if gov is None or not negated:
        return None
    found = realised(gov, lex.occurrence_verbs)
    if found:
        return "cancelled", cue_text(verb_group(negated[0]) + verb_group(gov) + found[1:])
    return None


def _denies_what_was_said(token, lex) -> bool:
    """A relative clause of denial with a subject of its own whose object is the relative pronoun ("ce que le
    département d'État a démenti", "which the State Department denied"): the statement is denied."""
    if token.dep_ not in labels_for(token, "relative_clause") or not realised(token, lex.denial_heads):
        return False
    subjects = labels_for(token, "nominal_subject")
    pronoun = token.head.pos_ == "PRON" or any(c.pos_ == "PRON" and c.dep_ not in subjects for c in token.children)
    return pronoun and any(c.dep_ in subjects and c.pos_ != "PRON" for c in token.children)


def _uncertain(setting: Setting) -> Verdict | None:
    lex = setting.lex
    for head in setting.heads:
        if realised(head, lex.denial_heads) or (realised(head, lex.irrealis_heads) and not _acts(setting, head)):
            return "uncertain", cue_text(verb_group(head))
    for head in [*setting.chain, *setting.heads]:  # "X a annoncé que ..., mais Y a démenti": word against word
        denied = next((c for c in head.children if c.dep_ == "conj" and realised(c, lex.denial_heads)
                       and any(g.dep_ in labels_for(c, "nominal_subject") for g in c.children)), None)
        if denied is not None:
            return "uncertain", cue_text(verb_group(denied))
    for head in setting.chain:  # "..., ce que le département d'État a démenti", "..., which Washington denied"
        denied = next((t for t in head.subtree if _denies_what_was_said(t, lex)), None)
        if denied is not None:
            return "uncertain", cue_text(verb_group(denied))
    for verb in setting.chain:
        for child in [*verb.children, *subject_marks(verb)]:
            if child.dep_ == "mark" and normalise(child.text) in lex.hypothesis_marks:
                return "uncertain", child.text
            if child.dep_ == "advmod" and normalise(child.text) in lex.uncertain_adverbs:
                return "uncertain", child.text
            condition = _condition(child, lex)
            if condition is not None:
                return "uncertain", condition
    if setting.top is not None and conditional_perfect(setting.top, lex):
        return "uncertain", cue_text(verb_group(setting.top))
    return _negated_event(setting)


def _acts(setting: Setting, head: "Token") -> bool:
    """The event noun is the active subject of ``head`` ("le premier round s'est ouvert le 6 avril"): the
    verb says what the event did, not that someone wants, offers or is open to it."""
    trigger = setting.trigger
    active = labels_for(trigger, "nominal_subject") - labels_for(trigger, "passive_nominal_subject")
    return trigger.head.i == head.i and trigger.dep_ in active and trigger.pos_ in ("NOUN", "PROPN")


def _condition(clause: "Token", lex: StatusLexicon) -> str | None:
    """The mark of a condition the event depends on ("si la guerre prend fin, [nous pourrions coopérer]",
    "[Kyiv would cooperate] if the war ends"); a concession ("même si", "even if") is none."""
    if clause.dep_ not in labels_for(clause, "scene_clause"):
        return None
    marks = [c for c in [*clause.children, *subject_marks(clause)]
             if c.dep_ == "mark" and normalise(c.text) in lex.hypothesis_marks]
    if not marks or any(normalise(c.text) in lex.concessive_words for c in clause.children if c.i < marks[0].i):
        return None
    return marks[0].text


def _negated_event(setting: Setting) -> Verdict | None:
    """A negated event verb ("did not meet"); negated property verbs ("ne dureront pas") do not count."""
    gov, lex = setting.gov, setting.lex
    negated = [v for v in setting.chain if is_negated(v, lex)]
    if gov is None or not negated:
        return None
    if gov is setting.trigger or realised(gov, lex.support_verbs):
        return "uncertain", cue_text(verb_group(negated[0]) + [gov])
    return None


def _reported(setting: Setting) -> bool:
    """Under a reporting verb ('a indiqué que ...') or with a source ('selon', 'according to')."""
    lex = setting.lex
    if any(realised(head, lex.reporting_heads) for head in setting.path):
        return True
    top = setting.top
    if top is None:
        return False
    near = [g for c in top.children for g in (c, *c.children)]
    # an incise the parser made a conjunct: "Moscou expulsera quarante diplomates, a annoncé le ministre"
    coordinate = labels_for(top, "coordinate_clause")
    if any(c.dep_ in coordinate and c.i > top.i and realised(c, lex.reporting_heads) for c in top.children):
        return True
    if _attributed(top, lex):
        return True
    adposition = labels_for(setting.trigger, "adposition")
    return any(t.dep_ in adposition and word_forms(t) & lex.reporting_heads for t in near)


def _attributed(top: "Token", lex: StatusLexicon) -> bool:
    """A closing attribution the parser hung elsewhere ("will expel three diplomats, the minister
    said": "said" a relative clause of "diplomats"): a reporting verb with a subject after a comma."""
    sent = top.sent
    commas = [t.i for t in sent if t.i > top.i and t.text == ","]
    subject = labels_for(top, "nominal_subject")
    return bool(commas) and any(
        t.i > commas[0] and t.pos_ == "VERB" and realised(t, lex.reporting_heads)
        and any(c.dep_ in subject for c in t.children) and top.i not in {d.i for d in t.subtree} for t in sent)


def _by_modal(value: Modal, setting: Setting) -> Status:
    if value == "reported":
        return "planned" if _reported(setting) else "uncertain"
    return value


def _chain_heads(setting: Setting) -> Verdict | None:
    """Verbs above an infinitive: 'va signer', 'pourraient reprendre', 'plans to send', 'began to'."""
    lex, gov = setting.lex, setting.gov
    if gov is None:  # no verb, so no chain above it
        return None
    for head in setting.chain[1:]:
        cue = cue_text(verb_group(head) + [gov])
        modal = lex.modal(normalise(head.lemma_))
        if modal and not (normalise(head.lemma_) in lex.near_future and finite_past(head)):
            return _by_modal(modal, setting), cue
        if realised(head, lex.prospective_heads):
            return "planned", cue
    return None


def _core(setting: Setting) -> bool:
    """Whether the trigger is the verb itself or its subject or object (not a circumstance)."""
    trigger = setting.trigger
    return same(trigger, setting.gov) or (trigger.head in setting.chain
                                           and trigger.dep_ in labels_for(trigger, "core_argument"))


def _tense(setting: Setting) -> Verdict | None:
    """Status from the verb group at the top of the chain; None when it is a plain present."""
    found = _chain_heads(setting)
    if found:
        return found
    top, gov, lex = setting.top, setting.gov, setting.lex
    if top is None or gov is None:  # the chain starts at the governing verb: both or neither
        return None
    group = verb_group(top)
    cue = cue_text(group if same(top, gov) else group + [gov])
    auxiliary = labels_for(top, "tense_auxiliary")
    for token in group:
        modal = lex.modal(normalise(token.text)) or lex.modal(normalise(token.lemma_))
        if modal and token.dep_ in auxiliary and token.tag_ == "MD":
            return _by_modal(modal, setting), cue
    if any(bare_infinitive(t, lex) for t in setting.chain if t.pos_ in ("VERB", "AUX")):
        return "planned", cue
    tense = group_tense(top, group, lex)
    if tense == "Cnd":
        modal = lex.modal(normalise(top.lemma_))
        return _by_modal(modal or "reported", setting), cue
    if tense == "FutPerfect":
        # French news' "futur de bilan" ('n'aura duré qu'une heure, lundi') looks back, unless
        # a deadline or a temporal clause points ahead ('d'ici vendredi', 'quand ils auront signé')
        if lex.prospective_markers.search(normalise(setting.trigger.sent.text)):
            return "planned", cue
        return "occurred", cue
    if tense == "Fut":
        return "planned", cue
    if tense in ("Remote", "Recent"):
        if tense == "Recent" and _core(setting) and any(realised(v, lex.begin_verbs) for v in setting.chain):
            return "ongoing", cue
        return "occurred", cue
    return None


def _modified(setting: Setting) -> Verdict | None:
    """'prochaine réunion', 'previous talks', 'possible summit', 'depuis le retrait', 'since the war'."""
    lex, trigger = setting.lex, setting.trigger
    markers = [c for c in trigger.children if c.dep_ in ("case", "mark")]
    if trigger.dep_ == "pobj":
        markers.append(trigger.head)
    for marker in markers:
        if word_forms(marker) & lex.past_markers:
            return "occurred", marker.text
    modifier = labels_for(trigger, "noun_modifier")
    readings: tuple[tuple[Status, frozenset[str]], ...] = (
        ("planned", lex.planned_modifiers), ("occurred", lex.past_modifiers), ("uncertain", lex.uncertain_modifiers))
    for child in trigger.children:
        if child.dep_ not in modifier:
            continue
        for status, words in readings:
            if word_forms(child) & words:
                return status, child.text
    return None


def _cued(sentence: "Span", lex: StatusLexicon, *, verb: "Token" | None = None) -> Verdict | None:
    """Cue words of the sentence, outside the clauses ``verb`` governs ("sont convenus [de se revoir
    samedi prochain]": the cue dates what was agreed, not the agreeing)."""
    raw = sentence.text
    if verb is not None:
        complement = labels_for(verb, "complement_clause")
        for child in verb.children:
            if child.dep_ in complement and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
                lo = min(t.idx for t in child.subtree) - sentence.start_char
                hi = max(t.idx + len(t) for t in child.subtree) - sentence.start_char
                raw = raw[:lo] + " " * (hi - lo) + raw[hi:]
    text = normalise(raw)
    cues: tuple[tuple[Status, re.Pattern[str]], ...] = (
        ("planned", lex.planned_cues), ("occurred", lex.past_cues), ("ongoing", lex.ongoing_cues),
        ("uncertain", lex.uncertain_cues))
    for status, pattern in cues:
        match = pattern.search(text)
        if match:
            return status, sentence.text[match.start():match.end()]
    return None


def _begun(setting: Setting) -> Verdict | None:
    """'Les pourparlers débutent', 'talks open': a present-tense beginning."""
    if setting.gov is None or not _core(setting):
        return None
    if any(realised(v, setting.lex.begin_verbs) for v in setting.chain):
        return "ongoing", cue_text(verb_group(setting.gov))
    return None


def _announced(setting: Setting) -> bool:
    """'ont annoncé une rencontre': the verb reports the event, its tense says nothing of it."""
    gov = setting.gov
    return (gov is not None and gov is not setting.trigger
            and setting.trigger.dep_ in labels_for(setting.trigger, "undergoer")
            and realised(gov, setting.lex.announce_heads) is not None)


def _present(setting: Setting) -> Verdict:
    """A plain present, a verbless trigger or an announcement: cue words decide, else the tense."""
    own = setting.trigger if same(setting.gov, setting.trigger) else None
    cued = _cued(setting.trigger.sent, setting.lex, verb=own)
    if cued and cued[0] == "planned":
        return cued
    found = _begun(setting) or cued
    if found:
        return found
    if setting.gov is None:
        return "occurred", ""  # a verbless headline reports news
    return ("planned" if _announced(setting) else "ongoing"), cue_text(verb_group(setting.gov))
