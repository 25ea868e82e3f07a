"""`article-facts ingest`, `reextract` and `evaluate` on real inputs."""

import json

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

import app.writes.articles as ingest_module
from app.cli import cli
from app.db import create_db_engine
from app.models import Article, Fact, Origin, ReviewStatus

runner = CliRunner()
ARTICLES = [
    "Georgia joined the Partnership for Peace in 1994. Georgia spent $300mn on defence in 2019.",
    "Moldova cooperates with about 20 countries. Moldova ranked 120th among 145 countries.",
    "Latvia is a member of NATO since 2004. Latvia allocated 700 million euros to defence.",
]


@pytest.fixture
def env(empty_db_url, monkeypatch):
    url = empty_db_url
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def stored(url: str) -> list[Article]:
    engine = create_db_engine(url)
    with Session(engine) as session:
        articles = list(session.exec(select(Article).order_by(Article.id)))
    engine.dispose()
    return articles


def test_ingest_files_directories_json_and_jsonl(env, tmp_path):
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text(ARTICLES[0], encoding="utf-8")
    (folder / "nested" / "two.json").write_text(json.dumps({"text": ARTICLES[1],
                                                              "title": "Moldova"}))  # fmt: skip
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps({"text": ARTICLES[2], "source": "Delfi",
                                 "published_at": "2021-05-01"}) + "\n")  # fmt: skip
    result = runner.invoke(cli, ["ingest", str(folder), str(lines)])
    assert result.exit_code == 0, result.output
    assert "3 inputs: 3 stored, 0 already stored, 0 failed" in result.output
    # A directory is read in path order: nested/two.json before one.txt.
    articles = {a.text: a for a in stored(env)}
    assert list(articles) == [ARTICLES[1], ARTICLES[0], ARTICLES[2]]
    assert articles[ARTICLES[1]].title == "Moldova"
    assert articles[ARTICLES[2]].source == "Delfi"
    assert articles[ARTICLES[2]].published_at == "2021-05-01"
    again = runner.invoke(cli, ["ingest", str(folder), str(lines)])
    assert "3 inputs: 0 stored, 3 already stored, 0 failed" in again.output
    assert len(stored(env)) == 3


def test_ingest_standard_input_plain_and_jsonl(env):
    plain = runner.invoke(cli, ["ingest", "-"], input=ARTICLES[0])
    assert "1 stored" in plain.output
    jsonl = "\n".join(json.dumps({"text": text}) for text in ARTICLES)
    result = runner.invoke(cli, ["ingest", "-"], input=jsonl)
    assert "3 inputs: 2 stored, 1 already stored" in result.output
    assert len(stored(env)) == 3


def test_bad_inputs_are_reported_and_the_batch_goes_on(env, tmp_path):
    bad_json = tmp_path / "broken.json"
    bad_json.write_text("{not json")
    bad_lines = tmp_path / "mixed.jsonl"
    bad_lines.write_text("\n".join([
        json.dumps({"text": ARTICLES[0]}),
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": ARTICLES[1], "url": "not-a-url"}),
        json.dumps({"text": ARTICLES[2]}),
    ]))  # fmt: skip
    binary = tmp_path / "latin1.txt"
    binary.write_bytes("Café \xe9".encode("latin-1"))
    result = runner.invoke(cli, ["ingest", str(bad_json), str(bad_lines), str(binary),
                                 str(tmp_path / "missing.txt")])  # fmt: skip
    assert result.exit_code == 1
    assert "8 inputs: 2 stored, 0 already stored, 6 failed" in result.output
    for reason in ("not valid JSON", "mixed.jsonl:2", "mixed.jsonl:3: text: Field required",
                   "url", "cannot read it as UTF-8", "no such file"):  # fmt: skip
        assert reason in result.output, reason
    assert [a.text for a in stored(env)] == [ARTICLES[0], ARTICLES[2]]


def test_blank_texts_and_lone_surrogates_are_reported_and_skipped(env, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "b_zero_width.txt").write_text("\u200b\ufeff\n", encoding="utf-8")
    (folder / "c_surrogate.json").write_text('{"text": "Chile bought ships.", "title": "C\\ud800"}')
    (folder / "d_odd_number.txt").write_text("Chile spent $1.234.5bn on ships. " + ARTICLES[0])
    result = runner.invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert "4 inputs: 1 stored, 0 already stored, 3 failed" in result.output
    for reason in ("a_blank.txt: text:", "b_zero_width.txt: text:", "c_surrogate.json: title:"):
        assert reason in result.output, reason
    [article] = stored(env)  # the unreadable amount is left out, the rest is stored
    assert article.text.startswith("Chile spent $1.234.5bn")


