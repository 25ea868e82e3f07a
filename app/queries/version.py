"""The store's data version: one integer that every write increases (migration 0004)."""

import sqlalchemy as sa
from sqlalchemy.engine import Engine

CURRENT = sa.text("SELECT version FROM data_version WHERE id = 1")


def current_version(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(CURRENT).scalar_one()
