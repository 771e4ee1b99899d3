"""How similar two documents must be to share a story, per sentence embedder.

Cosines are not comparable across embedders (nor between titles alone and
title-and-lead texts), so each embedder carries two calibrations: one for
articles, one for pairs of titles alone (see :func:`.cluster.pair_similarity`).
The numbers live in ``data/common/calibration.json`` with how they were
tuned; ``scripts/eval_og2021.py`` exposes every title setting as an option.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import LanguageDataError
from ..languages import common_data
from .linkage import Limits


@dataclass(frozen=True)
class StorySettings:
    """How documents are grouped into stories; the defaults suit full articles (title and lead) under USE."""
    threshold: float = 0.7  # average similarity for two groups to merge
    floor_margin: float = 0.3  # similarities below threshold - margin count as that floor
    window_days: int = 10  # a story's reports are published within this many days
    day_penalty: float = 0.01  # per day between two publications
    max_event_gap_days: int = 5  # own events further apart: different stories (weekly rounds)
    actor_bonus: float = 0.1  # for two or more shared parties
    place_bonus: float = 0.1  # for a shared city of the events
    term_bonus: float = 0.0  # for a shared rare term of the titles
    cross_language_bonus: float = 0.0  # for documents in two different languages
    neighbours: int = 32  # nearest neighbours asked of each index shard (a title alone: the most of both scales)

    @property
    def floor(self) -> float:
        return self.threshold - self.floor_margin

    @property
    def limits(self) -> Limits:
        return Limits(self.window_days, self.max_event_gap_days)

    @property
    def bonuses(self) -> float:
        return self.actor_bonus + self.place_bonus + self.term_bonus + max(self.cross_language_bonus, 0.0)

    def onto(self, scale: StorySettings, score: float) -> float:
        """``score`` on this calibration, mapped onto ``scale``'s: threshold to threshold, floor to floor.

        The map is affine, so average linkage over title pairs mapped onto the article scale merges
        exactly what it would merge on the title scale.
        """
        return scale.threshold + (score - self.threshold) * scale.floor_margin / self.floor_margin


@dataclass(frozen=True)
class Calibration:
    """An embedder's settings for articles and for titles alone, and how much of the lead it reads."""
    articles: StorySettings
    titles: StorySettings
    lead_chars: int  # characters of the body embedded after the title


def load_calibration(name: str) -> Calibration:
    """The calibration of embedder ``name`` from ``data/common/calibration.json``."""
    spec = common_data("calibration").get(name)
    if not isinstance(spec, dict):
        raise LanguageDataError(path="common/calibration.json", detail=f"no calibration for embedder '{name}'")
    try:
        return Calibration(StorySettings(**spec.get("articles", {})), StorySettings(**spec.get("titles", {})),
                           lead_chars=int(spec["lead_chars"]))
    except (TypeError, KeyError, ValueError) as exc:
        raise LanguageDataError(path="common/calibration.json", detail=f"{name}: {exc}") from exc


USE = load_calibration("use")  # Universal Sentence Encoder (multilingual v3)
E5 = load_calibration("e5")  # multilingual-e5-small, centred (:class:`.embedders.E5Embedder`)
TITLE_SETTINGS = USE.titles
