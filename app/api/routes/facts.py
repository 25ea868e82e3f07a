"""Routes for facts: the filtered list and one fact."""

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Path, Request, Response
from sqlmodel import Session

from app.api.deps import FactFiltersDep, NoParamsDep, SessionDep
from app.api.pagination import page_response
from app.api.present import present_fact
from app.api.responses import ITEM_ERRORS, LIST_ERRORS
from app.queries.facts import get_fact, list_facts
from app.schemas import FactFilters, FactPage, FactPublic

router = APIRouter(prefix="/facts", tags=["facts"])


def fact_page(
    request: Request,
    response: Response,
    session: Session,
    filters: FactFilters,
    *within: sa.ColumnElement[bool],
) -> FactPage:
    """A page of facts as the list routes answer it, `Link` header included."""
    listing = list_facts(session, filters, *within)
    items = [present_fact(fact, listing.entities) for fact in listing.rows]
    return page_response(FactPage, request, response, listing, items, filters.limit)


@router.get("", response_model=FactPage, summary="List facts", responses=LIST_ERRORS)
def read_facts(
    request: Request, response: Response, session: SessionDep, filters: FactFiltersDep
) -> FactPage:
    """List facts, filtered, sorted and paged with a cursor."""
    return fact_page(request, response, session, filters)


@router.get("/{id}", response_model=FactPublic, summary="Get a fact", responses=ITEM_ERRORS)
def read_fact(
    id: Annotated[str, Path(description="Fact id.", examples=["9"])],
    session: SessionDep,
    _: NoParamsDep,
) -> FactPublic:
    """One fact with its evidence."""
    fact, entities = get_fact(session, id)
    return present_fact(fact, entities)
