"""Trigger lexicon: which words of a parsed sentence name a PLOVER event.

The knowledge lives in data files, one per language (``data/<lang>/triggers.json``),
plus the language-independent PLOVER table (``data/common/plover.json``: types,
modes, the CAMEO -> PLOVER mapping and PLOVER's coding conventions). An entry
names lemmas (or a multiword phrase) and the conditions under which they are an
event: a word among their dependents (``needs``: "impose" + "sanctions"), a
particle or preposition (``preps``: "call for", "se rendre à"), a reflexive
pronoun ("s'entretenir"), a governing verb (``heads``: "lodge" + "protest").
The most specific entry whose conditions hold wins.

Matching works on spaCy's lemma and on the lower-cased text (the French model
lemmatises "pourparlers" as "pourparler"; both forms are tried).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from ..errors import ConfigError
from ..languages import common_data, labels_for, language_data
from ..model import PLOVER_TYPES
from .syntax import Cues, forms, lemma, parse_cues, words_of

# Words inside names ("Ceasefire Violations Committee", "last March") name no event.
NAME_ENTITIES = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "DATE", "TIME", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
POS_CLASSES = {"verb": frozenset({"VERB"}), "noun": frozenset({"NOUN", "PROPN"}), "adj": frozenset({"ADJ"})}


@dataclass(frozen=True)
class TriggerEntry:
    """One way of naming an event: lemmas (or a phrase), the conditions, and the code."""
    lemmas: tuple[str, ...]
    pos: str
    type: str
    cameo: str | None = None
    mode: str | None = None
    needs: tuple[frozenset[str], ...] = ()
    preps: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    phrase: tuple[str, ...] = ()
    reflexive: bool | None = None
    intransitive: bool = False
    symmetric: bool = False
    genitive: str = "source"
    commissive: bool = False
    causative: bool = False
    agentive: bool = False
    topical: bool = False  # its object is what is talked about ("discussed Taiwan"), not a party
    undergoer: bool = False  # ``needs`` names what undergoes the act, never its doer ("le ministre a échangé")
    evaluative: bool = False  # praise or blame of an act: its doer is the target, not whom the act was done to

    @property
    def specificity(self) -> int:
        return (len(self.needs) + bool(self.preps) + bool(self.heads) + bool(self.subjects) + len(self.phrase)
                + bool(self.reflexive) + self.intransitive)


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a document: its head token, character span and entry."""
    token: int
    start: int
    end: int
    entry: TriggerEntry


@dataclass(frozen=True)
class Plover:
    """PLOVER's types and conventions (``data/common/plover.json``)."""
    cameo: dict[str, tuple[str, str | None]]
    quads: dict[str, str]
    symmetric_types: frozenset[str]
    genitive_target_types: frozenset[str]
    future: dict[str, tuple[str, str | None, str | None]]
    negated: dict[str, tuple[str, str | None, str | None]]
    absorbs: dict[str, frozenset[str]]

    def type_of(self, cameo: str) -> tuple[str, str | None] | None:
        """PLOVER type and mode of a CAMEO code, by longest known prefix."""
        code = cameo.strip()
        while code and code not in self.cameo:
            code = code[:-1]
        return self.cameo.get(code)


@lru_cache(maxsize=1)
def plover() -> Plover:
    raw = common_data("plover")
    cameo = {code: (pair[0], pair[1]) for code, pair in raw["cameo"].items()}
    quads = {name: spec["quad"] for name, spec in raw["types"].items()}
    return Plover(cameo=cameo, quads=quads, symmetric_types=frozenset(raw["symmetric_types"]),
                  genitive_target_types=frozenset(raw["noun_genitive"]["target"]),
                  future=_shifts(raw["future"]), negated=_shifts(raw["negated"]),
                  absorbs={k: frozenset(v) for k, v in raw["absorbs"].items() if not k.startswith("_")})


