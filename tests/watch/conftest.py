"""The local site, a store on SQLite and PostgreSQL (the store tests' own fixtures), and a watcher over them."""
from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from local_site import Site  # noqa: E402
from watch_samples import FakePipeline  # noqa: E402

from dragoman.service import LiveStore  # noqa: E402
from dragoman.store import open_store  # noqa: E402
from dragoman.watch import UrllibFetcher, Watcher, open_watcher  # noqa: E402


def _store_fixtures():
    spec = importlib.util.spec_from_file_location("store_conftest_for_watch", HERE.parent / "store" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pg = _store_fixtures()
pg_server, pg_schema, store_url = _pg.pg_server, _pg.pg_schema, _pg.store_url


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def make_watcher(store, pipeline):
    """A watcher over the store with no delays worth waiting for; one LiveStore for its lifetime."""
    made: dict = {}

    def live():
        if "live" not in made:
            made["live"] = LiveStore(store, pipeline)
        return made["live"]

    def make(**options) -> Watcher:
        options = {"host_delay": 0.0, "timeout": 2.0, "interval": 600.0, **options}
        return open_watcher(store, live=live, fetcher=UrllibFetcher(max_bytes=1_000_000), **options)

    return make
