"""Wire shapes: what clients send and receive, apart from the storage tables.

Every field has a description and an example drawn from the seed article; the
OpenAPI document is built from these classes.
"""

from enum import StrEnum
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from app.enums import EntityType, FactType, Origin, ReviewStatus, ValueQualifier

T = TypeVar("T")
MAX_ID = 2**63 - 1  # the widest integer id SQLite and PostgreSQL store
KEY_DESCRIPTION = "An integer id or a slug."
LIMIT_FIELD = Field(50, ge=1, le=500, description="Page size, 1 to 500.", examples=[50])
CURSOR_FIELD = Field(
    None,
    min_length=1,
    max_length=500,
    description="The `next_cursor` of the previous page; omit it for the first page.",
    examples=["eyJzIjoiaWQiLCJ2IjpudWxsLCJpIjo1MH0"],
)


class EntityRef(BaseModel):
    """A reference to an entity inside a fact."""

    id: int = Field(description="Entity id.", examples=[1])
    name: str = Field(description="Canonical name.", examples=["Azerbaijan"])
    type: EntityType = Field(description="Entity type.", examples=["country"])


class Evidence(BaseModel):
    """The span of the article that supports a fact: `text[start:end] == quote`."""

    quote: str = Field(
        description="The exact text of the span.",
        examples=[
            "Azerbaijan ranked 23rd globally for the volume of imports of weapons in 2014-2018"
        ],
    )
    start: int = Field(description="Offset of the first code point of the span.", examples=[785])
    end: int = Field(description="Offset one past the last code point.", examples=[866])


class FactPublic(BaseModel):
    """A claim made by an article, with the evidence that grounds it."""

    id: int = Field(description="Fact id.", examples=[8])
    article_id: int = Field(description="The article that makes the claim.", examples=[1])
    type: FactType = Field(description="Kind of claim.", examples=["spending"])
    statement: str = Field(
        description="The claim as one normalised plain-English sentence.",
        examples=["Azerbaijan spent 22.7 billion USD on defence-related products in 2009–2016."],
    )
    subject: EntityRef = Field(description="The entity the claim is about.")
    predicate: str = Field(description="Short snake_case relation.", examples=["spent_on"])
    object: EntityRef | None = Field(description="The other entity, if any.")
    value: float | None = Field(
        description="The quantity in base units (22.7bn is 22700000000).", examples=[22700000000]
    )
    unit: str | None = Field(
        description="Unit of `value`: ISO 4217 code for money, else a plural-free noun.",
        examples=["USD"],
    )
    value_qualifier: ValueQualifier | None = Field(
        description="How exact `value` is.", examples=["exact"]
    )
    rank: int | None = Field(
        description="Position in a ranking; 'the largest' is 1.", examples=[64]
    )
    rank_total: int | None = Field(description="How many were ranked.", examples=[138])
    scope: str | None = Field(
        description="Where a ranking or claim applies.", examples=["South Caucasus"]
    )
    metric: str | None = Field(
        description="What is ranked or measured.", examples=["weapons imports volume"]
    )
    period_start: int | None = Field(description="First year of the claim.", examples=[2009])
    period_end: int | None = Field(
        description="Last year; null with a start means ongoing.", examples=[2016]
    )
    attributed_to: EntityRef | None = Field(
        description="Who the article cites for the claim; null when it names nobody."
    )
    evidence: Evidence = Field(description="The supporting span of the article.")
    origin: Origin = Field(description="Curated by hand or extracted.", examples=["curated"])
    confidence: float = Field(description="0 to 1; 1.0 for curated facts.", examples=[1.0])
    review_status: ReviewStatus = Field(description="Human review state.", examples=["accepted"])
    extractor_version: str | None = Field(
        description="Pipeline version that produced an extracted fact.", examples=[None]
    )

    @field_serializer("value")
    def whole_numbers_as_integers(self, value: float | None) -> int | float | None:
        # Stored as a double; 22.7bn reads better, and compares exactly, as 22700000000.
        if value is not None and value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value


class MentionPublic(BaseModel):
    """One place where an entity occurs in an article."""

    article_id: int = Field(description="Article id.", examples=[1])
    start: int = Field(description="Offset of the mention's first code point.", examples=[0])
    end: int = Field(description="Offset one past its last code point.", examples=[10])
    text: str = Field(description="The surface text: `text[start:end]`.", examples=["Azerbaijan"])


class EntityPublic(BaseModel):
    """An entity as listed."""

    id: int = Field(description="Entity id.", examples=[1])
    slug: str = Field(description="Unique human-readable key.", examples=["azerbaijan"])
    name: str = Field(description="Canonical name.", examples=["Defense Ministry of Azerbaijan"])
    type: EntityType = Field(description="Entity type.", examples=["organization"])
    aliases: list[str] = Field(
        description="Other surface forms seen or known.", examples=[["Defense Ministry"]]
    )
    wikidata_id: str | None = Field(
        description="Wikidata QID, only where certain.", examples=["Q227"]
    )
    mention_count: int = Field(description="Mentions across all articles.", examples=[22])


class EntityDetail(EntityPublic):
    """An entity with every mention."""

    mentions: list[MentionPublic] = Field(description="Where the entity occurs, in text order.")


