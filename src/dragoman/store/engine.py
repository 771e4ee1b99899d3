"""Opening a database: URLs, engines, SQLite settings, migrations, and error translation.

SQLite runs in WAL mode with foreign keys on; pysqlite's own transaction
handling is switched off so that SQLAlchemy's ``BEGIN`` really starts a
transaction (DDL included), and writes start with ``BEGIN IMMEDIATE`` so two
processes never deadlock upgrading a read lock.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE = "dragoman_write"  # execution option: this connection's transaction will write
_MIGRATION_LOCK = 0x647261676F6D616E  # pg advisory lock key ("dragoman"), held while migrating
_SQLITE_TIMEOUT = 30.0  # seconds a writer waits for another process's write lock
# Connections per engine: one per request thread of the server (anyio's pool runs 40) and the writer, so a
# burst of 100 clients queues in the thread pool, never on a connection (issue #16).
POOL = {"pool_size": 40, "max_overflow": 20, "pool_timeout": 60}


class Unserialisable(Exception):
    """A record could not be turned into JSON for the database."""


def mask(url: str) -> str:
    """``url`` with its password replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def normalise(url: str) -> URL:
    """Parse ``url``; ``postgresql://`` without a driver means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(url=mask(url), detail=f"not a database URL ({exc})") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(url=mask(url), detail="unsupported database; use sqlite:///PATH or postgresql://...")
    return parsed


def make_engine(url: str, *, schema: str | None = None) -> Engine:
    parsed = normalise(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **POOL)


def _sqlite_engine(url: URL) -> Engine:
    if url.database in (None, "", ":memory:"):
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url, connect_args={"timeout": _SQLITE_TIMEOUT}, **POOL)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself, see _sqlite_begin
    cursor = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    writes = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def migrate(engine: Engine, *, url: str, schema: str | None = None) -> None:
    """Bring the database to the newest schema; safe to run on every open, from several processes."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    with errors(url, "cannot migrate the schema"), engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            _prepare(conn, schema)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def _prepare(conn: Connection, schema: str | None) -> None:
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    if schema:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {conn.dialect.identifier_preparer.quote(schema)}"))


@contextmanager
def errors(url: str, action: str) -> Iterator[None]:
    """Turn database failures inside the block into :class:`StoreError` naming ``url`` and the reason."""
    try:
        yield
    except (SQLAlchemyError, CommandError, Unserialisable) as exc:
        raise StoreError(url=url, detail=f"{action}: {reason(exc)}") from exc


def reason(exc: BaseException) -> str:
    """The driver's own words, on one line, without the statement or its parameters."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    return " ".join(str(cause).split()) or type(cause).__name__
