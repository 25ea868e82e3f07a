"""Full-text search over facts on PostgreSQL: a GIN index on the statement and quote vector.

SQLite got its FTS5 table in 0001; this gives PostgreSQL the same capability. The index
expression is `app.queries.search.POSTGRES_DOCUMENT`; the two must stay the same text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 21:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = "to_tsvector('english'::regconfig, statement || ' ' || quote)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_fact_search ON fact USING gin ({DOCUMENT})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_fact_search")