def test_an_input_that_breaks_extraction_is_reported_and_the_batch_goes_on(env, monkeypatch):
    real = ingest_module.extract

    def failing_on_chile(text, **options):
        if "Chile" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, **options)

    monkeypatch.setattr(ingest_module, "extract", failing_on_chile)
    lines = [
        json.dumps({"text": text}) for text in (ARTICLES[0], "Chile bought ships.", ARTICLES[1])
    ]
    result = runner.invoke(cli, ["ingest", "-"], input="\n".join(lines))
    assert result.exit_code == 1, result.output
    assert "3 inputs: 2 stored, 0 already stored, 1 failed" in result.output
    assert "<stdin>:2: RecursionError: maximum recursion depth exceeded" in result.output
    assert [a.text for a in stored(env)] == [ARTICLES[0], ARTICLES[1]]


def test_reextract_keeps_curated_and_reviewed_facts(env):
    runner.invoke(cli, ["seed"])
    runner.invoke(cli, ["ingest", "-"], input=ARTICLES[0])
    engine = create_db_engine(env)
    with Session(engine) as session, session.begin():
        extracted = session.exec(select(Fact).where(Fact.origin == Origin.extracted)).all()
        reviewed = extracted[0]
        reviewed.review_status = ReviewStatus.rejected
        reviewed_id, count = reviewed.id, len(extracted)
        curated_ids = set(session.exec(select(Fact.id).where(Fact.origin == Origin.curated)))
    result = runner.invoke(cli, ["reextract"])
    assert result.exit_code == 0 and "re-extracted 1 articles" in result.output
    with Session(engine) as session:
        facts = session.exec(select(Fact)).all()
    engine.dispose()
    by_id = {fact.id: fact for fact in facts}
    assert curated_ids <= set(by_id)  # curated untouched (the seed article is skipped)
    assert by_id[reviewed_id].review_status is ReviewStatus.rejected
    extracted_now = [f for f in facts if f.origin is Origin.extracted]
    assert len(extracted_now) == count  # the rejected one kept, the others renewed, no duplicate


def test_reextract_keeps_the_id_of_every_unchanged_fact(env):
    """Only what the rules now read differently is replaced; a client's /facts/{id} holds."""
    runner.invoke(cli, ["ingest", "-"], input=ARTICLES[0] + " " + ARTICLES[2])
    engine = create_db_engine(env)
    with Session(engine) as session, session.begin():
        facts = session.exec(select(Fact).order_by(Fact.id)).all()
        assert len(facts) >= 3
        before = {fact.id: fact.statement for fact in facts}
        stale = facts[1]  # as if older rules had read this claim differently
        stale.statement, stale_id = "An outdated reading", stale.id
        refound, current_version = facts[0].id, facts[0].extractor_version
        facts[0].extractor_version = "0.0-older"  # the same claim found by older rules
    result = runner.invoke(cli, ["reextract"])
    assert result.exit_code == 0, result.output
    assert f"{len(before) - 1} facts kept (ids unchanged), 1 new, 1 removed" in result.output
    with Session(engine) as session:
        after = {fact.id: fact.statement for fact in session.exec(select(Fact))}
        assert session.get(Fact, refound).extractor_version == current_version
    engine.dispose()
    unchanged = {id_: statement for id_, statement in before.items() if id_ != stale_id}
    assert {id_: after.get(id_) for id_ in unchanged} == unchanged
    assert stale_id not in after
    [renewed] = set(after) - set(before)
    assert renewed > max(before) and after[renewed] != "An outdated reading"


def test_evaluate_prints_the_table(env):
    result = runner.invoke(cli, ["evaluate", "--details"])
    assert result.exit_code == 0
    for row in ("ranking", "spending", "alliance", "cooperation", "structure", "event",
                "mandate", "all facts", "entities", "precision", "recall", "F1"):  # fmt: skip
        assert row in result.output
