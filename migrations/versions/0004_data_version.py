"""A data version that every write to the store increases, by triggers.

Response caches key on it: a cached page is served only while the version it was made
at is still current, so no process, however many share the database, serves stale data.
SQLite triggers fire per row; PostgreSQL's fire once per statement.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 21:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("article", "entity", "entity_alias", "mention", "fact")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_bumps_data_version AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()"
            )
        return
    for table in TABLES:
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER {table}_{event}_bumps_data_version AFTER {event.upper()} ON "
                f"{table} BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_bumps_data_version ON {table}")
        op.execute("DROP FUNCTION IF EXISTS bump_data_version()")
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_bumps_data_version")
    op.drop_table("data_version")
