"""OpenAPI descriptions of the error responses routes can give, all problem+json."""

from typing import Any

from fastapi import FastAPI

from app.api.errors import PROBLEM_MEDIA_TYPE
from app.schemas import Problem


def problem(description: str) -> dict[str, Any]:
    return {
        "model": Problem,
        "description": description,
        "content": {"application/problem+json": {}},
    }


NOT_FOUND = {404: problem("No resource with that id or slug (in the path or a filter).")}
BAD_INPUT = {
    400: problem("A cursor this service did not issue, or one for another sort."),
    422: problem(
        "An unknown query parameter, one given twice, or a value of the wrong type or out of range."
    ),
}
RATE_LIMITED = {
    429: {
        **problem("Too many requests from this client (address, or key for writes)."),
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before the client's next request is counted.",
                "schema": {"type": "integer", "minimum": 1},
            }
        },
    }
}
LIST_ERRORS = {**NOT_FOUND, **BAD_INPUT, **RATE_LIMITED}
ITEM_ERRORS = {**NOT_FOUND, 422: BAD_INPUT[422], **RATE_LIMITED}
WRITE_ERRORS = {
    **RATE_LIMITED,
    400: problem("A body that cannot be read at all (not UTF-8 text)."),
    401: problem("No `Authorization: Bearer <key>` header."),
    403: problem("A key this service does not accept."),
    413: problem("A request body larger than the configured limit."),
    415: problem("A body not sent as `Content-Type: application/json`."),
    422: problem(
        "A body that is not valid JSON (the detail says why, at which line and column), "
        "fields of the wrong type or out of range, or a parameter given twice."
    ),
}


def install_problem_media_type(app: FastAPI) -> None:
    """Document error bodies under `application/problem+json`, the type they are sent as.

    FastAPI files a response model under the route's media type (`application/json`);
    the generated document is rewritten once, so clients and fuzzers validate problems
    against the Problem schema under the right type.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for operations in generate()["paths"].values():
                for operation in operations.values():
                    for response in operation.get("responses", {}).values():
                        content = response.get("content", {})
                        if PROBLEM_MEDIA_TYPE in content and "application/json" in content:
                            content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
        return app.openapi_schema

    app.openapi = openapi
