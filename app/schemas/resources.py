"""Wire shapes of the resources: facts, entities, articles, and the page envelope."""

from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from app.claims import FactClaim
from app.enums import EntityType, ReviewStatus

T = TypeVar("T")


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


class FactKeys(BaseModel):
    """A fact's own id and its article's, declared apart so that they lead a fact's JSON
    (fields of base classes come first, the last base first)."""

    id: int = Field(description="Fact id.", examples=[8])
    article_id: int = Field(description="The article that makes the claim.", examples=[1])


class FactPublic(FactClaim, FactKeys):
    """A claim made by an article, with the evidence that grounds it."""

    # Every field is always sent: the claim's defaults (the candidate's) must not make
    # them optional in the answer's schema.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    subject: EntityRef = Field(description="The entity the claim is about.")
    object: EntityRef | None = Field(description="The other entity, if any.")
    attributed_to: EntityRef | None = Field(
        description="Who the article cites for the claim; null when it names nobody."
    )
    replaces: EntityRef | None = Field(
        description="Whom an appointment's person succeeds (a person entity); null for other "
        "facts and when the article names nobody (an extension of the contract)."
    )
    evidence: Evidence = Field(description="The supporting span of the article.")

    @field_serializer("value")
    def whole_numbers_as_integers(self, value: float | None) -> int | float | None:
        # Stored as a double; 22.7bn reads better, and compares exactly, as 22700000000.
        # Every whole double is exactly an integer, so none is sent as `1e+16`.
        if value is not None and value.is_integer():
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

    mentions: list[MentionPublic] = Field(
        description="Where the entity occurs, in text order: the first 100 (`mention_count` "
        "says how many there are)."
    )
    mentions_complete: bool = Field(
        True,
        description="False when the entity has more mentions than are listed here "
        "(an extension of the contract).",
        examples=[True],
    )


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
    total: int = Field(
        description="How many items match, over all pages; counting stops at 10,000.",
        examples=[35],
    )
    total_exact: bool = Field(
        True,
        description="False when more than 10,000 items match: `total` is then 10,000, a "
        "lower bound (an extension of the contract; counting millions would cost every page).",
        examples=[True],
    )
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


class ReviewPublic(BaseModel):
    """One review of a fact, from its audit trail."""

    id: int = Field(description="Review id.", examples=[1])
    fact_id: int = Field(description="The fact reviewed.", examples=[9])
    reviewer: str = Field(
        description="The label of the write key that made the review (`API_KEYS` "
        "`label=key`), never the key.",
        examples=["alice"],
    )
    decided_at: datetime = Field(description="When (UTC).", examples=["2026-12-02T01:50:00Z"])
    review_status: ReviewStatus = Field(
        description="The decision: the `review_status` the review set.", examples=["corrected"]
    )
    note: str | None = Field(description="The reviewer's note, if any.", examples=[None])
    before: dict[str, Any] = Field(
        description="The fields the review changed, as they were (entities by slug); "
        "`review_status` always.",
        examples=[{"review_status": "unreviewed", "period_end": 2015}],
    )
    after: dict[str, Any] = Field(
        description="The same fields after the review (a regenerated `statement` included).",
        examples=[{"review_status": "corrected", "period_end": 2016}],
    )

    @field_validator("decided_at")
    @classmethod
    def in_utc(cls, value: datetime) -> datetime:
        # SQLite hands stored times back without their offset; they were stored as UTC.
        return value if value.tzinfo else value.replace(tzinfo=UTC)


class ReviewPage(Page[ReviewPublic]):
    """One page of a fact's reviews, oldest first."""
