"""Plain functions behind every shell (CLI, REST API, web UI, Python callers).

``extract`` runs in memory; ``ingest`` writes each new document in its own
transaction and then rebuilds stories and events over the whole store in one transaction (from stored
analyses and stored story vectors: only new texts are embedded).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .config import DEFAULT
from .ingest import read_documents
from .model import Document, DocumentAnalysis, Event, Result
from .pipeline import Pipeline

Progress = Callable[[Document], None]


def _quiet(_doc: Document) -> None:
    return None


def extract(paths: Iterable[str | Path], *, pipeline: Pipeline | None = None, published: date | None = None,
            max_bytes: int = DEFAULT.max_bytes, min_chars: int = DEFAULT.min_chars,
            max_chars: int = DEFAULT.max_chars) -> Result:
    """Read, analyse and assemble in memory (no store)."""
    pipeline = pipeline or Pipeline()
    docs = list(read_documents(paths, max_bytes=max_bytes, min_chars=min_chars, published=published,
                               max_chars=max_chars))
    return pipeline.run(docs)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already in the store (same content)
    failed: list[Document] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.skipped)} already present, {len(self.failed)} failed"

    @property
    def read_any(self) -> bool:
        """Whether at least one document could be read (stored now or before)."""
        return bool(self.added or self.skipped)


def ingest(paths: Iterable[str | Path], *, store, pipeline: Pipeline | None = None, published: date | None = None,
           max_bytes: int = DEFAULT.max_bytes, min_chars: int = DEFAULT.min_chars, max_chars: int = DEFAULT.max_chars,
           progress: Progress = _quiet) -> IngestReport:
    docs = read_documents(paths, max_bytes=max_bytes, min_chars=min_chars, published=published, max_chars=max_chars)
    return ingest_documents(docs, store=store, pipeline=pipeline, progress=progress)


def ingest_documents(docs: Iterable[Document], *, store, pipeline: Pipeline | None = None,
                     progress: Progress = _quiet) -> IngestReport:
    """Store each new document with its analysis (one transaction each), then rebuild (also when an earlier
    run was stopped before its rebuild: killed at any moment, a rerun ends as a clean run would)."""
    pipeline = pipeline or Pipeline()
    report = IngestReport()
    fresh: list[Document] = []
    for doc in docs:
        if doc.ok and store.has_document(doc.content_hash):
            report.skipped.append(doc.source)
        elif doc.ok:
            fresh.append(doc)
        else:
            store.add_failed(doc)
            report.failed.append(doc)
            progress(doc)
    for analysis in pipeline.analyse(fresh):
        record(analysis, store, report)
        progress(analysis.document)
    if report.added or store.needs_rebuild():
        rebuild(store=store, pipeline=pipeline)
    return report


def record(analysis: DocumentAnalysis, store, report: IngestReport) -> None:
    if analysis.document.ok:
        if store.add_analysis(analysis):
            report.added.append(analysis.document.id)
        else:
            report.skipped.append(analysis.document.source)
    else:
        store.add_failed(analysis.document)
        report.failed.append(analysis.document)


def rebuild(*, store, pipeline: Pipeline | None = None) -> Result:
    """Recompute stories, events and series over everything stored."""
    pipeline = pipeline or Pipeline()
    result = pipeline.assemble(list(store.analyses()), vectors=store)
    store.replace_derived(stories=result.stories, events=result.events, story_of=dict(result.story_of))
    return result


def timeline(events: Sequence[Event], a: str, b: str) -> list[Event]:
    """Events between two parties, in date order (undated last)."""
    want = {a.upper(), b.upper()}
    chosen = [e for e in events if want <= {x.code for x in e.actors}]
    return sorted(chosen, key=lambda e: (e.date.start is None, e.date.start or date.max, e.id))
