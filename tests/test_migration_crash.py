"""A process killed while preparing an empty database leaves it empty or whole; the next start
always succeeds.

The child pauses before its N-th SQL statement (a hook in the child only, nothing in the app)
and is killed there with SIGKILL, for kill points spread over the whole migration and seed.
"""

import os
import random
import signal
import subprocess
import sys

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from app.db import create_db_engine
from app.migrate import current_revision, downgrade_to, head_revision, prepare_database
from app.models import Article
from tests.helpers import FACT_COLUMNS_0006, dump_database

pytestmark = pytest.mark.slow

KILL_POINTS = 14

CHILD = """
import sys, time
import sqlalchemy as sa
from app.db import create_db_engine
from app.migrate import prepare_database

pause_at, count = int(sys.argv[2]), 0

def count_and_pause(*_):
    global count
    count += 1
    if count == pause_at:
        print("paused", flush=True)
        time.sleep(600)

sa.event.listen(sa.engine.Engine, "before_cursor_execute", count_and_pause)
prepare_database(create_db_engine(sys.argv[1]), migrate=True, seed=True)
print("done", count, flush=True)
"""


def run_child(url: str, pause_at: int) -> str:
    """Run the child to its `pause_at`-th statement and kill it there; its last line."""
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(pause_at)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    line = process.stdout.readline().strip()
    if line == "paused":
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    return line


def schema_objects(engine) -> list[str]:
    """Every table, index, trigger, view or sequence in the database."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            query = "SELECT type || ' ' || name FROM sqlite_master"
        else:
            query = ("SELECT relkind::text || ' ' || relname FROM pg_class JOIN pg_namespace n "
                     "ON n.oid = relnamespace WHERE nspname = 'public'")  # fmt: skip
        return sorted(connection.exec_driver_sql(query).scalars())


def article_count(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


def test_a_preparation_killed_at_any_statement_leaves_a_database_the_next_start_prepares(
    databases,
):
    baseline = run_child(databases.empty(), pause_at=0)
    assert baseline.startswith("done"), baseline
    statements = int(baseline.split()[1])
    rng = random.Random()
    step = statements / KILL_POINTS
    points = sorted({max(1, int(i * step + rng.uniform(0, step))) for i in range(KILL_POINTS)})
    outcomes = []
    for point in points:
        url = databases.empty()
        assert run_child(url, point) == "paused", f"no statement {point} of {statements}"
        engine = create_db_engine(url)
        revision = current_revision(engine)
        objects = schema_objects(engine)
        # All or nothing: no table without a recorded revision, no revision but the newest.
        assert revision in (None, head_revision(engine)), (point, revision)
        assert revision is not None or objects == [], (point, objects)
        outcomes.append((point, revision, article_count(engine) if revision else None))
        prepare_database(engine, migrate=True, seed=True)  # the next start
        assert current_revision(engine) == head_revision(engine)
        assert article_count(engine) == 1
        engine.dispose()
    killed_mid_migration = [point for point, revision, _ in outcomes if revision is None]
    assert len(killed_mid_migration) >= KILL_POINTS // 3, outcomes


def test_the_migrate_command_completes_a_database_a_killed_migration_left(databases):
    url = databases.empty()
    assert run_child(url, pause_at=12) == "paused"
    result = subprocess.run(
        [sys.executable, "-m", "app", "migrate"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "DATABASE_URL": url},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    engine = create_db_engine(url)
    assert current_revision(engine) == head_revision(engine)
    assert set(sa.inspect(engine).get_table_names()) >= {"article", "entity", "fact"}
    engine.dispose()


def seeded_at_0005(url: str) -> None:
    engine = create_db_engine(url)
    # Today's models write today's schema: seed at head, then step down with the rows.
    prepare_database(engine, migrate=True, seed=True)
    downgrade_to(engine, "0005")
    engine.dispose()


def rows_and_revision(url: str) -> tuple[dict[str, list[str]], str | None, bool]:
    """Every row (facts by the columns 0005 has), the revision, and whether fact has the
    columns 0007 adds."""
    # Empty tables say nothing of rows kept (and later migrations make new ones: 0010's).
    rows = {table: found for table, found in dump_database(url).items() if found}
    del rows["alembic_version"]
    engine = create_db_engine(url)
    with engine.connect() as connection:
        rows["fact"] = sorted(
            repr(tuple(row))
            for row in connection.exec_driver_sql(f"SELECT {FACT_COLUMNS_0006} FROM fact")
        )
    columns = {column["name"] for column in sa.inspect(engine).get_columns("fact")}
    revision = current_revision(engine)
    engine.dispose()
    return rows, revision, "modality" in columns


def test_an_upgrade_killed_midway_leaves_the_previous_head_and_every_row(databases):
    """0006 and 0007 rebuild tables full of rows on SQLite: killed at any point, nothing is
    lost, and the schema is the one its revision says."""
    probe, url = databases.empty(), databases.empty()
    seeded_at_0005(probe)
    baseline = run_child(probe, pause_at=0)
    statements = int(baseline.split()[1])
    seeded_at_0005(url)
    engine = create_db_engine(url)
    rows, _, _ = rows_and_revision(url)
    states = {("0005", False), (head_revision(engine), True)}  # before 0006, or after 0007
    for point in range(1, statements, max(1, statements // 6)):
        assert run_child(url, point) == "paused", f"no statement {point} of {statements}"
        kept, revision, extended = rows_and_revision(url)
        assert kept == rows and (revision, extended) in states, (point, revision)
    prepare_database(engine, migrate=True, seed=True)
    assert current_revision(engine) == head_revision(engine)
    assert article_count(engine) == 1
    engine.dispose()
