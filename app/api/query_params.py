"""Query models validated in one pydantic call, by an undocumented twin of each read route.

FastAPI reads a query model field by field, working out on every request each field's
kind and names again (FactFilters' 19 fields: 0.1-0.2 ms a request, about what an entity's
page takes in SQLite). It documents a route from the signature it runs, so the declared
route stays, for the schema, and a twin out of the schema put before it answers the same
requests with the same endpoint, its query models validated at once, failing with the
errors FastAPI reports (so the same problem+json).
"""

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, get_args, get_origin

from fastapi import APIRouter, Depends, Request, params
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError


def query_model(annotation: Any) -> type[BaseModel] | None:
    """The model of an `Annotated[Model, Query()]` parameter, else None."""
    if get_origin(annotation) is not Annotated:
        return None
    model, *metadata = get_args(annotation)
    is_model = isinstance(model, type) and issubclass(model, BaseModel)
    return model if is_model and any(isinstance(m, params.Query) for m in metadata) else None


@functools.cache
def read_in_one_pass(model: type[BaseModel]) -> Callable[[Request], Any]:
    """A dependency: `model` validated from the whole query string."""

    # Each name once but these: app.api.deps.single_valued_query, a dependency of every
    # route, has refused a repeated one that is not a list before this runs.
    lists = {field.alias or name for name, field in model.model_fields.items()
             if get_origin(field.annotation) is list}  # fmt: skip

    async def read_query(request: Request) -> BaseModel:
        query = request.query_params
        values = {name: query.getlist(name) if name in lists else query[name] for name in query}
        try:
            return model.model_validate(values)
        except ValidationError as error:
            # As FastAPI reports them: pydantic's errors, located in the query.
            errors = error.errors(include_url=False)
            raise RequestValidationError(
                [{**found, "loc": ("query", *found["loc"])} for found in errors]
            ) from None

    return read_query


def one_pass_endpoint(endpoint: Callable[..., Any]) -> Callable[..., Any] | None:
    """`endpoint` with its query models read in one pass, or None if it reads none."""
    signature = inspect.signature(endpoint, eval_str=True)
    parameters = [
        parameter.replace(annotation=Annotated[model, Depends(read_in_one_pass(model))])
        if (model := query_model(parameter.annotation)) else parameter
        for parameter in signature.parameters.values()
    ]  # fmt: skip
    if parameters == list(signature.parameters.values()):
        return None
    if inspect.iscoroutinefunction(endpoint):

        async def twin(**values: Any) -> Any:
            return await endpoint(**values)
    else:  # FastAPI runs it in the thread pool, as it runs the endpoint

        def twin(**values: Any) -> Any:
            return endpoint(**values)

    twin.__signature__ = signature.replace(parameters=parameters)
    twin.__name__, twin.__doc__ = endpoint.__name__, endpoint.__doc__
    return twin


def with_one_pass_queries(router: APIRouter) -> APIRouter:
    """`router` with a twin before each read (GET) that reads a query model (see the module);
    writes keep FastAPI's reading, bodies and all."""
    for route in list(router.routes):
        if not isinstance(route, APIRoute) or route.methods != {"GET"}:
            continue
        if (twin := one_pass_endpoint(route.endpoint)) is None:
            continue
        router.add_api_route(
            route.path.removeprefix(router.prefix), twin, methods=list(route.methods),
            response_model=route.response_model, status_code=route.status_code,
            response_class=route.response_class, name=route.name,
            dependencies=[d for d in route.dependencies if d not in router.dependencies],
            include_in_schema=False,
        )  # fmt: skip
        router.routes.insert(router.routes.index(route), router.routes.pop())
    return router
