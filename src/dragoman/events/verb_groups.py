"""Where an event's trigger sits in its clause, and what tense and mood its verb group has.

The status of an event is read from the verb that governs its trigger: for a noun trigger such as
"pourparlers" or "talks", the verb it depends on; through an infinitive chain ("va signer", "plans to
send"), the verb at its top. :class:`Setting` holds that verb, the chain and the clauses above it.
spaCy's morphology (``Tense``, ``Mood``, ``VerbForm``) is complemented for French by a check of future
and conditional endings, because fr_core_news_md tags forms such as "porteront" or "tiendraient" as
present or imperfect.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..languages import labels_for
from .status_lexicon import StatusLexicon, normalise

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Setting", "bare_infinitive", "between", "conditional_perfect", "cue_text", "finite_past",
           "governing_verb", "group_tense", "is_negated", "mood_of", "realised", "same", "setting_of",
           "verb_group", "word_forms"]

_MAX_CLIMB = 6


def governing_verb(trigger: "Token") -> "Token" | None:
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
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in labels_for(token, "verb_group"):
        return True
    return any(child.dep_ == "cop" for child in token.children)


def verb_group(token: "Token") -> list["Token"]:
    """The verb with its auxiliaries, copula, negation, clitics and particles."""
    group = labels_for(token, "verb_group")
    members = [token] + [c for c in token.children if c.dep_ in group or _is_negation_adverb(c)]
    return sorted(members, key=lambda t: t.i)


def _is_negation_adverb(token: "Token") -> bool:
    # spaCy's stub wants MorphAnalysis.get's default, which is [] at run time: passed here explicitly
    return token.dep_ == "advmod" and "Neg" in token.morph.get("Polarity", [])


def cue_text(tokens: list["Token"]) -> str:
    """The words of ``tokens`` as written (one span when they are close together)."""
    if not tokens:
        return ""
    tokens = sorted(tokens, key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    if last.i - first.i + 1 <= len(tokens) + 1:
        return first.doc[first.i:last.i + 1].text
    return " ".join(t.text for t in tokens)


def word_forms(token: "Token") -> set[str]:
    return {normalise(token.lemma_), normalise(token.text)}


def realised(token: "Token", entries: frozenset[str]) -> list["Token"] | None:
    """Tokens realising an entry of ``entries`` headed by ``token`` ("avoir lieu", "call off")."""
    words = word_forms(token)
    for entry in entries:
        first, *rest = entry.split()
        if first not in words:
            continue
        found = [c for c in token.children if word_forms(c) & set(rest)]
        if len(found) >= len(rest):
            return [token, *found]
    return None


def is_negated(token: "Token", lex: StatusLexicon) -> bool:
    """A negation word on the verb; the French clitic alone before a restrictive "que" negates nothing
    ("n'a duré qu'une heure", "n'ont signé qu'un mémorandum")."""
    words = {normalise(c.text) for c in token.children if c.dep_ in ("neg", "advmod")} & lex.negation
    if not words:
        return False
    return not (words <= lex.negation_clitics and _restricted(token, lex))


def _restricted(verb: "Token", lex: StatusLexicon) -> bool:
    return any(normalise(g.text) in lex.restrictive_words and g.dep_ in ("mark", "advmod")
               and g.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
               for c in verb.children if c.i > verb.i for g in (c, *c.children))


@dataclass(frozen=True)
class Setting:
    """Where the trigger sits: its verb, the infinitive chain above it, the clauses above that."""
    trigger: "Token"
    gov: "Token" | None
    chain: tuple["Token", ...]  # gov, then the heads of xcomp/acomp links
    path: tuple["Token", ...]   # heads above the chain reached through complement links
    lex: StatusLexicon

    @property
    def top(self) -> "Token" | None:
        return self.chain[-1] if self.chain else None

    @property
    def heads(self) -> tuple["Token", ...]:
        """Verbs above the trigger (the governing verb counts unless it is the trigger)."""
        own = self.chain if self.gov is not self.trigger else self.chain[1:]
        return own + self.path


def setting_of(trigger: "Token", lex: StatusLexicon) -> Setting:
    gov = governing_verb(trigger)
    if not same(gov, trigger):  # "agreed" is its own act; "agreed to hold talks": the talks are below
        gov = _infinitive_below(gov, lex)
    chain: list["Token"] = []
    token = gov
    while token is not None and len(chain) < _MAX_CLIMB:
        chain.append(token)
        token = _chain_parent(token)
    path: list["Token"] = []
    token = chain[-1] if chain else None
    complement = labels_for(trigger, "complement_path")
    while token is not None and token.dep_ in complement and token.head.i != token.i and len(path) < _MAX_CLIMB:
        token = token.head
        path.append(token)
    return Setting(trigger, gov, tuple(chain), tuple(path), lex)


def _chain_parent(token: "Token") -> "Token" | None:
    """The verb whose tense a non-finite verb takes: 'plans to send', 'the talks, held in ...'."""
    if token.head.i == token.i:
        return None
    form = set(token.morph.get("VerbForm", []))
    sibling = _infinitive_before(token)
    if sibling is not None:
        return sibling
    if token.dep_ in labels_for(token, "verb_chain") or (token.dep_ == "advcl" and "Inf" in form):
        return token.head
    group = labels_for(token, "verb_group")
    participle = bool(form & {"Part", "Ger"}) and not any(c.dep_ in group for c in token.children)
    if not participle or token.dep_ in ("conj", "parataxis", "ccomp"):
        return None
    head = token.head
    return head if head.pos_ in ("VERB", "AUX") else governing_verb(head)


def _infinitive_before(token: "Token") -> "Token" | None:
    """ "a dit espérer rencontrer": the parser hangs both infinitives on "dit"; the second is the first's
    complement when only a complementiser ("de", "à", "to") stands between them."""
    chain = labels_for(token, "verb_chain")
    if token.dep_ not in chain or "Inf" not in token.morph.get("VerbForm", []):
        return None
    before = [c for c in token.head.children if c.i < token.i and c.dep_ in chain and c.pos_ == "VERB"
              and "Inf" in c.morph.get("VerbForm", [])]
    if not before:
        return None
    gap = token.doc[before[-1].i + 1:token.i]
    return before[-1] if all(t.dep_ in ("mark", "aux") for t in gap) else None


def _infinitive_below(gov: "Token" | None, lex: StatusLexicon) -> "Token" | None:
    """For 'les discussions vont reprendre', the verb of the event is the infinitive."""
    for _ in range(_MAX_CLIMB):
        if gov is None or not (lex.modal(normalise(gov.lemma_)) or realised(gov, lex.prospective_heads)):
            return gov
        below = [c for c in gov.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not below:
            return gov
        gov = below[0]
    return gov


def same(a: "Token | None", b: "Token | None") -> bool:
    """Token identity: spaCy makes a new Token object on every access, so compare positions."""
    return a is not None and b is not None and a.i == b.i


def between(setting: Setting) -> list["Token"]:
    """Tokens from the trigger up to (not including) its governing verb."""
    tokens: list["Token"] = []
    token = setting.trigger
    while not same(token, setting.gov) and token.head.i != token.i and len(tokens) < _MAX_CLIMB:
        token = token.head
        if not same(token, setting.gov):
            tokens.append(token)
    return tokens


def conditional_perfect(verb: "Token", lex: StatusLexicon) -> bool:
    """'aurait rencontré', 'would have met': hearsay or counterfactual."""
    participles = [verb, *(c for c in verb.children if c.pos_ == "AUX")]
    if not any("Part" in t.morph.get("VerbForm", []) for t in participles):
        return False  # ('aurait fait échouer' is parsed with the participle as a dependent)
    group = verb_group(verb)
    perfect = [t for t in group if t is not verb and normalise(t.lemma_) in lex.perfect_auxiliaries]
    if not perfect:
        return False
    modal = any(lex.modal(normalise(t.text)) == "reported" for t in group)
    return modal or any(mood_of(t, lex) == "Cnd" for t in perfect)


def mood_of(token: "Token", lex: StatusLexicon) -> str | None:
    """'Fut', 'Cnd' or None: endings first (the tagger confuses them), then morphology."""
    ending = _inflection(token, lex)
    if ending:
        return ending
    if "Cnd" in token.morph.get("Mood", []):
        return "Cnd"
    if "Fut" in token.morph.get("Tense", []):
        return "Fut"
    return None


def _inflection(token: "Token", lex: StatusLexicon) -> str | None:
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


def finite_past(token: "Token") -> bool:
    morph = token.morph
    return "Fin" in morph.get("VerbForm", []) and bool({"Past", "Imp"} & set(morph.get("Tense", [])))


def bare_infinitive(top: "Token", lex: StatusLexicon) -> bool:
    """ "Russia and Ukraine to meet in Istanbul": an infinitive no verb governs, a headline's future."""
    if not any(c.dep_ == "aux" and normalise(c.text) in lex.infinitive_markers for c in top.children):
        return False
    return top.head.i == top.i or top.head.pos_ in ("NOUN", "PROPN")


