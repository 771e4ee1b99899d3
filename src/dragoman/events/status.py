"""Event status: planned, ongoing, occurred, cancelled or uncertain.

The status of an event is read from the verb that governs its trigger (the
trigger itself when it is a verb; for a noun trigger such as "pourparlers"
or "talks", the verb it depends on), in this order:

1. cancellation: a cancel word on the way from the trigger to its verb
   ("annulé", "called off") or a negated occurrence verb ("n'aura pas lieu");
2. uncertainty: denial or wish verbs above it ("démenti", "want"), a
   hypothesis ("si", "if"), the hearsay conditional perfect ("aurait
   rencontré"), hedging adverbs ("reportedly"), or a negated event verb;
3. tense and mood of the verb group, climbing infinitive chains ("va
   signer", "plans to send", "ont convenu de reprendre");
4. modifiers of a noun trigger ("prochaine réunion", "previous talks");
5. time cue words anywhere in the sentence ("prochains jours", "next week").

Every word list lives in ``data/<language>/status.json``; spaCy's
morphology (``Tense``, ``Mood``, ``VerbForm``) is complemented for French
by a check of future and conditional endings, because fr_core_news_md tags
forms such as "porteront" or "tiendraient" as present or imperfect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional
from ..languages import language_data


if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["StatusLexicon", "conditional_perfect", "event_status", "governing_verb", "normalise",
           "phrase_pattern", "status_lexicon"]

Verdict = tuple[str, str]  # (status, cue)

_GROUP_DEPS = frozenset({
    "aux", "aux:tense", "aux:pass", "auxpass", "aux:caus", "cop", "neg", "expl", "expl:pass",
    "expl:comp", "expl:pv", "prt", "compound:prt",
})
_PASSIVE_AUX_DEPS = frozenset({"aux:pass", "auxpass"})
_CHAIN_DEPS = frozenset({"xcomp", "acomp"})
_PATH_DEPS = frozenset({"xcomp", "acomp", "ccomp", "obj", "dobj", "csubj", "obl:arg", "pobj", "prep"})
_CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "csubj", "conj"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "nmod", "advmod", "compound", "appos"})
_MAX_CLIMB = 6


@dataclass(frozen=True)
class StatusLexicon:
    """The cue words of one language (``data/<language>/status.json``)."""
    language: str
    future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    future_stems: tuple[tuple[str, str], ...]  # (infinitive ending, stem ending), longest first
    perfect_auxiliaries: frozenset[str]
    modals: tuple[tuple[str, str], ...]
    near_future: frozenset[str]
    prospective_heads: frozenset[str]
    irrealis_heads: frozenset[str]
    denial_heads: frozenset[str]
    reporting_heads: frozenset[str]
    announce_heads: frozenset[str]
    begin_verbs: frozenset[str]
    cancel_words: frozenset[str]
    occurrence_verbs: frozenset[str]
    support_verbs: frozenset[str]
    planned_modifiers: frozenset[str]
    past_modifiers: frozenset[str]
    uncertain_modifiers: frozenset[str]
    uncertain_adverbs: frozenset[str]
    past_markers: frozenset[str]
    prospective_markers: re.Pattern[str]
    retrospective_perfect: bool  # the future perfect looks back unless a prospective marker says otherwise
    hypothesis_marks: frozenset[str]
    negation: frozenset[str]
    infinitive_markers: frozenset[str]
    planned_cues: re.Pattern[str]
    ongoing_cues: re.Pattern[str]
    past_cues: re.Pattern[str]
    uncertain_cues: re.Pattern[str]

    def modal(self, word: str) -> Optional[str]:
        return dict(self.modals).get(word)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``phrases`` as whole words."""
    ordered = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case with typographic apostrophes made plain, as cue lists are written."""
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'")


@lru_cache(maxsize=None)
def status_lexicon(language: str) -> StatusLexicon:
    """The status cue lexicon for ``language``, read once."""
    raw = language_data(language, "status")
    sets = {key: frozenset(normalise(w) for w in raw[key]) for key in (
        "perfect_auxiliaries", "near_future", "prospective_heads", "irrealis_heads", "denial_heads",
        "reporting_heads", "announce_heads", "begin_verbs", "cancel_words", "occurrence_verbs",
        "support_verbs", "planned_modifiers", "past_modifiers", "uncertain_modifiers",
        "uncertain_adverbs", "past_markers", "hypothesis_marks", "negation")}
    sets["infinitive_markers"] = frozenset(normalise(w) for w in raw.get("infinitive_markers", ()))
    cues = {key: phrase_pattern(raw.get(key, [])) for key in (
        "planned_cues", "ongoing_cues", "past_cues", "uncertain_cues", "prospective_markers")}
    stems = tuple(sorted(raw["future_stems"].items(), key=lambda kv: len(kv[0]), reverse=True))
    return StatusLexicon(
        language=language, future_endings=tuple(raw["future_endings"]),
        conditional_endings=tuple(raw["conditional_endings"]), future_stems=stems,
        modals=tuple(raw["modals"].items()), retrospective_perfect=bool(raw.get("prospective_markers")),
        **sets, **cues)


# ----------------------------------------------------------------- syntax

def governing_verb(trigger: "Token") -> Optional["Token"]:
    """The verb (or copular predicate) that ``trigger`` depends on, itself if a verb."""
    token = trigger
    for _ in range(_MAX_CLIMB):
        if _is_predicate(token):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_predicate(token: "Token") -> bool:
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in _GROUP_DEPS:
        return True
    return any(child.dep_ == "cop" for child in token.children)


def _group(token: "Token") -> list["Token"]:
    """The verb with its auxiliaries, copula, negation, clitics and particles."""
    members = [token] + [c for c in token.children if c.dep_ in _GROUP_DEPS or _is_negation_adverb(c)]
    return sorted(members, key=lambda t: t.i)


def _is_negation_adverb(token: "Token") -> bool:
    return token.dep_ == "advmod" and "Neg" in token.morph.get("Polarity")


def _text(tokens: list["Token"]) -> str:
    """The words of ``tokens`` as written (one span when they are close together)."""
    if not tokens:
        return ""
    tokens = sorted(tokens, key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    if last.i - first.i + 1 <= len(tokens) + 1:
        return first.doc[first.i:last.i + 1].text
    return " ".join(t.text for t in tokens)


def _words(token: "Token") -> set[str]:
    return {normalise(token.lemma_), normalise(token.text)}


def _entry(token: "Token", entries: frozenset[str]) -> Optional[list["Token"]]:
    """Tokens realising an entry of ``entries`` headed by ``token`` ("avoir lieu", "call off")."""
    words = _words(token)
    for entry in entries:
        first, *rest = entry.split()
        if first not in words:
            continue
        found = [c for c in token.children if _words(c) & set(rest)]
        if len(found) >= len(rest):
            return [token, *found]
    return None


def _negated(token: "Token", lex: StatusLexicon) -> bool:
    return any(c.dep_ in ("neg", "advmod") and normalise(c.text) in lex.negation
               for c in token.children)


@dataclass(frozen=True)
class _Frame:
    """Where the trigger sits: its verb, the infinitive chain above it, the clauses above that."""
    trigger: "Token"
    gov: Optional["Token"]
    chain: tuple["Token", ...]  # gov, then the heads of xcomp/acomp links
    path: tuple["Token", ...]   # heads above the chain reached through complement links
    lex: StatusLexicon

    @property
    def top(self) -> Optional["Token"]:
        return self.chain[-1] if self.chain else None

    @property
    def heads(self) -> tuple["Token", ...]:
        """Verbs above the trigger (the governing verb counts unless it is the trigger)."""
        own = self.chain if self.gov is not self.trigger else self.chain[1:]
        return own + self.path


def _frame(trigger: "Token", lex: StatusLexicon) -> _Frame:
    gov = governing_verb(trigger)
    if not _same(gov, trigger):  # "agreed" is its own act; "agreed to hold talks": the talks are below
        gov = _infinitive_below(gov, lex)
    chain: list["Token"] = []
    token = gov
    while token is not None and len(chain) < _MAX_CLIMB:
        chain.append(token)
        token = _chain_parent(token)
    path: list["Token"] = []
    token = chain[-1] if chain else None
    while token is not None and token.dep_ in _PATH_DEPS and token.head.i != token.i and len(path) < _MAX_CLIMB:
        token = token.head
        path.append(token)
    return _Frame(trigger, gov, tuple(chain), tuple(path), lex)


def _chain_parent(token: "Token") -> Optional["Token"]:
    """The verb whose tense a non-finite verb takes: 'plans to send', 'the talks, held in ...'."""
    if token.head.i == token.i:
        return None
    form = set(token.morph.get("VerbForm"))
    if token.dep_ in _CHAIN_DEPS or (token.dep_ == "advcl" and "Inf" in form):
        return token.head
    participle = bool(form & {"Part", "Ger"}) and not any(c.dep_ in _GROUP_DEPS for c in token.children)
    if not participle or token.dep_ in ("conj", "parataxis", "ccomp"):
        return None
    head = token.head
    return head if head.pos_ in ("VERB", "AUX") else governing_verb(head)


def _infinitive_below(gov: Optional["Token"], lex: StatusLexicon) -> Optional["Token"]:
    """For 'les discussions vont reprendre', the verb of the event is the infinitive."""
    for _ in range(_MAX_CLIMB):
        if gov is None or not (lex.modal(normalise(gov.lemma_)) or _entry(gov, lex.prospective_heads)):
            return gov
        below = [c for c in gov.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not below:
            return gov
        gov = below[0]
    return gov


def _same(a: "Token | None", b: "Token | None") -> bool:
    """Token identity: spaCy makes a new Token object on every access, so compare positions."""
    return a is not None and b is not None and a.i == b.i


def _between(frame: _Frame) -> list["Token"]:
    """Tokens from the trigger up to (not including) its governing verb."""
    tokens, token = [], frame.trigger
    while not _same(token, frame.gov) and token.head.i != token.i and len(tokens) < _MAX_CLIMB:
        token = token.head
        if not _same(token, frame.gov):
            tokens.append(token)
    return tokens


# ----------------------------------------------------------------- rules

def _cancelled(frame: _Frame) -> Optional[Verdict]:
    lex = frame.lex
    modifiers = [c for c in frame.trigger.children if c.dep_ in _MODIFIER_DEPS]
    for token in [*modifiers, *_between(frame), *frame.chain]:
        found = _entry(token, lex.cancel_words)
        if found and not _negated(token, lex):
            return "cancelled", _text(_group(token) + found[1:])
    gov = frame.gov
    negated = [v for v in frame.chain if _negated(v, lex)]
    found = _entry(gov, lex.occurrence_verbs) if gov is not None and negated else None
    if found:
        return "cancelled", _text(_group(negated[0]) + _group(gov) + found[1:])
    return None


def _uncertain(frame: _Frame) -> Optional[Verdict]:
    lex = frame.lex
    for head in frame.heads:
        if _entry(head, lex.denial_heads) or _entry(head, lex.irrealis_heads):
            return "uncertain", _text(_group(head))
    for verb in frame.chain:
        for child in verb.children:
            if child.dep_ == "mark" and normalise(child.text) in lex.hypothesis_marks:
                return "uncertain", child.text
            if child.dep_ == "advmod" and normalise(child.text) in lex.uncertain_adverbs:
                return "uncertain", child.text
    if frame.top is not None and conditional_perfect(frame.top, lex):
        return "uncertain", _text(_group(frame.top))
    return _negated_event(frame)


def _negated_event(frame: _Frame) -> Optional[Verdict]:
    """A negated event verb ("did not meet"); negated property verbs ("ne dureront pas") do not count."""
    gov, lex = frame.gov, frame.lex
    negated = [v for v in frame.chain if _negated(v, lex)]
    if gov is None or not negated:
        return None
    if gov is frame.trigger or _entry(gov, lex.support_verbs):
        return "uncertain", _text(_group(negated[0]) + [gov])
    return None


def conditional_perfect(verb: "Token", lex: StatusLexicon) -> bool:
    """'aurait rencontré', 'would have met': hearsay or counterfactual."""
    participles = [verb, *(c for c in verb.children if c.pos_ == "AUX")]
    if not any("Part" in t.morph.get("VerbForm") for t in participles):
        return False  # ('aurait fait échouer' is parsed with the participle as a dependent)
    group = _group(verb)
    perfect = [t for t in group if t is not verb and normalise(t.lemma_) in lex.perfect_auxiliaries]
    if not perfect:
        return False
    modal = any(lex.modal(normalise(t.text)) == "reported" for t in group)
    return modal or any(_mood(t, lex) == "Cnd" for t in perfect)


def _mood(token: "Token", lex: StatusLexicon) -> Optional[str]:
    """'Fut', 'Cnd' or None: endings first (the tagger confuses them), then morphology."""
    ending = _inflection(token, lex)
    if ending:
        return ending
    if "Cnd" in token.morph.get("Mood"):
        return "Cnd"
    if "Fut" in token.morph.get("Tense"):
        return "Fut"
    return None


def _inflection(token: "Token", lex: StatusLexicon) -> Optional[str]:
    """Future or conditional from the form: stem of the infinitive + ending ('tiendr' + 'aient')."""
    if not lex.future_endings:
        return None
    lemma, form = normalise(token.lemma_), normalise(token.text)
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    for ending, replacement in lex.future_stems:
        if lemma.endswith(ending):
            stem = lemma[: len(lemma) - len(ending)] + replacement
            break
    if not form.startswith(stem) or len(form) == len(stem):
        return None
    rest = form[len(stem):]
    if rest in lex.conditional_endings:
        return "Cnd"
    return "Fut" if rest in lex.future_endings else None


def _reported(frame: _Frame) -> bool:
    """Under a reporting verb ('a indiqué que ...') or with a source ('selon', 'according to')."""
    lex = frame.lex
    if any(_entry(head, lex.reporting_heads) for head in frame.path):
        return True
    top = frame.top
    near = [g for c in top.children for g in (c, *c.children)] if top is not None else []
    return any(t.dep_ in ("case", "prep") and _words(t) & lex.reporting_heads for t in near)


def _by_modal(value: str, frame: _Frame) -> str:
    if value == "reported":
        return "planned" if _reported(frame) else "uncertain"
    return value


def _chain_heads(frame: _Frame) -> Optional[Verdict]:
    """Verbs above an infinitive: 'va signer', 'pourraient reprendre', 'plans to send', 'began to'."""
    lex, gov = frame.lex, frame.gov
    for head in frame.chain[1:]:
        cue = _text(_group(head) + [gov])
        modal = lex.modal(normalise(head.lemma_))
        if modal and not (normalise(head.lemma_) in lex.near_future and _finite_past(head)):
            return _by_modal(modal, frame), cue
        if _entry(head, lex.prospective_heads):
            return "planned", cue
    return None


def _core(frame: _Frame) -> bool:
    """Whether the trigger is the verb itself or its subject or object (not a circumstance)."""
    trigger = frame.trigger
    return _same(trigger, frame.gov) or (trigger.head in frame.chain and trigger.dep_ in _CORE_DEPS)


def _finite_past(token: "Token") -> bool:
    morph = token.morph
    return "Fin" in morph.get("VerbForm") and bool({"Past", "Imp"} & set(morph.get("Tense")))


def _tense(frame: _Frame) -> Optional[Verdict]:
    """Status from the verb group at the top of the chain; None when it is a plain present."""
    found = _chain_heads(frame)
    if found:
        return found
    top, lex = frame.top, frame.lex
    if top is None:
        return None
    group = _group(top)
    cue = _text(group if _same(top, frame.gov) else group + [frame.gov])
    for token in group:
        modal = lex.modal(normalise(token.text)) or lex.modal(normalise(token.lemma_))
        if modal and token.dep_ in ("aux", "aux:tense") and token.tag_ == "MD":
            return _by_modal(modal, frame), cue
    if any(_bare_infinitive(t, lex) for t in frame.chain if t.pos_ in ("VERB", "AUX")):
        return "planned", cue
    tense = _group_tense(top, group, lex)
    if tense == "Cnd":
        modal = lex.modal(normalise(top.lemma_))
        return _by_modal(modal or "reported", frame), cue
    if tense == "FutPerfect":
        # French news' "futur de bilan" ('n'aura duré qu'une heure, lundi') looks back, unless
        # a deadline or a temporal clause points ahead ('d'ici vendredi', 'quand ils auront signé')
        if lex.prospective_markers.search(normalise(frame.trigger.sent.text)):
            return "planned", cue
        return "occurred", cue
    if tense == "Fut":
        return "planned", cue
    if tense in ("Remote", "Recent"):
        if tense == "Recent" and _core(frame) and any(_entry(v, lex.begin_verbs) for v in frame.chain):
            return "ongoing", cue
        return "occurred", cue
    return None


def _bare_infinitive(top: "Token", lex: StatusLexicon) -> bool:
    """ "Russia and Ukraine to meet in Istanbul": an infinitive no verb governs, a headline's future."""
    if not any(c.dep_ == "aux" and normalise(c.text) in lex.infinitive_markers for c in top.children):
        return False
    return top.head.i == top.i or top.head.pos_ in ("NOUN", "PROPN")


