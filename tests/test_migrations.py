"""Migrations from an empty database: up to head, down to base, and agreement with the models."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import Session, SQLModel, select

import app.models  # noqa: F401
from app.db import create_db_engine
from app.migrate import (
    current_revision,
    downgrade_to,
    head_revision,
    upgrade_to,
    upgrade_to_head,
)
from app.models import Fact
from app.queries.search import matches_text
from app.schema import MigrationError, include_object, migration_transaction
from app.writes.seed import load_seed
from tests.helpers import FACT_COLUMNS_0006, dump_database

REPO_ROOT = Path(__file__).resolve().parent.parent
TABLES = {"article", "entity", "entity_alias", "mention", "fact"}


def test_upgrade_from_empty_then_downgrade_to_base(empty_db_url):
    engine = create_db_engine(empty_db_url)
    assert current_revision(engine) is None
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)
    assert set(sa.inspect(engine).get_table_names()) >= TABLES
    upgrade_to_head(engine)  # a second run is a no-op
    downgrade_to(engine, "base")
    assert current_revision(engine) is None
    assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade_to_head(engine)
    assert set(sa.inspect(engine).get_table_names()) >= TABLES


def test_models_match_the_migrations(empty_db_url):
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_filter_column_is_indexed(empty_db_url):
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    inspector = sa.inspect(engine)
    leading = {index["column_names"][0] for index in inspector.get_indexes("fact")}
    assert {
        "type", "subject_id", "object_id", "attributed_to_id", "replaces_id", "article_id",
        "period_start", "value", "modality", "origin", "review_status", "rank",
    } <= leading  # fmt: skip
    assert "type" in {index["column_names"][0] for index in inspector.get_indexes("entity")}
    mention_columns = {index["column_names"][0] for index in inspector.get_indexes("mention")}
    assert {"entity_id", "article_id"} <= mention_columns


def test_constraints_hold(db_url):
    engine = create_db_engine(db_url)
    with engine.connect() as connection:
        fact = connection.execute(sa.text("SELECT * FROM fact LIMIT 1")).mappings().one()
        for column, value in [
            ("evidence_end", fact["evidence_start"]),  # start < end
            ("subject_id", 999_999),  # foreign key
            ("type", "gossip"),  # enum CHECK
            ("confidence", 2.0),
            ("modality", "rumoured"),
            ("quantity", -1),
            ("replaces_id", 999_999),
        ]:
            try:
                with connection.begin_nested():
                    connection.execute(
                        sa.text(f"UPDATE fact SET {column} = :value WHERE id = :id"),
                        {"value": value, "id": fact["id"]},
                    )
            except sa.exc.IntegrityError:
                continue
            raise AssertionError(f"{column}={value!r} was accepted")
    engine.dispose()


@pytest.mark.parametrize("fact_type", ["procurement", "exercise", "appointment"])
def test_the_type_check_takes_the_new_fact_types(db_url, fact_type):
    engine = create_db_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE fact SET type = :type, modality = 'planned', quantity = 0 "
                    "WHERE id = (SELECT min(id) FROM fact)"), {"type": fact_type},
        )  # fmt: skip
        stored = connection.execute(sa.text("SELECT type FROM fact WHERE type = :type"),
                                    {"type": fact_type}).scalars().all()  # fmt: skip
    assert stored == [fact_type]
    engine.dispose()


def test_full_text_search_follows_inserts_updates_and_deletes(db_url):
    engine = create_db_engine(db_url)

    def search(session, word):
        return session.exec(select(Fact.id).where(matches_text(session, word))).all()

    with Session(engine) as session, session.begin():
        [fact_id] = search(session, "surveillance")
        session.exec(sa.update(Fact).where(Fact.id == fact_id).values(statement="Zanzibar"))
        assert search(session, "zanzibar") == [fact_id]
        session.exec(sa.delete(Fact).where(Fact.id == fact_id))
        assert search(session, "zanzibar") == []
        session.rollback()
    engine.dispose()


def test_search_uses_its_index(db_url, backend):
    """SQLite answers `q` from the FTS5 table; PostgreSQL can use the GIN index."""
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        connection = session.connection()
        statement = select(Fact.id).where(matches_text(session, "weapons"))
        compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
        if backend == "postgresql":
            connection.exec_driver_sql("SET enable_seqscan = off")  # tiny tables: force the choice
            rows = connection.exec_driver_sql(f"EXPLAIN {compiled}").all()
            expected = "ix_fact_search"
        else:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
            expected = "fact_fts VIRTUAL TABLE"
    engine.dispose()
    assert expected in "\n".join(str(row[-1]) for row in rows)


def test_postgresql_matches_a_stored_search_document(db_url, backend):
    """0009: PostgreSQL keeps each fact's search vector in a stored generated column with
    the GIN index on it. Matching an expression index made every candidate row compute
    to_tsvector again (the recheck of a bitmap scan, the filter of a page read in id
    order): 112 ms to count one common word's matches in 20,000 facts, 3 ms now."""
    if backend != "postgresql":
        pytest.skip("SQLite searches its FTS5 table")
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        statement = select(Fact.id).where(matches_text(session, "weapons"))
        compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
        connection = session.connection()
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
        generated = connection.exec_driver_sql(
            "SELECT is_generated FROM information_schema.columns "
            "WHERE table_name = 'fact' AND column_name = 'search_document'"
        ).scalar_one()
    engine.dispose()
    assert generated == "ALWAYS"
    assert "ix_fact_search" in plan and "to_tsvector" not in plan, plan


