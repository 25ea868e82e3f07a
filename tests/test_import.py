"""`article-facts import` refuses a corrupt export: exit 2, a message naming the line, no rows.

Each test corrupts one row of a real export of the seeded store and runs the command in
its own process, as an operator would, on every backend.
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db import create_db_engine
from app.writes.backup import export_lines

pytestmark = pytest.mark.slow  # a real process per import
COMMAND = [sys.executable, "-m", "app"]
TABLES = ("entity", "entity_alias", "article", "mention", "fact")


def exported(url: str) -> list[dict]:
    engine = create_db_engine(url)
    try:
        return [json.loads(line) for line in export_lines(engine)]
    finally:
        engine.dispose()


def first(rows: list[dict], kind: str, where: Callable[[dict], bool] = lambda row: True) -> int:
    """The index (0-based; its line number is one more) of the first such row."""
    return next(i for i, row in enumerate(rows) if row.get("kind") == kind and where(row))


def run_import(url: str, path: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([*COMMAND, "import", str(path)], capture_output=True, text=True,
                          env=environment, timeout=120)  # fmt: skip


def row_counts(url: str) -> dict[str, int]:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in TABLES
            }
    finally:
        engine.dispose()


def shift_offsets(rows):
    at = first(rows, "fact")
    rows[at]["evidence_start"] += 1
    rows[at]["evidence_end"] += 1
    return at, "is not the quote"


def invent_quote(rows):
    at = first(rows, "fact")
    rows[at]["quote"] = "Azerbaijan has the largest navy on the Moon"
    return at, "is not the quote"


def end_past_text(rows):
    text = rows[first(rows, "article")]["text"]
    at = first(rows, "mention")
    rows[at]["end_offset"] = len(text) + 5
    return at, "past the end of the text"


def wrong_sha256(rows):
    at = first(rows, "article")
    rows[at]["sha256"] = "0" * 64
    return at, "sha256"


def change_text(rows):
    at = first(rows, "article")
    rows[at]["text"] = rows[at]["text"].replace("Azerbaijan", "Azerbaidjan", 1)
    return at, "sha256"


def offsets_as_text(rows):
    at = first(rows, "fact")
    rows[at]["evidence_start"] = str(rows[at]["evidence_start"])
    return at, "evidence_start must be an integer"


def huge_rank_total(rows):
    at = first(rows, "fact", lambda row: row["rank"] is not None)
    rows[at]["rank_total"] = 2**31
    return at, "rank_total must be at most 2147483647"


def unknown_entity(rows):
    at = first(rows, "fact")
    rows[at]["subject_id"] = 999_999
    return at, "no entity 999999"


def boolean_id(rows):
    at = first(rows, "entity")
    rows[at]["id"] = True
    return at, "id must be an integer"


def unknown_kind(rows):
    at = first(rows, "alias")
    rows[at]["kind"] = "comment"
    return at, "unknown kind 'comment'"


def alias_after_articles(rows):
    alias = rows.pop(first(rows, "alias"))
    at = first(rows, "article") + 1
    rows.insert(at, alias)
    return at, "kind 'alias' after kind 'article'"


CORRUPTIONS = [shift_offsets, invent_quote, end_past_text, wrong_sha256, change_text,
               offsets_as_text, huge_rank_total, unknown_entity, boolean_id,
               unknown_kind, alias_after_articles]  # fmt: skip


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda corrupt: corrupt.__name__)
def test_import_refuses_a_corrupt_row_and_loads_nothing(db_url, empty_db_url, tmp_path, corrupt):
    rows = exported(db_url)
    at, reason = corrupt(rows)
    path = tmp_path / "corrupt.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = run_import(empty_db_url, path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert f"import error: line {at + 1}: " in result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert set(row_counts(empty_db_url).values()) == {0}


def test_import_refuses_a_truncated_file(db_url, empty_db_url, tmp_path):
    lines = [json.dumps(row) for row in exported(db_url)]
    path = tmp_path / "truncated.jsonl"
    path.write_text("\n".join(lines)[: -len(lines[-1]) // 2], encoding="utf-8")
    result = run_import(empty_db_url, path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert f"import error: line {len(lines)}: not a JSON object" in result.stderr
    assert "Traceback" not in result.stderr
    assert set(row_counts(empty_db_url).values()) == {0}


def test_import_of_a_missing_file_is_a_message(empty_db_url, tmp_path):
    result = run_import(empty_db_url, tmp_path / "nowhere.jsonl")
    assert result.returncode == 2
    assert "import error: " in result.stderr and "Traceback" not in result.stderr


def test_import_refuses_a_repeated_unique_value_and_loads_nothing(db_url, empty_db_url, tmp_path):
    rows = exported(db_url)
    second = first(rows, "entity", lambda row: row["id"] == 2)
    rows[second]["slug"] = rows[first(rows, "entity")]["slug"]
    path = tmp_path / "repeated.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = run_import(empty_db_url, path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "import error: lines 2-28: refused by the database: " in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert set(row_counts(empty_db_url).values()) == {0}