def _group_tense(top: "Token", group: list["Token"], lex: StatusLexicon) -> Optional[str]:
    """'Fut', 'FutPerfect', 'Cnd', 'Remote' (pluperfect, imperfect), 'Recent' (passé composé, simple past)
    or None. 'FutPerfect' only for languages that list prospective markers (French)."""
    auxiliaries = [t for t in group if t is not top and t.pos_ == "AUX"]
    finite = next((t for t in auxiliaries if "Fin" in t.morph.get("VerbForm")), None) or top
    perfect = [t for t in auxiliaries if t.dep_ not in _PASSIVE_AUX_DEPS and t.dep_ != "cop"
               and normalise(t.lemma_) in lex.perfect_auxiliaries]
    # 'aux:tense' marks a compound tense even when the tagger calls the participle an infinitive
    if "Part" not in top.morph.get("VerbForm") and not any(t.dep_ == "aux:tense" for t in perfect):
        perfect = []
    mood = _mood(finite, lex)
    if mood == "Fut" and perfect and finite is not top and lex.retrospective_perfect:
        return "FutPerfect"
    if mood:
        return mood
    if finite is top or not perfect:
        if "Imp" in finite.morph.get("Tense"):
            return "Remote"
        return "Recent" if _finite_past(finite) else None
    return "Remote" if _finite_past(finite) else "Recent"


