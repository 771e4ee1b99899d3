"""The one orchestrator: documents -> analyses -> stories and events.

Stages are plain callables run in order; each document goes through
``mentions`` then ``code`` then ``candidates``. A stage that fails on one
document turns into that document's error (naming the stage) and the run
goes on. I/O is injected: the spaCy loader and the embedder are parameters,
so tests can swap them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from .errors import DragomanError, PipelineError, UnsupportedLanguage
from .events.candidates import build_candidates
from .events.coder import code_doc
from .model import Document, DocumentAnalysis, Result, Story
from .nlp import Mentions, find_mentions, load_pipeline, supported_languages, without_dateline
from .stories.cluster import Embedder, cluster
from .stories.embedders import E5Embedder
from .stories.dedup import near_duplicates
from .stories.merge import merge_candidates, reportable
from .stories.series import link_series


@dataclass
class Pipeline:
    """Runs extraction on documents; construct once, reuse for many batches."""
    load_nlp: Callable = load_pipeline
    embedder: Embedder | None = None
    batch_size: int = 16
    story_threshold: float | None = None  # None: the embedder's calibrated threshold
    extra_actors: tuple = ()

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
                yield DocumentAnalysis(replace(doc, error=str(error)))
            return
        nlp = self.load_nlp(language)
        texts = (without_dateline(d.text, language=language) for d in docs)  # same offsets
        for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=self.batch_size)):
            yield self.analyse_parsed(doc, sdoc, language)

    def analyse_parsed(self, doc: Document, sdoc, language: str) -> DocumentAnalysis:
        stage = "mentions"
        try:
            mentions: Mentions = find_mentions(doc, sdoc, language=language, extra_actors=self.extra_actors)
            stage = "code"
            coded = code_doc(sdoc, mentions.actors, language=language, called_off_meetings=True)
            stage = "candidates"
            candidates = build_candidates(doc, sdoc, mentions, coded, language=language)
        except DragomanError as exc:
            return DocumentAnalysis(replace(doc, error=str(exc)))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            error = PipelineError(stage=stage, source=doc.source, detail=f"{type(exc).__name__}: {exc}")
            return DocumentAnalysis(replace(doc, error=str(error)))
        return DocumentAnalysis(doc, tuple(mentions.all()), tuple(candidates))

    # ------------------------------------------------------------ across documents
    def assemble(self, analyses: Sequence[DocumentAnalysis]) -> Result:
        """Stories, merged events and series over every analysed document."""
        good = [a for a in analyses if a.document.ok]
        # a language without a pipeline keeps its error but still joins stories by its embedding
        clusterable = good + [a for a in analyses if (a.document.error or "").startswith("[E107]")]
        stories = cluster(clusterable, embedder=self.embedder, threshold=self.story_threshold)
        story_of = {d: s.id for s in stories for d in s.documents}
        copies = near_duplicates(good)
        documents = {a.document.id: mark_copy(a.document, copies) for a in analyses}
        candidates = [c for a in good for c in a.candidates]
        events = [e for e in merge_candidates(candidates, documents=documents, story_of=story_of) if reportable(e)]
        events = link_series(events)
        events = [replace(e, story=story_of.get(e.documents[0])) for e in events]
        stories = [with_events(s, events) for s in stories]
        docs = tuple(sorted(documents.values(), key=lambda d: (d.source, d.id)))
        return Result(docs, tuple(stories), tuple(events), tuple(sorted(story_of.items())))

    def run(self, docs: Iterable[Document]) -> Result:
        return self.assemble(list(self.analyse(docs)))


def mark_copy(doc: Document, copies: dict[str, str]) -> Document:
    """A wire copy seen on another site is flagged, so it weighs as one source, not two."""
    if doc.id in copies and "near_duplicate" not in doc.flags:
        return replace(doc, flags=tuple(sorted(doc.flags + ("near_duplicate",))))
    return doc


def with_events(story: Story, events: Sequence) -> Story:
    ids = tuple(e.id for e in events if set(e.documents) & set(story.documents))
    return replace(story, events=ids)
