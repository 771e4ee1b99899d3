"""Mentions: spaCy parsing and the readers of actors, people, places, venues and dates."""
from .datelines import without_dateline
from .mentions import Anchor, Mentions, find_mentions
from .models import load_pipeline, supported_languages

__all__ = ["Anchor", "Mentions", "find_mentions", "load_pipeline", "supported_languages", "without_dateline"]
