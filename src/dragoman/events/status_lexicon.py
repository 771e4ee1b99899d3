"""The status cue lexicon of a language (``data/<language>/status.json``), read once.

Cue phrases are compiled to whole-word patterns. Words and texts are compared after :func:`normalise`
(lower case, plain apostrophes), so that a typographic apostrophe in a text still matches a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeGuard

from ..errors import LanguageDataError
from ..languages import language_data
from ..model import STATUSES

__all__ = ["Modal", "StatusLexicon", "normalise", "phrase_pattern", "status_lexicon"]

# What a modal verb says of the event it governs: a status, or "reported" (planned when a source
# reports it, else uncertain).
Modal = Literal["planned", "ongoing", "occurred", "cancelled", "uncertain", "reported"]
MODALS: tuple[str, ...] = (*STATUSES, "reported")


@dataclass(frozen=True)
class StatusLexicon:
    """The cue words of one language (``data/<language>/status.json``)."""
    language: str
    future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    future_stems: tuple[tuple[str, str], ...]  # (infinitive ending, stem ending), longest first
    perfect_auxiliaries: frozenset[str]
    modals: tuple[tuple[str, Modal], ...]
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
    concessive_words: frozenset[str]  # "même si", "even if": a concession, not a condition
    negation_clitics: frozenset[str]  # "ne": a negation only without a restrictive "que"
    restrictive_words: frozenset[str]
    negation: frozenset[str]
    infinitive_markers: frozenset[str]
    planned_cues: re.Pattern[str]
    ongoing_cues: re.Pattern[str]
    past_cues: re.Pattern[str]
    uncertain_cues: re.Pattern[str]

    def modal(self, word: str) -> Modal | None:
        return dict(self.modals).get(word)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``phrases`` as whole words."""
    ordered = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case with typographic apostrophes made plain, as cue lists are written."""
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'")


@cache
def status_lexicon(language: str) -> StatusLexicon:
    """The status cue lexicon for ``language``, read once."""
    raw = language_data(language, "status")
    # Any: mypy checks each ** dict against every field, and the fields hold sets or patterns
    sets: dict[str, Any] = {key: frozenset(normalise(w) for w in raw[key]) for key in (
        "perfect_auxiliaries", "near_future", "prospective_heads", "irrealis_heads", "denial_heads",
        "reporting_heads", "announce_heads", "begin_verbs", "cancel_words", "occurrence_verbs",
        "support_verbs", "planned_modifiers", "past_modifiers", "uncertain_modifiers",
        "uncertain_adverbs", "past_markers", "hypothesis_marks", "negation")}
    for key in ("infinitive_markers", "concessive_words", "negation_clitics", "restrictive_words"):
        sets[key] = frozenset(normalise(w) for w in raw.get(key, ()))
    cues: dict[str, Any] = {key: phrase_pattern(raw.get(key, [])) for key in (
        "planned_cues", "ongoing_cues", "past_cues", "uncertain_cues", "prospective_markers")}
    stems = tuple(sorted(raw["future_stems"].items(), key=lambda kv: len(kv[0]), reverse=True))
    return StatusLexicon(
        language=language, future_endings=tuple(raw["future_endings"]),
        conditional_endings=tuple(raw["conditional_endings"]), future_stems=stems,
        modals=_modals(language, raw["modals"]), retrospective_perfect=bool(raw.get("prospective_markers")),
        **sets, **cues)


def _modals(language: str, raw: dict[str, str]) -> tuple[tuple[str, Modal], ...]:
    """(verb, what it says of the event) pairs, in the file's order."""
    pairs: list[tuple[str, Modal]] = []
    for verb, reading in raw.items():
        if not _is_modal(reading):
            raise LanguageDataError(path=f"{language}/status.json",
                                    detail=f"modal '{verb}' reads '{reading}', not one of {', '.join(MODALS)}")
        pairs.append((verb, reading))
    return tuple(pairs)


def _is_modal(reading: str) -> TypeGuard[Modal]:
    return reading in MODALS
