"""In what capacity the actors a sentence names take part in its events, or why they take none.

An actor named "sous l'égide de la Turquie", "mediated by Qatar", or the subject of "brokered" is a
mediator (a party); one "en présence de", "witnessed by", "as observers" an observer, and the subject
of "hosted talks" a host (present, not parties). A country the talks are about ("a call about Iran"),
the place of the meeting ("le sommet de Singapour", "at the border between Belarus and Poland"), a
headline's label ("Soudan : ...") or one stated absent ("sans les Américains", "Ukraine was not at
the table") is no actor. The cues are data (``data/<lang>/parties.json``); a cue reaches the later
members of a list ("under the auspices of Turkey and the UN") and the state of a person named with
it ("sous la présidence d'Enrique Mora, de l'UE").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..languages import labels_for, language_data
from ..model import Mention
from .syntax import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ABSENT", "NOT_ACTORS", "PRESENT", "Named", "PartyCues", "SentenceReading", "named_in", "read_sentence"]

PRESENT = ("mediator", "observer", "host")  # by priority: present in that capacity whatever else is said
NOT_ACTORS = frozenset({"topic", "place", "absent", "label"})
ABSENT = "absent"
WORDS = re.compile(r"'s\b|\w+'|\w+(?:-\w+)*|-\w+|[,;:]")
MAX_LIST = 8  # members of one list a cue reaches
LIST_GAP = 2  # words between a list member and the connector ("Qatar's emir and ...")
CUE_KINDS = ("mediator", "convener", "host", "observer", "absent", "topic", "place")


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in WORDS.finditer(text.replace("’", "'"))]


def _phrases(values: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(w for w, _, _ in _words(v)) for v in values}, key=len, reverse=True))


def _trimmed(phrase: tuple[str, ...], linkers: frozenset[str]) -> tuple[str, ...]:
    """A cue without its final linkers ("sous l'égide de" -> "sous l'égide"): the text is read the same way."""
    end = len(phrase)
    while end > 1 and phrase[end - 1] in linkers:
        end -= 1
    return phrase[:end]


@dataclass(frozen=True)
class PartyCues:
    """One language's cues (``data/<lang>/parties.json``), as word tuples."""
    linkers: frozenset[str]
    connectors: tuple[tuple[str, ...], ...]
    before: tuple[tuple[str, tuple[str, ...]], ...]
    after: tuple[tuple[str, tuple[str, ...]], ...]
    gap_words: frozenset[str]
    lists: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    separators: frozenset[str]

    @staticmethod
    @cache
    def of(language: str) -> PartyCues:
        data = language_data(language, "parties", optional=True)

        linkers = frozenset(data.get("linkers", ()))

        def cues(side: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
            pairs = [(kind, _trimmed(phrase, linkers) if side == "before" else phrase) for kind in CUE_KINDS
                     for phrase in _phrases(data.get(f"{kind}_{side}", ()))]
            return tuple(sorted(pairs, key=lambda pair: len(pair[1]), reverse=True))

        words = ("mediator_verbs", "host_verbs", "meeting_nouns", "negation", "absence_places", "genitives",
                 "outside_words", "presence_verbs", "place_nouns", "place_prepositions")
        phrases = ("absence_verbs", "absence_words", "uninvited_verbs", "exclusion_verbs", "participation_verbs")
        return PartyCues(
            linkers=linkers, connectors=_phrases(data.get("connectors", ())),
            before=cues("before"), after=cues("after"), gap_words=frozenset(data.get("after_gap_words", ())),
            lists={key: frozenset(w.lower() for w in data.get(key, ())) for key in words},
            phrases={key: tuple(tuple(v.lower().split()) for v in data.get(key, ())) for key in phrases},
            separators=frozenset(data.get("label_separators", ())))


@dataclass(frozen=True)
class Named:
    """An actor the sentence names: an actor mention, or a person standing for one (sentence offsets)."""
    start: int
    end: int
    code: str
    mention: Mention


def named_in(sent: Span, actors: Sequence[Mention], people: Sequence[Mention]) -> list[Named]:
    """The sentence's actor mentions, and the people tied to an actor that no actor mention overlaps."""
    base = sent.start_char
    found = [Named(m.start - base, m.end - base, m.value.code, m) for m in actors]
    for m in people:
        if m.value.actor and not any(n.start < m.end - base and m.start - base < n.end for n in found):
            found.append(Named(m.start - base, m.end - base, m.value.actor, m))
    return sorted(found, key=lambda n: n.start)


@dataclass(frozen=True)
class SentenceReading:
    """The kind of each named actor of one sentence that is not a plain party, and whether the sentence
    lists a meeting's participants."""
    named: tuple[Named, ...]
    kinds: tuple[str | None, ...]
    roster: bool = False


def read_sentence(sent: Span, named: Sequence[Named], *, language: str,
                  places: Sequence[tuple[int, int]] = ()) -> SentenceReading:
    """Kinds from the words around each name and from the verbs it is the subject of; ``places``: the
    sentence's cities (sentence offsets)."""
    cues = PartyCues.of(language)
    by_verb = _verb_kinds(cues, sent)
    text = sent.text
    kinds = tuple(_kind(cues, sent, text, n, named, by_verb, places) for n in named)
    return SentenceReading(tuple(named), kinds, _lists_participants(cues, sent))


def _kind(cues: PartyCues, sent: Span, text: str, name: Named, named: Sequence[Named], by_verb: dict[int, str],
          places: Sequence[tuple[int, int]]) -> str | None:
    cued = _cue_before(cues, text, name, named) or _cue_after(cues, text, name, named)
    if cued in PRESENT:
        return cued
    token = _token_at(sent, name.start)
    if token is None:
        return cued
    if token.i in by_verb:
        return by_verb[token.i]
    if cued:
        return cued
    if _labels(cues, sent, name):
        return "label"
    return "place" if _place_name(cues, sent, token, name, places) else None


# ----------------------------------------------------------------- words around a name

def _strip_linkers(cues: PartyCues, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    while words and words[-1][0] in cues.linkers:
        words = words[:-1]
    return words


def _ends_with(words: list[tuple[str, int, int]], phrase: tuple[str, ...]) -> bool:
    return len(words) >= len(phrase) and tuple(w for w, _, _ in words[-len(phrase):]) == phrase


def _cue_before(cues: PartyCues, text: str, name: Named, named: Sequence[Named]) -> str | None:
    """The kind a cue before the name gives, past linkers, the earlier members of its list and the
    person it completes ("under the chairmanship of Enrique Mora of the EU")."""
    pos = name.start
    for _ in range(MAX_LIST):
        words = _words(text[:pos])
        stripped = _strip_linkers(cues, words)
        kind = _cue_ending(cues, stripped) or _cue_ending(cues, _past_person(cues, text, words, stripped))
        if kind is not None:
            return kind
        words = stripped
        connector = next((c for c in cues.connectors if _ends_with(words, c)), None)
        gap = LIST_GAP if connector else 0
        if connector:
            words = _strip_linkers(cues, words[:-len(connector)])
        edge = words[-1][2] if words else -1
        earlier = [n for n in named if n.end <= edge and len(_words(text[n.end:edge])) <= gap]
        if not earlier or earlier[-1].start >= pos:
            return None
        pos = earlier[-1].start
    return None


def _cue_ending(cues: PartyCues, words: list[tuple[str, int, int]]) -> str | None:
    return next((kind for kind, phrase in cues.before if _ends_with(words, phrase)), None)


def _past_person(cues: PartyCues, text: str, words: list[tuple[str, int, int]],
                 stripped: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The words before a name of up to three capitalised words the actor completes ("Mora of the")."""
    if not any(w in cues.lists["genitives"] for w, _, _ in words[len(stripped):]):
        return []
    if stripped and stripped[-1][0] == ",":  # "Helga Schmid, de l'OSCE"
        stripped = stripped[:-1]
    end = len(stripped)
    while end > 0 and len(stripped) - end < 3 and text[stripped[end - 1][1]:stripped[end - 1][1] + 1].isupper():
        end -= 1
    return _strip_linkers(cues, stripped[:end]) if end < len(stripped) else []


def _cue_after(cues: PartyCues, text: str, name: Named, named: Sequence[Named]) -> str | None:
    """The kind a cue after the name gives ("Turkey and the UN, who act as mediators")."""
    pos = name.end
    for _ in range(MAX_LIST):
        spans = _words(text[pos:pos + 160])
        words = [w for w, _, _ in spans]
        for kind, phrase in cues.after:
            skip = _person_after(text, pos, spans)
            while skip < len(words) and words[skip] in cues.gap_words and skip < 6:
                skip += 1
            if any(tuple(words[i:i + len(phrase)]) == phrase for i in range(skip + 1)):
                return kind
        connector = next((c for c in cues.connectors if tuple(w for w, _, _ in spans[:len(c)]) == c), None)
        if connector is None:
            return None
        rest = spans[len(connector):]
        while rest and rest[0][0] in cues.linkers:
            rest = rest[1:]
        later = [n for n in named if rest and n.start == pos + rest[0][1]]
        if not later:
            return None
        pos = later[0].end
    return None


def _person_after(text: str, pos: int, spans: list[tuple[str, int, int]]) -> int:
    """How many words a possessed person's name takes after the actor ("the EU's Enrique Mora")."""
    if not spans or spans[0][0] != "'s":
        return 0
    end = 1
    while end < min(len(spans), 4) and text[pos + spans[end][1]:pos + spans[end][1] + 1].isupper():
        end += 1
    return end


def _labels(cues: PartyCues, sent: Span, name: Named) -> bool:
    """A name before a heading's colon ("Soudan : l'armée ...", "Afghanistan: Trump ...") labels a topic."""
    head = [t for t in sent if t.idx - sent.start_char < name.start + 40]
    colon = next((t for t in head if t.text in cues.separators), None)
    if colon is None or colon.idx - sent.start_char < name.end:
        return False
    before = [t for t in sent if t.i < colon.i]
    return len(before) <= 5 and not any(t.pos_ in ("VERB", "AUX") for t in before)


def _place_name(cues: PartyCues, sent: Span, token: Token, name: Named, places: Sequence[tuple[int, int]]) -> bool:
    """A city that also names a government, modifying a thing rather than an agent ("le sommet de
    Singapour", "the Vienna talks", "au château de Prague"), or a demonym describing a place ("dans la
    ville suisse", "on Ukrainian soil"), is a place."""
    head = token.head
    if head.i != token.i and head.lemma_.lower() in cues.lists["place_nouns"] and token.dep_ in labels_for(
            token, "kind_modifier"):
        return True
    if not any(s < name.end and name.start < e for s, e in places):
        return False
    agents = frozenset(language_data(sent.doc.lang_, "discourse", optional=True).get("agent_heads", ()))
    return (token.dep_ in labels_for(token, "kind_modifier") and head.pos_ == "NOUN" and head.i != token.i
            and head.lemma_.lower() not in agents and head.lower_ not in agents)


def _token_at(sent: Span, start: int) -> Token | None:
    return next((t for t in sent if t.idx - sent.start_char <= start < t.idx - sent.start_char + len(t.text)), None)


# ----------------------------------------------------------------- verbs

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


def _verb_kinds(cues: PartyCues, sent: Span) -> dict[int, str]:
    """Token index -> kind, for the subjects of mediating and hosting verbs and the actors said absent."""
    kinds: dict[int, str] = {}
    lists, phrases = cues.lists, cues.phrases
    for token in sent:
        lemma, negated = token.lemma_.lower(), _negated(cues, token)
        if lemma in lists["mediator_verbs"] and not is_passive(token):
            kinds.update(dict.fromkeys(_subjects(token), "mediator"))
        elif lemma in lists["host_verbs"] and _hosts_a_meeting(cues, token):
            kinds.update(dict.fromkeys(_subjects(token), "host"))
        elif _absent_subject(cues, token, negated):
            kinds.update(dict.fromkeys(_subjects(token), ABSENT))
        elif (negated and _matches(token, phrases["uninvited_verbs"])) or (
                not negated and _matches(token, phrases["exclusion_verbs"])):
            kinds.update(dict.fromkeys(_objects(token), ABSENT))
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
    if negated and _matches(token, cues.phrases["absence_verbs"]):
        return True
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


def _lists_participants(cues: PartyCues, sent: Span) -> bool:
    """ "Autour de la table figuraient ...", "Representatives of X, Y and Z took part"."""
    return any(_matches(t, cues.phrases["participation_verbs"]) and not _negated(cues, t) for t in sent)
