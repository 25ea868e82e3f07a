"""Query parameters: paging and the filters of each list; unknown parameters are rejected."""

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic_core import core_schema

from app.bounds import MAX_ID
from app.enums import EntityType, FactType, Modality, Origin, ReviewStatus


def without_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and no name or word needs one: refuse it up front.
    if "\x00" in value:
        raise ValueError("must not contain the NUL character")
    return without_surrogates(value)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: str) -> str:
    # JSON's "\ud800" escape decodes to half a character, which no UTF-8 text (nor any
    # database) can hold: refused here rather than failing when stored.
    if LONE_SURROGATE.search(value):
        raise ValueError("must not contain a lone surrogate (half of a UTF-16 pair)")
    return value


class NoNulCharacter:
    """Refuses NUL in a string, and says so in the OpenAPI schema (a `pattern`), so
    clients and fuzzers know the rule rather than meet a 422."""

    def __get_pydantic_core_schema__(self, source: type, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(without_nul, handler(source))

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        json_schema = handler(schema)
        json_schema["pattern"] = r"^[^\x00]*$"
        return json_schema


NoNul = NoNulCharacter()
# A search costs a term per word: each word once, and a bound on how many (a longer query
# is refused, not cut: a shorter one would silently match more than was asked for).
WORD = re.compile(r"\w+")
MAX_SEARCH_WORDS = 16


def distinct_words(q: str) -> str:
    """The words of `q`, each once (compared case-insensitively), in their first order;
    a `q` with no words at all is kept as it is (it finds nothing)."""
    first: dict[str, str] = {}
    for word in WORD.findall(q):
        first.setdefault(word.casefold(), word)
    words = list(first.values())
    if len(words) > MAX_SEARCH_WORDS:
        raise ValueError(f"at most {MAX_SEARCH_WORDS} distinct words, not {len(words)}")
    return " ".join(words) or q


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
KEY_DESCRIPTION = "An integer id or a slug."
LIMIT_FIELD = Field(50, ge=1, le=500, description="Page size, 1 to 500.", examples=[50])
CURSOR_FIELD = Field(
    None,
    min_length=1,
    max_length=500,
    description="The `next_cursor` of the previous page; omit it for the first page.",
    examples=["eyJzIjoiaWQiLCJ2IjpudWxsLCJpIjo1MH0"],
)


class FactSort(StrEnum):
    """Fact orderings; a leading `-` sorts descending; `relevance` (best match first)
    needs `q`, and is the order of a search that names no sort."""

    id = "id"
    id_desc = "-id"
    value = "value"
    value_desc = "-value"
    period_start = "period_start"
    period_start_desc = "-period_start"
    rank = "rank"
    relevance = "relevance"

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler: GetJsonSchemaHandler):
        # `-value` is no identifier: name each value after its member (`VALUE_DESC`) for
        # client generators (openapi-generator reads x-enum-varnames, NSwag x-enumNames).
        json_schema = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        target["x-enum-varnames"] = [member.name.upper() for member in cls]
        target["x-enumNames"] = [member.name.upper() for member in cls]
        return json_schema


class PageParams(BaseModel):
    """Paging only; unknown parameters are rejected."""

    model_config = ConfigDict(extra="forbid")

    limit: int = LIMIT_FIELD
    cursor: str | None = CURSOR_FIELD


class ListFormat(StrEnum):
    """How a list answers: a JSON page, or CSV of the whole filtered result."""

    json = "json"
    csv = "csv"


class ListParams(PageParams):
    """Paging and the answer's format: every list answers CSV too."""

    format: ListFormat | None = Field(
        None,
        description="`csv`: the whole filtered result as CSV, streamed (as `Accept: text/csv` "
        "asks); `json` (the default): one page. CSV follows `limit` only when it is given.",
        examples=["csv"],
    )


class NoParams(BaseModel):
    """No query parameters at all; any given is rejected."""

    model_config = ConfigDict(extra="forbid")


EntityKey = Annotated[str, NoNul, Field(min_length=1, max_length=200, description=KEY_DESCRIPTION)]
Year = Annotated[int, Field(ge=-9999, le=9999)]


