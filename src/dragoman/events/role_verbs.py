"""What the verbs of a sentence say of the actors that are their subjects or objects: the subject of
"mediated", "brokered" mediates, that of "hosted talks" hosts, that of "watched the signing" or of a
verb "as observers" observes; the subject of "n'a pas participé", "was not at the table", "sat out",
"is not a party to", and the object of "excluded", "not invited", is absent; a verb of participation
("took part", "figuraient") makes its sentence a list of a meeting's participants."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..languages import labels_for
from .role_cues import ABSENT, PRESENT, PartyCues, token_at, words_of
from .syntax import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["lists_participants", "verb_kinds"]


def _matches(token: Token, phrases: Iterable[tuple[str, ...]]) -> bool:
    """The verb is the phrase's lemma with its other words below it ("took part", "brought X together")."""
    children = {d.lower_ for c in token.children for d in (c, *c.children)}
    return any(token.lemma_.lower() == p[0] and all(w in children for w in p[1:]) for p in phrases)


def _negated(cues: PartyCues, token: Token) -> bool:
    return any(c.lower_ in cues.lists["negation"] for c in token.children)


def _subjects(token: Token) -> set[int]:
    """Token indices of the subject of ``token`` (a relative's antecedent, a conjunct's shared subject)."""
    deps = labels_for(token, "subject")
    cur = token
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in deps]
        if subjects:
            break
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return set()
        cur = cur.head
    found: set[int] = set()
    for subject in subjects:
        if _relative(subject, cur):
            found |= {t.i for t in cur.head.subtree if t.i <= cur.head.i or t.head.i == cur.head.i}
        else:
            found |= {t.i for t in subject.subtree}
    return found


def _relative(subject: Token, verb: Token) -> bool:
    """ "Russia, which brokered ...": the subject is a relative pronoun standing for the noun described."""
    return (verb.head.i != verb.i and verb.dep_ in labels_for(verb, "relative_clause") and subject.pos_ == "PRON"
            and ("Rel" in subject.morph.get("PronType", []) or subject.tag_ in ("WDT", "WP")))


def _objects(token: Token) -> set[int]:
    deps = labels_for(token, "object") | labels_for(token, "passive_subject")
    return {t.i for c in token.children if c.dep_ in deps for t in c.subtree}


def verb_kinds(cues: PartyCues, sent: Span) -> dict[int, str]:
    """Token index -> kind, for the subjects of mediating and hosting verbs and the actors said absent."""
    kinds: dict[int, str] = _capacities(cues, sent)
    lists, phrases = cues.lists, cues.phrases
    for token in sent:
        lemma, negated = token.lemma_.lower(), _negated(cues, token)
        if lemma in lists["mediator_verbs"] and not is_passive(token):
            kinds.update(dict.fromkeys(_subjects(token), "mediator"))
        elif lemma in lists["observer_verbs"] and not negated and not is_passive(token):
            kinds.update(dict.fromkeys(_subjects(token), "observer"))
        elif lemma in lists["host_verbs"] and _hosts_a_meeting(cues, token):
            kinds.update(dict.fromkeys(_subjects(token), "host"))
        elif _absent_subject(cues, token, negated):
            kinds.update(dict.fromkeys(_subjects(token), ABSENT))
        elif (negated and _matches(token, phrases["uninvited_verbs"])) or (
                not negated and _matches(token, phrases["exclusion_verbs"])):
            kinds.update(dict.fromkeys(_objects(token), ABSENT))
    return kinds


def _capacities(cues: PartyCues, sent: Span) -> dict[int, str]:
    """The subjects of a verb said to act "as observers", "en tant que médiateur": that capacity."""
    kinds: dict[int, str] = {}
    words = words_of(sent.text)
    for kind, phrase in cues.after:
        if kind not in PRESENT or phrase[0] not in cues.lists["capacity_words"]:
            continue
        for i in range(len(words) - len(phrase) + 1):
            if tuple(w for w, _, _ in words[i:i + len(phrase)]) == phrase:
                token = token_at(sent, words[i][1])
                while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
                    token = token.head
                if token is not None:
                    kinds.update(dict.fromkeys(_subjects(token), kind))
    return kinds


def _hosts_a_meeting(cues: PartyCues, token: Token) -> bool:
    """ "hosted talks between ...", "a accueilli des pourparlers": the object is a meeting (or, the parser
    having hung it elsewhere, a meeting close under a verb without an object); "hosted Zelensky" is none."""
    meetings = cues.lists["meeting_nouns"]
    objects = [c for c in token.children if c.dep_ in labels_for(c, "object")]
    if objects:
        return any(c.lemma_.lower() in meetings for c in objects)
    return any(g.lemma_.lower() in meetings for c in token.children for g in (c, *c.children)
               if c.dep_ not in labels_for(c, "subject"))


def _absent_subject(cues: PartyCues, token: Token, negated: bool) -> bool:
    """ "n'a pas participé", "was not at the table", "était absente", "stayed out of the room"."""
    lists = cues.lists
    if not negated and _matches(token, cues.phrases["absence_words"]):
        return True
    if negated and (_matches(token, cues.phrases["absence_verbs"]) or token.lemma_.lower() in lists["absence_roles"]
                    or any(c.lemma_.lower() in lists["absence_roles"] for c in token.children if c.pos_ == "NOUN")):
        return True  # "n'a pas participé", "is not a party to the deal"
    place = _place_complement(cues, token)
    return place is not None and (negated or place) and token.lemma_.lower() in lists["presence_verbs"]


def _place_complement(cues: PartyCues, token: Token) -> bool | None:
    """None without a meeting place among the verb's complements ("dans la pièce", "at the table"); else
    whether it is one left ("hors de la salle", "out of the room")."""
    core = labels_for(token, "subject") | labels_for(token, "object") | labels_for(token, "passive_subject")
    for noun in token.subtree:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.lists["absence_places"]:
            continue
        path = [noun]
        while path[-1].head.i not in (token.i, path[-1].i) and len(path) < 4:
            path.append(path[-1].head)
        if path[-1].head.i != token.i or path[-1].dep_ in core:
            continue
        words = {t.lower_ for step in path for t in (step, *step.children) if t.i <= noun.i}
        return bool(words & cues.lists["outside_words"])
    return None


def lists_participants(cues: PartyCues, sent: Span) -> bool:
    """ "Autour de la table figuraient ...", "Representatives of X, Y and Z took part"."""
    return any(_matches(t, cues.phrases["participation_verbs"]) and not _negated(cues, t) for t in sent)