def _shifts(raw: dict[str, Any]) -> dict[str, tuple[str, str | None, str | None]]:
    return {key: (value[0], value[1], value[2]) for key, value in raw.items() if not key.startswith("_")}


def _needs(value: Any) -> tuple[frozenset[str], ...]:
    """A list of words is one group (any of them); a list of lists, groups that must all hold."""
    groups = [value] if value and all(isinstance(v, str) for v in value) else (value or [])
    return tuple(words_of(group) for group in groups)


FLAGS = ("intransitive", "commissive", "causative", "agentive", "topical", "undergoer", "evaluative")


def parse_entry(raw: dict[str, Any], table: Plover) -> TriggerEntry:
    """One lexicon entry; type and mode default to what its CAMEO code means in PLOVER."""
    cameo = raw.get("cameo")
    known = table.type_of(cameo) if cameo else None
    kind = raw.get("type") or (known[0] if known else None)
    if kind not in PLOVER_TYPES:
        raise ConfigError(name="triggers", detail=f"entry {raw!r} has no PLOVER type")
    mode = raw["mode"] if "mode" in raw else (known[1] if known else None)
    symmetric = raw.get("symmetric", kind in table.symmetric_types)
    genitive = raw.get("genitive", "target" if kind in table.genitive_target_types else "source")
    phrase = tuple(raw.get("phrase", ()))
    lemmas = tuple(sorted(words_of(raw.get("lemma")))) or phrase[:1]
    return TriggerEntry(lemmas=lemmas, pos=raw.get("pos", "verb"), type=kind, cameo=cameo, mode=mode,
                        needs=_needs(raw.get("needs")), preps=words_of(raw.get("preps")),
                        heads=words_of(raw.get("heads")), subjects=words_of(raw.get("subjects")),
                        unless=words_of(raw.get("unless")), phrase=phrase, reflexive=raw.get("reflexive"),
                        symmetric=symmetric, genitive=genitive, **{flag: raw.get(flag, False) for flag in FLAGS})


# ----------------------------------------------------------------- token context

def near_words(token, depth: int = 2, *, skip: frozenset[str] = frozenset()) -> frozenset[str]:
    """Lemmas and forms of the dependents of ``token`` within ``depth`` content words, inside its
    clause; prepositions are free steps ("lifted a state *of* emergency"); ``skip``: dependencies of
    ``token`` itself left out."""
    found: set[str] = set()
    clause = labels_for(token, "clause")
    frontier = [(token, 0)]
    while frontier:
        node, cost = frontier.pop()
        for child in node.children:
            if (child.dep_ in clause and node.i != token.i) or child.dep_.startswith(("aux", "cop")):
                continue
            if node.i == token.i and (child.dep_ in skip or _own_scene(child)):
                continue
            step = cost + (child.dep_ not in ("prep", "case", "agent"))
            found |= forms(child)
            if step < depth:
                frontier.append((child, step))
    return frozenset(found)


def _own_scene(child) -> bool:
    """An adverbial clause with a subject of its own is another scene: in "missiles struck the port, hours
    after Moscow and Kyiv signed agreements" the agreements are not what was struck."""
    subjects = labels_for(child, "nominal_subject")
    return child.dep_ in labels_for(child, "scene_clause") and any(c.dep_ in subjects for c in child.children)


def particles(token) -> frozenset[str]:
    """Particles, prepositions and complementisers attached to ``token`` or to its phrases."""
    found: set[str] = set()
    particle, phrase = labels_for(token, "particle"), labels_for(token, "particle_phrase")
    for child in token.children:
        if child.dep_ in particle:
            found.add(child.lower_)
        if child.dep_ in phrase:
            found |= {g.lower_ for g in child.children if g.dep_ in ("case", "mark", "fixed")}
        if child.dep_ == "obl:mod":  # a phrase the parser hung on a time adverbial
            found |= {w.lower_ for g in child.children if g.dep_ == "nmod" for w in g.children if w.dep_ == "case"}
    return frozenset(found)


