"""Benchmark: our reads against the limit and the peer, side by side in one run.

    python -m bench.http [--store bench/data/store.db] [--seconds 10] [--connections 32]
                         [--postgres postgresql+psycopg://USER:PASSWORD@127.0.0.1/DB]

On the same machine and the same 1M-fact SQLite store, one server process each (on core 0
where there are two, wrk on core 1), the same load generator (wrk, Debian's package): the
limit (a minimal ASGI app answering a precomputed body the size of a /facts page of 50),
the peer (Datasette serving the same tables as JSON), and ours, with the response cache on
and then off. Two tables: the same URL again and again (five reads), and distinct queries
(each request one of 20,000 random URLs: a fact, an entity, an article's facts, an
entity's facts, a deep cursor, search words), each against Datasette's closest URL for the
same draws. With --postgres, ours also serves a copy of the store from PostgreSQL (copied
on first use; the peer has none, so that ratio is to our SQLite figure). Prints requests
per second, p50 and p99 latency, the response cache's hit share over each run (from
/metrics), responses that were errors, the ratios, and our process's resident memory.
Needs `wrk` and a Datasette in `.bench-venv` (made on first use from PyPI).
"""

import argparse
import json
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

from app.queries.keyset import Cursor
from bench.runner import ROOT, Run, free_port, pin, rss_mb, server, wrk
from bench.store import ensure_copy, ready_store
from bench.workloads import distinct_workloads, wrk_script

BENCH_VENV = ROOT / ".bench-venv"


def cache_counts(base: str) -> tuple[float, float]:
    # Slow on a big store (it also counts the rows) and behind the run's last requests.
    text = httpx.get(f"{base}/metrics", timeout=120).text
    found = dict(re.findall(r'article_facts_response_cache_total\{result="(\w+)"\} ([\d.e+]+)',
                            text))  # fmt: skip
    return float(found.get("hit", 0)), float(found.get("miss", 0))


def drain(base: str, limit: float = 600) -> None:
    """Wait until ours answers nothing but the scrape: requests still running after wrk
    left (a slow search's backlog) would otherwise be counted against the next run."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        text = httpx.get(f"{base}/metrics", timeout=120).text
        if float(re.search(r"^article_facts_requests_in_progress (\S+)$", text, re.M)[1]) <= 1:
            return
        time.sleep(0.5)
    raise SystemExit(f"{base} still busy {limit:.0f} s after the run")


def measured(base: str, path: str, args, script: str | None = None) -> Run:
    """A wrk run against ours with the response cache's hit share over the run."""
    hits, misses = cache_counts(base)
    run = wrk(base + path, args.seconds, args.connections, script)
    drain(base)
    after_hits, after_misses = cache_counts(base)
    answered = (after_hits - hits) + (after_misses - misses)
    run.hits = (after_hits - hits) / answered if answered else None
    return run


@contextmanager
def peer_metadata(store: Path):
    """Datasette metadata naming the facts' full-text index: without it Datasette ignores
    `_search` on the fact table (it looks for an index by its own naming) and answers the
    unfiltered table, which is no search."""
    tables = {"fact": {"fts_table": "fact_fts", "fts_pk": "id"}}
    with tempfile.NamedTemporaryFile("w", suffix=".json") as metadata:
        json.dump({"databases": {store.stem: {"tables": tables}}}, metadata)
        metadata.flush()
        yield metadata.name


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


def warm_page_cache(store: Path) -> None:
    """Read the store once, so that whichever server runs first does not pay alone for
    pages still on disk (a cold 1.2 GB store made a random fact 100 us instead of 6)."""
    with store.open("rb") as handle:
        while handle.read(16 * 1024 * 1024):
            pass