def _modified(frame: _Frame) -> Optional[Verdict]:
    """'prochaine réunion', 'previous talks', 'possible summit', 'depuis le retrait', 'since the war'."""
    lex, trigger = frame.lex, frame.trigger
    markers = [c for c in trigger.children if c.dep_ in ("case", "mark")]
    if trigger.dep_ == "pobj":
        markers.append(trigger.head)
    for marker in markers:
        if _words(marker) & lex.past_markers:
            return "occurred", marker.text
    for child in trigger.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        for status, words in (("planned", lex.planned_modifiers), ("occurred", lex.past_modifiers),
                              ("uncertain", lex.uncertain_modifiers)):
            if _words(child) & words:
                return status, child.text
    return None


def _cued(sentence: "Span", lex: StatusLexicon, *, verb: Optional["Token"] = None) -> Optional[Verdict]:
    """Cue words of the sentence, outside the clauses ``verb`` governs ("sont convenus [de se revoir
    samedi prochain]": the cue dates what was agreed, not the agreeing)."""
    raw = sentence.text
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
                lo = min(t.idx for t in child.subtree) - sentence.start_char
                hi = max(t.idx + len(t) for t in child.subtree) - sentence.start_char
                raw = raw[:lo] + " " * (hi - lo) + raw[hi:]
    text = normalise(raw)
    for status, pattern in (("planned", lex.planned_cues), ("occurred", lex.past_cues),
                            ("ongoing", lex.ongoing_cues), ("uncertain", lex.uncertain_cues)):
        match = pattern.search(text)
        if match:
            return status, sentence.text[match.start():match.end()]
    return None


