"""Query models read in one pass: each read route is answered by its twin, which reads a
query exactly as FastAPI's own reading of the declared route does, errors included."""

import asyncio
import itertools
from typing import Annotated

import pytest
from fastapi import Query
from fastapi.dependencies.utils import get_dependant, request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import QueryParams
from starlette.requests import Request

from app.api.query_params import read_in_one_pass
from app.api.router import ROUTERS
from app.schemas import EntityFilters, FactFilters, NoParams, PageParams

QUERIES = [
    "", "limit=3", "limit=500&cursor=abc", "type=ranking&sort=-value", "from=2014&to=2018",
    "q=army&sort=relevance", "entity=azerbaijan&year=2015", "subject=1&object=nato",
    "min_value=0.5&max_value=1e11", "modality=planned&origin=curated", "article_id=2",
    "review_status=accepted", "type=person&q=nato", "bogus=1", "=x", "&&", "type=", "limit=0",
    "limit=abc&cursor=", "sort=relevance", "sort=RELEVANCE&q=army", "min_value=nan",
    "min_value=1e400&year=99999&from=-5", "entity=%00", "q=" + "x" * 201,
    "q=" + "+".join("abcdefghijklmnopqrstuvwxyz"), "from=abc&to=1&bogus=2", "year=2015.5",
    "article_id=0", "limit=1&bogus=%FF", "cursor=" + "c" * 501, "type=nope&limit=-1",
]  # fmt: skip


def fastapi_reading(model, query: str):
    """What FastAPI makes of `query` for a parameter `Annotated[model, Query()]`."""

    def endpoint(found: Annotated[model, Query()]) -> None: ...

    dependant = get_dependant(path="/", call=endpoint)
    values, errors = request_params_to_args(dependant.query_params, QueryParams(query))
    return values.get("found"), errors


def one_pass_reading(model, query: str):
    request = Request({"type": "http", "query_string": query.encode(), "headers": []})
    try:
        return asyncio.run(read_in_one_pass(model)(request)), []
    except RequestValidationError as error:
        return None, list(error.errors())


@pytest.mark.parametrize("model", [FactFilters, EntityFilters, PageParams, NoParams])
@pytest.mark.parametrize("query", QUERIES)
def test_one_pass_reads_a_query_as_fastapi_does(model, query):
    def comparable(reading):  # an error's context holds exceptions, equal only to themselves
        found, errors = reading
        return found, [
            {**error, "ctx": {key: repr(value) for key, value in error.get("ctx", {}).items()}}
            for error in errors
        ]

    assert comparable(one_pass_reading(model, query)) == comparable(fastapi_reading(model, query))


def test_every_read_with_a_query_model_is_answered_by_its_twin():
    checked = 0
    for router in ROUTERS:
        routes = [route for route in router.routes if isinstance(route, APIRoute)]
        for before, route in itertools.pairwise(routes):
            reads_a_model = route.dependant.query_params  # (every read route declares one)
            if not route.include_in_schema or route.methods != {"GET"} or not reads_a_model:
                continue
            # Matched first: the same path and method, out of the schema, the same endpoint.
            assert (before.path, before.methods, before.include_in_schema) == (
                route.path, route.methods, False), route.path  # fmt: skip
            assert before.endpoint.__name__ == route.endpoint.__name__
            assert not before.dependant.query_params  # read by its dependency instead
            checked += 1
    assert checked >= 10


def test_a_list_is_answered_without_fastapi_reading_the_filters(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("FastAPI read a query model field by field")

    monkeypatch.setattr("fastapi.dependencies.utils._request_param_model_to_args", refuse)
    assert client.get("/facts", params={"type": "ranking", "limit": 2}).status_code == 200
    assert client.get("/facts", params={"bogus": 1}).status_code == 422
    assert client.get("/entities/azerbaijan/facts").status_code == 200
