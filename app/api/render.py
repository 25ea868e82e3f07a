"""Facts and entities straight from database rows to JSON bytes: the read path's one
presenter.

The pydantic models of `app.schemas` stay the documented schema (OpenAPI is made from
them) and the shape writes answer with; building and validating one model per fact, then
encoding it, was most of a page's cost. Here a Core row becomes a dict in the models'
field order and orjson encodes it. tests/api/test_render.py checks these bytes against
the models' JSON on every filter and sort, and for every entity.
"""

from operator import itemgetter
from typing import Any

import orjson
from fastapi import Response
from sqlalchemy import Row

from app.models import ENTITY_ROLES
from app.queries.fact_statements import FACT_ROWS
from app.schemas import EntityDetail, FactPage, FactPublic, MentionPublic

# The wire order, read from the models so that it cannot drift from the schema.
FACT_FIELDS = tuple(FactPublic.model_fields)
PAGE_FIELDS = tuple(FactPage.model_fields)
ENTITY_DETAIL_FIELDS = tuple(EntityDetail.model_fields)
# MentionPublic's fields and the columns they are read from.
MENTION_COLUMNS = {"article_id": "article_id", "start": "start_offset", "end": "end_offset",
                   "text": "text"}  # fmt: skip
assert tuple(MENTION_COLUMNS) == tuple(MentionPublic.model_fields)
JSON = "application/json"


# Where a row of FACT_ROWS holds each of FactPublic's fields, read in one C-level pass per
# row in the wire order: a field sent as stored from its column; an entity from its id
# column, a value from its column, the evidence from its quote, each then rebuilt below.
POSITIONS = {name: position for position, name in enumerate(FACT_ROWS.selected_columns.keys())}
SOURCE_COLUMNS = {**{name: name for name in FACT_FIELDS}, **ENTITY_ROLES, "evidence": "quote"}
wire_values = itemgetter(*(POSITIONS[SOURCE_COLUMNS[name]] for name in FACT_FIELDS))
# Each entity role's field, and where its id, name and type are.
ROLE_POSITIONS = tuple(
    (name, POSITIONS[column], POSITIONS[f"{name}_name"], POSITIONS[f"{name}_type"])
    for name, column in ENTITY_ROLES.items()
)
QUOTE, EVIDENCE_START, EVIDENCE_END, VALUE = (
    POSITIONS[name] for name in ("quote", "evidence_start", "evidence_end", "value")
)


def fact_dict(fact: Row) -> dict:
    """`FactPublic` of a row of FACT_ROWS (the fact's columns, and the name and type of each
    entity it names)."""
    found = dict(zip(FACT_FIELDS, wire_values(fact), strict=True))  # the wire order
    for name, entity_id, entity_name, entity_type in ROLE_POSITIONS:
        if fact[entity_id] is not None:  # (None is sent as it is)
            found[name] = {"id": fact[entity_id], "name": fact[entity_name],
                           "type": fact[entity_type]}  # fmt: skip
    found["evidence"] = {"quote": fact[QUOTE], "start": fact[EVIDENCE_START],
                         "end": fact[EVIDENCE_END]}  # fmt: skip
    value = fact[VALUE]
    # As FactPublic sends it: a whole double as an integer (22700000000, not 2.27e10).
    if value is not None and value.is_integer():
        found["value"] = int(value)
    return found


def fact_json(fact: Row) -> bytes:
    return orjson.dumps(fact_dict(fact))


def page_json(items: list[dict], total: int, total_exact: bool, limit: int,
              next_cursor: str | None) -> bytes:  # fmt: skip
    """`FactPage`'s JSON (the envelope every list shares)."""
    return orjson.dumps({"items": items, "total": total, "total_exact": total_exact,
                         "limit": limit, "next_cursor": next_cursor})  # fmt: skip


def entity_detail_json(entity: Any, aliases: list[str], mentions: list) -> bytes:
    """`EntityDetail` of an entity row (with its `mention_count`), aliases and mentions."""
    found: dict[str, Any] = {}
    for name in ENTITY_DETAIL_FIELDS:
        if name == "aliases":
            found[name] = aliases
        elif name == "mentions":
            found[name] = [{field: getattr(mention, column)
                            for field, column in MENTION_COLUMNS.items()}
                           for mention in mentions]  # fmt: skip
        elif name == "mentions_complete":
            found[name] = len(mentions) == entity.mention_count
        else:
            found[name] = getattr(entity, name)
    return orjson.dumps(found)


def json_response(body: bytes, headers: dict[str, str] | None = None) -> Response:
    response = Response(body, media_type=JSON)
    # After the length and type, in the order the model-returning routes sent them.
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
