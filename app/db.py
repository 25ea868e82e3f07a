"""Engine factory, the per-request session dependency, and the transaction a write takes.

SQLite gets the pragmas a concurrent web service needs (WAL, foreign keys, a busy
timeout) and transactions that begin where SQLAlchemy begins them; PostgreSQL reads in
REPEATABLE READ. Every read is then one snapshot, and a write that reads what it changes
holds its rows (`write_transaction`). Nothing here runs at import time.
"""

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

# The execution option that picks how an SQLite transaction begins, and its values.
SQLITE_BEGIN = "sqlite_begin"
BEGIN_STATEMENTS = {"deferred": "BEGIN", "immediate": "BEGIN IMMEDIATE"}
# A read transaction (several statements: a page, its count, its entities) sees one
# snapshot: on PostgreSQL that takes REPEATABLE READ, which costs nothing more (the level
# rides on the BEGIN); on SQLite in WAL mode any transaction is one.
READ_ISOLATION = "REPEATABLE READ"
# What a write asks of its connection. SQLite: take the write lock at BEGIN, before the
# write reads anything it compares or changes. PostgreSQL: READ COMMITTED, where
# SELECT ... FOR UPDATE waits for a concurrent writer and then reads the row as that
# writer left it (gone, or changed) instead of failing the transaction.
WRITE_OPTIONS = {
    "sqlite": {SQLITE_BEGIN: "immediate"},
    "postgresql": {"isolation_level": "READ COMMITTED"},
}


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else sa.make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


# When set (an instant of `time.thread_time()`, the CPU time of the thread running the
# statement), SQLite interrupts a statement still running past it: app.api.reads runs
# cheap reads on the event loop under such a deadline. CPU time, not wall time, so that a
# read the machine merely paused is not taken for a slow one.
STATEMENT_DEADLINE: ContextVar[float | None] = ContextVar("statement_deadline", default=None)
# How many SQLite virtual-machine steps between two looks at the deadline: an indexed read
# takes a few hundred, so the look costs nothing a cheap read would notice.
DEADLINE_STEPS = 1000


def _past_deadline() -> int:
    deadline = STATEMENT_DEADLINE.get()
    return int(deadline is not None and time.thread_time() > deadline)


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Python's sqlite3 (legacy transaction control, before 3.12) BEGINs only before
    # INSERT/UPDATE/DELETE: two SELECTs were not one snapshot, and a read followed by a
    # write was not atomic. It is told to BEGIN nothing; _sqlite_begin does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    dbapi_connection.set_progress_handler(_past_deadline, DEADLINE_STEPS)
    # SQLite's own lower() folds ASCII only: "Ölkə" never matched "ölkə", in searches and
    # in finding an entity already stored by its name, where PostgreSQL's matched. Python's
    # str.lower, as on the other side of every such comparison (no index uses lower()).
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def _sqlite_begin(connection: Connection) -> None:
    """BEGIN (deferred: WAL readers never wait) or, when a write asks, BEGIN IMMEDIATE."""
    mode = connection.get_execution_options().get(SQLITE_BEGIN, "deferred")
    connection.exec_driver_sql(BEGIN_STATEMENTS[mode])


# A pooled server connection idle longer than this is checked (one round trip) before it
# is handed out; one in steady use is not.
PING_AFTER_IDLE = 5.0


def _mark_idle(_dbapi_connection, record) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    """What `pool_pre_ping` does, for connections that sat idle: a server restarted or a
    connection dropped by a proxy is found here and replaced, before a request uses it.
    Pinging every checkout doubled the round trips of a primary-key read (0.8 to 1.4 ms);
    a connection in steady use that breaks fails its request, and the pool then
    replaces every connection it holds (SQLAlchemy invalidates the pool on a disconnect)."""
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE:
        return
    try:
        dbapi_connection.cursor().execute("SELECT 1")
        dbapi_connection.rollback()
    except Exception as error:  # any failure: this connection is not to be used
        raise sa.exc.DisconnectionError() from error


def create_db_engine(
    url: str, *, echo: bool = False, pool_size: int = 5, max_overflow: int = 10
) -> Engine:
    """An engine for `url`; on SQLite with WAL journaling and enforced foreign keys."""
    if not is_sqlite(url):
        postgres = sa.make_url(url).get_backend_name() == "postgresql"
        options = {"isolation_level": READ_ISOLATION} if postgres else {}
        engine = sa.create_engine(
            url, echo=echo, pool_size=pool_size, max_overflow=max_overflow, **options
        )
        sa.event.listen(engine, "checkin", _mark_idle)
        sa.event.listen(engine, "checkout", _ping_if_idle)
        return engine
    in_memory = sa.make_url(url).database in (None, "", ":memory:")
    engine = sa.create_engine(
        url,
        echo=echo,
        # Reads run on the event loop or, past their budget, in the thread pool, and writes
        # in the pool: a connection is used by one thread at a time, so sharing is safe.
        connect_args={"check_same_thread": False},
        **({} if in_memory else {"pool_size": pool_size, "max_overflow": max_overflow}),
    )
    sa.event.listen(engine, "connect", _sqlite_connect)
    sa.event.listen(engine, "begin", _sqlite_begin)
    if not in_memory:
        # WAL is a property of the file: set once, readers no longer block writers. Outside
        # any transaction (SQLite refuses the switch inside one), so on the driver's cursor.
        connection = engine.raw_connection()
        try:
            connection.cursor().execute("PRAGMA journal_mode=WAL").close()
        finally:
            connection.close()
    return engine


def one_statement_options(engine: Engine) -> dict[str, str]:
    """The execution options of a read that is a single statement: on PostgreSQL no
    transaction (a statement is its own snapshot; BEGIN and ROLLBACK were two of a
    primary-key read's three round trips, 0.86 -> 0.34 ms); on SQLite, where they cost no
    round trip, the usual snapshot."""
    return {"isolation_level": "AUTOCOMMIT"} if engine.dialect.name == "postgresql" else {}


def write_options(engine: Engine) -> dict[str, str]:
    """The execution options of a write's connection on this engine's backend."""
    return WRITE_OPTIONS.get(engine.dialect.name, {})


@contextlib.contextmanager
def write_transaction(session: Session) -> Iterator[Session]:
    """The session's transaction for a write that first reads what it changes (an ETag, a
    row that must still be there): on SQLite it holds the write lock from BEGIN to commit;
    on PostgreSQL it reads committed rows, so the rows it reads FOR UPDATE are its own
    until it commits. Commits when the block exits, rolls back on an exception."""
    with session.begin():
        session.connection(execution_options=write_options(session.get_bind()))
        yield session


def new_session(engine: Engine) -> Session:
    """A session for one unit of work; the caller decides whether to commit. What it reads
    outside a write transaction is one snapshot, ended (rolled back) when it closes. It
    takes a connection only at its first statement."""
    return Session(engine, expire_on_commit=False)
