"""Request bodies of the write endpoints, and what they answer."""

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import core_schema

from app.bounds import MAX_VALUE
from app.enums import Modality, ReviewStatus, ValueQualifier
from app.extraction.text import BLANK
from app.schemas.params import MAX_ID, NoNul, without_nul, without_surrogates
from app.schemas.resources import ArticleDetail, EntityPublic, FactPublic

# Request bodies are JSON: a number is not read from a string, a boolean or a float
# (pydantic's lax mode would take "64", true and 64.0 for 64), as the schema says.
StrictInt = Annotated[int, Strict()]
StrictNumber = Annotated[float, Strict()]  # an integer is a number too


def iso_text(value: object) -> object:
    """Dates come as ISO 8601 text; lax pydantic would read 0 or "1700000000" as Unix time."""
    iso = isinstance(value, str) and value[:4].isdigit() and value[4:5] == "-"
    if value is not None and not iso:
        raise ValueError("expected an ISO 8601 date or date-time, like 2020-02-05")
    return value


# A character that shows something: not whitespace, not zero-width.
VISIBLE = re.compile(f"[^{BLANK}]")


def visible_text(value: str) -> str:
    if VISIBLE.search(value) is None:
        raise ValueError("must contain more than whitespace and zero-width characters")
    return without_nul(value)