@pytest.mark.slow
def test_the_alembic_command_migrates_without_loading_the_seed(empty_db_url):
    """env.py pulls in the models and the schema helpers, not the write side or the seed."""
    script = (
        "import sys; from alembic.config import main; main(argv=['-q', 'upgrade', 'head']); "
        "loaded = sorted(m for m in sys.modules if m.startswith('app.writes')); "
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
        env={**os.environ, "DATABASE_URL": empty_db_url}, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    engine = create_db_engine(empty_db_url)
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def schema_extras(engine) -> list[tuple[str, str]]:
    """Every trigger and index, with its definition."""
    if engine.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"
    else:
        query = ("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal "
                 "UNION ALL SELECT indexname, indexdef FROM pg_indexes "
                 "WHERE schemaname = 'public'")  # fmt: skip
    with engine.connect() as connection:
        return sorted((name, sql or "") for name, sql in connection.exec_driver_sql(query))


def test_making_ids_never_reused_keeps_every_row_trigger_and_index(empty_db_url):
    """0006 rebuilds article, entity and fact on SQLite; what they held and fired stays."""
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    load_seed(engine)  # with today's models; then down to the schema 0006 starts from
    downgrade_to(engine, "0005")
    rows, extras = dump_database(empty_db_url), schema_extras(engine)
    upgrade_to(engine, "0006")
    assert dump_database(empty_db_url) == {**rows, "alembic_version": [repr(("0006",))]}
    assert schema_extras(engine) == extras
    with engine.begin() as connection:
        version = connection.exec_driver_sql("SELECT version FROM data_version").scalar_one()
        connection.exec_driver_sql("UPDATE article SET title = 'Retitled'")
        bumped = connection.exec_driver_sql("SELECT version FROM data_version").scalar_one()
    assert bumped == version + 1
    engine.dispose()


def test_rebuilding_the_fact_table_keeps_its_planner_statistics(empty_db_url):
    """0007 rebuilds fact on SQLite: a store that had run ANALYZE must still have fact's
    statistics after it (without them, the planner scanned 1M facts for one entity)."""
    engine = create_db_engine(empty_db_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL alters fact in place")
    upgrade_to_head(engine)
    load_seed(engine)
    downgrade_to(engine, "0006")
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    upgrade_to(engine, "0007")
    with engine.connect() as connection:
        stats = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'fact'"
        ).scalar_one()
    assert stats > 0
    engine.dispose()


def test_a_migration_that_breaks_a_foreign_key_on_sqlite_commits_nothing(db_url, backend):
    """Foreign keys are off while SQLite tables are rebuilt, so they are checked at the end."""
    if backend != "sqlite":
        pytest.skip("PostgreSQL checks foreign keys at every statement")
    engine = create_db_engine(db_url)
    broken = pytest.raises(MigrationError, match="foreign keys")
    with broken, migration_transaction(engine) as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql("UPDATE fact SET subject_id = 999999")
    assert "scratch" not in sa.inspect(engine).get_table_names()
    with engine.connect() as connection:
        assert (
            connection.exec_driver_sql(
                "SELECT count(*) FROM fact WHERE subject_id = 999999"
            ).scalar_one()
            == 0
        )
    engine.dispose()


def test_the_new_fact_fields_keep_every_row_trigger_index_and_used_id(empty_db_url):
    """0007 rebuilds fact on SQLite (its type CHECK changes): rows, triggers, indexes and
    the AUTOINCREMENT counter survive it, both ways."""
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    load_seed(engine)
    with engine.begin() as connection:  # the newest fact goes: its id must stay used
        newest = connection.exec_driver_sql("SELECT max(id) FROM fact").scalar_one()
        connection.exec_driver_sql(f"DELETE FROM fact WHERE id = {newest}")
    downgrade_to(engine, "0006")

    def facts() -> list:
        with engine.connect() as connection:
            return connection.exec_driver_sql(
                f"SELECT {FACT_COLUMNS_0006} FROM fact ORDER BY id"
            ).all()  # fmt: skip

    rows, extras, before = dump_database(empty_db_url), schema_extras(engine), facts()
    upgrade_to(engine, "0007")
    after = dump_database(empty_db_url)
    assert facts() == before
    assert {name: after[name] for name in rows if name not in ("fact", "alembic_version")} == {
        name: rows[name] for name in rows if name not in ("fact", "alembic_version")
    }
    added = {name for name, _ in schema_extras(engine)} - {name for name, _ in extras}
    assert set(extras) <= set(schema_extras(engine))
    assert added == {"ix_fact_modality", "ix_fact_replaces_id"}
    upgrade_to_head(engine)  # the app's search reads what the newest revision made
    with Session(engine) as session, session.begin():
        first = session.exec(select(Fact).order_by(Fact.id)).first()
        fields = first.model_dump(exclude={"id", "type", "quantity"})
        fact = Fact(**fields, type="procurement", quantity=12)
        session.add(fact)
        session.flush()
        assert fact.id > newest
        assert session.exec(select(Fact.id).where(matches_text(session, "upgrading"))).all()
    engine.dispose()


def test_a_downgrade_refuses_to_drop_facts_of_the_new_types(db_url):
    engine = create_db_engine(db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE fact SET type = 'appointment' WHERE id = (SELECT min(id) FROM fact)"
        )
    with pytest.raises(RuntimeError, match="1 facts are of types procurement"):
        downgrade_to(engine, "0006")
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_the_optional_references_are_indexed_only_where_present_both_ways(db_url, backend):
    """0008: the object, source and predecessor indexes hold only the facts that have one;
    a store analyzed before keeps statistics for them; a downgrade restores full indexes."""
    engine = create_db_engine(db_url)
    if backend == "sqlite":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        downgrade_to(engine, "0007")
        upgrade_to(engine, "0008")
        with engine.connect() as connection:
            analyzed = set(connection.exec_driver_sql(
                "SELECT idx FROM sqlite_stat1 WHERE tbl = 'fact'").scalars())  # fmt: skip
        # (ANALYZE writes no row for an empty index: no seed fact names a predecessor.)
        assert {"ix_fact_object_id", "ix_fact_attributed_to_id"} <= analyzed
    names = ("ix_fact_object_id", "ix_fact_attributed_to_id", "ix_fact_replaces_id")
    sql = index_definitions(engine)
    assert all("IS NOT NULL" in sql[name] for name in names), sql
    downgrade_to(engine, "0007")
    sql = index_definitions(engine)
    assert all(name in sql and "IS NOT NULL" not in sql[name] for name in names), sql
    engine.dispose()


def index_definitions(engine: sa.Engine) -> dict[str, str]:
    query = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'fact'"
    if engine.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
    with engine.connect() as connection:
        return {name: sql or "" for name, sql in connection.exec_driver_sql(query)}
