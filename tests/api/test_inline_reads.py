"""Reads run on the event loop while they are cheap and move to the thread pool when a
statement outlasts its budget (app.api.reads): the answer is the same either way."""

import pytest
from fastapi.testclient import TestClient

import app.api.reads as reads
import app.db
from app.config import Settings
from app.main import create_app
from tests.conftest import UNLIMITED

PATHS = ["/facts?type=ranking", "/facts/12", "/entities/azerbaijan", "/entities/azerbaijan/facts",
         "/articles/1/facts?limit=3"]  # fmt: skip


@pytest.fixture
def hand_offs(monkeypatch) -> list[str]:
    """The reads handed to the thread pool, by function name."""
    seen: list[str] = []
    real = reads.run_in_threadpool

    async def recording(read, *args):
        seen.append(read.__name__)
        return await real(read, *args)

    monkeypatch.setattr(reads, "run_in_threadpool", recording)
    return seen


def make_client(db_url, tmp_path) -> TestClient:
    settings = Settings(database_url=db_url, data_dir=tmp_path, auto_migrate=False,
                        auto_seed=False, response_cache_size=0, **UNLIMITED)  # fmt: skip
    return TestClient(create_app(settings))


def test_cheap_reads_take_no_thread_on_sqlite(db_url, tmp_path, hand_offs):
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL reads always go to the thread pool")
    with make_client(db_url, tmp_path) as client:
        for path in PATHS:
            assert client.get(path).status_code == 200, path
    assert hand_offs == []


def test_a_read_past_its_budget_is_answered_from_the_thread_pool(
    db_url, tmp_path, hand_offs, monkeypatch
):
    if not db_url.startswith("sqlite"):
        pytest.skip("the deadline is SQLite's progress handler")
    with make_client(db_url, tmp_path) as client:
        expected = {path: client.get(path).content for path in PATHS}
    # Every inline statement is now past its deadline at the first look, one step in.
    monkeypatch.setattr(app.db, "DEADLINE_STEPS", 1)
    monkeypatch.setattr(reads, "INLINE_BUDGET", -1.0)
    with make_client(db_url, tmp_path) as client:
        for path in PATHS:
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            assert response.content == expected[path], path
    assert len(hand_offs) == len(PATHS)


def test_statements_outside_an_inline_read_have_no_deadline(db_url, monkeypatch):
    """Writes, migrations and reads in the thread pool are never interrupted."""
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    monkeypatch.setattr(app.db, "DEADLINE_STEPS", 1)
    engine = app.db.create_db_engine(db_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM fact").scalar_one() > 10
    engine.dispose()


def test_a_read_interrupted_inside_its_transaction_is_rolled_back_and_answered(
    db_url, tmp_path, hand_offs, monkeypatch
):
    """The deadline passes after the read's BEGIN, mid-read: the rollback that ends the
    interrupted snapshot must not itself be interrupted (it ran under the same deadline)."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the deadline is SQLite's progress handler")
    with make_client(db_url, tmp_path) as client:
        expected = {path: client.get(path).content for path in PATHS}
    looks = {"count": 0}

    def past_after_a_few_looks() -> int:
        if app.db.STATEMENT_DEADLINE.get() is None:
            return 0
        looks["count"] += 1
        return int(looks["count"] > 5)  # BEGIN and the first steps in time, then past it

    monkeypatch.setattr(app.db, "DEADLINE_STEPS", 1)
    monkeypatch.setattr(app.db, "_past_deadline", past_after_a_few_looks)
    with make_client(db_url, tmp_path) as client:
        for path in PATHS:
            looks["count"] = 0
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            assert response.content == expected[path], path
    assert len(hand_offs) == len(PATHS)
