"""Alembic environment: targets SQLModel.metadata; batch mode on SQLite.

Run from code (`app.migrate`), which hands over a connection in its transaction, or from the
`alembic` command, which builds an engine from the service's settings. Imports neither the
write side nor the seed.
"""

from alembic import context
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.config import Settings
from app.db import create_db_engine
from app.schema import include_object, migration_transaction


def run_with_connection(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
        # Every connection comes from `migration_transaction`, where DDL takes part in the
        # transaction on SQLite too; the whole run commits once, at the end.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with_connection(connection)
        return
    engine = create_db_engine(Settings().resolved_database_url())
    with migration_transaction(engine) as connection:
        run_with_connection(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) mode is not supported; run against a database")
run_migrations_online()
