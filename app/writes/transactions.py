"""Write transactions run to completion despite other writers: the caller's one tool.

Never imports FastAPI; the work it runs adds and flushes, this module commits.
"""

import random
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlmodel import Session

from app.db import write_transaction

# A concurrent writer may insert the same new entity first (a unique slug), hold the
# database (SQLite's single writer) past the busy timeout, or, on PostgreSQL, delete an
# entity a new row refers to: the transaction is then simply run again.
CONFLICTS = (sa.exc.IntegrityError, sa.exc.OperationalError)
T = TypeVar("T")


def in_transaction(session: Session, work: Callable[[Session], T], attempts: int = 5) -> T:
    """`work(session)` in a write transaction of its own (`write_transaction`), retried on
    a conflict with another writer."""
    for attempt in range(1, attempts + 1):
        try:
            with write_transaction(session):
                return work(session)
        except CONFLICTS:
            if attempt == attempts:
                raise
            # Jittered, so writers that collided once do not collide again in step.
            time.sleep(random.uniform(0.02, 0.05 * 2**attempt))
    raise AssertionError("unreachable")
