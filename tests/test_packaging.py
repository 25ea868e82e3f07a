"""The Dockerfile's steps, performed without Docker: wheel from a clean copy, fresh venv, serve.

No Docker engine runs on the build machines, so this keeps the image honest: the same
install (wheels, then an offline install), the same CMD and the same HEALTHCHECK.
"""

import json
import re
import shutil
import subprocess
import venv
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO_ROOT
from tests.helpers import free_port, running_server

pytestmark = pytest.mark.slow

DOCKERFILE = (REPO_ROOT / "Dockerfile").read_text()


def exec_form(instruction: str) -> list[str]:
    """The JSON (exec) form of the last `instruction` line of the Dockerfile."""
    joined = DOCKERFILE.replace("\\\n", " ")
    lines = [line for line in joined.splitlines() if line.startswith(instruction + " ")]
    return json.loads(lines[-1].split("CMD", 1)[1].strip())


def copied_paths() -> list[str]:
    """The build-context paths the Dockerfile COPYs (not those copied between stages)."""
    paths = []
    for line in DOCKERFILE.splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not words[1].startswith("--"):
            paths.extend(words[1:-1])
    return paths


def clean_copy(destination: Path) -> Path:
    """What a fresh clone holds: the files git tracks (plus new, unignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO_ROOT, capture_output=True, check=True, text=True,
    ).stdout.split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = REPO_ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the service installed the way the image installs it."""
    root = tmp_path_factory.mktemp("image")
    source = clean_copy(root / "src")
    context = root / "context"
    context.mkdir()
    for name in copied_paths():  # only what the Dockerfile COPYs reaches the build
        path = source / name
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, context / name)
    environment = root / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    wheels = root / "wheels"
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    target = re.search(r"pip wheel .* \"?(\.[^\"\s]*)\"?$", DOCKERFILE, re.MULTILINE).group(1)
    requirement = str(context) + target.removeprefix(".")  # "." or ".[postgres]", as built
    subprocess.run([*pip, "wheel", "--wheel-dir", str(wheels), requirement], check=True)
    subprocess.run([*pip, "install", "--no-index", *map(str, wheels.glob("*.whl"))], check=True)
    return environment


def test_image_command_serves_a_seeded_store_from_the_volume(installed, tmp_path):
    command = exec_form("CMD")
    assert command[:2] == ["article-facts", "serve"]
    port = free_port()
    command = [str(installed / "bin" / command[0]), *command[1:]]
    command[command.index("--port") + 1] = str(port)
    command[command.index("--host") + 1] = "127.0.0.1"
    data = tmp_path / "data"
    data.mkdir()
    env = {
        "PATH": f"{installed / 'bin'}:/usr/bin:/bin",
        "DATA_DIR": str(data),
        "HOME": str(tmp_path),
    }
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        assert httpx.get(f"{base}/articles").json()["total"] == 1
        # The docs and the pages, with every asset they load, come from the wheel alone.
        for page in ("/docs", "/", "/ui/articles/1", "/ui/review"):
            served = httpx.get(f"{base}{page}")
            assert served.status_code == 200, page
            for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', served.text):
                assert httpx.get(f"{base}{asset}").status_code == 200, asset
        healthcheck = exec_form("HEALTHCHECK")
        healthcheck = [str(installed / "bin" / "python"), *healthcheck[1:]]
        healthcheck[-1] = healthcheck[-1].replace("8000", str(port))
        assert subprocess.run(healthcheck, env=env, timeout=30).returncode == 0
    assert (data / "facts.db").is_file()


def test_the_wheel_carries_migrations_and_seed(installed):
    site = next((installed / "lib").glob("python*/site-packages"))
    bundled = site / "app" / "_bundled"
    assert (bundled / "migrations" / "env.py").is_file()
    assert any((bundled / "migrations" / "versions").glob("0001_*.py"))
    assert (bundled / "seed" / "article.txt").read_bytes() == (
        REPO_ROOT / "seed" / "article.txt"
    ).read_bytes()
    assert (site / "app" / "static" / "redoc" / "redoc.standalone.js").is_file()
    assert (site / "app" / "extraction" / "data" / "countries.tsv").is_file()
    assert (site / "psycopg").is_dir()  # the image can reach PostgreSQL
