"""A killed ingest leaves every article whole or absent, and a rerun completes the batch."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlmodel import Session, func, select

from app.db import create_db_engine
from app.extraction.pipeline import extract
from app.migrate import upgrade_to_head
from app.models import Article, Fact, Mention
from bench.corpus import generate

pytestmark = pytest.mark.slow
ARTICLES = 400


def stored_articles(engine) -> list[tuple[Article, int, int]]:
    with Session(engine) as session:
        facts = dict(
            session.exec(select(Fact.article_id, func.count()).group_by(Fact.article_id)).all()
        )
        mentions = dict(
            session.exec(
                select(Mention.article_id, func.count()).group_by(Mention.article_id)
            ).all()
        )
        articles = session.exec(select(Article)).all()
        return [(a, facts.get(a.id, 0), mentions.get(a.id, 0)) for a in articles]


def expected_counts(text: str) -> tuple[int, int]:
    result = extract(text)
    return len(result.facts), len({(e.key, m.start, m.end) for e in result.entities
                                   for m in e.mentions})  # fmt: skip


def test_kill_9_mid_batch_then_rerun(tmp_path, empty_db_url):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"text": text}) + "\n" for text in generate(ARTICLES)))
    url = empty_db_url
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-m", "app", "ingest", str(batch)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while len(stored_articles(engine)) < 40:
        assert process.poll() is None, "the batch finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    survivors = stored_articles(engine)
    assert 40 <= len(survivors) < ARTICLES
    for article, facts, mentions in survivors:
        assert (facts, mentions) == expected_counts(article.text), article.id

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ARTICLES - len(survivors)} stored, {len(survivors)} already stored, 0 failed" in (
        rerun.stdout
    )
    final = stored_articles(engine)
    assert len(final) == ARTICLES
    assert len({article.sha256 for article, _, _ in final}) == ARTICLES
    engine.dispose()
