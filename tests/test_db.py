"""The transactions app.db hands out: a read is one snapshot, a write holds what it reads."""

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.db import create_db_engine, is_sqlite, new_session, write_transaction

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
