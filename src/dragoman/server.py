"""The application: the JSON API and the web pages (two shells over one data layer) on one injected store.

    app = create_app(open_store(url), token=settings().token)

The store, the token and the pipeline factory are parameters, so tests serve
a store built in ``tmp_path`` and a cheap fake pipeline.
"""
from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .api import handlers, routes
from .config import DEFAULT
from .errors import TooLarge
from .store import Store
from .web import pages, static_dir

SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)


def default_pipeline() -> Any:
    from .config import settings
    from .pipeline import Pipeline
    from .stories import embedder_named

    conf = settings()
    return Pipeline(batch_size=conf.batch_size, story_threshold=conf.threshold, embedder=embedder_named(conf.embedder))


@dataclass
class AppState:
    """What the endpoints share; the pipeline is built on the first POST (loading spaCy is slow)."""
    store: Store
    token: str | None
    pipeline_factory: Callable[[], Any]
    max_bytes: int
    min_chars: int
    max_chars: int = DEFAULT.max_chars
    lock: threading.Lock = field(default_factory=threading.Lock)  # builds the layer once
    _pipeline: Any = None
    _live: Any = None

    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = self.pipeline_factory()
        return self._pipeline

    _jobs: Any = None

    def live(self) -> Any:
        """The store's cross-document layer, restored by the first job and kept in memory after it."""
        with self.lock:
            if self._live is None:
                from .service import LiveStore

                self._live = LiveStore(self.store, self.pipeline())
            return self._live

    def jobs(self) -> Any:
        """The one writer of posted articles (:mod:`dragoman.jobs`)."""
        if self._jobs is None:
            from .jobs import JobRunner

            self._jobs = JobRunner(self.store, self.live, min_chars=self.min_chars, max_chars=self.max_chars)
        return self._jobs


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The writer starts with the server, so jobs a killed server left unfinished run again."""
    runner = app.state.dragoman.jobs()
    runner.start()
    yield
    runner.stop()


def create_app(store: Store, *, token: str | None, pipeline_factory: Callable[[], Any] = default_pipeline,
               max_bytes: int = DEFAULT.max_bytes, min_chars: int = DEFAULT.min_chars,
               max_chars: int = DEFAULT.max_chars, max_request_bytes: int = DEFAULT.max_request_bytes) -> FastAPI:
    # No /docs or /redoc: their pages load scripts from a CDN, and the UI must work offline.
    app = FastAPI(title="dragoman", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Diplomatic events read from multilingual news, each field linked to its sources.")
    app.state.dragoman = AppState(store=store, token=token, pipeline_factory=pipeline_factory,
                                  max_bytes=max_bytes, min_chars=min_chars, max_chars=max_chars)
    handlers.install(app, html=pages.error_page)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_middleware(BodyLimit, limit=max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app


class BodyLimit:
    """Answers 413 (E504, the API's JSON error shape) to a request body over ``limit`` bytes, announced by
    its Content-Length or counted as it arrives; the application sees only bodies within the limit."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", ())).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(int(declared), send)
            return
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(size, send)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break
        await self.app(scope, _replay(messages, receive), send)

    async def _refuse(self, size: int, send: Send) -> None:
        error = TooLarge(size=size, limit=self.limit)
        body = json.dumps(handlers.error_json(code=error.code, status=413, message=error.message)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()
    return replay


class SecurityHeaders:
    """Adds a strict Content-Security-Policy (no inline script) and ``nosniff`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def serve(store: Store, *, host: str, port: int, token: str | None, max_bytes: int, min_chars: int,
          max_chars: int = DEFAULT.max_chars, max_request_bytes: int = DEFAULT.max_request_bytes) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(store, token=token, max_bytes=max_bytes, min_chars=min_chars, max_chars=max_chars,
                     max_request_bytes=max_request_bytes)
    uvicorn.run(app, host=host, port=port, log_level="info")
