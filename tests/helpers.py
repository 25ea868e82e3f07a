"""Helpers shared by the tests."""

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import sqlalchemy as sa
from fastapi.testclient import TestClient


def get_all(client: TestClient, url: str, **params) -> list[dict]:
    """Every item of a paged list, following `next_cursor` to the end."""
    items, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def clear_of_window_edges(*rates: str, margin: float = 5.0) -> None:
    """Wait past the next edge of each rate's window when it is under `margin` s away.

    A rate's windows start at multiples of its period since the epoch, and the sliding
    window counter weighs the previous window's hits down and rounds down: a few requests
    that straddle an edge may all fit. Tests that expect the request after the budget to
    be refused call this first (their requests take well under `margin`)."""
    from app.api.ratelimit import parse_rates

    for rate in rates:
        for item in parse_rates(rate):
            left = item.get_expiry() - time.time() % item.get_expiry()
            if item.get_expiry() > margin and left < margin:
                time.sleep(left + 0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_server(
    command: list[str], *, port: int, env: dict[str, str], cwd: Path, timeout: float = 60
) -> Iterator[str]:
    """Start `command` (a server on 127.0.0.1:`port`), wait for /health, yield its base URL."""
    base = f"http://127.0.0.1:{port}"
    log = cwd / f"server-{port}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise AssertionError(f"server exited early:\n{log.read_text()}")
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"server did not answer /health:\n{log.read_text()}")
                time.sleep(0.2)
            yield base
        finally:
            with contextlib.suppress(ProcessLookupError):  # it may have exited already
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


KEY = "test-key-1"
DIGEST_KEY = "test-key-2"
AUTH = {"Authorization": f"Bearer {KEY}"}
ARTICLE = (
    "Poland will spend 1.5 billion euros on air defence in 2023, according to Reuters. "
    "Poland joined NATO in 1999. The country ranked 21st among 145 countries in the "
    "Global Firepower index 2022. Polish Defence Minister Mariusz Blaszczak said the "
    "Polish Armed Forces have five branches: the Polish Land Forces, the Polish Air Force, "
    "the Polish Navy, the Polish Special Forces and the Polish Territorial Defence Force. "
    "Poland cooperates with Azerbaijan."
)


PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status):
    """`response` is an RFC 9457 problem with this status; returns its members."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert set(problem) >= PROBLEM_KEYS
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    assert "Traceback" not in response.text and "<html" not in response.text.lower()
    return problem


def counts(client) -> tuple[int, int, int]:
    return (
        client.get("/articles").json()["total"],
        client.get("/facts").json()["total"],
        client.get("/entities").json()["total"],
    )


def dump_database(url: str) -> dict[str, list[str]]:
    """Every row of every table (FTS indexes and counters included), as sorted text."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: sorted(
                    repr(tuple(row))
                    for row in connection.execute(sa.text(f'SELECT * FROM "{table}"'))
                )
                for table in sa.inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


# The fact columns of every revision up to 0006, for comparing rows across 0007.
FACT_COLUMNS_0006 = (
    "id, article_id, type, statement, subject_id, predicate, object_id, value, unit, "
    "value_qualifier, rank, rank_total, scope, metric, period_start, period_end, "
    "attributed_to_id, quote, evidence_start, evidence_end, origin, confidence, review_status, "
    "extractor_version"
)
