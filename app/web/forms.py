"""Reading what pages are sent: filters from a query string, decisions and corrections from
forms, each checked by the API's own models (`FactFilters`, `FactReview`)."""

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.enums import ReviewStatus
from app.schemas import FactFilters, FactReview

# FactReview's corrected fields, by how a form's text is read.
TEXT_FIELDS = ("statement", "predicate", "unit", "scope", "metric", "item", "modality",
               "value_qualifier")  # fmt: skip
INT_FIELDS = ("rank", "rank_total", "quantity", "period_start", "period_end")
ENTITY_FIELDS = ("subject", "object", "attributed_to", "replaces")
CORRECTABLE = (*TEXT_FIELDS, "value", *INT_FIELDS, *ENTITY_FIELDS)
DECISIONS = {status.value: status for status in ReviewStatus}
MAX_FIELD = 5000  # longer than any field's own bound: refused by the model, never stored


def invalid(location: str, name: str, message: str, kind: str = "value_error"):
    return RequestValidationError([{"loc": (location, name), "msg": message, "type": kind}])


def single_values(items: Iterable[tuple[str, str]], location: str) -> dict[str, str]:
    """The given (non-empty) values by name; a name given twice is refused, as the API does."""
    found: dict[str, str] = {}
    for name, value in items:
        if name in found:
            raise invalid(location, name, "Given more than once; this takes one value",
                          "repeated_parameter")  # fmt: skip
        if value != "":  # an empty form field is a filter not set
            found[name] = value
    return found


def fact_filters(items: Iterable[tuple[str, str]], own: tuple[str, ...] = ()):
    """(FactFilters of the query, the page's own parameters `own`); a page's query may hold
    nothing else."""
    given = single_values(items, "query")
    extras = {name: given.pop(name) for name in own if name in given}
    try:
        return FactFilters.model_validate(given), extras
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e["loc"])} for e in error.errors()]
        ) from None


def filters_query(filters: FactFilters, *drop: str) -> str:
    """The filters as a query string again (only those given), without the names `drop`."""
    values = filters.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    return urlencode({k: str(v) for k, v in values.items() if k not in drop})


def queue_query(raw: str) -> tuple[FactFilters, dict[str, str]]:
    """A queue's query string carried by a form, checked again (it comes from the client)."""
    return fact_filters(parse_qsl(raw[:MAX_FIELD], keep_blank_values=True), ("after",))


def parse_after(raw: str | None) -> tuple[float, int] | None:
    """`confidence:id`, where a skipped queue goes on from."""
    if raw is None:
        return None
    confidence, _, fact_id = raw.partition(":")
    try:
        found = (float(confidence), int(fact_id))
    except ValueError:
        raise invalid("query", "after", "must be `confidence:id`") from None
    if not (0.0 <= found[0] <= 1.0 and 0 < found[1] < 2**31):
        raise invalid("query", "after", "must be `confidence:id`")
    return found


def typed(name: str, raw: str) -> Any:
    if name in INT_FIELDS:
        try:
            return int(raw)
        except ValueError:
            raise invalid("form", name, "must be a whole number") from None
    if name == "value":
        try:
            number = float(raw)
        except ValueError:
            raise invalid("form", name, "must be a number") from None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return raw


def current_value(fact: dict, name: str) -> Any:
    if name in ENTITY_FIELDS:
        entity = fact.get(name)
        return None if entity is None else str(entity["id"])
    return fact.get(name)


def review_of(form: dict[str, str], fact: dict) -> FactReview:
    """The review a decision form (its fields, empty ones kept: an emptied field clears it)
    asks for; with `corrected`, the fields it changed from the fact as it is now (`fact`,
    its JSON as a dict): a field left as it was is not sent."""
    decision = DECISIONS.get(form.get("decision", ""))
    if decision is None:
        raise invalid("form", "decision", "must be accepted, rejected, corrected or unreviewed")
    body: dict[str, Any] = {"review_status": decision}
    note = form.get("note", "").strip()
    if note:  # kept with the decision in the audit trail
        body["note"] = note[: MAX_FIELD + 1]
    if decision is ReviewStatus.corrected:
        for name in CORRECTABLE:
            if name not in form:
                continue  # not on the form at all
            raw = form[name]
            if len(raw) > MAX_FIELD:
                raise invalid("form", name, f"at most {MAX_FIELD} characters")
            value = None if raw.strip() == "" else typed(name, raw.strip())
            if value != current_value(fact, name):
                body[name] = value
    try:
        return FactReview.model_validate(body)
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("form", *e["loc"])} for e in error.errors()]
        ) from None
