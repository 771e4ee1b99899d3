"""Posted articles ingested in the background by one writer, in the order they were posted.

``POST /api/documents`` validates the articles, queues them as a job in the store and answers ``202``
with the job's id at once; a :class:`JobRunner` thread takes jobs one at a time and ingests them
through the server's :class:`~dragoman.service.LiveStore`, so readers never wait on ingestion and the
models stay loaded. Jobs live in the store: a server killed midway finds its unfinished job on restart
and runs it again (articles already stored are skipped, so nothing is lost or duplicated).
"""
from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .contract import document_json
from .errors import DragomanError
from .ingest import documents_from_records
from .model import Job

log = logging.getLogger("dragoman.jobs")
IDLE_WAIT = 1.0  # seconds between looks at the queue when nothing was posted meanwhile


def new_job_id() -> str:
    return "job-" + uuid.uuid4().hex[:16]


def report_json(report: Any) -> dict[str, Any]:
    return {"added": list(report.added), "skipped": list(report.skipped),
            "failed": [document_json(d) for d in report.failed], "summary": report.summary()}


class JobRunner:
    """One writer thread over a store's queue of jobs."""

    def __init__(self, store: Any, live: Callable[[], Any], *, min_chars: int, max_chars: int) -> None:
        self.store = store
        self.live = live  # built on first use: loading spaCy and e5 is slow
        self.min_chars = min_chars
        self.max_chars = max_chars
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, articles: Sequence[Mapping[str, Any]]) -> str:
        job_id = new_job_id()
        self.store.add_job(job_id, articles)
        self.start()
        self._wake.set()
        return job_id

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(target=self._loop, name="dragoman-jobs", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run_pending(self) -> int:
        """Runs every job waiting now, in order; returns how many ran."""
        done = 0
        while (job := self.store.claim_job()) is not None:
            self._run(job)
            done += 1
        return done

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                ran = self.run_pending()
            except DragomanError as exc:  # the store is unreachable: try again later
                log.error("job queue: %s", exc)
                ran = 0
            if not ran:
                self._wake.wait(IDLE_WAIT)
                self._wake.clear()

    def _run(self, job: Job) -> None:
        try:
            docs = list(documents_from_records([dict(a) for a in job.articles], min_chars=self.min_chars,
                                               max_chars=self.max_chars))
            report = self.live().ingest(docs)
        except DragomanError as exc:
            self.store.finish_job(job.id, status="failed", report={"error": str(exc)})
            return
        except Exception as exc:  # a bug: the job says so and the writer goes on with the next one
            log.exception("job %s failed", job.id)
            self.store.finish_job(job.id, status="failed", report={"error": f"{type(exc).__name__}: {exc}"})
            return
        self.store.finish_job(job.id, status="done", report=report_json(report))
