"""Several writer processes ingesting into one database at once lose nothing."""

import json
import os
import subprocess
import sys

import pytest
from sqlmodel import Session, func, select

from app.db import create_db_engine
from app.extraction.pipeline import extract
from app.migrate import upgrade_to_head
from app.models import Article, Fact
from bench.corpus import generate

pytestmark = pytest.mark.slow
WRITERS = 3
EACH = 40


def test_concurrent_ingests_store_every_article_and_fact(tmp_path, empty_db_url):
    texts = list(generate(WRITERS * EACH, seed=99))
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    batches = []
    for writer in range(WRITERS):
        batch = tmp_path / f"batch-{writer}.jsonl"
        part = texts[writer * EACH : (writer + 1) * EACH]
        batch.write_text("".join(json.dumps({"text": text}) + "\n" for text in part))
        batches.append(batch)
    env = {**os.environ, "DATABASE_URL": empty_db_url}
    processes = [
        subprocess.Popen([sys.executable, "-m", "app", "ingest", str(batch)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for batch in batches
    ]  # fmt: skip
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err[-3000:]
        assert f"{EACH} inputs: {EACH} stored, 0 already stored, 0 failed" in out
    with Session(engine) as session:
        articles = session.exec(select(func.count()).select_from(Article)).one()
        facts = session.exec(select(func.count()).select_from(Fact)).one()
    engine.dispose()
    assert articles == WRITERS * EACH
    assert facts == sum(len(extract(text).facts) for text in texts)
