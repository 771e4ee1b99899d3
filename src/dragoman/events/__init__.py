"""The events stage: a parsed document and its mentions -> coded events -> event candidates.

:func:`code_doc` reads the events of each sentence from the parse (:class:`CodedEvent`);
:func:`build_candidates` makes them the article's event candidates, each decided in its
:class:`Clause` (parties, date, place, status) under the document's :class:`Frame`, with topics read
by :func:`read_topics`; :func:`run_code` is the ``dragoman code`` command. Code outside the stage
imports from here only. A name is imported on first use, so importing the package loads nothing.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .candidates import build_candidates
    from .clause import Clause
    from .coder import CodedEvent, code_doc, code_sentence
    from .coding import contract_events, plover_coding, run_code
    from .framing import Frame
    from .status import event_status
    from .topics import TopicReading, read_topics
    from .verb_coder import verb_doc_coder

__all__ = [
    "Clause",
    "CodedEvent",
    "Frame",
    "TopicReading",
    "build_candidates",
    "code_doc",
    "code_sentence",
    "contract_events",
    "event_status",
    "plover_coding",
    "read_topics",
    "run_code",
    "verb_doc_coder",
]

_HOMES = {
    "Clause": "clause",
    "CodedEvent": "coder",
    "Frame": "framing",
    "TopicReading": "topics",
    "build_candidates": "candidates",
    "code_doc": "coder",
    "code_sentence": "coder",
    "contract_events": "coding",
    "event_status": "status",
    "plover_coding": "coding",
    "read_topics": "topics",
    "run_code": "coding",
    "verb_doc_coder": "verb_coder",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
