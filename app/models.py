"""SQLModel tables; the enums they store come from `app.enums`.

The tables are the storage shape only; the wire shapes live in `app.schemas`.
Relationships are not declared: queries load referenced rows explicitly, so no
lazy load can hide an N+1 in serialisation.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.claims import FACT_CLAIM_FIELDS, FactClaim
from app.enums import (
    EntityType,
    FactType,
    Modality,
    Origin,
    ReviewStatus,
    ValueQualifier,
    enum_column_type,
)

__all__ = [
    "ENTITY_ROLES",
    "FACT_CLAIM_FIELDS",
    "Article",
    "DataVersion",
    "Entity",
    "EntityAlias",
    "EntityType",
    "Fact",
    "FactType",
    "Mention",
    "Modality",
    "Origin",
    "ReviewStatus",
    "ValueQualifier",
]

# One naming convention, so constraints carry the same names on SQLite and
# PostgreSQL and batch migrations can find them to alter or drop them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


# Tables whose ids clients hold: on SQLite, AUTOINCREMENT, so a deleted row's id is never
# given to another row (migration 0006); PostgreSQL's sequences never reuse one anyway.
NEVER_REUSED_IDS = {"sqlite_autoincrement": True}


def reference_index(column: str) -> sa.Index:
    """An index of an optional reference holding only the rows that have one: SQLite's
    statistics count all NULLs as one value, so a mostly-NULL column's plain index looked
    useless to the planner (migration 0008)."""
    condition = sa.text(f"{column} IS NOT NULL")
    return sa.Index(f"ix_fact_{column}", column, sqlite_where=condition,
                    postgresql_where=condition)  # fmt: skip


class Article(SQLModel, table=True):
    __table_args__ = NEVER_REUSED_IDS

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    title: str
    text: str
    language: str = Field(default="en", max_length=35)
    source: str | None = None
    url: str | None = None
    published_at: str | None = Field(default=None, max_length=40)
    sha256: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utc_now, sa_type=sa.DateTime(timezone=True))


class Entity(SQLModel, table=True):
    __table_args__ = NEVER_REUSED_IDS

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    name: str
    type: EntityType = Field(sa_type=enum_column_type(EntityType, "entity_type"), index=True)
    wikidata_id: str | None = Field(default=None, max_length=20)


class EntityAlias(SQLModel, table=True):
    __tablename__ = "entity_alias"
    __table_args__ = (sa.UniqueConstraint("entity_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(
        sa_column=sa.Column(sa.ForeignKey("entity.id", ondelete="CASCADE"), nullable=False)
    )
    alias: str


class Mention(SQLModel, table=True):
    __table_args__ = (
        sa.CheckConstraint("start_offset >= 0", name="start_non_negative"),
        sa.CheckConstraint("start_offset < end_offset", name="start_before_end"),
        sa.UniqueConstraint("article_id", "entity_id", "start_offset", "end_offset"),
        # An entity's mentions in text order, first ones first, however many it has.
        sa.Index("ix_mention_entity_position", "entity_id", "article_id", "start_offset"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    entity_id: int = Field(
        sa_column=sa.Column(sa.ForeignKey("entity.id", ondelete="CASCADE"), nullable=False)
    )
    start_offset: int
    end_offset: int
    text: str


class Fact(FactClaim, table=True):
    """One claim of one article: the claim fields of `FactClaim`, the entities it names
    and its evidence."""

    __table_args__ = (
        sa.CheckConstraint("evidence_start >= 0", name="evidence_start_non_negative"),
        sa.CheckConstraint("evidence_start < evidence_end", name="evidence_start_before_end"),
        sa.CheckConstraint(
            "period_end IS NULL OR period_start IS NULL OR period_start <= period_end",
            name="period_ordered",
        ),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name="rank_positive"),
        sa.CheckConstraint("quantity IS NULL OR quantity >= 0", name="quantity_non_negative"),
        # The year filters test both ends of the period.
        sa.Index("ix_fact_period", "period_start", "period_end"),
        # A type's facts of a year counted from the index alone; the review queue's order
        # (migration 0011).
        sa.Index("ix_fact_type_period", "type", "period_start", "period_end"),
        sa.Index("ix_fact_review_queue", "review_status", "confidence", "id"),
        sa.Index("ix_fact_review_queue_type", "review_status", "type", "confidence", "id"),
        *(reference_index(column) for column in ("object_id", "attributed_to_id", "replaces_id")),
        NEVER_REUSED_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    subject_id: int = Field(
        sa_column=sa.Column(sa.ForeignKey("entity.id"), nullable=False, index=True)
    )
    object_id: int | None = Field(default=None, sa_column=sa.Column(sa.ForeignKey("entity.id")))
    attributed_to_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("entity.id"))
    )
    # An appointment's predecessor (migration 0007).
    replaces_id: int | None = Field(default=None, sa_column=sa.Column(sa.ForeignKey("entity.id")))
    quote: str
    evidence_start: int
    evidence_end: int
    # How many reviews the fact has had (migration 0010): part of its ETag, so a decision
    # made and then undone, or repeated, still makes an older ETag stale. Not on the wire.
    review_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


# The entities a fact names: its wire field and the column holding the entity's id. Queries,
# filters and the presenter all derive the four roles from here.
ENTITY_ROLES = {
    "subject": "subject_id",
    "object": "object_id",
    "attributed_to": "attributed_to_id",
    "replaces": "replaces_id",
}


class FactReviewRecord(SQLModel, table=True):
    """One review of one fact, as the audit trail keeps it (migration 0010): who (the label
    of the write key, never the key), when, the decision, a note, and the fields it changed
    as they were before and after. Deleting the fact (with its article) deletes its trail."""

    __tablename__ = "fact_review"
    __table_args__ = (sa.Index("ix_fact_review_fact", "fact_id", "id"), NEVER_REUSED_IDS)

    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(
        sa_column=sa.Column(sa.ForeignKey("fact.id", ondelete="CASCADE"), nullable=False)
    )
    reviewer: str = Field(max_length=80)
    decided_at: datetime = Field(default_factory=utc_now, sa_type=sa.DateTime(timezone=True))
    review_status: ReviewStatus = Field(sa_type=enum_column_type(ReviewStatus, "review_decision"))
    note: str | None = Field(default=None, max_length=2000)
    before: dict = Field(default_factory=dict, sa_type=sa.JSON)
    after: dict = Field(default_factory=dict, sa_type=sa.JSON)


class DataVersion(SQLModel, table=True):
    """One row whose number every write to the store increases (database triggers, 0004):
    response caches and ETags key on it, so nothing cached outlives a change."""

    __tablename__ = "data_version"
    __table_args__ = (sa.CheckConstraint("id = 1", name="single_row"),)

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)
