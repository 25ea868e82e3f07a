"""Start-up with real processes: an empty database is migrated and seeded exactly once."""

import multiprocessing
import os
import sys

import httpx
import pytest
from sqlmodel import Session, func, select

from app.db import create_db_engine
from app.migrate import current_revision, head_revision, prepare_database
from app.models import Article, Fact
from tests.helpers import free_port, running_server

WORKERS = 4


def prepare(url: str) -> None:
    engine = create_db_engine(url)
    prepare_database(engine, migrate=True, seed=True)
    engine.dispose()


def stored_counts(url: str) -> tuple[int, int]:
    engine = create_db_engine(url)
    with Session(engine) as session:
        articles = session.exec(select(func.count()).select_from(Article)).one()
        facts = session.exec(select(func.count()).select_from(Fact)).one()
    engine.dispose()
    return articles, facts


@pytest.mark.slow
def test_concurrent_preparation_does_not_race(empty_db_url):
    url = empty_db_url
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=prepare, args=(url,)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    engine = create_db_engine(url)
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()
    articles, facts = stored_counts(url)
    assert articles == 1 and facts >= 35


def server_env(**overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return {**env, **overrides}


@pytest.mark.slow
def test_uvicorn_with_workers_from_any_directory_serves_a_seeded_database(tmp_path, empty_db_url):
    url = empty_db_url
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port),
               "--workers", "3"]  # fmt: skip
    with running_server(
        command, port=port, env=server_env(DATABASE_URL=url), cwd=elsewhere
    ) as base:
        articles = httpx.get(f"{base}/articles").json()
        assert articles["total"] == 1
        assert (
            httpx.get(f"{base}/facts", params={"type": "spending"}).json()["items"][0]["value"]
            == 22_700_000_000
        )
    assert stored_counts(url)[0] == 1


@pytest.mark.slow
def test_cli_serve_creates_the_default_data_directory(tmp_path):
    data_dir = tmp_path / "fresh" / "data"
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
    env = server_env(DATA_DIR=str(data_dir))
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        health = httpx.get(f"{base}/health")
        assert health.json() == {"status": "ok", "database": "ok"}
        assert "server" not in health.headers  # the server does not name itself
    assert (data_dir / "facts.db").is_file()


def test_auto_switches_off_leave_an_empty_database_alone(tmp_path, empty_db_url):
    url = empty_db_url
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
    env = server_env(DATABASE_URL=url, AUTO_MIGRATE="false", AUTO_SEED="false")
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        assert httpx.get(f"{base}/health").status_code == 200
    engine = create_db_engine(url)
    assert current_revision(engine) is None
    engine.dispose()


@pytest.mark.slow
def test_cli_serve_with_workers_prepares_the_database_before_starting_them(tmp_path, empty_db_url):
    """No worker spends its start-up migrating (uvicorn kills a worker that misses its health
    checks): the parent migrates and seeds once, before any worker starts."""
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "2"]
    with running_server(
        command, port=port, env=server_env(DATABASE_URL=empty_db_url), cwd=tmp_path
    ) as base:
        assert httpx.get(f"{base}/articles").json()["total"] == 1
    log = (tmp_path / f"server-{port}.log").read_text()
    workers_start = log.index("Started parent process")
    assert log.count("schema: empty -> ") == 1 and log.index("schema: empty -> ") < workers_start
    assert log.count("seed: stored article") == 1
    assert log.index("seed: stored article") < workers_start