def ours(settings: dict, store_url: str):
    """Our server on `store_url` with `settings`; yields its base URL and process."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port),
               "--no-access-log", "--no-server-header", "--log-level", "warning"]  # fmt: skip
    # One address sends every request here: rate limits off, or they would refuse it.
    env = {"DATABASE_URL": store_url, "AUTO_MIGRATE": "false", "AUTO_SEED": "false",
           "LOG_LEVEL": "warning", "RATE_LIMIT_READS": "", **settings}  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    return server(command, env, f"{base}/health"), base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "data" / "store.db")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also serve the store from this "
        "PostgreSQL database (loaded with the same data when it differs)",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    ready_store(args.store)
    if args.postgres:
        ensure_copy(args.postgres, args.store)
    paths = targets(args.store)
    workloads = distinct_workloads(args.store)
    same: list[tuple[str, Run]] = []
    distinct: dict[tuple[str, str], Run] = {}
    memory = []
    store_url = f"sqlite:///{args.store}"
    runs = [("ours", {"RESPONSE_CACHE_SIZE": "512"}, store_url, paths),
            ("ours, no cache", {"RESPONSE_CACHE_SIZE": "0"}, store_url, paths),
            # What limiting costs: every request counted against a rate too high to refuse.
            ("ours, rate limit counting", {"RATE_LIMIT_READS": "1000000000/minute"}, store_url,
             {"facts type=ranking page 1": paths["facts type=ranking page 1"]})]  # fmt: skip
    if args.postgres:
        # A pool for the run's connections, as the README's sizing advice says: overflow
        # connections are closed on return, so at 32 clients a pool of 5 (the default)
        # opened and closed connections request after request.
        pooled = {"DB_POOL_SIZE": str(args.connections), "DB_MAX_OVERFLOW": "0"}
        runs.append(("ours, PostgreSQL", {"RESPONSE_CACHE_SIZE": "512", **pooled}, args.postgres,
                     {}))  # fmt: skip
    for label, settings, url, run_paths in runs:
        warm_page_cache(args.store)
        started, base = ours(settings, url)
        with started as process:
            if label == "ours":
                answer = httpx.get(base + paths["facts type=ranking page 1"])
                body = answer.content
                # Those the app sets (the server adds its `date` to both alike).
                headers = [[name, value] for name, value in answer.headers.items()
                           if name not in ("date", "server")]  # fmt: skip
            for name, path in run_paths.items():
                same.append((f"{label}: {name}", measured(base, path, args)))
            if label != "ours, rate limit counting":
                for workload in workloads:
                    with wrk_script(workload.ours) as script:
                        distinct[label, workload.name] = measured(base, "/", args, script)
            memory.append((label, rss_mb(process.pid)))
    limit, limit_with_headers = limits(body, headers, args)
    port = free_port()
    peer_base = f"http://127.0.0.1:{port}"
    command = [datasette(), "serve", "-i", str(args.store), "--port", str(port), "-m"]
    warm_page_cache(args.store)
    with peer_metadata(args.store) as metadata, \
            server([*command, metadata], {}, f"{peer_base}/-/versions.json"):  # fmt: skip
        peer_path = f"/{args.store.stem}/fact.json?type=ranking&_size=50&_shape=array"
        peer = wrk(peer_base + peer_path, args.seconds, args.connections)
        for workload in workloads:
            with wrk_script(workload.peer) as script:
                distinct["peer", workload.name] = wrk(peer_base + "/", args.seconds,
                                                      args.connections, script)  # fmt: skip
    same = [("limit (minimal ASGI, same body size)", limit),
            (f"limit, with our {len(headers)} headers", limit_with_headers),
            ("peer (Datasette, type=ranking _size=50)", peer), *same]  # fmt: skip
    print(
        f"{len(body)} bytes a page; wrk -t1 -c{args.connections} -d{args.seconds}s; one "
        f"server process each{', servers on core 0, wrk on core 1' if pin(0) else ''}"
    )
    print("\nThe same URL again and again:")
    print(f"{'target':<48} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'/ limit':>8} {'hits':>6}")
    for name, run in same:
        print(f"{name:<48} {run.rate:>9.0f} {run.p50:>8.2f} {run.p99:>8.2f} "
              f"{run.rate / limit.rate:>8.2f} {share(run.hits):>6}{errors(run)}")  # fmt: skip
    print_distinct(workloads, distinct, [label for label, *_ in runs if "limit" not in label])
    for label, mb in memory:
        print(f"resident memory after the runs, {label}: {mb:.0f} MB")


def print_distinct(workloads, distinct, labels) -> None:
    print(
        "\nDistinct queries (a random one of 20,000 URLs a request; the peer gets the same draws):"
    )
    print(f"{'workload':<40} {'server':<18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'hits':>6} {'/ peer':>7}")  # fmt: skip
    for workload in workloads:
        peer = distinct["peer", workload.name]
        for label in ["peer", *labels]:
            run = distinct[label, workload.name]
            ratio = run.rate / peer.rate if peer.rate else float("nan")
            if label == "ours, PostgreSQL":  # the peer has no PostgreSQL: ours on SQLite is
                ratio = run.rate / distinct["ours", workload.name].rate  # the reference
            print(f"{workload.name:<40} {label.replace('ours, ', ''):<18} {run.rate:>8.0f} "
                  f"{run.p50:>8.2f} {run.p99:>8.2f} {share(run.hits):>6} "
                  f"{ratio:>7.2f}{' (/ SQLite)' if label == 'ours, PostgreSQL' else ''}"
                  f"{errors(run)}")  # fmt: skip


def share(hits: float | None) -> str:
    return "" if hits is None else f"{hits:.0%}"


def errors(run: Run) -> str:
    return f"  ({run.errors} errors)" if run.errors else ""


def limits(body: bytes, headers: list, args) -> tuple[Run, Run]:
    """The minimal ASGI app answering `body`, without and then with our headers."""
    found = []
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
                found.append(wrk(f"http://127.0.0.1:{port}/", args.seconds, args.connections))
    return found[0], found[1]


if __name__ == "__main__":
    main()