def is_reflexive(token) -> bool:
    reflexive = labels_for(token, "reflexive")
    return any(c.lemma_.lower() in ("se", "s'", "soi") and c.dep_ in reflexive for c in token.children)


def governor_word(token):
    """The word a noun hangs from, seen through a preposition ("put *under* investigation")."""
    head = token.head
    return head.head if head.dep_ in ("prep", "agent", "dative") and head.head.i != head.i else head


def has_doer(token) -> bool:
    """Someone does it: an active subject or a passive agent ("killed by", "tué par"), not a
    bare participle ("blessé à la jambe", "were killed in an accident")."""
    agent, passive = labels_for(token, "passive_agent"), labels_for(token, "passive_marker")
    if any(c.dep_ in agent for c in token.children):
        return True
    if any(c.dep_ in passive for c in token.children):
        return any(w.dep_ == "case" and w.lower_ == "par" for c in token.children for w in c.children)
    subject = labels_for(token, "active_subject")
    return any(c.dep_ in subject for c in token.children) or token.dep_ in ("conj", "xcomp")


def _has_object(token) -> bool:
    objects = labels_for(token, "direct_object")
    return any(c.dep_ in objects for c in token.children)


def pos_ok(token, pos: str) -> bool:
    if token.pos_ in POS_CLASSES.get(pos, ()):
        return True
    return pos == "verb" and token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm")


def entry_holds(entry: TriggerEntry, token) -> bool:
    """Whether every condition of ``entry`` holds around ``token``."""
    if entry.reflexive is not None and is_reflexive(token) != entry.reflexive:
        return False
    if entry.intransitive and _has_object(token):
        return False
    if entry.agentive and not has_doer(token):
        return False
    if entry.heads and (token.head.i == token.i or lemma(governor_word(token)) not in entry.heads):
        return False
    if entry.subjects and not any(entry.subjects & forms(c) for c in token.children if c.dep_.startswith("nsubj")):
        return False
    if entry.preps and not entry.preps & particles(token):
        return False
    if not (entry.needs or entry.unless):
        return True
    near = near_words(token, skip=labels_for(token, "active_subject") if entry.undergoer else frozenset()) | \
        {f"dep:{c.dep_}" for c in token.children} | {f"dep:{c.dep_}:{c.pos_.lower()}" for c in token.children}
    objects = labels_for(token, "direct_object")  # "ent:per" in ``needs``: the object is a named person
    near |= {f"ent:{c.ent_type_.lower()}" for c in token.children if c.dep_ in objects and c.ent_type_}
    if token.dep_ == "acl" and "Part" in token.morph.get("VerbForm"):  # "accord signé entre X et Y"
        near |= forms(token.head)
    near |= controller(token)
    return all(group & near for group in entry.needs) and not entry.unless & near


def controller(token) -> frozenset[str]:
    """The subject an infinitive takes from the verb it completes ("l'ambassadeur va *retourner* à
    Washington", "the envoy is set to *return*"): the infinitive names no subject of its own."""
    subjects = labels_for(token, "nominal_subject")
    if token.dep_ != "xcomp" or any(c.dep_ in subjects for c in token.children):
        return frozenset()
    return frozenset(w for c in token.head.children if c.dep_ in subjects for w in forms(c))


# ----------------------------------------------------------------- the lexicon

