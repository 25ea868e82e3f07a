"""Dependencies shared by the routes, as `Annotated` aliases so signatures read as prose."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.db import iter_session
from app.schemas import EntityFilters, FactFilters, NoParams, PageParams


def get_engine(request: Request) -> Engine:
    # The lifespan yields the app's runtime as state; each request carries a reference.
    return request.state.runtime.engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    yield from iter_session(engine)


EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]
FactFiltersDep = Annotated[FactFilters, Query()]
EntityFiltersDep = Annotated[EntityFilters, Query()]
PageParamsDep = Annotated[PageParams, Query()]
# Routes without parameters still reject unknown ones instead of ignoring them.
NoParamsDep = Annotated[NoParams, Query()]
