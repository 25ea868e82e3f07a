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


def entity_ref(entity: Any) -> dict:
    """`EntityRef` of an entity row."""
    return {"id": entity.id, "name": entity.name, "type": entity.type}


# Fields sent as stored, read in one C-level pass per row; the others are built below.
PLAIN_FACT_FIELDS = tuple(
    name for name in FACT_FIELDS if name not in ENTITY_ROLES and name not in ("evidence", "value")
)
plain_values = itemgetter(*PLAIN_FACT_FIELDS)


def fact_dict(fact: Row, entities: dict[int, dict]) -> dict:
    """`FactPublic` of a fact row (a Core `Row` of FACT_ROWS' columns); `entities` holds
    the `entity_ref` of each it names."""
    values = fact._asdict()
    found = dict.fromkeys(FACT_FIELDS)  # the wire order; assigning keeps it
    found.update(zip(PLAIN_FACT_FIELDS, plain_values(values), strict=True))
    for name, column in ENTITY_ROLES.items():
        entity_id = values[column]
        found[name] = None if entity_id is None else entities[entity_id]
    found["evidence"] = {"quote": values["quote"], "start": values["evidence_start"],
                         "end": values["evidence_end"]}  # fmt: skip
    value = values["value"]
    # As FactPublic sends it: a whole double as an integer (22700000000, not 2.27e10).
    found["value"] = int(value) if value is not None and value.is_integer() else value
    return found


def fact_json(fact: Any, entities: dict[int, dict]) -> bytes:
    return orjson.dumps(fact_dict(fact, entities))


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
