"""Routes for entities: the filtered list, one entity with its mentions, and its facts."""

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Path, Request, Response
from sqlmodel import Session

from app.api.csv_lists import VARY, csv_asked, csv_response
from app.api.deps import EntityFiltersDep, FactFiltersDep, NoParamsDep, SessionDep
from app.api.pagination import page_response
from app.api.present import present_entity
from app.api.reads import run_read
from app.api.render import entity_detail_json, json_response
from app.api.responses import CSV_LIST, ITEM_ERRORS, LIST_ERRORS
from app.api.routes.facts import fact_page
from app.queries.entities import EntityRow, get_entity_detail, list_entities
from app.queries.exports import export_entities
from app.queries.lookup import entity_id_of
from app.schemas import (
    KEY_DESCRIPTION,
    EntityDetail,
    EntityFilters,
    EntityPage,
    EntityPublic,
    FactPage,
)


def entity_item(row: EntityRow) -> dict:
    return present_entity(row).model_dump(mode="json")


router = APIRouter(prefix="/entities", tags=["entities"])

EntityKeyPath = Annotated[str, Path(description=KEY_DESCRIPTION, examples=["azerbaijan"])]


def entity_page(
    request: Request,
    response: Response,
    session: Session,
    filters: EntityFilters,
    *within: sa.ColumnElement[bool],
) -> EntityPage | Response:
    """A page of entities as the list routes answer it, `Link` header included; or the
    whole list as CSV, when the request asks for it."""
    if csv_asked(request, filters):
        rows = export_entities(session, filters, *within)
        return csv_response(request, "entities", EntityPublic, rows, entity_item)
    response.headers.update(VARY)
    listing = list_entities(session, filters, *within, counts=request.state.runtime.count_cache)
    items = [present_entity(row) for row in listing.rows]
    return page_response(EntityPage, request, response, listing, items, filters.limit)


@router.get(
    "",
    response_model=EntityPage,
    summary="List entities",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_entities",
)
def read_entities(
    request: Request, response: Response, session: SessionDep, filters: EntityFiltersDep
) -> EntityPage | Response:
    """List entities, filtered and paged with a cursor."""
    return entity_page(request, response, session, filters)


@router.get(
    "/{id}",
    response_model=EntityDetail,
    summary="Get an entity",
    responses=ITEM_ERRORS,
    operation_id="get_entity",
)
async def read_entity(id: EntityKeyPath, session: SessionDep, _: NoParamsDep) -> Response:
    """One entity with its aliases and every mention."""
    found = await run_read(session, get_entity_detail, session, id)
    return json_response(entity_detail_json(found.entity, found.aliases, found.mentions))


@router.get(
    "/{id}/facts",
    response_model=FactPage,
    summary="List an entity's facts",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_entity_facts",
)
async def read_entity_facts(
    id: EntityKeyPath,
    request: Request,
    session: SessionDep,
    filters: FactFiltersDep,
) -> Response:
    """Facts the entity is subject, object, source or predecessor of; /facts filters apply."""

    def read() -> Response:
        involving = entity_id_of(session, id)
        return fact_page(request, session, filters, involving=involving)

    return await run_read(session, read)
