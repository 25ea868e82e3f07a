"""The README stays true: its commands are CI's, every setting is documented, the tour is real."""

import re

from app.config import Settings
from tests.conftest import REPO_ROOT

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


def test_the_tour_shows_what_the_api_serves(client):
    spending = client.get("/facts", params={"type": "spending"}).json()["items"][0]
    assert f'"start":{spending["evidence"]["start"]},"end":{spending["evidence"]["end"]}' in (
        README.replace("\n", "").replace(" ", "")
    )
    year = client.get("/facts", params={"year": 1996}).json()
    assert year["total"] == 1 and f'"id":{year["items"][0]["id"]}' in README
    q = client.get("/facts", params={"q": "territorial integrity", "limit": 1}).json()
    assert f'"id":{q["items"][0]["id"]},"type":"mandate"' in README
    assert f'"total":{q["total"]}' in README