class FactConditions(BaseModel):
    """The conditions on facts, which lists and facets share; all combine with AND."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: FactType | None = Field(None, description="Kind of claim.", examples=["ranking"])
    entity: EntityKey | None = Field(
        None,
        description="Subject, object, cited source or the predecessor an appointment replaces "
        "(id or slug).",
        examples=["azerbaijan"],
    )
    subject: EntityKey | None = Field(
        None, description="Subject (id or slug).", examples=["azerbaijan"]
    )
    object: EntityKey | None = Field(None, description="Object (id or slug).", examples=["nato"])
    attributed_to: EntityKey | None = Field(
        None, description="Cited source (id or slug).", examples=["bloomberg"]
    )
    replaces: EntityKey | None = Field(
        None,
        description="The predecessor an appointment replaces (id or slug; an extension of the "
        "contract).",
        examples=["zakir-hasanov"],
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
    modality: Modality | None = Field(
        None,
        description="Asserted, planned or proposed (an extension of the contract).",
        examples=["planned"],
    )
    origin: Origin | None = Field(None, description="Curated or extracted.", examples=["curated"])
    review_status: ReviewStatus | None = Field(
        None, description="Review state.", examples=["accepted"]
    )
    q: Annotated[str, NoNul] | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Full-text search over statement and quote: every word must match "
        f"(each counted once; at most {MAX_SEARCH_WORDS} distinct words).",
        examples=["weapons importer"],
    )

    @field_validator("q")
    @classmethod
    def each_word_once(cls, q: str | None) -> str | None:
        return None if q is None else distinct_words(q)

    @property
    def order(self) -> FactSort:
        """The order facts are read in: best match first for a search, else by id."""
        return FactSort.relevance if self.q is not None else FactSort.id


class FactFilters(FactConditions, ListParams):
    """Filters on facts, paging and order; all filters combine with AND."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sort: FactSort | None = Field(
        None,
        description="Order; `-` for descending; nulls always last. Default: `id`, or "
        "`relevance` when `q` is given (`relevance` needs `q`).",
        examples=["-value"],
    )

    @model_validator(mode="after")
    def relevance_needs_a_search(self) -> "FactFilters":
        if self.sort is FactSort.relevance and self.q is None:
            raise ValueError("sort=relevance ranks the matches of q: give q too")
        return self

    @property
    def order(self) -> FactSort:
        """The sort in force: the one asked for, else relevance for a search, else id."""
        if self.sort is not None:
            return self.sort
        return FactSort.relevance if self.q is not None else FactSort.id


class EntityConditions(BaseModel):
    """The conditions on entities, which lists and facets share; all combine with AND."""

    model_config = ConfigDict(extra="forbid")

    type: EntityType | None = Field(None, description="Entity type.", examples=["organization"])
    q: Annotated[str, NoNul] | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Case-insensitive substring of the name or an alias.",
        examples=["PFP"],
    )
    article_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Entities mentioned in this article.", examples=[1]
    )


class EntityFilters(EntityConditions, ListParams):
    """Filters on entities and paging; all filters combine with AND."""


class ArticleConditions(BaseModel):
    """The conditions on articles, which lists and facets share; all combine with AND."""

    model_config = ConfigDict(extra="forbid")

    source: Annotated[str, NoNul] | None = Field(
        None, min_length=1, max_length=200, description="Publisher, exactly.",
        examples=["Trend"],
    )  # fmt: skip
    published_from: date | None = Field(
        None, description="Published on or after this day (ISO 8601 date).",
        examples=["2020-01-01"],
    )  # fmt: skip
    published_to: date | None = Field(
        None, description="Published on or before this day (ISO 8601 date).",
        examples=["2020-12-31"],
    )  # fmt: skip
    q: Annotated[str, NoNul] | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Words of the title or text: every word must occur, case-insensitively "
        f"(at most {MAX_SEARCH_WORDS} distinct words).",
        examples=["Action Plan"],
    )

    @field_validator("q")
    @classmethod
    def each_word_once(cls, q: str | None) -> str | None:
        return None if q is None else distinct_words(q)

    @field_validator("published_from", "published_to", mode="before")
    @classmethod
    def iso_day(cls, value: object) -> object:
        # A day as ISO 8601 writes it, nothing pydantic would also take (a Unix time "0").
        if isinstance(value, str) and not ISO_DAY.fullmatch(value):
            raise ValueError("must be a date written YYYY-MM-DD")
        return value

    @model_validator(mode="after")
    def from_before_to(self) -> "ArticleConditions":
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError("published_from is after published_to: no day is in between")
        return self


class ArticleFilters(ArticleConditions, ListParams):
    """Filters on articles and paging; all filters combine with AND."""
