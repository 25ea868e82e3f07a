"""A fact's claim fields, declared once.

The storage table (`app.models.Fact`), the extraction and seed candidate
(`app.extraction.candidates.FactCandidate`) and the wire shape (`app.schemas.FactPublic`)
all inherit `FactClaim`; the layers copy a fact from one shape to the next by the names
in `FACT_CLAIM_FIELDS`, derived from it. Imports no other layer of the app.
"""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.enums import FactType, Modality, Origin, ReviewStatus, ValueQualifier, enum_column_type


class FactClaim(SQLModel):
    """What a fact claims, apart from the entities it names and the evidence it cites."""

    type: FactType = Field(
        sa_type=enum_column_type(FactType, "fact_type"),
        index=True,
        description="Kind of claim.",
        schema_extra={"examples": ["spending"]},
    )
    statement: str = Field(
        description="The claim as one normalised plain-English sentence.",
        schema_extra={
            "examples": [
                "Azerbaijan spent 22.7 billion USD on defence-related products in 2009–2016."
            ]
        },
    )
    predicate: str = Field(
        max_length=80,
        description="Short snake_case relation.",
        schema_extra={"examples": ["spent_on"]},
    )
    value: float | None = Field(
        default=None,
        sa_type=sa.Double,
        index=True,
        description="The quantity in base units (22.7bn is 22700000000).",
        schema_extra={"examples": [22700000000]},
    )
    unit: str | None = Field(
        default=None,
        max_length=40,
        description="Unit of `value`: ISO 4217 code for money, else a plural-free noun.",
        schema_extra={"examples": ["USD"]},
    )
    modality: Modality | None = Field(
        default=None,
        sa_type=enum_column_type(Modality, "modality"),
        index=True,
        description="`asserted` (the article says it is or happened), `planned` (will, plans, "
        "intends, is to), `proposed` (requested, proposed, sought, in a draft); null where it "
        "does not apply (rankings, structure, mandates). The statement keeps that tense.",
        schema_extra={"examples": ["asserted"]},
    )
    value_qualifier: ValueQualifier | None = Field(
        default=None,
        sa_type=enum_column_type(ValueQualifier, "value_qualifier"),
        description="How exact `value` is.",
        schema_extra={"examples": ["exact"]},
    )
    rank: int | None = Field(
        default=None,
        index=True,
        description="Position in a ranking; 'the largest' is 1.",
        schema_extra={"examples": [64]},
    )
    rank_total: int | None = Field(
        default=None, description="How many were ranked.", schema_extra={"examples": [138]}
    )
    scope: str | None = Field(
        default=None,
        description="Where a ranking or claim applies.",
        schema_extra={"examples": ["South Caucasus"]},
    )
    metric: str | None = Field(
        default=None,
        description="What is ranked or measured.",
        schema_extra={"examples": ["weapons imports volume"]},
    )
    # Extensions of the contract for procurement and exercise facts: `value` stays the
    # price (or any amount), so a count of items or troops needs a field of its own.
    quantity: int | None = Field(
        default=None,
        description="How many: the items a procurement buys, the troops of an exercise "
        "(an extension of the contract).",
        schema_extra={"examples": [97]},
    )
    item: str | None = Field(
        default=None,
        max_length=200,
        description="What a procurement buys, or an exercise's name (an extension of the "
        "contract).",
        schema_extra={"examples": ["Tejas Mk1A fighter jets"]},
    )
    # Alone, each serves a sort (period_start) or the open end of a range filter (period_end).
    period_start: int | None = Field(
        default=None,
        index=True,
        description="First year of the claim.",
        schema_extra={"examples": [2009]},
    )
    period_end: int | None = Field(
        default=None,
        index=True,
        description="Last year; null with a start means ongoing.",
        schema_extra={"examples": [2016]},
    )
    origin: Origin = Field(
        default=Origin.extracted,
        sa_type=enum_column_type(Origin, "origin"),
        index=True,
        description="Curated by hand or extracted.",
        schema_extra={"examples": ["curated"]},
    )
    confidence: float = Field(
        default=1.0,
        sa_type=sa.Double,
        description="0 to 1; 1.0 for curated facts.",
        schema_extra={"examples": [1.0]},
    )
    review_status: ReviewStatus = Field(
        default=ReviewStatus.unreviewed,
        sa_type=enum_column_type(ReviewStatus, "review_status"),
        index=True,
        description="Human review state.",
        schema_extra={"examples": ["accepted"]},
    )
    extractor_version: str | None = Field(
        default=None,
        max_length=40,
        description="Pipeline version that produced an extracted fact.",
        schema_extra={"examples": [None]},
    )


FACT_CLAIM_FIELDS = tuple(FactClaim.model_fields)
