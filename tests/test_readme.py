"""The README stays true: its commands are CI's, every setting is documented, the tour runs
as printed (tests/tour.py reads it), against a fresh server."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import Settings
from tests import tour
from tests.conftest import REPO_ROOT
from tests.helpers import free_port, running_server

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_one_run_and_one_test_command():
    run, test = quick_start_commands()
    assert run.endswith("article-facts serve")
    assert "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    _, test = quick_start_commands()
    ci = (REPO_ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci


def test_every_setting_is_in_the_configuration_table():
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    for name in Settings.model_fields:
        assert f"| `{name.upper()}` |" in table, name


MARK = "@@tour-step-done@@"


def run_tour(base: str, steps: list[tuple[str, str]], folder) -> list[str]:
    """Every command in one shell, in order, as a reader would type them; each one's output."""
    host = base.removeprefix("http://")
    script = "".join(
        f"{command.replace('localhost:8000', host)}\nprintf '\\n%s\\n' '{MARK}'\n"
        for command, _ in steps
    )
    result = subprocess.run(["bash", "-c", script], cwd=folder, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0 and not result.stderr, result.stderr
    outputs = result.stdout.replace("\r\n", "\n").split(f"\n{MARK}\n")
    assert outputs.pop() == ""
    return [output.strip("\n") for output in outputs]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="the tour's commands need curl")
def test_the_tour_runs_as_printed(tmp_path):
    section = tour.tour_section(README)
    start = tour.start_command(section)
    assert start.endswith(" .venv/bin/article-facts serve"), start
    steps = tour.commands(section)
    assert len(steps) > 15
    port = free_port()
    # As printed, with this interpreter's installation and a free port; $(mktemp -d)
    # makes its directory under TMPDIR, here the test's own folder.
    program = Path(sys.executable).parent / "article-facts"
    started = start.replace(".venv/bin/article-facts", shlex.quote(str(program)))
    command = ["bash", "-c", f"{started} --port {port}"]
    # The defaults a reader has: none of this process's settings (a test database, say).
    settings = {name.upper() for name in Settings.model_fields}
    env = {name: value for name, value in os.environ.items() if name not in settings}
    env["TMPDIR"] = str(tmp_path)
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        outputs = run_tour(base, steps, tmp_path)
    for (step, printed), actual in zip(steps, outputs, strict=True):
        printed = printed.replace("localhost:8000", base.removeprefix("http://"))
        problem = tour.mismatch(printed, actual)
        assert problem is None, f"$ {step}\n{problem}\nthe server answered:\n{actual}"


def test_the_tour_comparison_allows_only_the_documented_placeholders():
    actual = '{"items":[{"id":1,"text":"Azerbaijan is upgrading"},{"id":2,"text":"x"}],"total":2}'
    assert tour.mismatch('{"items":[{"id":1,"text":"Azerbaijan …"}, …],"total":2}', actual) is None
    assert tour.mismatch('{"items":[…, {"id":2,"text":"x"}],"total":2}', actual) is None
    for printed in (
        '{"items":[{"id":1,"text":"Azerbaijan …"}],"total":2}',  # an item missing, no …
        '{"items":[{"id":1}, …],"total":2}',  # a member left out
        '{"total":2,"items":[…]}',  # members out of order
        '{"items":[…],"total":2.0}',  # 2.0 is not what the server sends
        '{"items":[…],"total":3}',
    ):
        assert tour.mismatch(printed, actual) is not None, printed
    head = 'HTTP/1.1 200 OK\ndate: Mon, 1 Dec 2026\netag: "abc"\n\n[1,2]'
    assert tour.mismatch('HTTP/1.1 200 OK\ndate: …\netag: "…"\n\n[1, …]', head) is None
    assert tour.mismatch("HTTP/1.1 200 OK\ndate: …\n\n[1, …]", head) is not None
    assert tour.mismatch("a 1\n…\nc …", "a 1\nb 2\nb 3\nc 4") is None
    assert tour.mismatch("a 1\nc …", "a 1\nb 2\nc 4") is not None


def test_the_tour_reads_continued_commands_and_their_outputs():
    section = (
        "```sh\nAPI_KEYS=k .venv/bin/article-facts serve\n```\n```console\n"
        '$ curl -s x \\\n    -d \'{"a": 1,\n      "b": 2}\'   # it\'s\n{"ok":true}\n'
        '$ V=$(curl -s y)\n$ echo "$V"\n1\n\n2\n```\n'
    )
    assert tour.start_command(section) == "API_KEYS=k .venv/bin/article-facts serve"
    assert tour.commands(section) == [
        ('curl -s x \\\n    -d \'{"a": 1,\n      "b": 2}\'   # it\'s', '{"ok":true}'),
        ("V=$(curl -s y)", ""),
        ('echo "$V"', "1\n\n2"),
    ]
