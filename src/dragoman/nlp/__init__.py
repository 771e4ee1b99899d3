"""Mentions: spaCy parsing and the readers of actors, people, places, venues and dates.

The stage's front door: code outside ``dragoman.nlp`` imports from here (dates
also from :mod:`dragoman.nlp.temporal`, their own front door). Importing it
does not import spaCy: :func:`load_pipeline` does, on first use.
"""
from .actor_dict import ActorDictionary, ActorIndex, load_dictionaries
from .actors import ActorMatcher
from .actors import Lexicon as ActorLexicon
from .datelines import without_dateline
from .mentions import Anchor, Mentions, find_mentions, locative_prepositions, previous_word
from .models import load_pipeline, supported_languages
from .people import title_rank
from .places import seat_of
from .temporal import find_dates, run_dates
from .venues import stands_for_government
from .verb_dict import Element, Pattern, VerbDictionary, VerbForm, null_code

__all__ = [
    "ActorDictionary", "ActorIndex", "ActorLexicon", "ActorMatcher", "Anchor", "Element", "Mentions", "Pattern",
    "VerbDictionary", "VerbForm", "find_dates", "find_mentions", "load_dictionaries", "load_pipeline",
    "locative_prepositions", "null_code", "previous_word", "run_dates", "seat_of", "stands_for_government",
    "supported_languages", "title_rank", "without_dateline",
]
