"""PostgreSQL: each fact's search vector stored (a generated column) and indexed, instead
of an index on the expression.

With the expression index (0002), every row a search touched computed
`to_tsvector(statement || ' ' || quote)` again: the recheck of a bitmap scan, and the
filter of a page read in id order. Counting one common word's matches in 20,000 facts took
112 ms; from the stored column, 3 ms. SQLite is untouched (its FTS5 table stores the
index already). The column is computed by PostgreSQL on every insert and update, so
nothing writes it; adding it rewrites the fact table once.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 16:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same text as 0002's index expression and app.queries.search.POSTGRES_DOCUMENT.
DOCUMENT = "to_tsvector('english'::regconfig, statement || ' ' || quote)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_fact_search")
    op.execute(
        f"ALTER TABLE fact ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({DOCUMENT}) "
        "STORED"
    )
    op.execute("CREATE INDEX ix_fact_search ON fact USING gin (search_document)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE fact DROP COLUMN search_document")  # its index goes with it
    op.execute(f"CREATE INDEX ix_fact_search ON fact USING gin ({DOCUMENT})")
