"""What bench.http runs its servers and load with: processes pinned to a core, wrk, and
the figures read from its output."""

import os
import re
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


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
                               stderr=subprocess.DEVNULL, cwd=ROOT, preexec_fn=pin(0))  # fmt: skip
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


def wrk(url: str, seconds: float, connections: int, script: str | None = None) -> "Run":
    """One wrk run against `url` (with `script`, against random paths it picks)."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency", url]
    if script is not None:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True,
                            preexec_fn=pin(1)).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return Run(rate, latency(output, "50%"), latency(output, "99%"),
               int(errors.group(1)) if errors else 0)  # fmt: skip


@dataclass
class Run:
    rate: float
    p50: float
    p99: float
    errors: int = 0  # responses other than 2xx/3xx: a figure made of them is no read
    hits: float | None = None  # the share of answers the response cache served


def pin(cpu: int):
    """Bind a child to one core (servers on 0, wrk on 1) where there are two, as measured."""
    if len(os.sched_getaffinity(0)) < 2:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


def latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
