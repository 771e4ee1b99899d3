"""Every error the app answers, as one JSON shape: ``{"error": {"code", "status", "message"}}``.

Library errors carry a code (:mod:`dragoman.errors`); ``STATUS`` maps codes
to HTTP statuses in one place. Request validation, HTTP refusals and
unexpected failures are turned into coded errors too, and :func:`error_response`
renders them all: JSON under ``/api`` (and for clients that do not ask for
HTML), an HTML page with the same fields elsewhere.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..errors import DragomanError, HttpError, InternalError, InvalidRequest, NotFound

log = logging.getLogger("dragoman.api")

# Code (or code family prefix) -> HTTP status; anything else is a server error.
STATUS: dict[str, int] = {
    "E1": 400,      # input errors: a posted document cannot be used
    "E201": 500,    # a pipeline stage failed
    "E202": 503,    # a language model is missing
    "E301": 503,    # the store cannot be reached
    "E401": 400,    # a bad option value
    "E404": 404,
    "E500": 500,
    "E501": 422,
    "E502": 401,
    "E504": 413,
}

HtmlRenderer = Callable[[Request, int, dict], Response]


def status_of(code: str) -> int:
    return STATUS.get(code) or STATUS.get(code[:2], 500)


def error_json(*, code: str, status: int, message: str) -> dict:
    return {"error": {"code": code, "status": status, "message": message}}


def install(app: FastAPI, *, html: HtmlRenderer | None = None) -> None:
    """Register the handlers; ``html`` renders the error for browser pages."""

    def respond(request: Request, exc: DragomanError, status: int) -> Response:
        body = error_json(code=exc.code, status=status, message=exc.message)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if html is not None and _wants_html(request):
            return html(request, status, body["error"])
        return JSONResponse(body, status_code=status, headers=headers)

    async def on_dragoman(request: Request, exc: DragomanError) -> Response:
        return respond(request, exc, status_of(exc.code))

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, InvalidRequest(detail=describe(exc)), 422)

    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return respond(request, NotFound(what="page", key=request.url.path), 404)
        return respond(request, HttpError(detail=str(exc.detail)), exc.status_code)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, InternalError(detail=type(exc).__name__), 500)

    # Starlette types every handler as taking any Exception; it calls each only with the class it is registered for.
    app.add_exception_handler(DragomanError, on_dragoman)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_unexpected)


def describe(exc: RequestValidationError) -> str:
    """Pydantic's errors on one line: ``query.limit: Input should be ...; body: ...``."""
    parts = []
    for problem in exc.errors():
        where = ".".join(str(x) for x in problem.get("loc", ()))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/openapi")) or path == "/api":
        return False
    return "text/html" in request.headers.get("accept", "")
