"""Loading spaCy pipelines: once per process, by language.

Model package names live in each language pack (``data/<lang>/pack.json``), so
that adding a language is a data change. Loading is the only slow step of start-up; callers receive the
pipeline from here (or inject their own in tests).
"""
from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import ModelError
from ..languages import language_pack, languages


def supported_languages() -> tuple[str, ...]:
    return languages()


@cache
def load_pipeline(language: str):  # -> spacy.language.Language
    """The spaCy pipeline for ``language``, loaded once per process."""
    model = language_pack(language).model
    import spacy  # deferred: importing spaCy costs a second

    _register_line_breaks()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(model=model, detail=str(exc)) from exc
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
            if len(line) <= MAX_SENTENCE_TOKENS and not any(t.text in SENTENCE_END for t in line[:-1]):
                for token in line[1:]:  # a heading or table row is one sentence
                    token.is_sent_start = False
            else:
                _no_break_without_stop(line)
            _bound_sentences(line)
        return doc


SENTENCE_END = frozenset({".", "!", "?", "…"})
# No sentence of prose runs this long without a full stop; a run that does (a table flattened into one
# line, a list of names) is cut, since later stages read each sentence once per token (issue #15).
MAX_SENTENCE_TOKENS = 200


SENTENCE_PAUSE = frozenset({":", ";"})  # the parser may start a sentence after these, or after an end
CLOSERS = frozenset({"»", '"', "”", "’", "'", ")", "]"})


def _no_break_without_stop(line: list[Any]) -> None:
    """In prose, a sentence starts only after a full stop, a colon or a semicolon (possibly followed by a
    closing quote or bracket): the parser otherwise splits long sentences before their object ("ont
    officiellement repris samedi | leurs négociations à Doha"), and each half loses what the other holds."""
    for i, token in enumerate(line[1:], start=1):
        j = i - 1
        while j > 0 and line[j].text in CLOSERS:
            j -= 1
        before = line[j].text
        if not (before in SENTENCE_PAUSE or before.endswith(tuple(SENTENCE_END))):  # "U.S." may end one
            token.is_sent_start = False


def _bound_sentences(line: list[Any]) -> None:
    """A sentence start after every MAX_SENTENCE_TOKENS tokens without a sentence end."""
    run = 0
    for token in line:
        run += 1
        if run > MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        if token.text in SENTENCE_END:
            run = 0


def _lines(doc) -> list[list[Any]]:
    lines: list[list[Any]] = []
    current: list[Any] = []  # spaCy tokens
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
