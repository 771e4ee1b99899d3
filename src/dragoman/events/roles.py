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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..languages import labels_for, language_data
from ..model import Mention
from .role_cues import ABSENT, NOT_ACTORS, PRESENT, Named, PartyCues, token_at, words_of
from .role_verbs import lists_participants, verb_kinds

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ABSENT", "NOT_ACTORS", "PRESENT", "Named", "PartyCues", "SentenceReading", "named_in", "read_sentence"]

MAX_LIST = 8  # members of one list a cue reaches
LIST_GAP = 2  # words between a list member and the connector ("Qatar's emir and ...")


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
    heads: tuple[int | None, ...] = ()  # a "thing" kind's head noun (sentence offset): the event it names keeps it


def read_sentence(sent: Span, named: Sequence[Named], *, language: str,
                  places: Sequence[tuple[int, int]] = ()) -> SentenceReading:
    """Kinds from the words around each name and from the verbs it is the subject of; ``places``: the
    sentence's cities (sentence offsets)."""
    cues = PartyCues.of(language)
    by_verb = verb_kinds(cues, sent)
    text = sent.text
    kinds = tuple(_kind(cues, sent, text, n, named, by_verb, places) for n in named)
    heads = tuple(_thing_head(cues, sent, n) if kind is None else None for n, kind in zip(named, kinds))
    kinds = tuple("thing" if head is not None else kind for kind, head in zip(kinds, heads))
    return SentenceReading(tuple(named), kinds, lists_participants(cues, sent), heads)


def _kind(cues: PartyCues, sent: Span, text: str, name: Named, named: Sequence[Named], by_verb: dict[int, str],
          places: Sequence[tuple[int, int]]) -> str | None:
    cued = _cue_before(cues, text, name, named) or _cue_after(cues, text, name, named)
    if cued in PRESENT:
        return cued
    token = token_at(sent, name.start)
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
        words = words_of(text[:pos])
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
        earlier = [n for n in named if n.end <= edge and len(words_of(text[n.end:edge])) <= gap]
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
        spans = words_of(text[pos:pos + 160])
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
    # "des pourparlers avec Washington": a partner, whatever noun it completes
    partners = {w for w, role in language_data(sent.doc.lang_, "triggers")["cues"]["prepositions"].items()
                if role == "partner"}
    return (token.dep_ in labels_for(token, "kind_modifier") and head.pos_ == "NOUN" and head.i != token.i
            and head.lemma_.lower() not in agents and head.lower_ not in agents
            and not any(c.dep_ in labels_for(c, "adposition") and c.lower_ in partners for c in token.children))


def _thing_head(cues: PartyCues, sent: Span, name: Named) -> int | None:
    """A demonym or a country name describing a thing, not the people acting ("le pétrole russe", "the
    Iran nuclear deal", "l'invasion russe"): the offset of the noun it describes; None for an agent
    ("les négociateurs russes", "the Russian side")."""
    tokens = [t for t in sent if name.start <= t.idx - sent.start_char < name.end]
    if len(tokens) != 1 or tokens[0].dep_ not in labels_for(tokens[0], "kind_modifier") or any(
            c.dep_ in labels_for(c, "adposition") for c in tokens[0].children):  # "de l'Ukraine" is no describer
        return None
    head = tokens[0].head
    agents = cues.lists["party_heads"] | frozenset(
        language_data(sent.doc.lang_, "discourse", optional=True).get("agent_heads", ()))
    if head.i == tokens[0].i or head.pos_ != "NOUN" or head.lemma_.lower() in agents or head.lower_ in agents:
        return None
    return head.idx - sent.start_char
