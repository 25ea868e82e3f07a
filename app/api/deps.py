"""Dependencies shared by the routes, as `Annotated` aliases so signatures read as prose."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.db import new_session
from app.errors import UnsupportedMediaType
from app.schemas import EntityFilters, FactFilters, NoParams, PageParams
from app.schemas.facets import ArticleFacetParams, EntityFacetParams, FactFacetParams
from app.schemas.params import ArticleFilters

# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` dependency in
# the thread pool, and those hand-offs (several a request) cost more than a page's SQL.


async def get_engine(request: Request) -> Engine:
    # The lifespan yields the app's runtime as state; each request carries a reference.
    return request.state.runtime.engine


def is_json(media_type: str) -> bool:
    """`application/json` or a JSON-based type (`application/merge-patch+json`), any case."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or (
        essence.startswith("application/") and essence.endswith("+json")
    )


async def require_json_body(request: Request) -> None:
    """Refuses a body sent as anything but JSON (or as nothing named) with 415, before it
    is parsed; an empty body without a type is left to validation (the body is missing)."""
    media_type = request.headers.get("content-type")
    if media_type is None:
        declared = request.headers.get("content-length", "0")
        if declared == "0" and "transfer-encoding" not in request.headers:
            return
    elif is_json(media_type):
        return
    sent = f"not {media_type}" if media_type else "and this request has no Content-Type"
    raise UnsupportedMediaType(
        f"The body must be JSON, sent as Content-Type: application/json, {sent}."
    )


async def single_valued_query(request: Request) -> None:
    """Refuses a query parameter given more than once, unless the operation documents it
    as a list: the last value would silently win (`limit=1&limit=2` paging by 2)."""
    params = request.query_params
    if len(params.keys()) == len(params.multi_items()):
        return
    route = request.scope.get("route")
    # HEAD reaches the routes as GET (app.api.head).
    method = request.method.lower()
    operation = request.app.openapi()["paths"].get(getattr(route, "path", ""), {}).get(method, {})
    lists = {
        parameter["name"]
        for parameter in operation.get("parameters", [])
        if parameter.get("schema", {}).get("type") == "array"
    }
    repeated = [name for name in params if len(params.getlist(name)) > 1 and name not in lists]
    if repeated:
        raise RequestValidationError(
            [
                {"type": "repeated_parameter", "loc": ("query", name),
                 "msg": "Given more than once; this parameter takes one value"}
                for name in repeated
            ]
        )  # fmt: skip


async def get_session(request: Request) -> AsyncIterator[Session]:
    # Connects at its first statement, on the event loop or in the thread that runs the read
    # (app.api.reads); closing gives the connection back (check_same_thread is off).
    # The engine is read here rather than through get_engine: each dependency FastAPI
    # solves costs a request more than an indexed read does.
    with new_session(request.state.runtime.engine) as session:
        yield session


EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]
FactFiltersDep = Annotated[FactFilters, Query()]
EntityFiltersDep = Annotated[EntityFilters, Query()]
ArticleFiltersDep = Annotated[ArticleFilters, Query()]
FactFacetParamsDep = Annotated[FactFacetParams, Query()]
EntityFacetParamsDep = Annotated[EntityFacetParams, Query()]
ArticleFacetParamsDep = Annotated[ArticleFacetParams, Query()]
PageParamsDep = Annotated[PageParams, Query()]
# Routes without parameters still reject unknown ones instead of ignoring them.
NoParamsDep = Annotated[NoParams, Query()]
# After the key: a write without one is a 401 whatever its body.
JsonBody = Annotated[None, Depends(require_json_body)]
