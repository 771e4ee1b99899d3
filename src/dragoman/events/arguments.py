"""Arguments of a trigger, read from the dependency tree around it.

The source is the subject (or the ``by``/``par`` agent of a passive), the target the objects and
the oblique arguments whose preposition marks a recipient (``with``/``avec`` mark a partner,
``against``/``contre`` a target...). A noun trigger takes its arguments from its own modifiers
("US-Russia talks", "sanctions against Iran", "l'expulsion de diplomates français") and, failing
that, from the verb that governs it ("Russia *held* talks with...").
"""
from __future__ import annotations

from ..languages import labels_for
from ..nlp import ActorIndex
from .syntax import (
    Cues,
    argument_of,
    case_word,
    governing_verb,
    is_passive,
    is_pronoun,
    lemma,
    np_indices,
    pp_arguments,
    state_word,
)
from .triggers import TriggerMatch


class Frame:
    """Mentions found for each argument role of one trigger (indices into an ActorIndex)."""

    def __init__(self) -> None:
        self.sources: list[int] = []
        self.objects: list[int] = []
        self.targets: list[int] = []
        self.partners: list[int] = []
        self.weak: list[int] = []

    def add(self, role: str, found: list[int]) -> None:
        getattr(self, role).extend(m for m in found if m not in getattr(self, role))


