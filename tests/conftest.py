"""Fixtures: a database built once by the real migrations and seed, copied per test."""

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import create_db_engine
from app.main import create_app
from app.migrate import prepare_database
from tests.helpers import DIGEST_KEY, KEY

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO_ROOT / "seed" / "article.txt"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head and seeded, built once per test session."""
    path = tmp_path_factory.mktemp("template") / "facts.db"
    engine = create_db_engine(sqlite_url(path))
    prepare_database(engine, migrate=True, seed=True)
    with engine.connect() as connection:
        # Fold the WAL into the main file so a plain file copy is the whole database.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_url(template_db: Path, tmp_path: Path) -> str:
    """A private copy of the seeded template for one test."""
    path = tmp_path / "facts.db"
    shutil.copyfile(template_db, path)
    return sqlite_url(path)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False)


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
        api_keys=f"{KEY}, sha256:{digest}", max_body_bytes=20_000,
    )  # fmt: skip
    with TestClient(create_app(settings)) as client:
        yield client
