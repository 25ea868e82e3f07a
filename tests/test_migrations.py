"""Migrations from an empty database: up to head, down to base, and agreement with the models."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import create_db_engine
from app.migrate import current_revision, downgrade_to, head_revision, upgrade_to_head
from tests.conftest import sqlite_url

TABLES = {"article", "entity", "entity_alias", "mention", "fact"}


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name.startswith("fact_fts"))


def test_upgrade_from_empty_then_downgrade_to_base(tmp_path):
    engine = create_db_engine(sqlite_url(tmp_path / "m.db"))
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


def test_models_match_the_migrations(tmp_path):
    engine = create_db_engine(sqlite_url(tmp_path / "m.db"))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_filter_column_is_indexed(tmp_path):
    engine = create_db_engine(sqlite_url(tmp_path / "m.db"))
    upgrade_to_head(engine)
    inspector = sa.inspect(engine)
    leading = {index["column_names"][0] for index in inspector.get_indexes("fact")}
    assert {
        "type", "subject_id", "object_id", "attributed_to_id", "article_id", "period_start",
        "value", "origin", "review_status", "rank",
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


def test_full_text_index_follows_inserts_updates_and_deletes(db_url):
    engine = create_db_engine(db_url)

    def search(connection, word):
        return (
            connection.execute(
                sa.text("SELECT rowid FROM fact_fts WHERE fact_fts MATCH :w"), {"w": word}
            )
            .scalars()
            .all()
        )

    with engine.connect() as connection, connection.begin():
        [fact_id] = search(connection, "surveillance")
        connection.execute(
            sa.text("UPDATE fact SET statement = 'Zanzibar' WHERE id = :id"), {"id": fact_id}
        )
        assert search(connection, "zanzibar") == [fact_id]
        connection.execute(sa.text("DELETE FROM fact WHERE id = :id"), {"id": fact_id})
        assert search(connection, "zanzibar") == []
        connection.rollback()
    engine.dispose()
