"""Ids are never given twice on SQLite: article, entity and fact become AUTOINCREMENT tables.

Without AUTOINCREMENT, SQLite hands out the largest id plus one, so deleting the newest
article gave its id, and its facts' ids, to the next one: a client holding /facts/36 got
another claim. SQLite cannot alter this in place, so each table is rebuilt (batch mode, rows
and ids copied), and the triggers on it (full-text index, data version), which a rebuild
drops, are made again exactly as they were. PostgreSQL's sequences never reuse a number.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table whose id a client holds (mention and alias ids never leave the service).
TABLES = ("article", "entity", "fact")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        rebuild(autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        rebuild(autoincrement=False)


def rebuild(*, autoincrement: bool) -> None:
    names = ", ".join(f"'{table}'" for table in TABLES)
    triggers = (
        op.get_bind()
        .exec_driver_sql(
            f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({names})"
        )
        .scalars()
        .all()
    )
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
    for statement in triggers:
        op.execute(statement)
