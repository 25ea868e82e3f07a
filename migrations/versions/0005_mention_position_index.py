"""An entity's mentions in text order from an index, replacing the entity_id-only one.

GET /entities/{id} lists the first mentions of an entity that may have a hundred
thousand; (entity_id, article_id, start_offset) reads them in order without a sort.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 22:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mention") as batch_op:
        batch_op.create_index(
            "ix_mention_entity_position", ["entity_id", "article_id", "start_offset"]
        )
        batch_op.drop_index("ix_mention_entity_id")


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch_op:
        batch_op.create_index("ix_mention_entity_id", ["entity_id"])
        batch_op.drop_index("ix_mention_entity_position")
