"""The status cue lexicon of a language (``data/<language>/status.json``), read once.

Cue phrases are compiled to whole-word patterns. Words and texts are compared after :func:`normalise`
(lower case, plain apostrophes), so that a typographic apostrophe in a text still matches a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..languages import language_data

__all__ = ["StatusLexicon", "normalise", "phrase_pattern", "status_lexicon"]


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

    def modal(self, word: str) -> str | None:
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
