"""The indexes of a fact's optional references (object, cited source, predecessor) hold
only the facts that have one.

SQLite's ANALYZE counts every NULL as one shared value: on a store where almost no fact
names a predecessor, `ix_fact_replaces_id` looked as if each value matched every row, and
the planner answered one entity's facts (subject OR object OR source OR predecessor) with
a scan of the whole fact table. A partial index (`WHERE column IS NOT NULL`) counts only
the rows that have a value, and still serves `column = ?`. PostgreSQL keeps the share of
NULLs apart in its statistics, but gets the same, smaller indexes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCES = ("object_id", "attributed_to_id", "replaces_id")


def upgrade() -> None:
    for column in REFERENCES:
        op.drop_index(op.f(f"ix_fact_{column}"), table_name="fact")
        condition = sa.text(f"{column} IS NOT NULL")
        op.create_index(op.f(f"ix_fact_{column}"), "fact", [column], unique=False,
                        sqlite_where=condition, postgresql_where=condition)  # fmt: skip
    analyze_new_indexes()


def downgrade() -> None:
    for column in REFERENCES:
        op.drop_index(op.f(f"ix_fact_{column}"), table_name="fact")
        op.create_index(op.f(f"ix_fact_{column}"), "fact", [column], unique=False)
    analyze_new_indexes()


def analyze_new_indexes() -> None:
    """A store whose planner had statistics gets them for the new indexes too (without,
    the planner guesses, and a dropped index's numbers are gone with it)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # autovacuum analyzes; the indexes are new, the table's statistics are not
    analyzed = bind.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).scalar()
    if analyzed:
        for column in REFERENCES:
            op.execute(f"ANALYZE ix_fact_{column}")
