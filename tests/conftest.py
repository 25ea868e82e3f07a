"""Fixtures: databases built by the real migrations and seed, fresh for every test.

Every test that asks for a database runs on SQLite, and again on PostgreSQL when
TEST_DATABASE_URL names a server (a role that may create databases): a seeded template
is built once per backend and copied per test (a file copy, or CREATE DATABASE ...
TEMPLATE), so no test sees another's writes.
"""

import hashlib
import itertools
import os
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import create_db_engine
from app.main import create_app
from app.migrate import prepare_database
from tests.helpers import DIGEST_KEY, KEY

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO_ROOT / "seed" / "article.txt"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgresql"] if TEST_DATABASE_URL else [])]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class SqliteDatabases:
    """Database files in a temporary folder; the template is copied file by file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counter = itertools.count()
        self.template = folder / "template.db"
        engine = create_db_engine(sqlite_url(self.template))
        prepare_database(engine, migrate=True, seed=True)
        with engine.connect() as connection:
            # Fold the WAL into the main file so a plain file copy is the whole database.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()

    def empty(self) -> str:
        return sqlite_url(self.folder / f"empty-{next(self.counter)}.db")

    def seeded(self) -> str:
        path = self.folder / f"seeded-{next(self.counter)}.db"
        shutil.copyfile(self.template, path)
        return sqlite_url(path)

    def close(self) -> None:
        pass


class PostgresDatabases:
    """Databases on the TEST_DATABASE_URL server, named after this process, dropped after."""

    def __init__(self, url: str) -> None:
        self.base = sa.make_url(url)
        self.admin = sa.create_engine(self.base, isolation_level="AUTOCOMMIT")
        self.prefix = f"aft_{os.getpid()}"
        self.counter = itertools.count()
        self.created: list[str] = []
        self.template = self.create(f"{self.prefix}_template")
        engine = create_db_engine(self.url(self.template))
        prepare_database(engine, migrate=True, seed=True)
        engine.dispose()  # a template must have no open connection when it is copied

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}{clause}")
        self.created.append(name)
        return name

    def empty(self) -> str:
        return self.url(self.create(f"{self.prefix}_{next(self.counter)}"))

    def seeded(self) -> str:
        return self.url(self.create(f"{self.prefix}_{next(self.counter)}", self.template))

    @staticmethod
    def drop(connection, name: str) -> None:
        # An autovacuum worker (another role's process) may still be busy in a database the
        # suite wrote a lot to: FORCE needs pg_signal_backend for it, so also retry a while.
        for attempt in range(20):
            for statement in (f"DROP DATABASE IF EXISTS {name}",
                              f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"):  # fmt: skip
                try:
                    connection.exec_driver_sql(statement)
                    return
                except sa.exc.DBAPIError as error:
                    problem = error
            time.sleep(0.25 * (attempt + 1))
        warnings.warn(f"could not drop test database {name}: {problem}", stacklevel=1)

    def close(self) -> None:
        with self.admin.connect() as connection:
            for name in reversed(self.created):
                self.drop(connection, name)
        self.admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def databases(backend, tmp_path_factory) -> Iterator[SqliteDatabases | PostgresDatabases]:
    if backend == "sqlite":
        factory = SqliteDatabases(tmp_path_factory.mktemp("sqlite"))
    else:
        factory = PostgresDatabases(TEST_DATABASE_URL)
    yield factory
    factory.close()


@pytest.fixture
def db_url(databases) -> str:
    """A private copy of the migrated and seeded database."""
    return databases.seeded()


@pytest.fixture
def empty_db_url(databases) -> str:
    """A private database with nothing in it, not even the schema."""
    return databases.empty()


# Every test client is one address making many requests: rates are off in these
# fixtures, and tests/api/test_rate_limits.py turns them on.
UNLIMITED = {"rate_limit_reads": "", "rate_limit_writes": ""}


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False, **UNLIMITED
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_text() -> str:
    with open(SEED_ARTICLE, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture
def writer(db_url, tmp_path):
    digest = hashlib.sha256(DIGEST_KEY.encode()).hexdigest()
    settings = Settings(
        database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False,
        api_keys=f"{KEY}, sha256:{digest}", max_body_bytes=20_000, **UNLIMITED,
    )  # fmt: skip
    with TestClient(create_app(settings)) as client:
        yield client