class TriggerLexicon:
    """Every trigger entry of one language, indexed by lemma and by first phrase word."""

    def __init__(self, entries: list[TriggerEntry], cues: Cues, *, language: str) -> None:
        self.language = language
        self.cues = cues
        self.by_word: dict[str, list[TriggerEntry]] = {}
        self.phrases: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            if entry.phrase:
                self.phrases.setdefault(entry.phrase[0], []).append(entry)
                continue
            for word in entry.lemmas:
                self.by_word.setdefault(word, []).append(entry)
        for bucket in (*self.by_word.values(), *self.phrases.values()):
            bucket.sort(key=attrgetter("specificity"), reverse=True)  # stable: file order among equals

    @classmethod
    def for_language(cls, language: str) -> "TriggerLexicon":
        return _lexicon(language)

    def verb_lemma(self, token) -> str | None:
        """The trigger verb ``token`` is a form of, whatever its tag ("sanctionne" tagged a noun)."""
        for word in (lemma(token), token.lower_):
            if self._is_verb(word):
                return word
            for ending, stem in self.cues.verb_endings + self.cues.participle_endings:
                if word.endswith(ending):
                    found = self._verb_of_stem(word[:len(word) - len(ending)], stem)
                    if found is not None:
                        return found
        return None

    def _verb_of_stem(self, base: str, ending: str) -> str | None:
        changed = [base.replace(old, new) for old, new in self.cues.stem_alternations if old in base]
        return next((b + ending for b in [base, *changed] if self._is_verb(b + ending)), None)

    def _is_verb(self, word: str) -> bool:
        return any(entry.pos == "verb" for entry in self.by_word.get(word, ()))

    def find(self, span) -> list[TriggerMatch]:
        """Triggers in a sentence (or any span), one per head token, in text order."""
        found: dict[int, TriggerMatch] = {}
        for match in self._obligations(span) + self._phrase_matches(span):
            found.setdefault(match.token, match)
        for token in span:
            if token.i not in found:
                entry = self.entry_for(token)
                if entry is not None:
                    found[token.i] = TriggerMatch(token.i, token.idx, token.idx + len(token.text), entry)
        return [found[i] for i in sorted(found)]

    def entry_for(self, token) -> TriggerEntry | None:
        if token.ent_type_ in NAME_ENTITIES or token.dep_ == "compound":
            return None
        seen: set[int] = set()
        for word in (lemma(token), token.lower_):
            for entry in self.by_word.get(word, ()):
                if id(entry) in seen or not pos_ok(token, entry.pos):
                    continue
                seen.add(id(entry))
                if entry_holds(entry, token):
                    return entry
        return None

    def _obligations(self, span) -> list[TriggerMatch]:
        """ "X said Y must do Z": X demands of Y, whatever Z is (a CAMEO/PLOVER convention)."""
        found = []
        for token in span:
            clause = obligation_clause(token, self.cues)
            if clause is not None:
                found.append(TriggerMatch(clause.i, token.idx, token.idx + len(token.text), OBLIGATION))
        return found

    def _phrase_matches(self, span) -> list[TriggerMatch]:
        matches = []
        for token in span:
            found = self.phrases.get(token.lower_, []) + self.phrases.get(lemma(token), [])
            for entry in {id(e): e for e in found}.values():
                tokens = _phrase_at(span, token.i - span.start, entry.phrase)
                if tokens and entry_holds(entry, _phrase_head(tokens)):
                    head = _phrase_head(tokens)
                    matches.append(TriggerMatch(head.i, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), entry))
        return matches


def _phrase_at(span, offset: int, words: tuple[str, ...]) -> list | None:
    tokens = list(span[offset:offset + len(words)])
    return tokens if len(tokens) == len(words) and all(w in forms(t) for w, t in zip(words, tokens)) else None


def _phrase_head(tokens: list):
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


OBLIGATION = TriggerEntry(lemmas=(), pos="clause", type="REQUEST", cameo="100")


def obligation_clause(token, cues: Cues):
    """The verb of a reported obligation ("said that Sudan *must* return..."), or None."""
    if lemma(token) not in cues.obligation:
        return None
    verb = token.head if token.dep_.startswith("aux") else token
    if token.dep_.startswith("aux") or any(c.dep_ == "xcomp" for c in token.children):
        if verb.dep_ in ("ccomp", "parataxis") and lemma(verb.head) in cues.speech:
            return verb
    return None


@cache
def _lexicon(language: str) -> TriggerLexicon:
    raw = language_data(language, "triggers")
    entries = [parse_entry(item, plover()) for item in raw["entries"]]
    return TriggerLexicon(entries, parse_cues(raw.get("cues", {})), language=language)
