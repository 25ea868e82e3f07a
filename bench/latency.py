"""Benchmark: how long each page and facet request takes on the 1M-fact store.

    python -m bench.latency [--store bench/data/store.db] [--requests 60]

One server process (ours, response cache off so that every answer is read, on core 0
where there are two), one request at a time, each with parameters drawn at random (an
article, a fact, an entity, filters): latency an analyst waits for, not throughput. Prints
p50, p95 and the slowest answer of each kind against the 200 ms goal of the pages and the
facets, and fails (exit 1) when a kind answers anything but 200.
"""

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.runner import ROOT, free_port, server
from bench.store import ready_store

GOAL_MS = 200
TYPES = ("ranking", "spending", "alliance", "cooperation", "event", "procurement")
STATUSES = ("unreviewed", "accepted", "rejected")


def kinds(store: Path, seed: int = 5) -> dict[str, Callable[[], str]]:
    """Per kind of request, a generator of random URLs on this store."""
    engine = sa.create_engine(f"sqlite:///{store}")
    with engine.connect() as connection:
        last = {table: connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar_one()
                for table in ("fact", "article", "entity")}  # fmt: skip
    engine.dispose()
    rng = random.Random(seed)

    def pick(table: str) -> int:
        return rng.randint(1, last[table])

    def filters() -> str:
        chosen = [f"type={rng.choice(TYPES)}"]
        if rng.random() < 0.5:
            chosen.append(f"entity={pick('entity')}")
        if rng.random() < 0.3:
            chosen.append(f"year={rng.randint(1995, 2024)}")
        return "&".join(chosen)

    return {
        "home /": lambda: "/",
        "article page": lambda: f"/ui/articles/{pick('article')}",
        "fact page": lambda: f"/ui/facts/{pick('fact')}",
        "entity page": lambda: f"/ui/entities/{pick('entity')}",
        "facts browser, filtered": lambda: f"/ui/facts?{filters()}",
        "review queue, filtered": lambda: f"/ui/review?{filters()}",
        "review queue, one article": lambda: f"/ui/review?article_id={pick('article')}",
        "facets of facts, unfiltered": lambda: "/facets/facts",
        "facets of facts, filtered": lambda: f"/facets/facts?{filters()}",
        "facets of entities": lambda: "/facets/entities",
        "facets of articles": lambda: "/facets/articles",
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "data" / "store.db")
    parser.add_argument("--requests", type=int, default=60, help="requests of each kind")
    args = parser.parse_args()
    ready_store(args.store)
    port = free_port()
    env = {"DATABASE_URL": f"sqlite:///{args.store.resolve()}", "RESPONSE_CACHE_SIZE": "0",
           "RATE_LIMIT_READS": "", "LOG_LEVEL": "warning"}  # fmt: skip
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port),
               "--no-access-log", "--log-level", "warning"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    failed = False
    with server(command, env, f"{base}/health"), httpx.Client(base_url=base, timeout=60) as client:
        print(f"{args.requests} requests of each kind, one at a time, random parameters; "
              f"goal: under {GOAL_MS} ms")  # fmt: skip
        print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  goal")
        for name, url in kinds(args.store).items():
            client.get(url())  # a first request warms what any first one would
            times, statuses = [], set()
            for _ in range(args.requests):
                started = time.perf_counter()
                statuses.add(client.get(url()).status_code)
                times.append((time.perf_counter() - started) * 1000)
            met = "met" if percentile(times, 0.95) < GOAL_MS else "NOT met"
            bad = "" if statuses == {200} else f"  statuses {sorted(statuses)}"
            failed |= bool(bad)
            print(f"{name:34} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f} "
                  f"{max(times):8.1f}  {met}{bad}")  # fmt: skip
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
