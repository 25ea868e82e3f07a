"""The benchmark store builder, run as its README command is."""

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow


def test_bench_store_creates_a_missing_folder(tmp_path):
    target = tmp_path / "not" / "yet" / "store.db"
    command = [sys.executable, "-m", "bench.store", str(target), "--articles", "20",
               "--facts-per-article", "2", "--entities", "10"]  # fmt: skip
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.is_file() and "20 articles, 40 facts" in done.stdout
