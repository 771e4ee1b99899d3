"""The one orchestrator: documents -> analyses -> stories and events.

Each document is parsed once (spaCy, batched per language), then goes through the named stages of
:data:`STAGES` in order; the loop checks the type of what each stage returns and names the stage
when one fails. A :class:`~dragoman.errors.DragomanError` becomes that document's error and the run
goes on; any other exception is a bug: in strict mode (tests, ``DRAGOMAN_STRICT=1``) it is raised,
otherwise it becomes an E201 error naming the stage, so one bad input never stops a batch. The
cross-document stage (:func:`dragoman.stories.assemble`) then runs over every analysis. I/O is
injected: the spaCy loader and the embedder are parameters, so tests can swap them.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from typing import Any

from .config import DEFAULT, settings
from .errors import ConfigError, DragomanError, OverBudget, PipelineError, UnsupportedLanguage
from .events import build_candidates, code_doc
from .model import Document, DocumentAnalysis, EventCandidate, Result
from .nlp import Mentions, find_mentions, load_pipeline, supported_languages, without_dateline
from .stories import Assembly, CachedEmbedder, E5Embedder, Embedder, VectorCache
from .text import break_long_runs


@dataclass(frozen=True)
class Work:
    """One parsed document on its way through the stages; each stage fills its own field."""
    doc: Document
    sdoc: Any  # spacy.tokens.Doc of doc.text
    language: str
    extra_actors: tuple = ()
    mentions: Mentions | None = None
    code: tuple = ()
    candidates: tuple[EventCandidate, ...] = ()


def _mentions(work: Work) -> Mentions:
    return find_mentions(work.doc, work.sdoc, language=work.language, extra_actors=work.extra_actors)


def _code(work: Work) -> tuple:
    actors = work.mentions.actors if work.mentions else ()
    return tuple(code_doc(work.sdoc, actors, language=work.language, called_off_meetings=True))


def _candidates(work: Work) -> tuple[EventCandidate, ...]:
    if work.mentions is None:  # a stage list without "mentions" ahead of this one
        raise PipelineError(stage="candidates", source=work.doc.source, detail="the mentions stage must run first")
    return tuple(build_candidates(work.doc, work.sdoc, work.mentions, list(work.code), language=work.language))


@dataclass(frozen=True)
class Stage:
    """A named per-document stage: reads a :class:`Work`, returns the value of its field."""
    name: str
    run: Callable[[Work], Any]
    returns: type | tuple[type, ...]


STAGES: tuple[Stage, ...] = (
    Stage("mentions", _mentions, Mentions),
    Stage("code", _code, tuple),
    Stage("candidates", _candidates, tuple),
)


@dataclass
class Pipeline:
    """Runs extraction on documents; construct once, reuse for many batches."""
    load_nlp: Callable = load_pipeline
    embedder: Embedder | None = None
    batch_size: int = DEFAULT.batch_size
    story_threshold: float | None = None  # None: the embedder's calibrated threshold
    extra_actors: tuple = ()
    strict: bool = field(default_factory=lambda: settings().strict)
    stage_seconds: float = field(default_factory=lambda: settings().stage_seconds)
    stages: tuple[Stage, ...] = STAGES

    def __post_init__(self) -> None:
        if self.embedder is None:
            self.embedder = E5Embedder()

    # ------------------------------------------------------------ per document
    def analyse(self, docs: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        """Single-document extraction, batched per language through ``nlp.pipe``."""
        pending = list(docs)
        ready = [d for d in pending if d.ok]
        for doc in pending:
            if not doc.ok:
                yield DocumentAnalysis(doc)
        keyed = sorted(ready, key=lambda d: d.language or "")
        for language, group in groupby(keyed, key=lambda d: d.language or ""):
            yield from self._analyse_language(list(group), language)

    def _analyse_language(self, docs: list[Document], language: str) -> Iterator[DocumentAnalysis]:
        if language not in supported_languages():
            for doc in docs:
                error = UnsupportedLanguage(source=doc.source, language=language or "unknown",
                                            supported=", ".join(supported_languages()))
                yield DocumentAnalysis(replace(doc, error=error.record()))
            return
        nlp = self.load_nlp(language)
        # same offsets; a text is never longer than the parser accepts (max_chars keeps it far shorter)
        texts = (break_long_runs(without_dateline(d.text, language=language))[:nlp.max_length] for d in docs)
        for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=self.batch_size)):
            yield self.analyse_parsed(doc, sdoc, language)

    def analyse_parsed(self, doc: Document, sdoc: Any, language: str) -> DocumentAnalysis:
        """The stages, in order, over one parsed document."""
        work = Work(doc, sdoc, language, extra_actors=self.extra_actors)
        for stage in self.stages:
            try:
                started = time.perf_counter()
                value = self._run(stage, work)
                self._within_budget(stage, doc, time.perf_counter() - started)
            except DragomanError as exc:
                return DocumentAnalysis(replace(doc, error=exc.record()))
            work = replace(work, **{stage.name: value})
        mentions = work.mentions.all() if work.mentions else ()
        return DocumentAnalysis(with_inferred_date(doc, work.mentions), tuple(mentions), work.candidates)

    def _within_budget(self, stage: Stage, doc: Document, seconds: float) -> None:
        """A stage over its time budget fails the document (checked after it returns: one thread cannot
        interrupt spaCy; the character limit keeps each stage's work bounded)."""
        if seconds > self.stage_seconds:
            raise OverBudget(source=doc.source, stage=stage.name, seconds=seconds, budget=self.stage_seconds)

    def _run(self, stage: Stage, work: Work) -> Any:
        try:
            value = stage.run(work)
        except DragomanError:
            raise
        except Exception as exc:
            if self.strict:
                raise
            raise PipelineError(stage=stage.name, source=work.doc.source,
                                detail=f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(value, stage.returns):
            raise PipelineError(stage=stage.name, source=work.doc.source,
                                detail=f"returned {type(value).__name__}, not {_names(stage.returns)}")
        return value

    # ------------------------------------------------------------ across documents
    def assembly(self, *, vectors: VectorCache | None = None) -> Assembly:
        """An empty cross-document layer to add analysed documents to, batch by batch; with ``vectors``
        (a store), story vectors are read from it and only new texts are embedded."""
        if self.embedder is None:  # __post_init__ sets one; only assigning None afterwards clears it
            raise ConfigError(name="embedder", detail="the pipeline has no embedder")
        embedder = self.embedder if vectors is None else CachedEmbedder(self.embedder, vectors)
        return Assembly(embedder=embedder, threshold=self.story_threshold)

    def assemble(self, analyses: Sequence[DocumentAnalysis], *, vectors: VectorCache | None = None) -> Result:
        """Stories, merged events and series over every analysed document, in one batch."""
        assembly = self.assembly(vectors=vectors)
        assembly.add(analyses)
        return assembly.result()

    def run(self, docs: Iterable[Document]) -> Result:
        """Analyse and assemble; a document that states no date of its own is then read again from the day of
        its story (:func:`story_days`), so its weekdays and yearless dates resolve (flagged as inferred)."""
        analyses = list(self.analyse(docs))
        vectors = MemoryVectors()
        result = self.assemble(analyses, vectors=vectors)
        days = story_days(result)
        if not days:
            return result
        again = [replace(a.document, published=days[a.document.id], flags=tuple(sorted({*a.document.flags, FROM_STORY})))
                 for a in analyses if a.document.id in days]
        redone = {a.document.id: a for a in self.analyse(again)}
        return self.assemble([redone.get(a.document.id, a) for a in analyses], vectors=vectors)


INFERRED = "published_inferred"
FROM_STORY = "published_from_story"


def story_days(result: Result) -> dict[str, date]:
    """For each document without a day of its own (no publication date, none its text states) in a story with
    dated reports: the latest of their days, the time the story had reached (an undated report is read as
    the story's latest news rather than as its first)."""
    story_of = dict(result.story_of)
    latest: dict[str, date] = {}
    for doc in result.documents:
        story = story_of.get(doc.id)
        if story is not None and doc.published is not None and FROM_STORY not in doc.flags:
            latest[story] = max(latest.get(story, doc.published), doc.published)
    return {doc.id: latest[story_of[doc.id]] for doc in result.documents
            if doc.ok and doc.published is None and story_of.get(doc.id) in latest}


class MemoryVectors:
    """Story vectors kept in memory for one run: a second assembly embeds nothing again."""

    def __init__(self) -> None:
        self.rows: dict[str, bytes] = {}

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        return {k: self.rows[k] for k in keys if k in self.rows}

    def add_vectors(self, rows: Mapping[str, bytes], *, embedder: str) -> None:
        self.rows.update(rows)


def with_inferred_date(doc: Document, mentions: Mentions | None) -> Document:
    """A document without a publication date takes the day its text anchors it to (its dateline, else the
    latest full date it states), flagged as inferred: stories and status history need a report's day."""
    if doc.published is not None or mentions is None or mentions.anchor.day is None:
        return doc
    if mentions.anchor.precision != "day":
        return doc
    return replace(doc, published=mentions.anchor.day, flags=tuple(sorted({*doc.flags, INFERRED})))


def _names(kinds: type | tuple[type, ...]) -> str:
    return " or ".join(k.__name__ for k in (kinds if isinstance(kinds, tuple) else (kinds,)))
