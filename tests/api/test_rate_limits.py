"""Rate limits: reads per client address, writes per key, 429 problem with Retry-After."""

import asyncio
import contextlib
import os
import random
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.api.ratelimit import RateLimiter
from app.config import Settings
from app.main import create_app
from tests.helpers import (
    ARTICLE,
    AUTH,
    KEY,
    assert_problem,
    clear_of_window_edges,
    counts,
    free_port,
    running_server,
)

# .ci/run starts a Redis of its own and names it here; elsewhere a local one is used if any.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL")

OTHER_KEY = "test-key-other"
OTHER_AUTH = {"Authorization": f"Bearer {OTHER_KEY}"}


@contextmanager
def limited(db_url, tmp_path, reads="", writes="", **extra) -> Iterator[TestClient]:
    settings = Settings(
        database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False,
        api_keys=f"{KEY},{OTHER_KEY}", rate_limit_reads=reads, rate_limit_writes=writes, **extra,
    )  # fmt: skip
    with TestClient(create_app(settings)) as client:
        clear_of_window_edges(reads, writes)
        yield client


def from_address(client: TestClient, address: str) -> TestClient:
    """Another client of the same running app, seen as coming from `address`."""
    return TestClient(client.app, client=(address, 40000))


def assert_rate_limited(response, *, at_most: int) -> int:
    problem = assert_problem(response, 429)
    assert problem["type"] == "urn:article-facts:problem:rate-limited"
    wait = int(response.headers["retry-after"])
    assert 1 <= wait <= at_most
    assert problem["retry_after"] == wait
    return wait


def test_reads_over_the_rate_get_429_with_retry_after(db_url, tmp_path):
    with limited(db_url, tmp_path, reads="3/minute") as client:
        for _ in range(3):
            assert client.get("/facts").status_code == 200
        # The fourth, or the fifth when a minute starts in between (see first_refusal).
        refused = first_refusal(client, "/facts/1", attempts=2)
        assert_rate_limited(refused, at_most=60)
        # The outer layers still dress the answer: request id, security headers.
        assert refused.headers["x-request-id"]
        assert refused.headers["x-content-type-options"] == "nosniff"
        assert from_address(client, "192.0.2.7").get("/facts").status_code == 200
        assert_rate_limited(client.get("/entities"), at_most=60)


def test_probes_are_never_limited(db_url, tmp_path):
    with limited(db_url, tmp_path, reads="1/minute") as client:
        client.get("/facts")
        assert client.get("/facts").status_code == 429
        for path in ("/health", "/ready", "/metrics"):
            assert client.get(path).status_code == 200, path


def test_writes_are_counted_per_key_and_refused_writes_change_nothing(db_url, tmp_path):
    with limited(db_url, tmp_path, writes="2/minute") as client:
        texts = [f"{ARTICLE} Entry {n}." for n in range(4)]
        for text in texts[:2]:
            assert client.post("/articles", json={"text": text}, headers=AUTH).status_code == 201
        before = counts(client)
        assert_rate_limited(
            client.post("/articles", json={"text": texts[2]}, headers=AUTH), at_most=60
        )
        assert counts(client) == before
        # Another key has its own budget, and reads are not writes.
        other = client.post("/articles", json={"text": texts[3]}, headers=OTHER_AUTH)
        assert other.status_code == 201
        assert client.get("/articles").json()["total"] == before[0] + 1


def test_writes_with_a_wrong_key_count_per_address(db_url, tmp_path):
    # So nobody can try keys as fast as they like.
    with limited(db_url, tmp_path, writes="2/minute") as client:
        wrong = {"Authorization": "Bearer guess"}
        for _ in range(2):
            assert_problem(client.delete("/articles/1", headers=wrong), 403)
        assert_rate_limited(client.delete("/articles/1", headers=wrong), at_most=60)
        assert client.get("/articles/1").status_code == 200
        # A real key from that address still has its own budget.
        assert client.delete("/articles/1", headers=AUTH).status_code == 204


def first_refusal(client: TestClient, path: str, attempts: int = 20):
    """Requests until one is refused. A sliding window weighs the previous window's count
    down as the current one goes by, so on a slow machine the request after the budget
    may still fit; a few more cannot all fit (attempts bounds it)."""
    for _ in range(attempts):
        response = client.get(path)
        if response.status_code != 200:
            return response
    raise AssertionError(f"{attempts} requests and none refused")


