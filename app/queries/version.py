"""The store's data version: one integer that every write increases (migration 0004)."""

import asyncio

import sqlalchemy as sa
from sqlalchemy.engine import Engine

QUERY = "SELECT version FROM data_version WHERE id = 1"


def current_version(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(QUERY)).scalar_one()


class VersionReader:
    """Reads the version for every cached GET, so it must cost next to nothing.

    On SQLite one dedicated connection answers in the event loop itself: the read is a
    few microseconds from the page cache, cheaper than a hop to a worker thread. Other
    backends are a network round trip away and are asked from a worker thread.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.connection = engine.raw_connection() if engine.dialect.name == "sqlite" else None

    async def read(self) -> int:
        if self.connection is None:
            return await asyncio.to_thread(current_version, self.engine)
        cursor = self.connection.cursor()
        try:
            return cursor.execute(QUERY).fetchone()[0]
        finally:
            cursor.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
