"""The rules every stored row keeps, checked where rows enter: ingestion, the seed and import.

Evidence and mentions quote their article exactly; integers fit the 32-bit columns of both
backends; a fact's claim is consistent. Pure checks: no database, no web framework.
"""

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from app.bounds import MAX_ID, MAX_VALUE, MIN_INT
from app.extraction.candidates import Span


class GroundingError(ValueError):
    """A row that breaks an invariant: evidence that does not quote the article, an unknown
    entity, a number out of range, a claim at odds with itself."""


def is_int(value: Any) -> bool:
    return type(value) is int  # bool is an int subclass, and not a number here


def check_int(value: Any, what: str, low: int = MIN_INT, high: int = MAX_ID) -> None:
    if not is_int(value):
        raise GroundingError(f"{what} must be an integer, not {value!r}")
    if not low <= value <= high:
        raise GroundingError(f"{what} must be at least {low}, not {value}" if value < low
                             else f"{what} must be at most {high}, not {value}")  # fmt: skip


def check_span(text: str, span: Span, what: str) -> None:
    """`text[start:end] == quote`, with 0 <= start < end <= len(text)."""
    check_int(span.start, f"{what}: start", 0)
    check_int(span.end, f"{what}: end", span.start + 1)
    if span.end > len(text):
        raise GroundingError(
            f"{what}: end {span.end} is past the end of the text ({len(text)} characters)"
        )
    if text[span.start : span.end] != span.quote:
        raise GroundingError(
            f"{what}: text[{span.start}:{span.end}] is not the quote {span.quote!r}"
        )


def check_claim(claim: Mapping[str, Any], what: str) -> None:
    """The claim fields of a fact (`FACT_CLAIM_FIELDS`) are in range and agree."""
    for name in ("rank", "rank_total"):
        if claim[name] is not None:
            check_int(claim[name], f"{what}: {name}", 1)
    for name in ("period_start", "period_end"):
        if claim[name] is not None:
            check_int(claim[name], f"{what}: {name}")
    if claim["quantity"] is not None:  # a count: none bought is 0, never fewer
        check_int(claim["quantity"], f"{what}: quantity", 0)
    rank, total = claim["rank"], claim["rank_total"]
    if rank is not None and total is not None and rank > total:
        raise GroundingError(f"{what}: rank {rank} is greater than rank_total {total}")
    start, end = claim["period_start"], claim["period_end"]
    if start is not None and end is not None and start > end:
        raise GroundingError(f"{what}: period_start {start} is after period_end {end}")
    value = claim["value"]
    if value is not None and not (is_finite_number(value) and abs(value) <= MAX_VALUE):
        raise GroundingError(f"{what}: value must be a number of at most {MAX_VALUE:g}, not "
                             f"{value!r}")  # fmt: skip
    confidence = claim["confidence"]
    if not (is_finite_number(confidence) and 0 <= confidence <= 1):
        raise GroundingError(f"{what}: confidence must be a number from 0 to 1, not {confidence!r}")


def is_finite_number(value: Any) -> bool:
    return (is_int(value) or type(value) is float) and math.isfinite(value)


def check_columns(table: sa.Table, row: dict[str, Any]) -> None:
    """A row given as plain JSON values has exactly the table's columns, each of its type:
    integers in the 32-bit range (ids from 1), strings within their length and without NUL
    (PostgreSQL cannot store it), enum members, ISO 8601 times; null only where allowed."""
    names = [column.name for column in table.columns]
    unknown = sorted(set(row) - set(names))
    if unknown:
        raise GroundingError(f"unknown fields {unknown}")
    missing = [name for name in names if name not in row]
    if missing:
        raise GroundingError(f"missing fields {missing}")
    for column in table.columns:
        value = row[column.name]
        if value is None:
            if not column.nullable or column.primary_key:
                raise GroundingError(f"{column.name} must not be null")
            continue
        check_value(column, value)


def check_value(column: sa.Column, value: Any) -> None:
    kind, name = column.type, column.name
    if isinstance(kind, sa.TypeDecorator):  # SQLModel's strings
        kind = kind.impl_instance
    if isinstance(kind, sa.Enum):
        if value not in kind.enums:
            raise GroundingError(f"{name} must be one of {kind.enums}, not {value!r}")
    elif isinstance(kind, sa.Integer):
        check_int(value, name, 1 if column.primary_key or column.foreign_keys else MIN_INT)
    elif isinstance(kind, sa.Float):
        if not is_finite_number(value):
            raise GroundingError(f"{name} must be a finite number, not {value!r}")
    elif isinstance(kind, sa.DateTime):
        if not isinstance(value, str) or not is_iso_time(value):
            raise GroundingError(f"{name} must be an ISO 8601 time, not {value!r}")
    elif isinstance(kind, sa.JSON):  # the audit trail's fields before and after
        if not isinstance(value, dict):
            raise GroundingError(f"{name} must be a JSON object, not {value!r}")
    elif isinstance(kind, sa.String):
        if not isinstance(value, str):
            raise GroundingError(f"{name} must be a string, not {value!r}")
        if kind.length is not None and len(value) > kind.length:
            raise GroundingError(f"{name} must be at most {kind.length} characters long")
        if "\x00" in value:
            raise GroundingError(f"{name} must not contain the NUL character")
    else:  # a column type this check does not know yet must not pass unchecked
        raise AssertionError(f"no check for {name} of type {kind!r}")


def is_iso_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
