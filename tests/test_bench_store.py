"""The benchmark store builder, run as its README command is."""

import subprocess
import sys

import pytest

from app.db import create_db_engine
from bench.store import build, ensure_copy
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow


def test_bench_store_creates_a_missing_folder(tmp_path):
    target = tmp_path / "not" / "yet" / "store.db"
    command = [sys.executable, "-m", "bench.store", str(target), "--articles", "20",
               "--facts-per-article", "2", "--entities", "10"]  # fmt: skip
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.is_file() and "20 articles, 40 facts" in done.stdout


def test_the_postgresql_leg_copies_the_store_once_and_never_empties_a_database(
    tmp_path, empty_db_url, db_url
):
    """bench.http --postgres URL serves the same rows as the SQLite store: copied (by COPY)
    only when missing, sequences past the copied ids; a database holding other data is
    refused rather than emptied."""
    if not empty_db_url.startswith("postgresql"):
        pytest.skip("the leg copies into PostgreSQL")
    store = tmp_path / "store.db"
    build(f"sqlite:///{store}", articles=20, facts_per_article=2, entities=10, seed=7)
    ensure_copy(empty_db_url, store)
    ensure_copy(empty_db_url, store)  # already there: copies nothing (ids would clash)
    source, copy = (create_db_engine(url) for url in (f"sqlite:///{store}", empty_db_url))
    query = "SELECT id, subject_id, statement, value, evidence_start FROM fact ORDER BY id"
    with source.connect() as left, copy.connect() as right:
        assert left.exec_driver_sql(query).all() == right.exec_driver_sql(query).all()
        assert right.exec_driver_sql("SELECT count(*) FROM mention").scalar_one() == 40
        following = "SELECT nextval(pg_get_serial_sequence('fact', 'id'))"
        assert right.exec_driver_sql(following).scalar_one() == 41
    source.dispose()
    copy.dispose()
    with pytest.raises(SystemExit, match="holds other data"):
        ensure_copy(db_url, store)  # the seeded store
