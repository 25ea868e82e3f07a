"""The audit trail: one row per review of a fact (who, when, the decision, a note, the
fields before and after), in its own table; and each fact's count of reviews, which its
ETag includes (so that a decision made and undone still makes an older ETag stale).

A review is a write like any other: the table's triggers increase the data version (as
0004's do for the other tables), so a cached list of a fact's reviews is never stale even
when a review changed no field of the fact. Deleting a fact deletes its trail.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECISIONS = ("unreviewed", "accepted", "rejected", "corrected")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "fact_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "review_status",
            sa.Enum(
                *DECISIONS,
                name="review_decision",
                native_enum=False,
                create_constraint=True,
                length=10,
            ),
            nullable=False,
        ),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["fact.id"], name=op.f("fk_fact_review_fact_id_fact"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_review")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_fact_review_fact", "fact_review", ["fact_id", "id"])
    # A plain ADD COLUMN on both backends (a constant default: no rebuild of fact on SQLite).
    op.add_column(
        "fact", sa.Column("review_count", sa.Integer(), server_default="0", nullable=False)
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER fact_review_bumps_data_version AFTER INSERT OR UPDATE OR DELETE "
            "ON fact_review FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()"
        )
        return
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER fact_review_{event}_bumps_data_version AFTER {event.upper()} ON "
            "fact_review BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
        )


def downgrade() -> None:
    # In place on both backends (SQLite 3.35+): a batch rebuild of fact would lose its
    # triggers and its AUTOINCREMENT counter (0007 shows what keeping them takes).
    op.execute("ALTER TABLE fact DROP COLUMN review_count")
    op.drop_table("fact_review")  # its triggers go with it
