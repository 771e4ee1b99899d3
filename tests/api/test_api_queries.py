"""A page costs a bounded number of SQL statements, whatever its size: no query per row (issue #16)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from api_samples import STORIES, all_events
from sqlalchemy import event

from dragoman.store import SqlStore


@contextmanager
def statements(store: SqlStore) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "SAVEPOINT", "RELEASE")):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def cost(client, store, url: str) -> int:
    with statements(store) as seen:
        response = client.get(url)
    assert response.status_code == 200, response.text
    return len(seen)


@pytest.mark.parametrize("path", ["/api/events", "/api/events?actor=RUS", "/api/stories", "/api/documents",
                                  "/api/documents?errors=false", "/", "/stories", "/documents"])
def test_a_list_costs_the_same_statements_for_one_row_or_all(client, store, path):
    sep = "&" if "?" in path else "?"
    one, every = cost(client, store, f"{path}{sep}limit=1"), cost(client, store, f"{path}{sep}limit=50")
    assert one == every
    assert every <= 6  # the home page adds the store's counts and the first stories


def test_the_next_page_by_cursor_costs_no_more_than_the_first(client, store):
    first = client.get("/api/events?limit=2").json()
    assert cost(client, store, first["next"]) <= cost(client, store, "/api/events?limit=2")


@pytest.mark.parametrize("kind", ["events", "stories"])
def test_a_detail_costs_a_bounded_number_of_statements(client, store, kind):
    ids = [e.id for e in all_events()] if kind == "events" else [s.id for s in STORIES]
    costs = {key: cost(client, store, f"/api/{kind}/{key}") for key in ids}
    assert max(costs.values()) <= 3, costs


def test_a_document_page_costs_a_bounded_number_of_statements(client, store):
    for doc_id in ("d-fr1", "d-en1", "d-en2", "d-xss"):
        assert cost(client, store, f"/api/documents/{doc_id}") <= 4
        assert cost(client, store, f"/documents/{doc_id}") <= 4
