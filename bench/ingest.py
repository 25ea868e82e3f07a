"""Benchmark: extraction alone and ingestion into SQLite, side by side in one run.

    python -m bench.ingest [--articles 300] [--seconds 300]

Three phases on the same generated corpus (300-900 words an article), one process, one
core: storing the texts with no extraction (the floor), extracting alone, and full
ingestion (extract + store, one transaction an article) into a fresh SQLite file.
Prints articles per second, per-article milliseconds (p50, p95) and the ratios.
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.db import create_db_engine
from app.extraction.candidates import ArticleCandidates
from app.extraction.pipeline import extract
from app.migrate import upgrade_to_head
from app.writes.articles import ArticleMeta, ingest_article, store_article
from bench.corpus import generate


@dataclass
class Result:
    name: str
    times: list[float]
    extra: str = ""

    @property
    def rate(self) -> float:
        return len(self.times) / sum(self.times)

    def row(self) -> str:
        ms = sorted(t * 1000 for t in self.times)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        return (f"{self.name:<22} {len(ms):>8} {self.rate:>12.1f} {statistics.median(ms):>9.2f} "
                f"{p95:>9.2f}  {self.extra}")  # fmt: skip


def timed(texts: list[str], work: Callable[[str], object], deadline: float) -> list[float]:
    times = []
    for text in texts:
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        work(text)
        times.append(time.perf_counter() - start)
    return times


def into_sqlite(
    texts: list[str], deadline: float, store: Callable, *, transaction: bool = True
) -> list[float]:
    """`store(session, text)` for each text, in a transaction unless it opens its own."""
    with tempfile.TemporaryDirectory() as folder:
        engine = create_db_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade_to_head(engine)

        def one(text: str) -> None:
            with Session(engine) as session:
                if not transaction:
                    store(session, text)
                    return
                with session.begin():
                    store(session, text)

        times = timed(texts, one, deadline)
        engine.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=300, help="wall-clock bound per phase")
    args = parser.parse_args()
    texts = list(generate(args.articles))
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"corpus: {len(texts)} articles, {words:.0f} words on average")

    def deadline() -> float:
        return time.monotonic() + args.seconds

    empty = ArticleCandidates()
    store_only = into_sqlite(
        texts, deadline(), lambda s, text: store_article(s, text, ArticleMeta(), empty)
    )
    facts = []
    extraction = timed(texts, lambda text: facts.append(len(extract(text).facts)), deadline())
    ingestion = into_sqlite(  # extraction outside, then a transaction of its own
        texts, deadline(), lambda s, text: ingest_article(s, text, ArticleMeta()), transaction=False
    )
    results = [
        Result("store text only", store_only),
        Result("extract only", extraction, f"{sum(facts) / len(facts):.1f} facts/article"),
        Result("ingest (extract+store)", ingestion),
    ]
    print(f"{'phase':<22} {'articles':>8} {'articles/s':>12} {'p50 ms':>9} {'p95 ms':>9}")
    for result in results:
        print(result.row())
    print(f"ratio ingest / extract-only throughput: {results[2].rate / results[1].rate:.2f}")
    print(f"ratio ingest / store-only throughput:   {results[2].rate / results[0].rate:.2f}")
    for goal, result, target in (("extraction", results[1], 200), ("ingestion", results[2], 50)):
        verdict = "met" if result.rate >= target else "NOT met"
        print(f"goal: {goal} >= {target} articles/s: {verdict}")


if __name__ == "__main__":
    main()
