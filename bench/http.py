"""Benchmark: our reads against the limit and the peer, side by side in one run.

    python -m bench.http [--store bench/data/store.db] [--seconds 10] [--connections 32]

On the same machine and the same 1M-fact SQLite store, one server process each, the
same load generator (wrk, Debian's package): the limit (a minimal ASGI app answering a
precomputed body the size of a /facts page of 50), the peer (Datasette serving the same
table as JSON), and ours on five reads, with the response cache on and then off.
Prints requests per second, p50 and p99 latency, each ratio to the limit, and the
resident memory of our process. Needs `wrk` and a Datasette in `.bench-venv` (made
on first use from PyPI).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from app.db import create_db_engine
from app.migrate import upgrade_to_head
from app.queries.keyset import Cursor

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".bench-venv"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(command: list[str], env: dict, health: str):
    # As the image runs it (Dockerfile): two malloc arenas keep a threaded worker's memory flat.
    env = {"MALLOC_ARENA_MAX": "2", **env}
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=ROOT)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(health, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start: {command}")
            time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url: str, seconds: float, connections: int) -> tuple[float, float, float]:
    """(requests per second, p50 ms, p99 ms) of one wrk run."""
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(output, "50%"), latency(output, "99%")


def latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def datasette() -> str:
    binary = BENCH_VENV / "bin" / "datasette"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "-q", "datasette"], check=True)
    return str(binary)


def targets(store: Path) -> dict[str, str]:
    engine = sa.create_engine(f"sqlite:///{store}")
    with engine.connect() as connection:
        busiest = connection.exec_driver_sql(
            "SELECT subject_id FROM fact GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1"
        ).scalar_one()
        rankings = connection.exec_driver_sql(
            "SELECT count(*) FROM fact WHERE type = 'ranking'"
        ).scalar_one()
        deep = connection.exec_driver_sql(
            "SELECT id FROM fact WHERE type = 'ranking' ORDER BY id LIMIT 1 OFFSET ?",
            (min(9_999, rankings - 51),),
        ).scalar_one()
    engine.dispose()
    cursor = Cursor("id", None, deep).encode()
    return {
        "facts type=ranking page 1": "/facts?type=ranking&limit=50",
        "facts type=ranking 10,000 in": f"/facts?type=ranking&limit=50&cursor={cursor}",
        "facts entity=busiest": f"/facts?entity={busiest}&limit=50",
        "facts q=tanks": "/facts?q=tanks&limit=50",
        "entities/{id} (busiest)": f"/entities/{busiest}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "data" / "store.db")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    if not args.store.exists():
        from bench.store import build

        args.store.parent.mkdir(parents=True, exist_ok=True)
        build(args.store, 100_000, 10, 50_000, 7)
    engine = create_db_engine(f"sqlite:///{args.store}")
    upgrade_to_head(engine)  # a store built by an older version gets the newer indexes
    engine.dispose()
    paths = targets(args.store)
    rows: list[tuple[str, float, float, float]] = []
    # One address sends every request here: rate limits off, or they would refuse it. The
    # last run counts every request against a rate too high to refuse: what limiting costs.
    ours_env = {"DATABASE_URL": f"sqlite:///{args.store}", "AUTO_MIGRATE": "false",
                "AUTO_SEED": "false", "LOG_LEVEL": "warning", "RATE_LIMIT_READS": ""}  # fmt: skip
    page_1 = {"facts type=ranking page 1": paths["facts type=ranking page 1"]}
    runs = [
        ("ours", {"RESPONSE_CACHE_SIZE": "512"}, paths),
        ("ours, no cache", {"RESPONSE_CACHE_SIZE": "0"}, paths),
        ("ours, rate limit counting", {"RATE_LIMIT_READS": "1000000000/minute"}, page_1),
    ]
    memory = []
    for label, settings, run_paths in runs:
        port = free_port()
        command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port),
                   "--no-access-log", "--no-server-header", "--log-level", "warning"]  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        with server(command, {**ours_env, **settings}, f"{base}/health") as proc:
            if label == "ours":
                answer = httpx.get(base + paths["facts type=ranking page 1"])
                body = answer.content
                # Those the app sets (the server adds its `date` to both alike).
                headers = [[name, value] for name, value in answer.headers.items()
                           if name not in ("date", "server")]  # fmt: skip
            for name, path in run_paths.items():
                rows.append((f"{label}: {name}", *wrk(base + path, args.seconds, args.connections)))
            memory.append((label, rss_mb(proc.pid)))
    limits = []
    with tempfile.NamedTemporaryFile(suffix=".json") as page, \
            tempfile.NamedTemporaryFile("w", suffix=".json") as header_file:  # fmt: skip
        page.write(body)
        page.flush()
        json.dump(headers, header_file)
        header_file.flush()
        for env in ({"BENCH_BODY": page.name},
                    {"BENCH_BODY": page.name, "BENCH_HEADERS": header_file.name}):  # fmt: skip
            port = free_port()
            command = [sys.executable, "-m", "uvicorn", "bench.limit_app:app", "--port",
                       str(port), "--no-access-log", "--no-server-header", "--log-level",
                       "warning"]  # fmt: skip
            with server(command, env, f"http://127.0.0.1:{port}/"):
                limits.append(wrk(f"http://127.0.0.1:{port}/", args.seconds, args.connections))
    limit, limit_with_headers = limits
    port = free_port()
    peer_path = f"/{args.store.stem}/fact.json?type=ranking&_size=50&_shape=array"
    command = [datasette(), "serve", "-i", str(args.store), "--port", str(port)]
    with server(command, {}, f"http://127.0.0.1:{port}/-/versions.json"):
        peer = wrk(f"http://127.0.0.1:{port}{peer_path}", args.seconds, args.connections)
    rows = [("limit (minimal ASGI, same body size)", *limit),
            (f"limit, with our {len(headers)} headers", *limit_with_headers),
            ("peer (Datasette, type=ranking _size=50)", *peer), *rows]  # fmt: skip
    print(f"{len(body)} bytes a page; wrk -t1 -c{args.connections} -d{args.seconds}s; one "
          f"server process each")  # fmt: skip
    print(f"{'target':<48} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'/ limit':>8}")
    for name, rate, p50, p99 in rows:
        print(f"{name:<48} {rate:>9.0f} {p50:>8.2f} {p99:>8.2f} {rate / limit[0]:>8.2f}")
    for label, mb in memory:
        print(f"resident memory after the runs, {label}: {mb:.0f} MB")


if __name__ == "__main__":
    main()
