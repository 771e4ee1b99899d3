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

    _register_line_breaks()
    try:
        nlp = spacy.load(names[language])
    except OSError as exc:
        raise ModelError(model=names[language], detail=str(exc)) from exc
    nlp.add_pipe("dragoman_line_breaks", before="parser")
    return nlp


def _register_line_breaks() -> None:
    """A line break starts a sentence: headings, list items and table rows carry no final stop."""
    from spacy.language import Language

    if "dragoman_line_breaks" in Language.factories:
        return

    @Language.component("dragoman_line_breaks")
    def line_breaks(doc):
        for line in _lines(doc):
            line[0].is_sent_start = True
            if not any(t.text in SENTENCE_END for t in line[:-1]):
                for token in line[1:]:  # a heading or table row is one sentence
                    token.is_sent_start = False
        return doc


SENTENCE_END = frozenset({".", "!", "?", "…"})


def _lines(doc) -> list[list]:
    lines, current = [], []
    for token in doc:
        if token.is_space and "\n" in token.text:
            if current:
                lines.append(current)
            current = []
            continue
        current.append(token)
        if "\n" in token.whitespace_:
            lines.append(current)
            current = []
    if current:
        lines.append(current)
    return lines
