"""Loading spaCy pipelines: once per process, by language.

Model package names live in ``data/models.json`` so that adding a language is
a data change. Loading is the only slow step of start-up; callers receive the
pipeline from here (or inject their own in tests).
"""
from __future__ import annotations

import json
from functools import lru_cache

from ..config import data_dir
from ..errors import ModelError, UnsupportedLanguage


@lru_cache(maxsize=1)
def model_names() -> dict[str, str]:
    with open(data_dir() / "models.json", encoding="utf-8") as handle:
        return json.load(handle)


def supported_languages() -> tuple[str, ...]:
    return tuple(model_names())


@lru_cache(maxsize=None)
def load_pipeline(language: str):  # -> spacy.language.Language
    """The spaCy pipeline for ``language``, loaded once per process."""
    names = model_names()
    if language not in names:
        raise UnsupportedLanguage(source="<pipeline>", language=language, supported=", ".join(names))
    import spacy  # deferred: importing spaCy costs a second

    try:
        return spacy.load(names[language])
    except OSError as exc:
        raise ModelError(model=names[language], detail=str(exc)) from exc
