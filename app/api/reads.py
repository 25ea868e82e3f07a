"""Where a read runs: on the event loop while it is cheap, in the thread pool once it is not.

Measured on the 1M-fact store (bench/RESULTS.md): handing a read to a worker thread costs
more CPU than an indexed read itself (0.5 to 0.7 ms a request at 32 connections, most of
it threads taking turns at the interpreter lock), so reads run on the event loop. A read
there holds every other request up while it runs, and a few are slow (a relevance-ranked
search of a common word, a rare combination of filters): on SQLite an inline read runs
under a deadline (`INLINE_BUDGET` from its start); past it, SQLite interrupts the running
statement, the read's transaction is rolled back and the read runs again, whole, in the
thread pool. PostgreSQL is a network round trip away: its reads go to the thread pool.
"""

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.db import STATEMENT_DEADLINE, is_sqlite

T = TypeVar("T")

# Seconds of CPU an inline read's statements may take; beyond, the read moves to a thread.
# CPU time only: a statement waiting (on the disk, or on a lock, which WAL readers rarely
# meet) is not counted, and holds the event loop for as long as it waits.
INLINE_BUDGET = 0.02


def interrupted(error: sa.exc.OperationalError) -> bool:
    """The statement was stopped by its deadline (SQLite's SQLITE_INTERRUPT)."""
    return isinstance(error.orig, sqlite3.OperationalError) and "interrupted" in str(error.orig)


async def run_read(session: Session, read: Callable[..., T], *args: object) -> T:
    """`read(*args)` with the session's connection, inline when cheap (see the module)."""
    if not is_sqlite(session.get_bind()):
        return await run_in_threadpool(read, *args)
    token = STATEMENT_DEADLINE.set(time.thread_time() + INLINE_BUDGET)
    try:
        return read(*args)
    except sa.exc.OperationalError as error:
        if not interrupted(error):
            raise
    finally:
        # Before the rollback below: under the passed deadline it would be interrupted too.
        STATEMENT_DEADLINE.reset(token)
    session.rollback()  # nothing was sent; the read starts again, in a new snapshot
    return await run_in_threadpool(read, *args)
