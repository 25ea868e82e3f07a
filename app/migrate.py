"""Runs Alembic from code and prepares a database (migrate, then seed) under a lock.

Several workers may start at once against one empty database: only one of them
migrates and seeds, the others wait for the lock and then find nothing to do.
"""

import contextlib
import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy.engine import Engine

from app.resources import resource_dir
from app.schema import migration_transaction
from app.writes.seed import load_seed

log = logging.getLogger(__name__)

LOCK_TIMEOUT_SECONDS = 300


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resource_dir("migrations")))
    config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration not yet applied, all in one transaction: all or nothing."""
    upgrade_to(engine, "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    with migration_transaction(engine) as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade_to(engine: Engine, revision: str) -> None:
    with migration_transaction(engine) as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


@contextlib.contextmanager
def preparation_lock(engine: Engine) -> Iterator[None]:
    """Serialise preparation across processes sharing one database."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
        lock_path = Path(f"{database}.prepare.lock")
        with FileLock(lock_path, timeout=LOCK_TIMEOUT_SECONDS):
            yield
    elif engine.dialect.name == "postgresql":
        # A session-level advisory lock, held on its own connection while the work runs.
        key = int.from_bytes(hashlib.sha256(b"article-facts:prepare").digest()[:8], "big") >> 1
        with engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({key})")
            try:
                yield
            finally:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
    else:
        yield


def prepare_database(engine: Engine, *, migrate: bool, seed: bool) -> None:
    """Bring the schema to head and load the seed, as configured, under the lock."""
    if not (migrate or seed):
        return
    with preparation_lock(engine):
        if migrate:
            before = current_revision(engine)
            upgrade_to_head(engine)
            log.info("schema: %s -> %s", before or "empty", current_revision(engine))
        if seed:
            report = load_seed(engine)
            log.info("seed: %s", report)
