"""The cues of how an actor takes part in an event, per language (``data/<lang>/parties.json``), as word
tuples, and the actors a sentence names (:class:`Named`): read by :mod:`.roles` and :mod:`.role_verbs`."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..languages import language_data
from ..model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ABSENT", "NOT_ACTORS", "PRESENT", "Named", "PartyCues", "token_at", "words_of"]

PRESENT = ("mediator", "observer", "host")  # by priority: present in that capacity whatever else is said
NOT_ACTORS = frozenset({"topic", "place", "absent", "label", "thing"})
ABSENT = "absent"
WORDS = re.compile(r"'s\b|\w+'|\w+(?:-\w+)*|-\w+|[,;:]")
CUE_KINDS = ("mediator", "convener", "host", "observer", "absent", "topic", "place")


def words_of(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in WORDS.finditer(text.replace("’", "'"))]


def _phrases(values: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(w for w, _, _ in words_of(v)) for v in values}, key=len, reverse=True))


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
                 "outside_words", "presence_verbs", "place_nouns", "place_prepositions", "absence_roles", "observer_verbs",
                 "party_heads", "capacity_words", "envoy_nouns", "post_words", "sender_words")
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


def token_at(sent: Span, start: int) -> Token | None:
    return next((t for t in sent if t.idx - sent.start_char <= start < t.idx - sent.start_char + len(t.text)), None)
