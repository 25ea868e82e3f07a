"""What a migration run needs besides the models: one all-or-nothing transaction, DDL included,
and the hand-made schema objects autogenerate must leave alone.

Alembic's environment imports this module: it must not import the write side or the seed.
"""

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine

# Schema objects the migrations make by hand and the models cannot describe: the SQLite
# full-text shadow tables (0001) and PostgreSQL's stored search vector and its index
# (0002, 0009: a generated column no write names).
UNMODELLED_TABLE_PREFIXES = ("fact_fts",)
UNMODELLED_INDEXES = {"ix_fact_search"}
UNMODELLED_COLUMNS = {("fact", "search_document")}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For autogenerate: leave the hand-made search objects out of the comparison."""
    if type_ == "table" and name.startswith(UNMODELLED_TABLE_PREFIXES):
        return False
    if type_ == "column" and (getattr(obj.table, "name", None), name) in UNMODELLED_COLUMNS:
        return False
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


class MigrationError(RuntimeError):
    """A migration would leave the database inconsistent; nothing of it was committed."""


def _driver_transactions_off(dbapi_connection, _record) -> None:
    # Python's sqlite3 (legacy transaction control) would start no transaction before DDL,
    # so each CREATE would commit on its own: it must not control transactions at all.
    dbapi_connection.isolation_level = None
    # A batch migration rebuilds a table by dropping it; with foreign keys enforced, dropping
    # a parent would cascade into its children. Checked instead before the commit. (The
    # pragma is a no-op inside a transaction, so it is set here, before BEGIN.)
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _begin_immediate(connection: sa.Connection) -> None:
    # Take the write lock up front: a migration never starts as a reader and fails to upgrade.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


@contextlib.contextmanager
def migration_transaction(engine: Engine) -> Iterator[sa.Connection]:
    """A connection inside one transaction that every statement, DDL too, belongs to: a run
    killed at any point leaves the database as it was before.

    PostgreSQL's DDL is transactional: a plain transaction does. On an SQLite file, a
    connection of its own (SQLAlchemy's recipe for pysqlite: the driver's transaction
    control off, BEGIN emitted here), so it holds whatever the application's engine does.
    """
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        # (An in-memory database dies with its process: there is nothing to leave behind.)
        with engine.begin() as connection:
            yield connection
        return
    dedicated = sa.create_engine(
        engine.url, poolclass=sa.pool.NullPool, connect_args={"timeout": 30}
    )
    sa.event.listen(dedicated, "connect", _driver_transactions_off)
    sa.event.listen(dedicated, "begin", _begin_immediate)
    try:
        with dedicated.begin() as connection:
            before = connection.exec_driver_sql("PRAGMA schema_version").scalar_one()
            yield connection
            # Only after a change: the check reads every row (half a second at 200,000 facts).
            if connection.exec_driver_sql("PRAGMA schema_version").scalar_one() != before:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise MigrationError(f"foreign keys broken by the migration: {broken[:5]}")
    finally:
        dedicated.dispose()
        # The engine's pooled connections predate the new schema, and SQLite's PRAGMAs (what
        # reflection reads) answer from a connection's cached schema: start afresh.
        engine.dispose()
