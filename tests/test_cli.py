"""The `article-facts` command line: help, migrate, seed (serve runs in test_startup)."""

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.conftest import REPO_ROOT, sqlite_url

runner = CliRunner()


@pytest.fixture
def env(empty_db_url, monkeypatch):
    url = empty_db_url
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_help_explains_every_command():
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("serve", "migrate", "seed"):
        assert command in result.output
    for command in ("serve", "migrate", "seed"):
        assert runner.invoke(cli, [command, "--help"]).exit_code == 0


def test_migrate_and_check(env):
    pending = runner.invoke(cli, ["migrate", "--check"])
    assert pending.exit_code == 1 and "database at base" in pending.output
    done = runner.invoke(cli, ["migrate"])
    assert done.exit_code == 0 and "upgraded from base" in done.output
    assert runner.invoke(cli, ["migrate", "--check"]).exit_code == 0


def test_seed_then_seed_again(env):
    first = runner.invoke(cli, ["seed"])
    assert first.exit_code == 0 and "stored article" in first.output
    second = runner.invoke(cli, ["seed"])
    assert second.exit_code == 0 and "nothing added" in second.output
    replaced = runner.invoke(cli, ["seed", "--replace"])
    assert replaced.exit_code == 0 and "replaced the curated facts" in replaced.output


def test_seed_check_touches_no_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", sqlite_url(tmp_path / "never.db"))
    result = runner.invoke(cli, ["seed", "--check"])
    assert result.exit_code == 0 and "annotations OK" in result.output
    assert not (tmp_path / "never.db").exists()


def test_seed_reports_bad_annotations(tmp_path, env):
    broken = tmp_path / "seed"
    broken.mkdir()
    (broken / "article.txt").write_text("Kazakhstan joined the Partnership in 1994.\n")
    annotations = (REPO_ROOT / "seed" / "annotations.toml").read_text(encoding="utf-8")
    (broken / "annotations.toml").write_text(annotations, encoding="utf-8")
    result = runner.invoke(cli, ["seed", "--check", "--directory", str(broken)])
    assert result.exit_code == 2
    assert "seed error" in result.output and "not found" in result.output


@pytest.mark.parametrize(
    ("name", "value"), [("RATE_LIMIT_READS", "lots"), ("API_KEYS", "sha256:zz")]
)
def test_a_bad_setting_is_a_one_line_message_not_a_traceback(tmp_path, name, value):
    env = {**os.environ, name: value, "DATA_DIR": str(tmp_path)}
    for command in (["migrate", "--check"], ["serve", "--port", "1"]):
        result = subprocess.run([sys.executable, "-m", "app", *command], env=env,
                                capture_output=True, text=True, timeout=60)  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"configuration error: {name}: ")
