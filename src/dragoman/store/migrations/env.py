"""Alembic environment for dragoman's store.

The store runs migrations itself on open (see :func:`dragoman.store.engine.migrate`)
and hands over its connection in ``config.attributes["connection"]``. For
development, ``sqlalchemy.url`` may be set on the Config instead.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from dragoman.store.schema import metadata


def run_with(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                          literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    elif connection is not None:
        run_with(connection)
    else:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            run_with(conn)
        engine.dispose()


run()
