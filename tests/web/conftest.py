"""The web tests share the API tests' hand-made records; a live server runs uvicorn in a thread."""
from __future__ import annotations

import socket
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from api_samples import FakePipeline, filled_store, store  # noqa: F401 (fixture)

from dragoman.server import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient



@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, token=None, pipeline_factory=FakePipeline), raise_server_exceptions=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """``http://127.0.0.1:<port>`` serving a filled store until the module's tests end."""
    import uvicorn

    store = filled_store(tmp_path_factory.mktemp("live") / "store.sqlite")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, token=None, pipeline_factory=FakePipeline),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
