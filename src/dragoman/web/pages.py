"""The HTML pages: thin shells that call the same data functions as the JSON endpoints."""
from __future__ import annotations

from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from .. import __version__
from ..api import data
from ..api.params import EventQueryDep, PagingDep, StoreDep, next_url
from ..model import PLOVER_TYPES, STATUSES
from . import templates_dir, view
from .highlight import segments

_CODE = r"^([A-Za-z][A-Za-z0-9_]{0,31})?$"
IdPath = Annotated[str, Path(min_length=1, max_length=200)]


def environment() -> jinja2.Environment:
    # Autoescape every template whatever its extension: article text is untrusted.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates_dir()), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(view.FILTERS)
    env.globals.update(version=__version__, plover_types=PLOVER_TYPES, statuses=STATUSES)
    return env


templates = Jinja2Templates(env=environment())
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, error: dict[str, Any]) -> HTMLResponse:
    return render(request, "error.html", status, error=error)


@router.get("/")
def home(request: Request, store: StoreDep, query: EventQueryDep, paging: PagingDep) -> HTMLResponse:
    page = data.event_page(store, query, limit=paging.limit, offset=paging.offset, after=paging.after)
    return render(request, "home.html", overview=data.overview(store), page=page, query=query,
                  next=next_url(request, page))


@router.get("/timeline")
def timeline(request: Request, store: StoreDep, a: Annotated[str, Query(pattern=_CODE)] = "",
             b: Annotated[str, Query(pattern=_CODE)] = "") -> HTMLResponse:
    series = data.timeline(store, a, b) if a and b else None
    return render(request, "timeline.html", series=series, a=a.upper(), b=b.upper())


@router.get("/events/{event_id}")
def event(request: Request, store: StoreDep, event_id: IdPath) -> HTMLResponse:
    body = data.event_detail(store, event_id)
    return render(request, "event.html", event=body, rows=view.field_rows(body))


@router.get("/stories")
def stories(request: Request, store: StoreDep, paging: PagingDep) -> HTMLResponse:
    page = data.story_page(store, limit=paging.limit, offset=paging.offset, after=paging.after)
    return render(request, "stories.html", page=page, next=next_url(request, page))


@router.get("/stories/{story_id}")
def story(request: Request, store: StoreDep, story_id: IdPath) -> HTMLResponse:
    return render(request, "story.html", detail=data.story_detail(store, story_id))


@router.get("/documents")
def documents(request: Request, store: StoreDep, paging: PagingDep,
              errors: Annotated[bool | None, Query()] = None,
              language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None) -> HTMLResponse:
    page = data.document_page(store, errors=errors, language=language or None, limit=paging.limit,
                              offset=paging.offset, after=paging.after)
    return render(request, "documents.html", page=page, errors=errors, language=language or "",
                  next=next_url(request, page))


@router.get("/documents/{doc_id}")
def document(request: Request, store: StoreDep, doc_id: IdPath,
             start: Annotated[int | None, Query(ge=0)] = None,
             end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    body = data.document_detail(store, doc_id)
    focus = (start, end) if start is not None and end is not None else None
    return render(request, "document.html", doc=body, runs=segments(body["text"], body["spans"], focus=focus))


@router.get("/feeds")
def feeds(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "feeds.html", feeds=data.feed_list(store)["feeds"])
