"""Where the workers run: processes on this machine (``--workers N``) or Ray (``--ray [ADDRESS]``).

Both take shards and give back :class:`~.worker.Outcome` s as they come, with a bounded number of shards
in flight (back-pressure: a corpus of any size keeps memory flat, and the writer is never flooded).
Ray is imported only here, when asked for, so dragoman runs without it.
"""
from __future__ import annotations

import logging
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any

from ..errors import ConfigError
from .plan import Shard

IN_FLIGHT_PER_WORKER = 2  # shards queued per worker: enough to keep it busy, few enough to bound memory
LOCAL_OBJECT_STORE = 200 * 1024 * 1024  # a local Ray's object store: outcomes stream through, nothing piles up
_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

_analyser: Any = None  # the worker process's own Analyser, built once by _start


def _start(options: dict) -> None:
    global _analyser
    from .worker import Analyser

    _analyser = Analyser(**options)


def _run(shard: Shard) -> list:
    return _analyser.shard(shard)


def on_processes(shards: Iterable[Shard], *, options: dict, workers: int) -> Iterator:
    """Outcomes, in shard order, from ``workers`` fresh processes (spawned: no state shared with the caller)."""
    with one_thread_each():  # held while the pool lives: it spawns its processes on demand
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start,
                                 initargs=(options,)) as pool:
            pending: deque[Future] = deque()
            for shard in shards:
                pending.append(pool.submit(_run, shard))
                if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()


@contextmanager
def one_thread_each() -> Iterator[None]:
    """Spawned workers use one core each: OpenMP (the embedder) and BLAS threads of several workers on the
    same cores spin waiting for each other."""
    saved = {name: os.environ.get(name) for name in _THREADS}
    os.environ.update({name: "1" for name in _THREADS})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value


def on_ray(shards: Iterable[Shard], *, options: dict, workers: int, address: str | None) -> Iterator:
    """Outcomes as Ray Data streams them back from ``workers`` actors (a local Ray when ``address`` is None)."""
    ray = _ray()
    started = _connect(ray, address, workers)
    try:
        yield from _stream(ray, list(shards), options=options, workers=workers)
    finally:
        if started:
            ray.shutdown()


def _ray() -> Any:
    try:
        import ray
        import ray.data  # Ray Data is the ``data`` extra of ray
    except ImportError as exc:
        raise ConfigError(name="--ray", detail=f"Ray is not installed (pip install 'dragoman[ray]'): {exc}") from exc
    return ray


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Joins the cluster at ``address``, else starts a local Ray for this run; True when this call started it."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage report leaves the machine
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    common = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        ray.init(address=address, **common)
    else:
        ray.init(address="local", num_cpus=workers, object_store_memory=LOCAL_OBJECT_STORE, **common)
    return True


def _stream(ray: Any, shards: list[Shard], *, options: dict, workers: int) -> Iterator:
    from .worker import Analyser

    if not shards:
        return
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.verbose_stats_logs = False
    rows = ray.data.from_items([{"shard": pickle.dumps(shard)} for shard in shards], override_num_blocks=len(shards))
    outcomes = rows.map_batches(
        Analyser, fn_constructor_kwargs=options, batch_size=1, num_cpus=1,
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=IN_FLIGHT_PER_WORKER))
    for batch in outcomes.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        for data in batch.column("outcome").to_pylist():
            yield pickle.loads(data)
