"""The events stage: parsed documents and their mentions -> coded events -> event candidates.

``code_doc`` reads the events of each sentence from the parse (:class:`CodedEvent`);
``build_candidates`` makes them the article's :class:`~dragoman.model.EventCandidate`\\ s (parties,
place, date, status, topics); ``run_code`` is the ``dragoman code`` command. Code outside the stage
imports from here only. Names resolve on first use, so importing the package loads no lexicon.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .coder import CodedEvent, code_doc, code_sentence
    from .coding import contract_events, plover_coding, run_code
    from .verb_coder import verb_doc_coder

_EXPORTS = {
    "CodedEvent": "coder",
    "code_doc": "coder",
    "code_sentence": "coder",
    "contract_events": "coding",
    "plover_coding": "coding",
    "run_code": "coding",
    "verb_doc_coder": "verb_coder",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
