"""Every store test runs on SQLite (a file in tmp_path) and on PostgreSQL.

PostgreSQL tests get their own schema, ``dragoman_t_<session hex>_<n>``,
dropped after the test (and any leftover of this session at its end), so runs
never see each other's data. An unreachable server skips them, unless
``DRAGOMAN_TEST_PG=1`` (CI), where it fails them.
"""
from __future__ import annotations

import itertools
import os
import secrets
from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

from dragoman.store import Store, open_store

PG_URL = os.environ.get("DRAGOMAN_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


class PgServer:
    """The test server, and fresh schemas on it."""

    def __init__(self, conn: psycopg.Connection, prefix: str) -> None:
        self.conn = conn
        self.prefix = prefix
        self.base_url = PG_URL
        self._numbers = itertools.count()

    def new_schema(self) -> str:
        name = f"{self.prefix}_{next(self._numbers)}"
        self.conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        return name

    def drop(self, name: str) -> None:
        self.conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))

    def url(self, schema: str) -> str:
        return f"{PG_URL}?options={quote(f'-csearch_path={schema}')}"

    def leftovers(self) -> list[str]:
        query = "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)"
        return [row[0] for row in self.conn.execute(query, (self.prefix,))]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        conn = psycopg.connect(PG_URL, connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        if os.environ.get("DRAGOMAN_TEST_PG") == "1":
            pytest.fail(f"DRAGOMAN_TEST_PG=1 but PostgreSQL is unreachable at {PG_URL}: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_URL}")
    server = PgServer(conn, f"dragoman_t_{secrets.token_hex(4)}")
    yield server
    for name in server.leftovers():
        server.drop(name)
    conn.close()


@pytest.fixture
def pg_schema(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.new_schema()
    yield name
    pg_server.drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    server = request.getfixturevalue("pg_server")
    return server.url(request.getfixturevalue("pg_schema"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
