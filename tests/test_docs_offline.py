"""/docs and /redoc render in a real browser with the network cut off.

Server and headless Chromium both run in a fresh network namespace that has only a
loopback interface: any asset fetched from elsewhere would fail to load and the
page would stay empty. Needs root, iproute2 and Debian's `chromium`; skipped, with
the reason, where one of them is missing (`.ci/run` installs Chromium).
"""

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest

from tests.helpers import free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=15000", "--dump-dom",
]  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.skipif(os.geteuid() != 0, reason="network namespaces need root"),
    pytest.mark.skipif(shutil.which("ip") is None, reason="iproute2 is not installed"),
]


@pytest.fixture
def offline_namespace() -> Iterator[list[str]]:
    """A network namespace with loopback only; yields the prefix that runs a command in it."""
    name = f"af-docs-{uuid.uuid4().hex[:8]}"
    subprocess.run(["ip", "netns", "add", name], check=True)
    try:
        prefix = ["ip", "netns", "exec", name]
        subprocess.run([*prefix, "ip", "link", "set", "lo", "up"], check=True)
        routes = subprocess.run([*prefix, "ip", "route"], capture_output=True, text=True)
        assert "default" not in routes.stdout  # no way out of the namespace
        yield prefix
    finally:
        subprocess.run(["ip", "netns", "del", name], check=False)


def wait_for_health(prefix: list[str], base: str) -> None:
    fetch = f"import urllib.request; urllib.request.urlopen('{base}/health', timeout=2)"
    probe = [*prefix, sys.executable, "-c", fetch]
    deadline = time.monotonic() + 60
    while subprocess.run(probe, capture_output=True).returncode != 0:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.3)


@pytest.mark.parametrize(
    ("page", "rendered"),
    [
        # Swagger UI builds one block per operation from /openapi.json.
        ("/docs", ['data-path="/facts"', 'data-path="/entities/{id}/facts"', "List facts"]),
        # ReDoc renders the operations' summaries and the parameters' descriptions.
        ("/redoc", ["List facts", "Get an entity", "Page size, 1 to 500."]),
    ],
)
def test_docs_render_without_network(offline_namespace, tmp_path, page, rendered):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # SQLite in the namespace: a database server outside it would be out of reach too.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'docs.db'}"}
    server = subprocess.Popen(
        [*offline_namespace, sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_health(offline_namespace, base)
        browser = subprocess.run(
            [*offline_namespace, CHROMIUM, *CHROMIUM_FLAGS,
             f"--user-data-dir={tmp_path / 'profile'}", f"{base}{page}"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert browser.returncode == 0, browser.stderr[-2000:]
    for fragment in rendered:
        assert fragment in browser.stdout, fragment
