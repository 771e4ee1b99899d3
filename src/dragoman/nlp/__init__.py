"""Mentions: spaCy parsing and the readers of actors, people, places, venues and dates.

The stage's front door: code outside ``dragoman.nlp`` imports from here (dates
also from :mod:`dragoman.nlp.temporal`, their own front door). Importing it
does not import spaCy: :func:`load_pipeline` does, on first use.
"""
from .actor_dict import ActorDictionary, ActorIndex, load_dictionaries
from .actors import ActorMatcher
from .datelines import without_dateline
from .mentions import Anchor, Mentions, find_mentions
from .models import load_pipeline, supported_languages
from .temporal import find_dates, run_dates
from .verb_dict import VerbDictionary

__all__ = [
    "ActorDictionary", "ActorIndex", "ActorMatcher", "Anchor", "Mentions", "VerbDictionary", "find_dates",
    "find_mentions", "load_dictionaries", "load_pipeline", "run_dates", "supported_languages", "without_dateline",
]
