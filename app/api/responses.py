"""OpenAPI descriptions of the error responses routes can give, all problem+json."""

from typing import Any

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
    422: problem("An unknown query parameter, or a value of the wrong type or out of range."),
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
    422: problem("A body that is not valid JSON, or fields of the wrong type or out of range."),
}