def test_retry_after_is_long_enough(db_url, tmp_path):
    with limited(db_url, tmp_path, reads="2/second") as client:
        wait = assert_rate_limited(first_refusal(client, "/facts"), at_most=1)
        time.sleep(wait + 0.1)
        assert client.get("/facts").status_code == 200


def test_blank_rates_are_no_limit(db_url, tmp_path):
    with limited(db_url, tmp_path, reads="", writes="") as client:
        assert client.app.state.runtime.rate_limiter is None
        assert all(client.get("/facts/1").status_code == 200 for _ in range(50))


def test_a_browser_may_read_the_429(db_url, tmp_path):
    origin = "https://reader.example"
    with limited(db_url, tmp_path, reads="1/minute", cors_origins=origin) as client:
        client.get("/facts", headers={"Origin": origin})
        refused = client.get("/facts", headers={"Origin": origin})
        assert_rate_limited(refused, at_most=60)
        assert refused.headers["access-control-allow-origin"] == origin


@pytest.mark.parametrize("rate", ["lots", "10/fortnight", "-1/minute"])
def test_a_malformed_rate_is_a_configuration_error(rate):
    with pytest.raises(ValidationError):
        Settings(rate_limit_reads=rate)


def test_the_server_takes_its_rates_from_the_environment(db_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": db_url, "RATE_LIMIT_READS": "2/minute",
           "AUTO_MIGRATE": "false", "AUTO_SEED": "false"}  # fmt: skip
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        clear_of_window_edges(env["RATE_LIMIT_READS"])
        statuses = [httpx.get(f"{base}/facts").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]


@pytest.mark.slow
def test_counts_of_idle_clients_expire():
    # So clients rotating addresses cannot grow the memory without bound.
    async def run() -> tuple[int, int]:
        limiter = RateLimiter.configure("1/second", "", "memory://")
        for n in range(500):
            await limiter.seconds_to_wait(limiter.reads, f"read:address:10.0.{n // 250}.{n % 250}")
        storage = limiter.strategy.storage
        before = len(storage.expirations)
        await asyncio.sleep(3)  # two windows of the sliding counter
        # The next request starts the library's sweep of expired counts, in the background.
        await limiter.seconds_to_wait(limiter.reads, "read:address:192.0.2.1")
        await asyncio.sleep(0.2)
        return before, len(storage.expirations)

    before, after = asyncio.run(run())
    assert before == 500 and after <= 1


def reachable_redis() -> str:
    """The Redis to test against: TEST_REDIS_URL (which must answer), else a local one."""
    url = TEST_REDIS_URL or "redis://127.0.0.1:6379"
    host, _, port = url.removeprefix("redis://").split("/")[0].partition(":")
    try:
        with socket.create_connection((host, int(port or 6379)), timeout=2) as probe:
            probe.sendall(b"PING\r\n")
            assert probe.recv(64).startswith(b"+PONG")
    except (OSError, AssertionError):
        if TEST_REDIS_URL:
            raise AssertionError(f"TEST_REDIS_URL={TEST_REDIS_URL} does not answer") from None
        pytest.skip("no Redis on 127.0.0.1:6379 and TEST_REDIS_URL unset (.ci/run sets it)")
    return url


@pytest.mark.slow
def test_two_processes_share_one_budget_through_redis(db_url, tmp_path):
    url = reachable_redis()
    env = {**os.environ, "DATABASE_URL": db_url, "AUTO_MIGRATE": "false", "AUTO_SEED": "false",
           "RATE_LIMIT_READS": "4/hour", "RATE_LIMIT_STORAGE": url,
           # A client address of this run's own (through the trusted local proxy), so counts
           # another run left in the Redis do not count here.
           "FORWARDED_ALLOW_IPS": "127.0.0.1"}  # fmt: skip
    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    ports = [free_port(), free_port()]
    with contextlib.ExitStack() as stack:
        bases = [
            stack.enter_context(running_server(
                [sys.executable, "-m", "app", "serve", "--port", str(port)],
                port=port, env=env, cwd=tmp_path,
            ))
            for port in ports
        ]  # fmt: skip
        statuses = [
            httpx.get(f"{bases[n % 2]}/facts", headers={"X-Forwarded-For": address}).status_code
            for n in range(10)
        ]
    # Counted apart, each process would let 4 through (8 in all). A sliding window may
    # let one more through when the requests straddle the hour: 4 or 5, never 8.
    assert statuses.count(200) in (4, 5), statuses
    assert statuses[-2:] == [429, 429], statuses  # both processes refuse: one budget
