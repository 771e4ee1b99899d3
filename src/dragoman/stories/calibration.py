"""How similar two documents must be to share a story, per sentence embedder.

Cosines are not comparable across embedders (nor between titles alone and
title-and-lead texts), so each embedder carries two calibrations: one for
articles, one for pairs of titles alone (see :func:`.cluster.pair_similarity`).
The numbers were tuned on the project's own 2025 news set (articles) and on
the half of OG2021 published before 2021-07-23 (titles), and checked on the
rest; ``scripts/eval_og2021.py`` exposes every title setting as an option.
"""
from __future__ import annotations

from dataclasses import dataclass

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


# Universal Sentence Encoder (multilingual v3).
USE_ARTICLES = StorySettings()
TITLE_SETTINGS = StorySettings(threshold=0.55, floor_margin=0.05, window_days=2, day_penalty=0.1,
                               actor_bonus=0.15, place_bonus=0.1, term_bonus=0.2, cross_language_bonus=0.05)
USE = Calibration(USE_ARTICLES, TITLE_SETTINGS, lead_chars=600)

# multilingual-e5-small, centred (:class:`.embedders.E5Embedder`): its cosines spread wider, and pairs
# across languages run lower than USE's. Average linkage holds a big story (hundreds of titles over two
# days) together only through enough of its pairs, so a title alone asks the index for 128 neighbours,
# not 32 (OG2021, publication times to the minute: 0.686 with 32, 0.703 with 128 and threshold 0.62).
E5_ARTICLES = StorySettings(threshold=0.55, floor_margin=0.3, cross_language_bonus=0.1)
E5_TITLES = StorySettings(threshold=0.62, floor_margin=0.05, window_days=2, day_penalty=0.1,
                          actor_bonus=0.15, place_bonus=0.1, term_bonus=0.1, cross_language_bonus=0.2,
                          neighbours=128)
E5 = Calibration(E5_ARTICLES, E5_TITLES, lead_chars=200)
