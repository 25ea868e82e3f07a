"""Indexes on period_start and period_end alone, for sorted pages and open-ended ranges.

`sort=period_start` reads (period_start, id) in order from the first; `from=` without
`to=` tests period_end, which the (period_start, period_end) index cannot serve.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 21:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("fact") as batch_op:
        batch_op.create_index("ix_fact_period_start", ["period_start"], unique=False)
        batch_op.create_index("ix_fact_period_end", ["period_end"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fact") as batch_op:
        batch_op.drop_index("ix_fact_period_end")
        batch_op.drop_index("ix_fact_period_start")