class VisibleText:
    """Refuses a text that shows nothing (and NUL, and lone surrogates), and says so in
    the OpenAPI schema with a pattern, so clients and fuzzers know the rule."""

    def __get_pydantic_core_schema__(self, source: type, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(visible_text, handler(source))

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        json_schema = handler(schema)
        json_schema["pattern"] = rf"^[^\x00]*[^\x00{BLANK}][^\x00]*$"
        return json_schema


Visible = VisibleText()
# No whitespace or control characters, spelt out: `\S` differs between regex dialects
# (the validator's and a client's JSON Schema library) on characters like U+0085.
URL_PATTERN = r"^https?://[^\x00-\x20\x7f-\x9f]+$"
SEED_SENTENCE = 'Azerbaijan joined the NATO-led "Partnership for Peace" (PFP) programme in 1994.'


class ArticleCreate(BaseModel):
    """An article to store and extract facts from; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Visible] = Field(
        min_length=1,
        description="The article body, stored verbatim; offsets are counted in its code points.",
        examples=[SEED_SENTENCE],
    )
    title: Annotated[str, Visible] | None = Field(
        None, min_length=1, max_length=500,
        description="Headline; without one, the first sentence is used.",
        examples=["Azerbaijan is upgrading its military units"],
    )  # fmt: skip
    url: Annotated[
        str, StringConstraints(max_length=2000, pattern=URL_PATTERN),
        AfterValidator(without_surrogates),
    ] | None = Field(
        None, description="Where it was published.",
        examples=["https://news.example/azerbaijan-army"],
    )  # fmt: skip
    source: Annotated[str, NoNul] | None = Field(
        None, max_length=200, description="Publisher or outlet.", examples=["Trend News Agency"]
    )
    published_at: Annotated[date | datetime | None, BeforeValidator(iso_text)] = Field(
        None,
        description="ISO 8601 date or time of publication; resolves 'last year' in the text.",
        examples=["2020-02-05"],
    )
    language: str = Field(
        "en", max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="BCP 47 language code.", examples=["en"],
    )  # fmt: skip


class ArticleIngested(ArticleDetail):
    """The stored article with the facts and entities extracted from it."""

    facts: list[FactPublic] = Field(description="Every fact of the article.")
    entities: list[EntityPublic] = Field(description="Every entity the article mentions.")


CORRECTABLE = (
    "statement", "predicate", "value", "unit", "modality", "value_qualifier", "rank",
    "rank_total", "scope", "metric", "quantity", "item", "period_start", "period_end",
    "subject", "object", "attributed_to", "replaces",
)  # fmt: skip


REQUIRED = ("statement", "predicate", "subject")


class FactReview(BaseModel):
    """A review decision; with `corrected`, the fields that were wrong and their right values."""

    model_config = ConfigDict(extra="forbid")

    review_status: ReviewStatus = Field(
        description="`accepted`, `rejected`, `corrected` (or back to `unreviewed`).",
        examples=["corrected"],
    )
    statement: Annotated[str, Visible] | None = Field(
        None, min_length=1, max_length=2000, description="Corrected statement.",
        examples=["Azerbaijan spent 22.7 billion USD on defence-related products in 2009–2016."],
    )  # fmt: skip
    predicate: str | None = Field(
        None, pattern=r"^[a-z][a-z0-9_]{0,79}$", description="Corrected relation.",
        examples=["spent_on"],
    )  # fmt: skip
    value: StrictNumber | None = Field(
        None, allow_inf_nan=False, ge=-MAX_VALUE, le=MAX_VALUE,
        description="Corrected value, base units.",
        examples=[22700000000],
    )  # fmt: skip
    unit: Annotated[str, Visible] | None = Field(
        None, max_length=40, description="Corrected unit.", examples=["USD"]
    )
    modality: Modality | None = Field(
        None, description="Corrected modality.", examples=["asserted"]
    )
    value_qualifier: ValueQualifier | None = Field(
        None, description="Corrected qualifier.", examples=["exact"]
    )
    rank: StrictInt | None = Field(
        None, ge=1, le=MAX_ID, description="Corrected rank.", examples=[64]
    )
    rank_total: StrictInt | None = Field(
        None, ge=1, le=MAX_ID, description="Corrected total ranked.", examples=[138]
    )
    scope: Annotated[str, Visible] | None = Field(
        None, max_length=200, description="Corrected scope.", examples=["global"]
    )
    metric: Annotated[str, Visible] | None = Field(
        None, max_length=200, description="Corrected metric.", examples=["military strength"]
    )
    quantity: StrictInt | None = Field(
        None, ge=0, le=MAX_ID, description="Corrected count of items or troops.", examples=[97]
    )
    item: Annotated[str, Visible] | None = Field(
        None, max_length=200, description="Corrected item bought, or exercise name.",
        examples=["Tejas Mk1A fighter jets"],
    )  # fmt: skip
    period_start: StrictInt | None = Field(
        None, ge=-9999, le=9999, description="Corrected first year.", examples=[2009]
    )
    period_end: StrictInt | None = Field(
        None, ge=-9999, le=9999, description="Corrected last year.", examples=[2016]
    )
    subject: Annotated[str, NoNul] | None = Field(
        None, min_length=1, max_length=200, description="Corrected subject (entity id or slug).",
        examples=["azerbaijan"],
    )  # fmt: skip
    object: Annotated[str, NoNul] | None = Field(
        None, min_length=1, max_length=200, description="Corrected object (entity id or slug).",
        examples=["nato"],
    )  # fmt: skip
    attributed_to: Annotated[str, NoNul] | None = Field(
        None, min_length=1, max_length=200, description="Corrected source (entity id or slug).",
        examples=["bloomberg"],
    )  # fmt: skip
    replaces: Annotated[str, NoNul] | None = Field(
        None, min_length=1, max_length=200,
        description="Corrected predecessor of an appointment (entity id or slug).",
        examples=["zakir-hasanov"],
    )  # fmt: skip
    note: Annotated[str, Visible] | None = Field(
        None, min_length=1, max_length=2000,
        description="Why: kept with the decision in the fact's audit trail "
        "(GET /facts/{id}/reviews).",
        examples=["The article gives the period as 2009-2016."],
    )  # fmt: skip

    @model_validator(mode="after")
    def corrections_need_corrected(self) -> "FactReview":
        changed = self.corrections()
        if changed and self.review_status is not ReviewStatus.corrected:
            raise ValueError("fields can be changed only with review_status 'corrected'")
        if self.review_status is ReviewStatus.corrected and not changed:
            raise ValueError("review_status 'corrected' needs at least one corrected field")
        cleared = [name for name in REQUIRED if name in changed and changed[name] is None]
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be null")
        return self

    def corrections(self) -> dict:
        """The corrected fields the client sent (an explicit null clears a field)."""
        return {name: getattr(self, name) for name in CORRECTABLE if name in self.model_fields_set}