class ArticlePublic(BaseModel):
    """An article as listed (without its text)."""

    id: int = Field(description="Article id.", examples=[1])
    slug: str = Field(
        description="Unique human-readable key.",
        examples=["azerbaijan-is-upgrading-its-military-units-in-line-with-the"],
    )
    title: str = Field(
        description="Headline; for a text without one, its first sentence.",
        examples=[
            "Azerbaijan is upgrading its military units in line with the Action Plan for 2020."
        ],
    )
    language: str = Field(description="BCP 47 language code.", examples=["en"])
    source: str | None = Field(description="Publisher, when known.", examples=[None])
    url: str | None = Field(description="Where it was published, when known.", examples=[None])
    published_at: str | None = Field(
        description="ISO 8601 publication time, when known.", examples=[None]
    )
    sha256: str = Field(
        description="Hex SHA-256 of the UTF-8 text.",
        examples=["336e76cb0da50f41d58e2fbe432ed0deaf81ae083d737d890f43f170007bd860"],
    )
    fact_count: int = Field(description="Facts the article makes.", examples=[35])
    entity_count: int = Field(description="Distinct entities it mentions.", examples=[27])


class ArticleDetail(ArticlePublic):
    """An article with its verbatim text."""

    text: str = Field(
        description="The verbatim body, typos included.",
        examples=[
            "Azerbaijan is upgrading its military units in line with the Action Plan for 2020."
        ],
    )


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next."""

    items: list[T] = Field(description="The page's items, in the requested order.")
    total: int = Field(description="How many items match, over all pages.", examples=[35])
    limit: int = Field(description="The page size asked for.", examples=[50])
    next_cursor: str | None = Field(
        description="Cursor of the next page; null on the last page.", examples=[None]
    )


class FactPage(Page[FactPublic]):
    """One page of facts."""


class EntityPage(Page[EntityPublic]):
    """One page of entities."""


class ArticlePage(Page[ArticlePublic]):
    """One page of articles."""


class ProblemError(BaseModel):
    """One invalid input."""

    loc: list[str | int] = Field(
        description="Where: source then name.", examples=[["query", "limit"]]
    )
    msg: str = Field(
        description="What is wrong.", examples=["Input should be less than or equal to 500"]
    )
    type: str = Field(description="Machine-readable kind.", examples=["less_than_equal"])


class Problem(BaseModel):
    """RFC 9457 problem details, sent for every 4xx and 5xx."""

    type: str = Field(description="URI naming the problem kind.", examples=["/problems/not-found"])
    title: str = Field(description="Short summary of the kind.", examples=["Not Found"])
    status: int = Field(description="The HTTP status.", examples=[404])
    detail: str = Field(
        description="What went wrong here.", examples=["No entity 'no-such-entity'."]
    )
    instance: str | None = Field(None, description="The request path.", examples=["/entities/x"])
    errors: list[ProblemError] | None = Field(
        None,
        description="Each invalid input, for validation failures.",
        examples=[
            [
                {
                    "loc": ["query", "limit"],
                    "msg": "Input should be less than or equal to 500",
                    "type": "less_than_equal",
                }
            ]
        ],
    )


class Health(BaseModel):
    """Liveness and database reachability."""

    status: str = Field(
        description="`ok`, or `error` when the database is unreachable.", examples=["ok"]
    )
    database: str = Field(description="`ok` or `unreachable`.", examples=["ok"])


# ---------------------------------------------------------------- query parameters


class FactSort(StrEnum):
    """Fact orderings; a leading `-` sorts descending."""

    id = "id"
    id_desc = "-id"
    value = "value"
    value_desc = "-value"
    period_start = "period_start"
    period_start_desc = "-period_start"
    rank = "rank"


class PageParams(BaseModel):
    """Paging only; unknown parameters are rejected."""

    model_config = ConfigDict(extra="forbid")

    limit: int = LIMIT_FIELD
    cursor: str | None = CURSOR_FIELD


class NoParams(BaseModel):
    """No query parameters at all; any given is rejected."""

    model_config = ConfigDict(extra="forbid")


EntityKey = Annotated[str, Field(min_length=1, max_length=200, description=KEY_DESCRIPTION)]
Year = Annotated[int, Field(ge=-9999, le=9999)]


class FactFilters(PageParams):
    """Filters on facts; all combine with AND."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: FactType | None = Field(None, description="Kind of claim.", examples=["ranking"])
    entity: EntityKey | None = Field(
        None, description="Subject, object or cited source (id or slug).", examples=["azerbaijan"]
    )
    subject: EntityKey | None = Field(
        None, description="Subject (id or slug).", examples=["azerbaijan"]
    )
    object: EntityKey | None = Field(None, description="Object (id or slug).", examples=["nato"])
    attributed_to: EntityKey | None = Field(
        None, description="Cited source (id or slug).", examples=["bloomberg"]
    )
    article_id: int | None = Field(None, ge=1, le=MAX_ID, description="Article id.", examples=[1])
    year: Year | None = Field(
        None,
        description="The period contains this year (open periods: from their start).",
        examples=[2015],
    )
    from_: Year | None = Field(
        None, alias="from", description="The period overlaps years from this one.", examples=[2014]
    )
    to: Year | None = Field(
        None, description="The period overlaps years up to this one.", examples=[2018]
    )
    min_value: float | None = Field(
        None, allow_inf_nan=False, description="value >= this.", examples=[1000000000]
    )
    max_value: float | None = Field(
        None, allow_inf_nan=False, description="value <= this.", examples=[100]
    )
    origin: Origin | None = Field(None, description="Curated or extracted.", examples=["curated"])
    review_status: ReviewStatus | None = Field(
        None, description="Review state.", examples=["accepted"]
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Full-text search over statement and quote: every word must match.",
        examples=["weapons importer"],
    )
    sort: FactSort = Field(
        FactSort.id,
        description="Order; `-` for descending; nulls always last.",
        examples=["-value"],
    )


class EntityFilters(PageParams):
    """Filters on entities; all combine with AND."""

    type: EntityType | None = Field(None, description="Entity type.", examples=["organization"])
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Case-insensitive substring of the name or an alias.",
        examples=["PFP"],
    )
    article_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Entities mentioned in this article.", examples=[1]
    )