class ArgumentReader:
    """Fills the :class:`Frame` of a trigger from the tree around it."""

    def __init__(self, index: ActorIndex, cues: Cues) -> None:
        self.index = index
        self.cues = cues

    def actors(self, token) -> list[int]:
        """Actors of the noun phrase headed by ``token``; for a phrase naming none, the actor it is
        said to be linked to ("des entités liées au groupe Wagner", "officials close to the Kremlin")."""
        found = self.index.within(np_indices(token))
        if found or token.pos_ not in ("NOUN", "PROPN"):
            return found
        for child in token.children:
            if child.dep_ in ("acl", "amod") and lemma(child) in self.cues.affiliation:
                found += [m for _, obj in pp_arguments(child, self.cues) for m in self.index.within(np_indices(obj))]
        return found

    def doer(self, verb) -> list[int]:
        """Actors of the doer of ``verb``: its active subject or its passive agent."""
        if is_passive(verb):
            return [m for word, obj in pp_arguments(verb, self.cues)
                    if self.cues.prepositions.get(word) == "agent" for m in self.actors(obj)]
        return self.grammatical_subject(verb, labels_for(verb, "subject"))

    def grammatical_subject(self, verb, deps: frozenset[str] | None = None) -> list[int]:
        """Actors of the subject of ``verb`` (active or passive unless ``deps`` says which labels)."""
        if deps is None:
            deps = labels_for(verb, "subject") | labels_for(verb, "passive_subject")
        found: list[int] = []
        for child in verb.children:
            if child.dep_ in deps:
                found += self.actors(verb.head) if _relative(child, verb) else self.actors(child)
        return found

    def verb_frame(self, verb, frame: Frame) -> None:
        passive = is_passive(verb)
        subject, passive_subject = labels_for(verb, "subject"), labels_for(verb, "passive_subject")
        objects = labels_for(verb, "object")
        for child in verb.children:
            if child.dep_ in subject and not passive:
                frame.add("sources", self.actors(verb.head) if _relative(child, verb) else self.actors(child))
            elif child.dep_ in passive_subject or (child.dep_ in subject and passive):
                frame.add("targets", self.actors(verb.head) if _relative(child, verb) else self.actors(child))
            elif child.dep_ in objects and not any(g.dep_ == "pobj" for g in child.children):
                frame.add("objects", self.actors(child))
            elif child.dep_ == "nmod" and case_word(child, self.cues) is None:  # a misparsed object
                frame.add("objects", self.actors(child))
        self.prepositional(verb, frame, noun=False)
        if verb.dep_ == "xcomp" and lemma(verb.head) in self.cues.future_heads:  # "va livrer ... à l'Ukraine"
            self.prepositional(verb.head, frame, noun=False)
        adverbial = labels_for(verb, "adverbial_phrase")
        for child in verb.children:  # "se rendra la semaine prochaine à Washington": a misattached place
            if child.dep_ in adverbial:
                self.prepositional(child, frame, noun=False)
        if verb.dep_ == "conj" and verb.head.pos_ in ("NOUN", "PROPN"):  # "X et Y ont...": a misparsed subject
            frame.add("sources", self.actors(verb.head))
        if frame.sources and not passive:  # "US, Iran hold talks": a headline's comma for "and"
            frame.add("sources", [m for c in _comma_co_subjects(verb) for m in self.actors(c)])
        if not (frame.sources or passive):  # an unlabelled noun before the verb is its subject
            for child in verb.children:
                if child.dep_ == "dep" and child.pos_ in ("NOUN", "PROPN") and child.i < verb.i:
                    frame.add("sources", self.actors(child))
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            frame.add("targets" if passive or "Past" in verb.morph.get("Tense") else "sources", self.actors(verb.head))
        if passive:
            self.predicate_agents(verb, frame)

    def predicate_agents(self, verb, frame: Frame) -> None:
        """ "déclaré persona non grata par la Chine": the agent hung on the predicate, not the verb."""
        parts = labels_for(verb, "predicate_part")
        stack = [c for c in verb.children if c.dep_ in ("xcomp", "oprd") and c.pos_ not in ("VERB", "AUX")]
        while stack:  # through "persona" to "non grata"
            predicate = stack.pop()
            stack += [c for c in predicate.children if c.dep_ in parts and c.pos_ in ("ADJ", "NOUN", "ADV")]
            for word, obj in pp_arguments(predicate, self.cues):
                if self.cues.prepositions.get(word) == "agent":
                    frame.add("sources", self.actors(obj))

    def prepositional(self, token, frame: Frame, *, noun: bool, genitive: str = "source") -> None:
        roles = {"partner": "partners", "target": "targets", "from": "weak", "location": "weak",
                 "genitive": genitive + "s" if noun else "weak",
                 "agent": "sources" if noun or is_passive(token) or _past_participle_of_noun(token)
                 else "weak"}  # not "par téléphone"; "l'accord signé par Paris et Berlin": Paris and Berlin
        for word, obj in pp_arguments(token, self.cues):
            role = self.cues.prepositions.get(word)
            if role in roles:
                frame.add(roles[role], self.actors(obj))

    def noun_frame(self, noun, frame: Frame, entry) -> None:
        """ "US-Russia talks" (parties), "frappes américaines" (doer), "sanctions against Iran"."""
        modifiers: list[int] = []
        possessor, modifier = labels_for(noun, "possessor"), labels_for(noun, "party_modifier")
        for child in noun.children:
            if child.dep_ in possessor:
                frame.add("sources", self.actors(child))
            elif child.dep_ in modifier or (child.dep_ == "nmod" and case_word(child, self.cues) is None):
                modifiers += self.actors(child)
        self.prepositional(noun, frame, noun=True, genitive=entry.genitive)
        self.genitive_agents(noun, frame)
        self.described_by(noun, frame)
        role = "partners" if entry.symmetric else ("targets" if frame.sources else "sources")
        frame.add(role, modifiers)

    def genitive_agents(self, noun, frame: Frame) -> None:
        """ "the expulsion of Moldova's ambassador by Russia": the agent the parser hung on the genitive."""
        for word, obj in pp_arguments(noun, self.cues):
            if self.cues.prepositions.get(word) == "genitive":
                for inner, agent in pp_arguments(obj, self.cues):
                    if self.cues.prepositions.get(inner) == "agent":
                        frame.add("sources", self.actors(agent))

    def described_by(self, noun, frame: Frame) -> None:
        """ "sanctions visant la Russie", "sanctions imposed on Venezuela by the US": a participle
        describing the noun names its target (and, passive, its doer)."""
        for child in noun.children:
            if child.dep_ != "acl" or child.pos_ != "VERB":
                continue
            if lemma(child) in self.cues.target_verbs:
                objects = labels_for(child, "object")
                frame.add("targets", [m for c in child.children if c.dep_ in objects for m in self.actors(c)])
            for word, obj in pp_arguments(child, self.cues):
                role = self.cues.prepositions.get(word)
                if role == "target" or (role == "agent" and "Part" in child.morph.get("VerbForm")):
                    frame.add("targets" if role == "target" else "sources", self.actors(obj))

    def climb(self, token, frame: Frame) -> None:
        """The doer of a trigger without a subject of its own: the controller of an infinitive,
        the first conjunct's subject, the speaker of "X said it would ..."."""
        subject, climb = labels_for(token, "subject"), labels_for(token, "climb")
        if any(c.dep_ in subject and not is_pronoun(c, self.cues) for c in token.children):
            return
        cur = token
        for _ in range(4):
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                cur = governing_verb(cur.head) or cur
                found = self.doer(cur) if cur.pos_ in ("VERB", "AUX") else []
            elif (cur.dep_ in climb or cur.dep_.startswith("obl") and cur.pos_ == "VERB") and cur.head.i != cur.i:
                if cur.dep_ == "ccomp" and not any(c.dep_ in subject and is_pronoun(c, self.cues)
                                                   for c in cur.children):
                    return  # "Israel said a bomb was fired at it": the speaker is not the doer
                cur = cur.head
                found = self.grammatical_subject(cur)
            else:
                return
            if found:
                frame.add("sources", found)
                return
            if any(c.dep_ in subject and not is_pronoun(c, self.cues) for c in cur.children):
                return

    def frame(self, token, match: TriggerMatch) -> Frame:
        frame = Frame()
        if match.entry.pos == "clause":
            frame.add("sources", self.doer(token.head))
            frame.add("targets", self.grammatical_subject(token))
        elif match.entry.pos == "noun":
            self.noun_frame(token, frame, match.entry)
            verb = argument_of(token, self.cues)
            if verb is not None:
                self._from_governor(verb, token, frame)
            elif token.dep_.startswith("nsubj") and token.head.i != token.i:
                self._partners_of_head(token.head, frame)
            if not frame.sources:
                frame.add("sources", self.in_state(token))
        else:
            self.verb_frame(token, frame)
            if match.entry.topical:
                frame.objects.clear()
            if not frame.sources:
                self.climb(token, frame)
        return frame

    def _from_governor(self, verb, noun, frame: Frame) -> None:
        outer = Frame()
        self.verb_frame(verb, outer)
        inside = set(self.index.within(np_indices(noun)))
        if not frame.sources:
            frame.add("sources", [m for m in outer.sources if m not in inside])
            if not frame.sources:
                self.climb(verb, frame)
        if not (frame.targets or frame.partners):
            for role in ("targets", "partners", "weak"):
                frame.add(role, [m for m in getattr(outer, role) + (outer.objects if role == "targets" else [])
                                 if m not in inside and m not in frame.sources])

    def in_state(self, noun) -> list[int]:
        """ "Le Premier ministre japonais, en visite à Paris, ...": the noun a state phrase describes
        is its doer (its own phrase, holding the visit's place, left out)."""
        holder = noun.head.head if noun.dep_ == "pobj" else noun.head
        if state_word(noun, self.cues) is None or holder.i == noun.i or holder.pos_ not in ("NOUN", "PROPN"):
            return []
        inside = np_indices(noun)
        return self.index.within(i for i in np_indices(holder) if i not in inside)

    def _partners_of_head(self, verb, frame: Frame) -> None:
        outer = Frame()
        self.prepositional(verb, outer, noun=False)
        frame.add("partners", outer.partners)


def _comma_co_subjects(verb) -> list:
    """Proper nouns hung on ``verb`` right before ", <subject>": "US, Iran hold talks", where
    headlines write a comma for "and" and the parser reads the first as an adverbial."""
    subject, loose = labels_for(verb, "subject"), labels_for(verb, "loose_noun")
    subjects = [c for c in verb.children if c.dep_ in subject]
    if len(subjects) != 1:
        return []
    first = subjects[0].left_edge.i
    doc = verb.doc
    return [c for c in verb.children
            if c.dep_ in loose and c.pos_ == "PROPN" and c.right_edge.i + 2 == first
            and doc[first - 1].text == "," and not any(g.dep_ == "case" for g in c.children)]


def _relative(child, verb) -> bool:
    return "Rel" in child.morph.get("PronType") and verb.dep_ in labels_for(verb, "relative_clause")


def _past_participle_of_noun(token) -> bool:
    """ "the agreement signed by ...", "l'accord signé par ...": a participle describing a noun is passive."""
    return (token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and "Part" in token.morph.get("VerbForm")
            and "Past" in token.morph.get("Tense"))
