"""Request parameters shared by the JSON endpoints and the HTML pages.

An empty value (``?type=``, as an HTML form sends) filters nothing, so the
search form and the API accept the same query strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request

from ..store import EventFilter, Store
from .data import Page
from .schemas import PloverType, StatusName

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # beyond SQLite's integers nothing is found anyway
_CODE = r"[A-Za-z][A-Za-z0-9_]{0,31}"
Blank = Literal[""]


def store_of(request: Request) -> Store:
    return request.app.state.dragoman.store


StoreDep = Annotated[Store, Depends(store_of)]


def _clean(value: Any) -> Any:
    return None if value == "" else value


def _code(value: str | None) -> str | None:
    return value.upper() if value else None


def event_query(
    actor: Annotated[str | None, Query(pattern=f"^({_CODE})?$", description="An actor code, e.g. RUS.")] = None,
    dyad: Annotated[str | None, Query(pattern=f"^({_CODE},{_CODE})?$",
                                      description="Two actor codes that must both take part, e.g. RUS,USA.")] = None,
    type: Annotated[PloverType | Blank | None, Query(description="PLOVER event type.")] = None,
    status: Annotated[StatusName | Blank | None, Query()] = None,
    topic: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.:-]{0,64}$", description="A topic code.")] = None,
    start: Annotated[date | Blank | None, Query(description="Events ending on or after this day.")] = None,
    end: Annotated[date | Blank | None, Query(description="Events starting on or before this day.")] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$",
                                   description="Text in a quote or a place name (case-insensitive).")] = None,
) -> EventFilter:
    return EventFilter(actor=_code(actor), dyad=_dyad(dyad), type=_clean(type), status=_clean(status),
                      topic=_clean(topic), start=_clean(start), end=_clean(end), text=_clean(q))


def _dyad(value: str | None) -> tuple[str, str] | None:
    """``"rus,usa"`` -> ``("RUS", "USA")``; the query's pattern lets through two codes or nothing."""
    if not value:
        return None
    first, second = value.split(",")
    return first.upper(), second.upper()


EventQueryDep = Annotated[EventFilter, Depends(event_query)]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int
    after: str | None = None


def paging(limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")] = 50,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip; with `after`, only the "
                                                                         "number of the page's first row.")] = 0,
           after: Annotated[str | None, Query(max_length=300, pattern=r"^[^\x00]*$",
                                              description="The `cursor` of the page before: the page after it, "
                                                          "by key (the `next` link carries it).")] = None) -> Paging:
    return Paging(limit, offset, after or None)


PagingDep = Annotated[Paging, Depends(paging)]


def next_url(request: Request, page: Page) -> str | None:
    """The next page by its cursor (rows added meanwhile never shift it); ``offset`` keeps the numbering."""
    if page.next_offset is None:
        return None
    if page.cursor is None:
        return str(request.url.include_query_params(offset=page.next_offset, limit=page.limit))
    return str(request.url.include_query_params(offset=page.next_offset, limit=page.limit, after=page.cursor))


def page_json(request: Request, page: Page) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "total_capped": page.capped, "limit": page.limit,
            "offset": page.offset, "cursor": page.cursor, "next": next_url(request, page)}
