"""Facets: which fields a list's counts are asked for, and the counts' wire shape."""

from enum import StrEnum

from pydantic import BaseModel, Field

from app.schemas.params import ArticleConditions, EntityConditions, FactConditions

# How many matching rows facets count at most: beyond, the counts are over that many of
# them (`approximate`), so a facet of a million facts costs what one of ten thousand does.
FACET_SAMPLE = 5_000
FACET_SIZE_FIELD = Field(
    10, ge=1, le=100, description="How many values each facet lists, most frequent first.",
    examples=[10],
)  # fmt: skip


class FactFacet(StrEnum):
    """A field of facts that facets count per value."""

    type = "type"
    review_status = "review_status"
    origin = "origin"
    unit = "unit"
    subject = "subject"
    attributed_to = "attributed_to"
    year = "year"


class EntityFacet(StrEnum):
    """A field of entities that facets count per value."""

    type = "type"


class ArticleFacet(StrEnum):
    """A field of articles that facets count per value (`year`: of `published_at`)."""

    source = "source"
    year = "year"


class FactFacetParams(FactConditions):
    """The /facts filters, the facets to count and how many values each."""

    facet: list[FactFacet] = Field(
        list(FactFacet),
        description="A field to count facts per value of; repeat it for several. Default: all. "
        "`year` counts a fact in every year its period contains, as the `year` filter does.",
        examples=[["type", "unit"]],
    )
    facet_size: int = FACET_SIZE_FIELD


class EntityFacetParams(EntityConditions):
    """The /entities filters, the facets to count and how many values each."""

    facet: list[EntityFacet] = Field(
        list(EntityFacet),
        description="A field to count entities per value of; repeat it for several. Default: all.",
        examples=[["type"]],
    )
    facet_size: int = FACET_SIZE_FIELD


class ArticleFacetParams(ArticleConditions):
    """The /articles filters, the facets to count and how many values each."""

    facet: list[ArticleFacet] = Field(
        list(ArticleFacet),
        description="A field to count articles per value of (`year`: of `published_at`); "
        "repeat it for several. Default: all.",
        examples=[["source"]],
    )
    facet_size: int = FACET_SIZE_FIELD


class FacetValue(BaseModel):
    """One value of a field and how many rows have it."""

    value: str | int = Field(
        description="The value: a name, a year, or an entity's id.", examples=["ranking"]
    )
    count: int = Field(description="Rows with this value.", examples=[12])
    slug: str | None = Field(
        None, description="An entity's slug (entity facets only).", examples=["azerbaijan"]
    )
    name: str | None = Field(
        None, description="An entity's name (entity facets only).", examples=["Azerbaijan"]
    )


class FacetCounts(BaseModel):
    """Counts per value of each facet asked for, over the rows the filters match."""

    facets: dict[str, list[FacetValue]] = Field(
        description="Per facet, its most frequent values first (ties by value); rows without "
        "a value (no unit, nobody cited, no period) are not counted in it.",
        examples=[{"type": [{"value": "ranking", "count": 12}]}],
    )
    counted: int = Field(
        description=f"How many rows the counts are over: every match, or {FACET_SAMPLE:,} "
        "of them when more match.",
        examples=[35],
    )
    approximate: bool = Field(
        description=f"True when more than {FACET_SAMPLE:,} rows match: the counts are then "
        f"over {FACET_SAMPLE:,} of them (the first the database finds), each a lower bound.",
        examples=[False],
    )
