"""The JSON endpoints under ``/api``: thin shells over :mod:`dragoman.api.data`."""
from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..config import DEFAULT
from ..errors import OversizedInput, RejectedDocument, Unauthorised
from ..ingest import documents_from_records
from . import data
from .params import EventQueryDep, PagingDep, StoreDep, page_json
from .schemas import (
    ArticleIn,
    DocumentDetailOut,
    DocumentPageOut,
    ErrorOut,
    EventDetailOut,
    EventPageOut,
    FeedListOut,
    JobOut,
    StoryDetailOut,
    StoryPageOut,
    TimelineOut,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in ((400, "Bad input"), (401, "Missing or wrong token"), (404, "Unknown id"),
                         (422, "Invalid parameters"), (500, "Server error"), (503, "Store unavailable"))
}
MAX_POSTED = 100  # articles per POST

router = APIRouter(prefix="/api", responses=ERRORS)


def answer(body: dict[str, Any]) -> Response:
    """The contract JSON as it is: the response models document it (and the schema tests check it), but
    validating and re-encoding every event of a page cost more than building it (issue #16)."""
    return JSONResponse(body)


IdPath = Annotated[str, Path(min_length=1, max_length=200)]
_CODE = r"^[A-Za-z][A-Za-z0-9_]{0,31}$"


@router.get("/events", response_model=EventPageOut, summary="Events in date order, filtered and paginated")
def list_events(request: Request, store: StoreDep, query: EventQueryDep, paging: PagingDep) -> Response:
    page = data.event_page(store, query, limit=paging.limit, offset=paging.offset, after=paging.after)
    return answer(page_json(request, page))


@router.get("/events/{event_id}", response_model=EventDetailOut, summary="One event with its sources and quotes")
def get_event(store: StoreDep, event_id: IdPath) -> Response:
    return answer(data.event_detail(store, event_id))


@router.get("/stories", response_model=StoryPageOut, summary="Stories in order")
def list_stories(request: Request, store: StoreDep, paging: PagingDep) -> Response:
    return answer(page_json(request, data.story_page(store, limit=paging.limit, offset=paging.offset,
                                                     after=paging.after)))


@router.get("/stories/{story_id}", response_model=StoryDetailOut, summary="One story with its documents and events")
def get_story(store: StoreDep, story_id: IdPath) -> Response:
    return answer(data.story_detail(store, story_id))


@router.get("/documents", response_model=DocumentPageOut, summary="Documents in ingestion order")
def list_documents(request: Request, store: StoreDep, paging: PagingDep,
                   errors: Annotated[bool | None, Query(description="Only failed (true) or good (false) ones.")] = None,
                   language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None) -> Response:
    page = data.document_page(store, errors=errors, language=language or None, limit=paging.limit,
                              offset=paging.offset, after=paging.after)
    return answer(page_json(request, page))


@router.get("/documents/{doc_id}", response_model=DocumentDetailOut, summary="One document with its cleaned text")
def get_document(store: StoreDep, doc_id: IdPath) -> Response:
    return answer(data.document_detail(store, doc_id))


@router.get("/timeline", response_model=TimelineOut, summary="The series of events between two actors")
def get_timeline(store: StoreDep, a: Annotated[str, Query(pattern=_CODE)],
                 b: Annotated[str, Query(pattern=_CODE)]) -> Response:
    return answer(data.timeline(store, a, b))


@router.get("/feeds", response_model=FeedListOut, summary="Watched feeds: state, last and next poll, last error")
def list_feeds(store: StoreDep) -> dict:
    return data.feed_list(store)


_bearer = HTTPBearer(auto_error=False, description="DRAGOMAN_TOKEN")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """401 unless the bearer token matches the configured one; with none configured, always 401."""
    expected = request.app.state.dragoman.token
    if not expected:
        raise Unauthorised(detail="posting is disabled: no DRAGOMAN_TOKEN is configured")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise Unauthorised(detail="missing or wrong bearer token")


Posted = Annotated[ArticleIn | list[ArticleIn], Body(description=f"An article or a list of at most {MAX_POSTED}.")]


@router.post("/documents", response_model=JobOut, status_code=202, dependencies=[Depends(require_token)],
             summary="Queue articles for ingestion (bearer token); 202 with the job to follow")
def post_documents(request: Request, response: Response, store: StoreDep, posted: Posted) -> dict:
    state = request.app.state.dragoman
    records = read_posted(posted, max_bytes=state.max_bytes, min_chars=state.min_chars, max_chars=state.max_chars)
    job_id = state.jobs().submit(records)
    response.headers["Location"] = f"/api/jobs/{job_id}"
    return data.job_json(store.job(job_id))


@router.get("/jobs/{job_id}", response_model=JobOut, summary="A queued ingestion: its status, then its report")
def get_job(store: StoreDep, job_id: IdPath) -> dict:
    return data.job_json(store.job(job_id))


def read_posted(posted: ArticleIn | list[ArticleIn], *, max_bytes: int, min_chars: int,
                max_chars: int = DEFAULT.max_chars) -> list[dict[str, Any]]:
    """The posted records, once every one reads as a document; one that cannot rejects the whole request,
    naming it."""
    articles = posted if isinstance(posted, list) else [posted]
    if len(articles) > MAX_POSTED:
        raise RejectedDocument(source=f"<api>#{MAX_POSTED}", detail=f"at most {MAX_POSTED} articles per request")
    for index, article in enumerate(articles):
        size = len((article.text or article.html or "").encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise OversizedInput(source=f"<api>#{index}", size=size, limit=max_bytes)
    records = [article.model_dump(mode="json", exclude_none=True) for article in articles]
    for doc in documents_from_records(records, min_chars=min_chars, max_chars=max_chars):
        if not doc.ok:
            raise RejectedDocument(source=doc.source, detail=str(doc.error))
    return records
