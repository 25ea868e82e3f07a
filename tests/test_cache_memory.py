"""The response cache is bounded in bytes: a server asked for hundreds of large, distinct
pages keeps its memory in step with RESPONSE_CACHE_BYTES, not with the pages' count."""

import os
import sys
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from app.db import create_db_engine
from app.models import Fact
from tests.helpers import free_port, running_server

pytestmark = pytest.mark.slow

MIB = 1024 * 1024


def multiply_facts(db_url: str, times: int) -> int:
    """Copy every fact `times` times over (doubling each round); returns the fact count."""
    engine = create_db_engine(db_url)
    columns = [column for column in Fact.__table__.columns if column.name != "id"]
    with engine.begin() as connection:
        for _ in range(times):
            copy = sa.insert(Fact.__table__).from_select(
                [column.name for column in columns], sa.select(*columns)
            )
            connection.execute(copy)
        count = connection.execute(sa.select(sa.func.count()).select_from(Fact)).scalar_one()
    engine.dispose()
    return count


def resident_bytes(port: int) -> int:
    """The resident memory of the server process listening on `port` (found by its command)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            if b"serve" in command and str(port).encode() in command:
                for line in (entry / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    raise AssertionError(f"no server process on port {port}")


def test_memory_stays_bounded_under_many_distinct_large_pages(db_url, tmp_path):
    # Found in review: 451 distinct `limit=500` pages took a worker from 96 to 265 MB,
    # the cache being bounded by its number of entries only.
    assert multiply_facts(db_url, 5) >= 1000
    budget = 8 * MIB
    env = {**os.environ, "DATABASE_URL": db_url, "AUTO_MIGRATE": "false", "AUTO_SEED": "false",
           "RATE_LIMIT_READS": "", "LOG_LEVEL": "warning",
           "RESPONSE_CACHE_BYTES": str(budget)}  # fmt: skip
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        http = httpx.Client(base_url=base, timeout=60)
        assert http.get("/facts", params={"limit": 500}).status_code == 200  # warm up
        before = resident_bytes(port)
        served = 0
        for limit in range(100, 500):  # 400 distinct pages of 100 to 499 facts
            response = http.get("/facts", params={"limit": limit})
            assert response.status_code == 200
            served += len(response.content)
        after = resident_bytes(port)
        http.close()
    assert served > 80 * MIB  # what an unbounded cache would hold
    # The budget, plus what the allocator keeps of the pages it made and let go.
    assert after - before < budget + 40 * MIB, (before / MIB, after / MIB)


def test_a_large_csv_streams_in_flat_memory(db_url, tmp_path):
    # Issue #12: CSV of a large filtered list streams in flat memory. The whole result is
    # many times what the server may grow by while sending it.
    assert multiply_facts(db_url, 11) >= 70_000
    env = {**os.environ, "DATABASE_URL": db_url, "AUTO_MIGRATE": "false", "AUTO_SEED": "false",
           "RATE_LIMIT_READS": "", "LOG_LEVEL": "warning"}  # fmt: skip
    port = free_port()
    command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
    with (
        running_server(command, port=port, env=env, cwd=tmp_path) as base,
        httpx.Client(base_url=base, timeout=120) as http,
    ):
        assert http.get("/facts", params={"format": "csv", "limit": 500}).status_code == 200
        before, peak, sent = resident_bytes(port), 0, 0
        with http.stream("GET", "/facts", params={"format": "csv"}) as response:
            assert response.headers["content-type"].startswith("text/csv")
            for chunk in response.iter_bytes():
                sent += len(chunk)
                if sent // MIB != (sent - len(chunk)) // MIB:  # once per MiB received
                    peak = max(peak, resident_bytes(port))
    assert sent > 20 * MIB
    assert peak - before < 12 * MIB, (before / MIB, peak / MIB, sent / MIB)
