"""Routes for facets: counts per value of a list's fields, under the list's filters."""

import orjson
from fastapi import APIRouter, Response

from app.api.deps import (
    ArticleFacetParamsDep,
    EntityFacetParamsDep,
    FactFacetParamsDep,
    SessionDep,
)
from app.api.reads import run_read
from app.api.render import json_response
from app.api.responses import ITEM_ERRORS
from app.queries.facets import article_facets, entity_facets, fact_facets
from app.schemas.facets import FacetCounts

router = APIRouter(prefix="/facets", tags=["facets"])


@router.get(
    "/facts",
    response_model=FacetCounts,
    summary="Count facts per value",
    responses=ITEM_ERRORS,
    operation_id="facet_facts",
)
async def read_fact_facets(session: SessionDep, params: FactFacetParamsDep) -> Response:
    """Counts of the facts the /facts filters select, per type, review status, origin, unit,
    subject, cited source and year."""
    return json_response(orjson.dumps(await run_read(session, fact_facets, session, params)))


@router.get(
    "/entities",
    response_model=FacetCounts,
    summary="Count entities per value",
    responses=ITEM_ERRORS,
    operation_id="facet_entities",
)
async def read_entity_facets(session: SessionDep, params: EntityFacetParamsDep) -> Response:
    """Counts of the entities the /entities filters select, per type."""
    return json_response(orjson.dumps(await run_read(session, entity_facets, session, params)))


@router.get(
    "/articles",
    response_model=FacetCounts,
    summary="Count articles per value",
    responses=ITEM_ERRORS,
    operation_id="facet_articles",
)
async def read_article_facets(session: SessionDep, params: ArticleFacetParamsDep) -> Response:
    """Counts of the articles the /articles filters select, per source and publication year."""
    return json_response(orjson.dumps(await run_read(session, article_facets, session, params)))