def group_tense(top: "Token", group: list["Token"], lex: StatusLexicon) -> str | None:
    """'Fut', 'FutPerfect', 'Cnd', 'Remote' (pluperfect, imperfect), 'Recent' (passé composé, simple past)
    or None. 'FutPerfect' only for languages that list prospective markers (French)."""
    auxiliaries = [t for t in group if t is not top and t.pos_ == "AUX"]
    finite = next((t for t in auxiliaries if "Fin" in t.morph.get("VerbForm", [])), None) or top
    passive = labels_for(top, "passive_auxiliary")
    perfect = [t for t in auxiliaries if t.dep_ not in passive and t.dep_ != "cop"
               and normalise(t.lemma_) in lex.perfect_auxiliaries]
    # 'aux:tense' marks a compound tense even when the tagger calls the participle an infinitive
    if "Part" not in top.morph.get("VerbForm", []) and not any(t.dep_ == "aux:tense" for t in perfect):
        perfect = []
    mood = mood_of(finite, lex)
    if mood == "Fut" and perfect and finite is not top and lex.retrospective_perfect:
        return "FutPerfect"
    if mood:
        return mood
    if finite is top or not perfect:
        if "Imp" in finite.morph.get("Tense", []):
            return "Remote"
        return "Recent" if finite_past(finite) else None
    return "Remote" if finite_past(finite) else "Recent"
