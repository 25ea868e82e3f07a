"""Engine factory and the per-request session dependency.

SQLite gets the pragmas a concurrent web service needs (WAL, foreign keys, a busy
timeout); other backends use their defaults. Nothing here runs at import time.
"""

from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else sa.make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_db_engine(
    url: str, *, echo: bool = False, pool_size: int = 5, max_overflow: int = 10
) -> Engine:
    """An engine for `url`; on SQLite with WAL journaling and enforced foreign keys."""
    if not is_sqlite(url):
        return sa.create_engine(
            url, echo=echo, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow
        )
    in_memory = sa.make_url(url).database in (None, "", ":memory:")
    engine = sa.create_engine(
        url,
        echo=echo,
        # Requests run in a thread pool; SQLite connections are used by one
        # thread at a time there, so sharing across threads is safe.
        connect_args={"check_same_thread": False},
        **({} if in_memory else {"pool_size": pool_size, "max_overflow": max_overflow}),
    )
    sa.event.listen(engine, "connect", _sqlite_pragmas)
    if engine.url.database not in (None, "", ":memory:"):
        with engine.connect() as connection:
            # WAL is a property of the file: set once, readers no longer block writers.
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    return engine


def iter_session(engine: Engine) -> Iterator[Session]:
    """A session for one unit of work; the caller decides whether to commit."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
