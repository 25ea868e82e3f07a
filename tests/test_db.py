"""The transactions app.db hands out: a read is one snapshot, a write holds what it reads."""

import pytest
import sqlalchemy as sa
from sqlmodel import Session

import app.db
from app.db import create_db_engine, is_sqlite, new_session, write_transaction
from app.queries.facts import get_fact_row

COUNT = sa.text("SELECT count(*) FROM entity")
ADD = sa.text("INSERT INTO entity (slug, name, type) VALUES ('estonia', 'Estonia', 'country')")


@pytest.fixture
def engine(db_url):
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


def test_the_statements_of_one_read_see_one_snapshot(engine):
    session = new_session(engine)
    try:
        before = session.exec(COUNT).scalar_one()
        with engine.begin() as other:  # another writer commits between the two reads
            other.execute(ADD)
        assert session.exec(COUNT).scalar_one() == before
    finally:
        session.close()
    with Session(engine) as fresh:
        assert fresh.exec(COUNT).scalar_one() == before + 1


def test_a_write_transaction_holds_the_sqlite_write_lock_from_its_first_statement(engine):
    if not is_sqlite(engine):
        pytest.skip("PostgreSQL writes lock rows (FOR UPDATE): tests/api/test_races.py")
    with Session(engine) as session, write_transaction(session):
        session.exec(COUNT)  # only a read so far, and another writer already has to wait
        other = engine.raw_connection()
        try:
            other.execute("PRAGMA busy_timeout=0")
            with pytest.raises(Exception, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_sqlite_connections_keep_wal_and_foreign_keys(engine):
    if not is_sqlite(engine):
        pytest.skip("SQLite pragmas")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_a_pooled_connection_the_server_dropped_while_idle_is_replaced(engine, monkeypatch):
    """A server restart or a proxy's idle timeout drops pooled connections: the next
    request after an idle spell still gets a working one."""
    if is_sqlite(engine):
        pytest.skip("SQLite has no server to lose")
    with engine.connect() as connection:
        backend = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    other = create_db_engine(str(engine.url.render_as_string(hide_password=False)))
    with other.connect() as killer:  # another client: the pooled one stays in the pool
        killer.exec_driver_sql(f"SELECT pg_terminate_backend({backend})")
    other.dispose()
    monkeypatch.setattr(app.db, "PING_AFTER_IDLE", 0.0)  # the pooled one has been idle
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != backend
        assert connection.execute(COUNT).scalar_one() > 0


def test_a_connection_in_steady_use_is_not_pinged(engine):
    if is_sqlite(engine):
        pytest.skip("SQLite connections are never pinged")
    seen: list[str] = []
    with engine.connect():
        pass  # the pool now holds a connection checked in a moment ago
    sa.event.listen(engine, "before_cursor_execute",
                    lambda *args: seen.append(args[2]))  # fmt: skip
    with engine.connect() as connection:
        connection.execute(COUNT)
    assert seen == [str(COUNT)]


def test_a_one_statement_read_leaves_the_pooled_connection_as_it_found_it(engine):
    """A fact is read outside a transaction on PostgreSQL; the connection the pool hands
    out next still reads in REPEATABLE READ, so a page and its count stay one snapshot."""
    if is_sqlite(engine):
        pytest.skip("SQLite reads keep their snapshot")
    with new_session(engine) as session:
        fact = get_fact_row(session, "12")
        assert fact.id == 12
        assert session.connection().connection.dbapi_connection.autocommit
    with new_session(engine) as session:
        assert not session.connection().connection.dbapi_connection.autocommit
        assert session.connection().get_isolation_level() == "REPEATABLE READ"
