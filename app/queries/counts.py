"""A per-process cache of list totals, valid at one data version.

Counting a wide list (every ranking fact) reads up to `TOTAL_CAP` index entries: most
of a page's cost, paid again for every page of the same list, since each deep page has
a new cursor and so a new URL (the response cache cannot help). The total depends only
on the list's conditions, not on its cursor, order or page size: it is kept here per
count statement (SQLAlchemy's cache key of the statement, with its parameter values) and
per data version, which every write increases, so no total outlives a change.
"""

import threading
from collections import OrderedDict
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.queries.version import QUERY as VERSION_QUERY

VERSION = sa.text(VERSION_QUERY)


class CountCache:
    """At most `size` totals, least recently used dropped first."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.entries: OrderedDict[tuple, tuple[int, tuple[int, bool]]] = OrderedDict()
        # Reads in the thread pool (PostgreSQL's, and SQLite's over budget) share it with
        # the event loop: a total looked up while another thread evicts it must not fail.
        self.lock = threading.Lock()

    @staticmethod
    def key(statement: Any) -> tuple | None:
        cache_key = statement._generate_cache_key()  # None: a statement SQLAlchemy can't key
        if cache_key is None:
            return None
        values = (param.effective_value for param in cache_key.bindparams)
        # The statement's shape as its hash: SQLAlchemy's key describes the whole statement
        # (about 6 KiB a list), and kept as is 4,096 of them held 23 MiB. The shapes are the
        # few the filters make, so two sharing a hash and every value is not a real risk.
        # An IN (...) binds a list: kept as a tuple, so that the key can be hashed.
        shape = hash(cache_key.key)
        return shape, tuple(tuple(v) if isinstance(v, list) else v for v in values)

    def get(self, session: Session, key: tuple) -> tuple[int, tuple[int, bool] | None]:
        """(the data version of the session's snapshot, the total counted at it, if any)."""
        version = session.connection().execute(VERSION).scalar_one()
        with self.lock:
            held = self.entries.get(key)
            if held is None or held[0] != version:
                return version, None
            self.entries.move_to_end(key)
        return version, held[1]

    def put(self, key: tuple, version: int, total: tuple[int, bool]) -> None:
        with self.lock:
            self.entries[key] = (version, total)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
