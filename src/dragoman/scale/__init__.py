"""Ingest at scale: many workers analyse, one writer stores, then the usual rebuild.

    ingest_parallel(["corpus/"], store=store, workers=2)                  # processes on this machine
    ingest_parallel(["cc-news/"], store=store, ray=True, address="auto")  # an existing Ray cluster

The inputs are cut into shards (:mod:`.plan`); each worker (:class:`~.worker.Analyser`) loads spaCy and
the embedder once, reads its shards, skips documents the store already holds and analyses the rest
(parse, mentions, coding, candidates, story vector); outcomes stream back to this process, the one
writer, which stores each document in its own transaction as it arrives. A killed run therefore loses
at most the documents in flight, and the next run skips what was stored. The cross-document layer then
takes the new documents incrementally, as :func:`dragoman.service.ingest` does
(:class:`~dragoman.service.LiveStore`; restoring it catches up after a run killed before that step).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..pipeline import Pipeline
from ..service import IngestReport, LiveStore, Progress, record
from .engines import on_processes, on_ray
from .plan import SHARD_DOCUMENTS, Reading, Shard, plan, read_shard
from .worker import Analyser, Outcome, Recipe

__all__ = ["Analyser", "Outcome", "Reading", "Recipe", "Shard", "absolute", "ingest_parallel", "plan", "read_shard", "write"]


READING = Reading()


def _quiet(_doc: object) -> None:
    return None


def ingest_parallel(paths: Iterable[str | Path], *, store, db: str | None = None, pipeline: Pipeline | None = None,
                    reading: Reading = READING, workers: int = 2, ray: bool = False, address: str | None = None,
                    progress: Progress = _quiet, shard_size: int = SHARD_DOCUMENTS) -> IngestReport:
    """Analyse in ``workers`` processes, or Ray actors with ``ray``; store through one writer; rebuild.

    ``db``, the store's URL, lets workers skip stored documents before analysing them (a resumed run);
    without it they analyse everything and the writer still stores each document once.
    """
    pipeline = pipeline or Pipeline()
    options = {"recipe": Recipe.of(pipeline), "reading": reading, "db": absolute(db) if db else None}
    shards = plan(paths, reading=reading, size=shard_size)
    if ray:
        outcomes = on_ray(shards, options=options, workers=workers, address=address)
    else:
        outcomes = on_processes(shards, options=options, workers=workers)
    live = LiveStore(store, pipeline)
    assembly = live.assembly  # the layer over what is stored before this run, restored before it writes
    stored: list = []
    report = write(outcomes, store=store, progress=progress, stored=stored)
    if stored:
        live.apply(assembly.add(stored))
    return report


def absolute(url: str) -> str:
    """A SQLite URL with its file as an absolute path: a worker may not start in this process's folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url[len(prefix):] not in ("", ":memory:"):
        return prefix + str(Path(url[len(prefix):]).resolve())
    return url


def write(outcomes: Iterable[Outcome], *, store, progress: Progress = _quiet,
          stored: list | None = None) -> IngestReport:
    """The one writer: each document (and its story vector) in its own transaction, as outcomes arrive;
    the analyses it stored are appended to ``stored``."""
    report = IngestReport()
    for outcome in outcomes:
        doc = outcome.analysis.document
        if outcome.stored:
            report.skipped.append(doc.source)
        else:
            if outcome.vectors:
                store.add_vectors(dict(outcome.vectors), embedder=outcome.embedder)
            if record(outcome.analysis, store, report) and stored is not None:
                stored.append(outcome.analysis)
        progress(doc)
    return report
