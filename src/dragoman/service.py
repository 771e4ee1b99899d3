"""Plain functions behind every shell (CLI, REST API, web UI, Python callers).

``extract`` runs in memory; ``ingest`` writes each new document in its own transaction, then
brings stories, events and series up to date through a :class:`LiveStore`: the cross-document layer
(:class:`~dragoman.stories.Assembly`) revisits only what the new documents change and the store
rewrites only those rows. ``serve`` keeps one LiveStore for its lifetime; a one-off ``ingest``
restores it from the stored analyses and story vectors (nothing is re-embedded).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .config import DEFAULT
from .errors import StoreError
from .ingest import Columns, read_documents
from .model import Document, DocumentAnalysis, Event, Result
from .pipeline import Pipeline
from .store import Snapshot
from .stories import Assembly, Delta, freeze, snapshot_key, thaw

Progress = Callable[[Document], None]
SNAPSHOT = "layer"
SNAPSHOT_EVERY = 500  # analyses added since the last snapshot before the next is written
SNAPSHOT_MAX_BYTES = 900_000_000  # under the 1 GB a SQLite blob or a PostgreSQL bytea holds
log = logging.getLogger(__name__)


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
           progress: Progress = _quiet, columns: Columns | None = None) -> IngestReport:
    docs = read_documents(paths, max_bytes=max_bytes, min_chars=min_chars, published=published, columns=columns,
                          max_chars=max_chars)
    return ingest_documents(docs, store=store, pipeline=pipeline, progress=progress)


def ingest_documents(docs: Iterable[Document], *, store, pipeline: Pipeline | None = None,
                     progress: Progress = _quiet, live: LiveStore | None = None) -> IngestReport:
    """Store each new document with its analysis (one transaction each), then update what they change (also
    when an earlier run was stopped before writing what it changed: killed at any moment, a rerun ends as a
    clean run would)."""
    live = live or LiveStore(store, pipeline or Pipeline())
    return live.ingest(docs, progress=progress)


@dataclass
class LiveStore:
    """A store and its cross-document layer held in memory between batches (see the module docstring)."""
    store: Any
    pipeline: Pipeline
    _assembly: Assembly | None = None
    _held: int = 0  # stored analyses the layer holds
    _since: int = 0  # of which added since the last snapshot

    @property
    def assembly(self) -> Assembly:
        if self._assembly is None:
            self._assembly = self._restore()
        return self._assembly

    def _restore(self) -> Assembly:
        """The layer over everything stored: thawed from the store's snapshot with the analyses stored after
        it, else assembled from every stored analysis and written back whole (a run killed between storing
        its documents and writing what they changed leaves derived rows behind; they catch up here)."""
        assembly = self.pipeline.assembly(vectors=self.store)
        thawed = None if self.store.needs_rebuild() else self._thaw(assembly)
        if thawed is not None:
            return thawed
        stored = list(self.store.analyses())
        assembly.add(stored)
        self._held, self._since = len(stored), len(stored)
        result = assembly.result()
        self.store.replace_derived(stories=result.stories, events=result.events, story_of=dict(result.story_of))
        flags = {a.document.id: a.document.flags for a in stored}
        marked = {doc.id: doc.flags for doc in result.documents if flags.get(doc.id, doc.flags) != doc.flags}
        if marked:  # copies found among documents stored by a run killed before it wrote their flags
            self.store.apply_changes(stories=[], removed_stories=(), events=[], removed_events=(), story_of={},
                                     flags=marked)
        self._save(assembly)
        return assembly

    def _thaw(self, empty: Assembly) -> Assembly | None:
        """The snapshot's layer brought up to date, or none when there is no usable snapshot."""
        if not isinstance(empty, Assembly):  # a pipeline of another layer (tests' fakes): no snapshots
            return None
        snap = self.store.snapshot(SNAPSHOT)
        if snap is None or snap.key != snapshot_key(empty):
            return None
        if self.store.analysis_mark(upto=snap.watermark)[1] != snap.analyses:
            return None  # a document below the watermark came or went after the snapshot
        assembly = thaw(snap.data, empty.index.embedder)
        tail = list(self.store.analyses(after=snap.watermark))
        if tail:
            self.apply(assembly.add(tail))
        self._held, self._since = snap.analyses + len(tail), len(tail)
        return assembly

    def _save(self, assembly: Assembly) -> None:
        """Writes a snapshot of the layer when it holds every stored analysis (no other writer raced it)."""
        if not isinstance(assembly, Assembly):
            return
        high, count = self.store.analysis_mark()
        if count != self._held:
            return
        self._since = 0
        data = freeze(assembly)
        if len(data) > SNAPSHOT_MAX_BYTES:  # past what a database field holds: later processes assemble
            log.warning("layer snapshot not saved: %d bytes over %d", len(data), SNAPSHOT_MAX_BYTES)
            return
        try:
            self.store.save_snapshot(SNAPSHOT, Snapshot(snapshot_key(assembly), high, count, data))
        except StoreError as error:  # a snapshot only saves time: the ingest itself has succeeded
            log.warning("layer snapshot not saved: %s", error)

    def ingest(self, docs: Iterable[Document], *, progress: Progress = _quiet) -> IngestReport:
        report = IngestReport()
        fresh: list[Document] = []
        ids: set[str] = set()
        for doc in docs:
            if doc.ok and self.store.has_document(doc.content_hash):
                report.skipped.append(doc.source)
            elif doc.ok:
                doc = self._own_id(doc, ids)
                ids.add(doc.id)
                fresh.append(doc)
            else:
                self.store.add_failed(doc)
                report.failed.append(doc)
                progress(doc)
        # a run killed before it wrote what its documents changed leaves some without a story: restoring
        # the layer rewrites every derived row
        assembly = self.assembly if fresh or self.store.needs_rebuild() else None
        stored: list[DocumentAnalysis] = []
        for analysis in self.pipeline.analyse(fresh):
            if record(analysis, self.store, report):
                stored.append(analysis)
            progress(analysis.document)
        if assembly is not None and stored:
            self.apply(assembly.add(stored))
            self._held += len(stored)
            self._since += len(stored)
            if self._since >= SNAPSHOT_EVERY:
                self._save(assembly)
        return report

    def _own_id(self, doc: Document, taken: set[str]) -> Document:
        """A new text under an id another text already has (a source's article id reused, a corrected
        article): kept as a version of its own, its id suffixed with its content."""
        if doc.id not in taken and not self.store.has_id(doc.id):
            return doc
        return replace(doc, id=f"{doc.id}~{doc.content_hash[:8]}")

    def apply(self, delta: Delta) -> None:
        self.store.apply_changes(stories=list(delta.stories.values()), removed_stories=delta.removed_stories,
                                 events=list(delta.events.values()), removed_events=delta.removed_events,
                                 story_of=delta.story_of,
                                 flags={doc.id: doc.flags for doc in delta.documents.values() if doc.ok})


def record(analysis: DocumentAnalysis, store, report: IngestReport) -> bool:
    """Stores one analysed document; whether it was new."""
    if analysis.document.ok:
        if store.add_analysis(analysis):
            report.added.append(analysis.document.id)
            return True
        report.skipped.append(analysis.document.source)
    else:
        store.add_failed(analysis.document)
        report.failed.append(analysis.document)
    return False


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
