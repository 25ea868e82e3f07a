"""OpenAPI descriptions of the error responses routes can give, all problem+json, each
with an example of its own status and problem type."""

import re
from typing import Any

from fastapi import FastAPI

from app.api.errors import (
    MISSING_IF_MATCH,
    PROBLEM_MEDIA_TYPE,
    invalid_request,
    problem_document,
)
from app.api.limits import too_large_detail
from app.errors import (
    AppError,
    BadRequest,
    Forbidden,
    InvalidCursor,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    UnsupportedMediaType,
)
from app.schemas import Problem


def problem(description: str, example: AppError) -> dict[str, Any]:
    """A documented error response; the example's `instance` is filled in per operation."""
    document = problem_document(
        example.status, example.detail, "", title=example.title, slug=example.slug,
        **example.extensions,
    )  # fmt: skip
    return {
        "model": Problem,
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"example": document}},
    }


def invalid(loc: list[str | int], msg: str, kind: str) -> AppError:
    return invalid_request([{"loc": loc, "msg": msg, "type": kind}])


NOT_FOUND = {
    404: problem(
        "No resource with that id or slug (in the path or a filter).",
        NotFound("No entity 'no-such-entity'."),
    )
}
INVALID_PARAMETERS = {
    422: problem(
        "An unknown query parameter, one given twice, or a value of the wrong type or "
        "out of range.",
        invalid(["query", "limit"], "Input should be less than or equal to 500", "less_than_equal"),
    )
}
BAD_INPUT = {
    400: problem(
        "A cursor this service did not issue, or one for another sort.",
        InvalidCursor("The cursor is not one this service issued."),
    ),
    **INVALID_PARAMETERS,
}
RATE_LIMITED = {
    429: {
        **problem(
            "Too many requests from this client (address, or key for writes).",
            TooManyRequests("Too many reads from this address; retry in 12 s.", retry_after=12),
        ),
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before the client's next request is counted.",
                "schema": {"type": "integer", "minimum": 1},
            }
        },
    }
}
LIST_ERRORS = {**NOT_FOUND, **BAD_INPUT, **RATE_LIMITED}
# A list's other representation: the whole filtered result as CSV (app.api.csv_lists).
CSV_LIST = {
    200: {
        "description": "One page as JSON; or, with `Accept: text/csv` or `format=csv`, every "
        "item the filters select as CSV (streamed; nested fields flattened into columns).",
        "content": {
            "text/csv": {
                "schema": {"type": "string"},
                "example": "id,slug,name\r\n1,azerbaijan,Azerbaijan\r\n",
            }
        },
    }
}
ITEM_ERRORS = {**NOT_FOUND, **INVALID_PARAMETERS, **RATE_LIMITED}
# What any write can answer before its body is looked at.
KEY_ERRORS = {
    **RATE_LIMITED,
    401: problem(
        "No `Authorization: Bearer <key>` header.",
        Unauthorized("Writes need an `Authorization: Bearer <key>` header."),
    ),
    403: problem(
        "A key this service does not accept.", Forbidden("The key is not one this service accepts.")
    ),
    413: problem(
        "A request body larger than the configured limit.",
        PayloadTooLarge(too_large_detail(1024 * 1024)),
    ),
}
WRITE_ERRORS = {
    **KEY_ERRORS,
    400: problem(
        "A body that cannot be read at all (not UTF-8 text).",
        BadRequest("The body is not UTF-8 text: byte 0xff at offset 10."),
    ),
    415: problem(
        "A body not sent as `Content-Type: application/json`.",
        UnsupportedMediaType(
            "The body must be JSON, sent as Content-Type: application/json, not text/plain."
        ),
    ),
    422: problem(
        "A body that is not valid JSON (the detail says why, at which line and column), "
        "fields of the wrong type or out of range, or a parameter given twice.",
        invalid(
            ["body"], "Invalid JSON: Expecting ',' delimiter at line 1, column 14", "json_invalid"
        ),
    ),
}
DELETE_ERRORS = {**NOT_FOUND, **KEY_ERRORS, **INVALID_PARAMETERS}
REVIEW_ERRORS = {
    **ITEM_ERRORS,
    **WRITE_ERRORS,
    412: problem(
        "The If-Match ETag is not the fact's current one: someone changed it.",
        PreconditionFailed("The fact changed since you read it; GET it again."),
    ),
    428: problem(
        "No If-Match header: send the ETag of the fact you reviewed.",
        PreconditionRequired(MISSING_IF_MATCH),
    ),
}


def unavailable(description: str) -> dict[int, dict[str, Any]]:
    example = ServiceUnavailable("The database is unreachable.", database="unreachable")
    return {503: problem(description, example)}


def example_path(template: str, operation: dict[str, Any]) -> str:
    """`/facts/{id}` as a request path, each parameter replaced by its example."""
    examples = {
        parameter["name"]: str((parameter["schema"].get("examples") or ["1"])[0])
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "path"
    }
    return re.sub(r"\{(\w+)\}", lambda match: examples.get(match[1], "1"), template)


def file_as_problem(content: dict[str, Any], path: str) -> None:
    """Move what FastAPI filed under `application/json` to problem+json, where the
    example is; the example (shared by several operations) is copied with its `instance`."""
    documented = content.pop("application/json")
    example = content[PROBLEM_MEDIA_TYPE].get("example", {})
    content[PROBLEM_MEDIA_TYPE] = {**documented, "example": {**example, "instance": path}}


def install_problem_media_type(app: FastAPI) -> None:
    """Document error bodies under `application/problem+json`, the type they are sent as.

    FastAPI files a response model under the route's media type (`application/json`);
    the generated document is rewritten once, so clients and fuzzers validate problems
    against the Problem schema under the right type, and each example names a path of
    its own operation.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for template, operations in generate()["paths"].items():
                for operation in operations.values():
                    for response in operation.get("responses", {}).values():
                        content = response.get("content", {})
                        if PROBLEM_MEDIA_TYPE in content and "application/json" in content:
                            file_as_problem(content, example_path(template, operation))
        return app.openapi_schema

    app.openapi = openapi
