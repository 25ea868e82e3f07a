"""Initial schema: articles, entities with aliases, mentions, facts, and the fact full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 20:36:37.540924
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=35), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published_at", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("sha256", name=op.f("uq_article_sha256")),
        sa.UniqueConstraint("slug", name=op.f("uq_article_slug")),
    )
    op.create_table(
        "entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "country",
                "organization",
                "person",
                "place",
                "program",
                "position",
                name="entity_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("wikidata_id", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
        sa.UniqueConstraint("slug", name=op.f("uq_entity_slug")),
    )
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_type"), ["type"], unique=False)

    op.create_table(
        "entity_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_entity_alias_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_alias")),
        sa.UniqueConstraint("entity_id", "alias", name=op.f("uq_entity_alias_entity_id")),
    )
    op.create_table(
        "fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "ranking",
                "spending",
                "alliance",
                "cooperation",
                "structure",
                "event",
                "mandate",
                name="fact_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("statement", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("predicate", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column(
            "value_qualifier",
            sa.Enum(
                "exact",
                "approximate",
                "more_than",
                "at_least",
                "less_than",
                "at_most",
                name="value_qualifier",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("rank_total", sa.Integer(), nullable=True),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("period_start", sa.Integer(), nullable=True),
        sa.Column("period_end", sa.Integer(), nullable=True),
        sa.Column("attributed_to_id", sa.Integer(), nullable=True),
        sa.Column("quote", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column(
            "origin",
            sa.Enum(
                "curated", "extracted", name="origin", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column(
            "review_status",
            sa.Enum(
                "unreviewed",
                "accepted",
                "rejected",
                "corrected",
                name="review_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("extractor_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_fact_confidence_range")
        ),
        sa.CheckConstraint(
            "evidence_start < evidence_end", name=op.f("ck_fact_evidence_start_before_end")
        ),
        sa.CheckConstraint("evidence_start >= 0", name=op.f("ck_fact_evidence_start_non_negative")),
        sa.CheckConstraint(
            "period_end IS NULL OR period_start IS NULL OR period_start <= period_end",
            name=op.f("ck_fact_period_ordered"),
        ),
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name=op.f("ck_fact_rank_positive")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_fact_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attributed_to_id"], ["entity.id"], name=op.f("fk_fact_attributed_to_id_entity")
        ),
        sa.ForeignKeyConstraint(
            ["object_id"], ["entity.id"], name=op.f("fk_fact_object_id_entity")
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["entity.id"], name=op.f("fk_fact_subject_id_entity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact")),
    )
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fact_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_fact_attributed_to_id"), ["attributed_to_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fact_object_id"), ["object_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_origin"), ["origin"], unique=False)
        batch_op.create_index("ix_fact_period", ["period_start", "period_end"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_rank"), ["rank"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_review_status"), ["review_status"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_subject_id"), ["subject_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_type"), ["type"], unique=False)
        batch_op.create_index(batch_op.f("ix_fact_value"), ["value"], unique=False)

    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint("start_offset < end_offset", name=op.f("ck_mention_start_before_end")),
        sa.CheckConstraint("start_offset >= 0", name=op.f("ck_mention_start_non_negative")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_mention_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_mention_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
        sa.UniqueConstraint(
            "article_id",
            "entity_id",
            "start_offset",
            "end_offset",
            name=op.f("uq_mention_article_id"),
        ),
    )
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mention_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mention_entity_id"), ["entity_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        create_sqlite_fact_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        drop_sqlite_fact_search()
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mention_entity_id"))
        batch_op.drop_index(batch_op.f("ix_mention_article_id"))

    op.drop_table("mention")
    with op.batch_alter_table("fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fact_value"))
        batch_op.drop_index(batch_op.f("ix_fact_type"))
        batch_op.drop_index(batch_op.f("ix_fact_subject_id"))
        batch_op.drop_index(batch_op.f("ix_fact_review_status"))
        batch_op.drop_index(batch_op.f("ix_fact_rank"))
        batch_op.drop_index("ix_fact_period")
        batch_op.drop_index(batch_op.f("ix_fact_origin"))
        batch_op.drop_index(batch_op.f("ix_fact_object_id"))
        batch_op.drop_index(batch_op.f("ix_fact_attributed_to_id"))
        batch_op.drop_index(batch_op.f("ix_fact_article_id"))

    op.drop_table("fact")
    op.drop_table("entity_alias")
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_type"))

    op.drop_table("entity")
    op.drop_table("article")


# Full-text search over a fact's statement and quote: an external-content FTS5
# table kept in step with `fact` by triggers, so writers need not know it exists.
SQLITE_FACT_SEARCH = [
    """CREATE VIRTUAL TABLE fact_fts USING fts5(
        statement, quote, content='fact', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER fact_fts_after_insert AFTER INSERT ON fact BEGIN
        INSERT INTO fact_fts(rowid, statement, quote) VALUES (new.id, new.statement, new.quote);
    END""",
    """CREATE TRIGGER fact_fts_after_delete AFTER DELETE ON fact BEGIN
        INSERT INTO fact_fts(fact_fts, rowid, statement, quote)
        VALUES ('delete', old.id, old.statement, old.quote);
    END""",
    """CREATE TRIGGER fact_fts_after_update AFTER UPDATE OF statement, quote ON fact BEGIN
        INSERT INTO fact_fts(fact_fts, rowid, statement, quote)
        VALUES ('delete', old.id, old.statement, old.quote);
        INSERT INTO fact_fts(rowid, statement, quote) VALUES (new.id, new.statement, new.quote);
    END""",
]


def create_sqlite_fact_search() -> None:
    for statement in SQLITE_FACT_SEARCH:
        op.execute(statement)


def drop_sqlite_fact_search() -> None:
    for name in ("fact_fts_after_update", "fact_fts_after_delete", "fact_fts_after_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fact_fts")
