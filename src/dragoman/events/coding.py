"""The ``dragoman code`` contract: rows of text in, PLOVER-coded events out.

:func:`plover_coding` applies PLOVER's conventions to a :class:`~dragoman.events.coder.CodedEvent`
(a future meeting is AGREE, a negated event is dropped or becomes a refusal); :func:`run_code` parses
and codes rows in batches, with the user's PETRARCH dictionaries and verbs when given. This module sits
above both coders, so neither needs the other's entry point.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from ..contract import code_line, coded_json
from ..errors import MalformedInput
from ..model import Mention
from ..nlp import ActorDictionary, ActorMatcher, load_pipeline
from .coder import CodedEvent, code_doc
from .triggers import plover
from .verb_coder import verb_doc_coder

__all__ = ["contract_events", "plover_coding", "run_code"]


def plover_coding(event: CodedEvent) -> tuple[str, str | None, str | None] | None:
    """(type, cameo, mode) under PLOVER's conventions, or None when the event is not coded."""
    table = plover()
    if event.negated:
        return table.negated.get(event.type)
    if event.future and event.type in table.future:
        return table.future[event.type]
    return event.type, event.cameo, event.mode


def contract_events(events: Iterable[CodedEvent]) -> list[dict[str, Any]]:
    """Events as ``dragoman code`` prints them; those without any actor are left out."""
    out: list[dict[str, Any]] = []
    for event in events:
        coded = plover_coding(event)
        if coded is None or not (event.source or event.target):
            continue
        item = coded_json(coded[0], coded[1], coded[2], (a.code for a in event.source), (a.code for a in event.target))
        if item not in out:
            out.append(item)
    return out


def run_code(rows: Iterable[dict], *, dictionaries: Sequence = (), verbs: Sequence = (), batch_size: int = 64,
             nlp: Callable[[str], Any] | None = None, matcher: Callable[[str], Any] | None = None) -> Iterator[dict]:
    """``dragoman code``: one ``{"id", "events"}`` per input row, in input order.

    ``nlp`` (language -> spaCy pipeline) and ``matcher`` (language -> ``find(text) -> list[Mention]``) default to
    the project's own. PETRARCH/TABARI ``dictionaries`` (actors, agents) and ``verbs`` win over the built-in ones.
    """
    pipelines = nlp or load_pipeline
    finders = matcher or ActorMatcher.for_language
    dictionary = ActorDictionary.load(dictionaries) if dictionaries else None
    coder = verb_doc_coder(verbs) if verbs else code_doc
    batch: list[dict] = []
    for row in rows:
        batch.append(_checked(row))
        if len(batch) >= batch_size:
            yield from _code_batch(batch, pipelines, finders, dictionary, coder)
            batch = []
    yield from _code_batch(batch, pipelines, finders, dictionary, coder)


def _checked(row: dict) -> dict:
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text", ""), str):
        raise MalformedInput(source=str(row)[:60], detail="a line needs an 'id' and a string 'text'")
    return row


def _code_batch(batch: list[dict], pipelines, finders, dictionary, coder) -> Iterator[dict]:
    results: dict[int, list[dict[str, Any]]] = {}
    for language in dict.fromkeys(row.get("language") or "en" for row in batch):
        positions = [n for n, row in enumerate(batch) if (row.get("language") or "en") == language]
        docs = pipelines(language).pipe([batch[n].get("text") or "" for n in positions])
        finder = finders(language)
        for n, doc in zip(positions, docs):
            mentions = _mentions(doc, batch[n], finder, dictionary)
            results[n] = contract_events(coder(doc, mentions, language=language))
    for n, row in enumerate(batch):
        yield code_line(row["id"], results[n])


def _mentions(doc, row: dict, finder, dictionary) -> list[Mention]:
    found = list(finder.find(doc.text))
    return found if dictionary is None else dictionary.find(doc.text, on=_day(row.get("date")), actors=found)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:  # a malformed date only loses the dictionaries' date limits
        return None
