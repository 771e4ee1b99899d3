"""Opening a store: URLs, connection errors, migrations, schema."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from store_samples import analysis

from dragoman.errors import StoreError
from dragoman.store import open_store
from dragoman.store.engine import MIGRATIONS, make_engine, mask, normalise
from dragoman.store.schema import metadata


def head_revision() -> str:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head() or ""


def test_opening_twice_migrates_once_and_keeps_data(store_url):
    first = open_store(store_url)
    first.add_analysis(analysis(1))
    first.close()
    second = open_store(store_url)
    assert [a.document.id for a in second.analyses()] == ["d1"]
    second.close()
    engine = make_engine(store_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    engine.dispose()


def test_migrated_schema_matches_the_table_definitions(store, store_url):
    engine = make_engine(store_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'x.sqlite'}")
    store.close()
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_in_memory_sqlite_works():
    store = open_store("sqlite://")
    assert store.add_analysis(analysis(1)) and store.counts()["documents"] == 1
    store.close()


@pytest.mark.parametrize(("url", "driver"), [
    ("postgresql://u@h/db", "postgresql+psycopg"),
    ("postgres://u@h/db", "postgresql+psycopg"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
    ("sqlite:///x.sqlite", "sqlite"),
])
def test_postgres_url_without_driver_means_psycopg(url, driver):
    assert normalise(url).drivername == driver


def test_password_is_masked():
    assert mask("postgresql://alice:s3cret@db.example.org/prod") == "postgresql://alice:***@db.example.org/prod"
    assert "s3cret" not in mask("not a url://alice:s3cret@host")


def test_unreachable_server_is_a_store_error_with_masked_url():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://alice:s3cret@127.0.0.1:1/nowhere")
    message = str(info.value)
    assert "s3cret" not in message and "alice:***@127.0.0.1:1/nowhere" in message
    assert "refused" in message.lower() or "failed" in message.lower()


@pytest.mark.parametrize("url", ["mysql://u@h/db", "nonsense", "sqlite:////no/such/folder/x.sqlite"])
def test_unusable_url_is_a_store_error(url):
    with pytest.raises(StoreError, match="E301"):
        open_store(url)


def test_newer_database_than_code_is_a_store_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="migrate"):
        open_store(url)


@pytest.mark.pg
def test_schema_keyword_keeps_tables_in_that_schema(pg_server):
    name = f"{pg_server.prefix}_keyword"
    store = open_store(pg_server.base_url, schema=name)
    try:
        store.add_analysis(analysis(1))
        query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s AND table_name = 'documents'"
        assert pg_server.conn.execute(query, (name,)).fetchone() == (1,)
        assert pg_server.conn.execute(f'SELECT id FROM "{name}".documents').fetchall() == [("d1",)]
    finally:
        store.close()
        pg_server.drop(name)
