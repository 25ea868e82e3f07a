"""A served demo store and a headless browser, for the page screenshots (bench.screenshots)
and the browser tests (tests/web): Debian's chromium driven by Playwright, never a
downloaded browser, and a server on 127.0.0.1 only."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEMO_KEY = "demo-key"
# Articles with unreviewed, extracted facts, beside the curated seed article (article 1).
DEMO_ARTICLES = [
    {"text": "Georgia spent $320mn on air defence in 2022, according to Reuters. Georgia "
             "joined the Partnership for Peace (PfP) in 1994. The country ranked 89th among "
             "145 countries in the Global Firepower index 2023.",
     "source": "Example Wire", "published_at": "2023-02-01"},
    {"text": "Poland will spend 1.5 billion euros on air defence in 2023, according to Reuters. "
             "Poland joined NATO in 1999. The country ranked 21st among 145 countries in the "
             "Global Firepower index 2022. Polish Defence Minister Mariusz Blaszczak said the "
             "Polish Armed Forces have five branches: the Polish Land Forces, the Polish Air "
             "Force, the Polish Navy, the Polish Special Forces and the Polish Territorial "
             "Defence Force. Poland cooperates with Azerbaijan.",
     "source": "Example Wire", "published_at": "2023-03-15"},
]  # fmt: skip


def chromium() -> str | None:
    """Debian's chromium, where it is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def demo_server(folder: Path, key: str = DEMO_KEY, **settings: str) -> Iterator[str]:
    """A server on a fresh SQLite store in `folder` (seeded, plus DEMO_ARTICLES), accepting
    `key`; yields its base URL and stops it after."""
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(folder), "DATABASE_URL": "", "API_KEYS": key,
           "RATE_LIMIT_READS": "", "RATE_LIMIT_WRITES": "", "LOG_LEVEL": "warning",
           **settings}  # fmt: skip
    env.pop("DATABASE_URL")
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
               "--port", str(port)]  # fmt: skip
    log = open(folder / f"server-{port}.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, process)
        for article in DEMO_ARTICLES:
            answer = httpx.post(f"{base}/articles", json=article, timeout=60,
                                headers={"Authorization": f"Bearer {key}"})  # fmt: skip
            answer.raise_for_status()
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        log.close()


def wait_for(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError("the server exited before answering /health")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not answer /health")
        time.sleep(0.2)


def launch(playwright):
    """Headless chromium from the system (`--no-sandbox` only where we run as root)."""
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return playwright.chromium.launch(executable_path=chromium(), headless=True, args=args)


def sign_in(page, base: str, key: str = DEMO_KEY) -> None:
    """Sign the page's browser context in through the form, as a person would."""
    page.goto(f"{base}/ui/sign-in")
    page.get_by_label("Write key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/ui/review**")
