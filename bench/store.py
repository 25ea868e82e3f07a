"""A realistic synthetic store for read benchmarks, loaded through a bulk path.

    python -m bench.store PATH.db [--articles 100000] [--facts-per-article 10]

About 100,000 articles, 1,000,000 facts and 50,000 entities, skewed the way news is:
entity popularity follows a Zipf law, so a few entities are in most facts. Rows go in
with multi-row INSERTs in large transactions, after the real migrations; every fact's
evidence is a real span of its article's text. Deterministic for a given seed.
"""

import argparse
import hashlib
import random
import time
from bisect import bisect
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path

import sqlalchemy as sa

from app.db import create_db_engine
from app.enums import EntityType, FactType, Origin, ReviewStatus, ValueQualifier
from app.migrate import upgrade_to_head
from app.models import Article, Entity, Fact, Mention

VOCABULARY = """defence budget army navy treaty alliance minister ranking imports exports
spending cooperation agreement forces exercise region border security report program plan
ministry president parliament contract drones tanks missiles"""
WORDS = VOCABULARY.split()
BATCH = 20_000
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def zipf_picker(count: int, rng: random.Random, exponent: float = 1.1):
    """A function picking 0..count-1 with Zipf-skewed popularity."""
    weights = list(accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))
    total = weights[-1]
    return lambda: bisect(weights, rng.random() * total)


def sentence(rng: random.Random, name: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
    return f"{name} {words} in {rng.randint(1995, 2024)}."


# What bench.http builds when the store is missing.
STORE = {"articles": 100_000, "facts_per_article": 10, "entities": 50_000, "seed": 7}


def build(url: str, articles: int, facts_per_article: int, entities: int, seed: int) -> None:
    """Load the store into the (empty) database at `url`, SQLite or PostgreSQL."""
    rng = random.Random(seed)
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    started = time.perf_counter()
    types = list(EntityType)
    entity_rows = [
        {"id": n + 1, "slug": f"entity-{n + 1}", "name": f"Entity {n + 1}",
         "type": types[n % len(types)].value, "wikidata_id": None}
        for n in range(entities)
    ]  # fmt: skip
    pick = zipf_picker(entities, rng)
    fact_types = list(FactType)
    qualifiers = [q.value for q in ValueQualifier]
    with engine.begin() as connection:
        insert_batches(connection, Entity, entity_rows)
    fact_id = mention_id = 0
    for first in range(0, articles, BATCH // facts_per_article):
        article_rows, fact_rows, mention_rows = [], [], []
        for article_id in range(first + 1, min(articles, first + BATCH // facts_per_article) + 1):
            subjects = [pick() + 1 for _ in range(facts_per_article)]
            parts = [sentence(rng, entity_rows[s - 1]["name"]) for s in subjects]
            text = " ".join(parts)
            article_rows.append({
                "id": article_id, "slug": f"article-{article_id}", "title": parts[0],
                "text": text, "language": "en", "source": None, "url": None,
                "published_at": None, "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "created_at": CREATED,
            })  # fmt: skip
            offset = 0
            for subject, part in zip(subjects, parts, strict=True):
                fact_id += 1
                mention_id += 1
                name = entity_rows[subject - 1]["name"]
                year = rng.randint(1995, 2024)
                valued = rng.random() < 0.4
                ranked = rng.random() < 0.2
                fact_rows.append({
                    "id": fact_id, "article_id": article_id,
                    "type": rng.choice(fact_types).value, "statement": part,
                    "subject_id": subject, "predicate": "mentions",
                    "object_id": pick() + 1 if rng.random() < 0.5 else None,
                    "value": round(rng.lognormvariate(15, 3)) if valued else None,
                    "unit": "USD" if valued else None,
                    "value_qualifier": rng.choice(qualifiers) if valued else None,
                    "rank": rng.randint(1, 145) if ranked else None,
                    "rank_total": 145 if ranked else None, "scope": None, "metric": None,
                    "period_start": year, "period_end": year + rng.choice([0, 0, 1, 4]),
                    "attributed_to_id": pick() + 1 if rng.random() < 0.3 else None,
                    "quote": part, "evidence_start": offset, "evidence_end": offset + len(part),
                    "origin": Origin.extracted.value, "confidence": 0.8,
                    "review_status": ReviewStatus.unreviewed.value, "extractor_version": "bench",
                })  # fmt: skip
                mention_rows.append({
                    "id": mention_id, "article_id": article_id, "entity_id": subject,
                    "start_offset": offset, "end_offset": offset + len(name), "text": name,
                })  # fmt: skip
                offset += len(part) + 1
        with engine.begin() as connection:
            insert_batches(connection, Article, article_rows)
            insert_batches(connection, Mention, mention_rows)
            insert_batches(connection, Fact, fact_rows)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    print(f"built {engine.url.render_as_string()}: {articles} articles, {fact_id} facts, "
          f"{entities} entities, "
          f"{mention_id} mentions in {time.perf_counter() - started:.0f} s")  # fmt: skip


TABLES = (Entity, Article, Mention, Fact)  # the order their foreign keys allow


def ensure_copy(url: str, store: Path) -> None:
    """Copy the SQLite `store` into the PostgreSQL database at `url` unless it holds those
    rows already; a database holding anything else is refused, never emptied."""
    source = create_db_engine(f"sqlite:///{store}")
    target = create_db_engine(url)
    upgrade_to_head(target)
    wanted, counts = (row_counts(engine) for engine in (source, target))
    if counts != wanted:
        if any(counts):
            raise SystemExit(f"{target.url.render_as_string()} holds other data ({counts}): "
                             "give an empty database")  # fmt: skip
        started = time.perf_counter()
        with source.connect() as reading:
            copy_tables(reading, target)
        print(f"copied {store} into {target.url.render_as_string()} in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    source.dispose()
    target.dispose()


def copy_tables(reading: sa.Connection, target: sa.Engine) -> None:
    """Every row of TABLES through PostgreSQL's COPY (a million INSERT parameters took over
    an hour), in one transaction; then the id sequences past the copied ids, and ANALYZE.
    SQLite's stored values are PostgreSQL's text input as they are (enums are their
    values, timestamps ISO text), so rows go over unconverted."""
    raw = target.raw_connection()
    try:
        with raw.cursor() as cursor:
            for table in TABLES:
                name = table.__tablename__
                columns = ", ".join(column.name for column in table.__table__.columns)
                rows = reading.exec_driver_sql(f"SELECT {columns} FROM {name} ORDER BY id")
                with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                               f"(SELECT max(id) FROM {name}))")  # fmt: skip
        raw.commit()
    finally:
        raw.close()
    with target.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def row_counts(engine: sa.Engine) -> list[int]:
    with engine.connect() as connection:
        return [connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in TABLES]  # fmt: skip


def insert_batches(connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(sa.insert(table), rows[start : start + BATCH])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--facts-per-article", type=int, default=10)
    parser.add_argument("--entities", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.path.exists():
        raise SystemExit(f"{args.path} exists; remove it to build a new store")
    args.path.parent.mkdir(parents=True, exist_ok=True)
    build(f"sqlite:///{args.path}", args.articles, args.facts_per_article, args.entities,
          args.seed)  # fmt: skip


if __name__ == "__main__":
    main()


def ready_store(store: Path) -> None:
    """The benchmarks' store: built on first use, then migrated to head (a store built by
    an older version gets the newer indexes)."""
    if not store.exists():
        store.parent.mkdir(parents=True, exist_ok=True)
        build(f"sqlite:///{store}", **STORE)
    engine = create_db_engine(f"sqlite:///{store}")
    upgrade_to_head(engine)
    engine.dispose()
