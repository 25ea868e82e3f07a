"""`article-facts export`: the whole store as JSON Lines, streamed in constant memory."""

import json
import os
import subprocess
import sys

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.db import create_db_engine
from app.migrate import upgrade_to_head
from app.models import Article, Entity, EntityAlias, Fact, FactReviewRecord, Mention
from app.writes.backup import BackupError, export_lines, import_lines
from bench.store import build

runner = CliRunner()


def test_export_holds_every_row_in_dependency_order(db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", db_url)
    target = tmp_path / "store.jsonl"
    assert runner.invoke(cli, ["export", str(target)]).exit_code == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert lines[0] == {"format": "article-facts-export", "version": 3}
    kinds = [line["kind"] for line in lines[1:]]
    assert kinds == sorted(kinds, key=["entity", "alias", "article", "mention", "fact",
                                       "review"].index)  # fmt: skip
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        for table, kind in ((Entity, "entity"), (EntityAlias, "alias"), (Article, "article"),
                            (Mention, "mention"), (Fact, "fact")):  # fmt: skip
            stored = session.exec(select(func.count()).select_from(table)).one()
            assert kinds.count(kind) == stored, kind
    engine.dispose()
    fact = next(line for line in lines[1:] if line["kind"] == "fact" and line["value"])
    assert fact["value"] == 22_700_000_000 and fact["review_status"] == "accepted"
    article = next(line for line in lines[1:] if line["kind"] == "article")
    assert article["text"].startswith("Azerbaijan is upgrading")
    assert (
        runner.invoke(cli, ["export"]).stdout.splitlines()[1:]
        == target.read_text().splitlines()[1:]
    )


def peak_memory_mb(url: str, output) -> float:
    """Peak resident memory of an export run in its own process."""
    code = "\n".join([
        "import resource, sys",
        "from app.cli import main",
        "sys.argv = ['article-facts', 'export', sys.argv[1]]",
        "try:\n    main()\nexcept SystemExit:\n    pass",
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
    ])  # fmt: skip
    environment = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run([sys.executable, "-c", code, str(output)], capture_output=True,
                            text=True, check=True, env=environment)  # fmt: skip
    return int(result.stdout.split()[-1]) / 1024


@pytest.mark.slow
def test_export_memory_does_not_grow_with_the_store(tmp_path):
    small, large = tmp_path / "small.db", tmp_path / "large.db"
    build(f"sqlite:///{small}", articles=500, facts_per_article=10, entities=500, seed=1)
    build(f"sqlite:///{large}", articles=5_000, facts_per_article=10, entities=500, seed=1)
    small_mb = peak_memory_mb(f"sqlite:///{small}", tmp_path / "small.jsonl")
    large_mb = peak_memory_mb(f"sqlite:///{large}", tmp_path / "large.jsonl")
    assert (tmp_path / "large.jsonl").stat().st_size > 9 * (tmp_path / "small.jsonl").stat().st_size
    assert large_mb - small_mb < 15, (small_mb, large_mb)


def test_export_import_export_is_byte_identical(db_url, empty_db_url, monkeypatch, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert runner.invoke(cli, ["export", str(first)]).exit_code == 0
    monkeypatch.setenv("DATABASE_URL", empty_db_url)
    loaded = runner.invoke(cli, ["import", str(first)])
    assert loaded.exit_code == 0, loaded.output
    assert "35 fact" in loaded.output and "1 article" in loaded.output
    assert runner.invoke(cli, ["export", str(second)]).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    # The imported store works: ids continue after the imported ones.
    engine = create_db_engine(empty_db_url)
    with Session(engine) as session, session.begin():
        session.add(Entity(slug="new-one", name="New One", type="country"))
        session.flush()
        assert session.exec(select(func.max(Entity.id))).one() > 27
    engine.dispose()


def test_import_refuses_a_non_empty_database_and_foreign_files(db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", db_url)
    export = tmp_path / "store.jsonl"
    runner.invoke(cli, ["export", str(export)])
    refused = runner.invoke(cli, ["import", str(export)])
    assert refused.exit_code == 2 and "not empty" in refused.output
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"format": "something-else", "version": 9}\n')
    assert "not an article-facts-export" in runner.invoke(cli, ["import", str(foreign)]).output


NEW_FACT_FIELDS = ("modality", "quantity", "item", "replaces_id")


def procurement_store(url: str) -> int:
    """The seed with one fact turned into a procurement that fills every new field."""
    engine = create_db_engine(url)
    with Session(engine) as session, session.begin():
        fact = session.exec(select(Fact).order_by(Fact.id)).first()
        fact.type, fact.modality, fact.quantity = "procurement", "planned", 97
        fact.item, fact.replaces_id = "Tejas Mk1A fighter jets", fact.subject_id
        session.add(fact)
        fact_id = fact.id
    engine.dispose()
    return fact_id


def test_the_new_fact_fields_round_trip(db_url, empty_db_url):
    fact_id = procurement_store(db_url)
    source, target = create_db_engine(db_url), create_db_engine(empty_db_url)
    try:
        first = list(export_lines(source))
        upgrade_to_head(target)
        assert import_lines(target, first)["fact"] == 35
        assert list(export_lines(target)) == first
        with Session(target) as session:
            fact = session.get(Fact, fact_id)
            assert (fact.type, fact.modality, fact.quantity, fact.item) == (
                "procurement", "planned", 97, "Tejas Mk1A fighter jets"
            )  # fmt: skip
            assert fact.replaces_id == fact.subject_id
    finally:
        source.dispose()
        target.dispose()


def as_version_1(lines: list[bytes]) -> list[bytes]:
    """An export as version 1 wrote it: no fact had the fields version 2 added."""
    rows = [json.loads(line) for line in lines]
    rows[0]["version"] = 1
    for row in rows[1:]:
        if row["kind"] == "fact":
            for name in (*NEW_FACT_FIELDS, "review_count"):  # version 3 added the count
                row.pop(name)
    return [json.dumps(row).encode() for row in rows]


def test_a_version_1_export_still_imports(db_url, empty_db_url):
    source, target = create_db_engine(db_url), create_db_engine(empty_db_url)
    try:
        current = list(export_lines(source))
        upgrade_to_head(target)
        assert import_lines(target, as_version_1(current))["fact"] == 35
        # A version 1 file has no modality (the seed's curated facts do): it comes back null.
        expected = [json.loads(line) for line in current]
        for row in expected:
            if row.get("kind") == "fact":
                row.update(modality=None, quantity=None, item=None, replaces_id=None)
        assert [json.loads(line) for line in export_lines(target)] == expected
    finally:
        source.dispose()
        target.dispose()


def test_a_version_1_export_cannot_hold_the_new_fields(db_url, empty_db_url):
    source, target = create_db_engine(db_url), create_db_engine(empty_db_url)
    try:
        rows = as_version_1(list(export_lines(source)))
        fact = next(i for i, line in enumerate(rows) if b'"kind": "fact"' in line)
        rows[fact] = rows[fact].replace(b'"kind": "fact"', b'"kind": "fact", "quantity": 3')
        upgrade_to_head(target)
        with pytest.raises(BackupError, match=f"line {fact + 1}: quantity is not a field"):
            import_lines(target, rows)
        with pytest.raises(BackupError, match="version 1 to 3"):
            import_lines(target, [b'{"format": "article-facts-export", "version": 4}'])
    finally:
        source.dispose()
        target.dispose()


def test_the_audit_trail_round_trips_and_needs_its_fact(db_url, empty_db_url):
    source, target = create_db_engine(db_url), create_db_engine(empty_db_url)
    try:
        with Session(source) as session:
            session.add(FactReviewRecord(
                fact_id=12, reviewer="alice", review_status="corrected", note="2016, not 2015",
                before={"review_status": "accepted", "period_end": 2015},
                after={"review_status": "corrected", "period_end": 2016},
            ))  # fmt: skip
            session.commit()
        first = list(export_lines(source))
        review = json.loads(first[-1])
        assert review["kind"] == "review" and review["reviewer"] == "alice"
        upgrade_to_head(target)
        # Refused files load nothing: the same empty target takes the good one after.
        orphan = review | {"fact_id": 999}
        with pytest.raises(BackupError, match="fact_id: no fact 999"):
            import_lines(target, [*first[:-1], json.dumps(orphan).encode()])
        older = [json.dumps(json.loads(first[0]) | {"version": 2}).encode()]
        for line in first[1:]:  # as version 2 wrote facts: no review_count
            row = json.loads(line)
            if row["kind"] == "fact":
                row.pop("review_count")
            older.append(json.dumps(row).encode())
        with pytest.raises(BackupError, match="kind 'review' is not in version 2"):
            import_lines(target, older)
        bad = review | {"before": ["not", "an", "object"]}
        with pytest.raises(BackupError, match="before must be a JSON object"):
            import_lines(target, [*first[:-1], json.dumps(bad).encode()])
        assert import_lines(target, first)["review"] == 1
        assert list(export_lines(target)) == first
        with Session(target) as session:
            (stored,) = session.exec(select(FactReviewRecord)).all()
            assert stored.after == {"review_status": "corrected", "period_end": 2016}
    finally:
        source.dispose()
        target.dispose()