def _begun(frame: _Frame) -> Optional[Verdict]:
    """'Les pourparlers débutent', 'talks open': a present-tense beginning."""
    if frame.gov is None or not _core(frame):
        return None
    if any(_entry(v, frame.lex.begin_verbs) for v in frame.chain):
        return "ongoing", _text(_group(frame.gov))
    return None


def _announced(frame: _Frame) -> bool:
    """'ont annoncé une rencontre': the verb reports the event, its tense says nothing of it."""
    gov = frame.gov
    return (gov is not None and gov is not frame.trigger
            and frame.trigger.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")
            and _entry(gov, frame.lex.announce_heads) is not None)


def _present(frame: _Frame) -> Verdict:
    """A plain present, a verbless trigger or an announcement: cue words decide, else the tense."""
    own = frame.trigger if _same(frame.gov, frame.trigger) else None
    cued = _cued(frame.trigger.sent, frame.lex, verb=own)
    if cued and cued[0] == "planned":
        return cued
    found = _begun(frame) or cued
    if found:
        return found
    if frame.gov is None:
        return "occurred", ""  # a verbless headline reports news
    return ("planned" if _announced(frame) else "ongoing"), _text(_group(frame.gov))


def event_status(trigger: "Token", *, language: str) -> Verdict:
    """``(status, cue)`` for the event that ``trigger`` names; ``cue`` is the deciding words."""
    frame = _frame(trigger, status_lexicon(language))
    found = _cancelled(frame) or _uncertain(frame) or _modified(frame)
    if not found and not _announced(frame):
        found = _tense(frame)
    return found or _present(frame)
