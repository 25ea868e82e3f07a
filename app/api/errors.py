"""Turns every error into RFC 9457 problem+json; `install_error_handlers` is the one entry point."""

import functools
import json
import logging
import re
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope, Send

from app.api.methods import HTTP_METHODS
from app.errors import AppError, BadRequest, InvalidRequest, PreconditionRequired

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
MISSING_IF_MATCH = "Send If-Match with the fact's ETag from GET /facts/{id}."


def problem_type(slug: str | None) -> str:
    """`about:blank` for plain HTTP statuses, a URN for the service's own kinds."""
    return f"urn:article-facts:problem:{slug}" if slug else "about:blank"


def problem_document(
    status: int, detail: str, instance: str, *, title: str | None = None,
    slug: str | None = None, **extensions: Any,
) -> dict[str, Any]:  # fmt: skip
    """The RFC 9457 members of one problem, plus any extension members."""
    return {
        "type": problem_type(slug),
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extensions,
    }


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    title: str | None = None,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body = problem_document(status, detail, request.url.path, title=title, slug=slug, **extensions)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


async def send_problem(scope: Scope, send: Send, error: AppError, **headers: str) -> None:
    """Answer with `error` straight from ASGI middleware, before any route runs."""
    body = orjson.dumps(
        problem_document(
            error.status, error.detail, scope.get("path", ""), title=error.title,
            slug=error.slug, **error.extensions,
        )
    )  # fmt: skip
    fields = {**(error.headers or {}), **headers, "content-type": PROBLEM_MEDIA_TYPE,
              "content-length": str(len(body))}  # fmt: skip
    encoded = [(name.lower().encode(), value.encode()) for name, value in fields.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": encoded})
    await send({"type": "http.response.body", "body": body})


def json_error_message(error: dict[str, Any], document: Any) -> str:
    """FastAPI says only "JSON decode error": say why and where, in lines and columns."""
    position = error["loc"][-1] if error.get("loc") else 0
    reason = error.get("ctx", {}).get("error", "Not valid JSON")
    if isinstance(document, bytes):
        document = document.decode("utf-8", "replace")
    if not isinstance(document, str) or not isinstance(position, int):
        return f"Invalid JSON: {reason}"
    where = json.JSONDecodeError(reason, document, position)
    return f"Invalid JSON: {reason} at line {where.lineno}, column {where.colno}"


def describe_validation_errors(
    errors: list[dict[str, Any]], body: Any = None
) -> list[dict[str, Any]]:
    # Only where, what and which kind: the rejected input itself is not echoed back.
    described = []
    for error in errors:
        loc, msg = list(error.get("loc", ())), error.get("msg", "")
        if error.get("type") == "json_invalid":  # FastAPI's loc ends in a character offset
            loc, msg = loc[:1], json_error_message(error, body)
        described.append({"loc": loc, "msg": msg, "type": error.get("type", "")})
    return described


async def handle_app_error(request: Request, error: AppError) -> JSONResponse:
    return problem_response(
        request,
        error.status,
        error.detail,
        title=error.title,
        slug=error.slug,
        headers=error.headers,
        **error.extensions,
    )


def invalid_request(errors: list[dict[str, Any]]) -> InvalidRequest:
    """The 422 for these described errors, its detail summing them up."""
    summary = "; ".join(
        f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}" for item in errors
    )
    return InvalidRequest(f"The request is not valid: {summary}.", errors=errors)


def lacks_a_precondition(errors: list[dict[str, Any]]) -> bool:
    return any(e.get("type") == "missing" and tuple(e.get("loc", ())) == ("header", "If-Match")
               for e in errors)  # fmt: skip


async def handle_validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    errors = list(error.errors())
    if lacks_a_precondition(errors):
        # If-Match is required (the document says so) and its absence is RFC 6585's 428,
        # the first thing to fix, whatever else is wrong with the request.
        return await handle_app_error(request, PreconditionRequired(MISSING_IF_MATCH))
    return await handle_app_error(
        request, invalid_request(describe_validation_errors(errors, error.body))
    )


@functools.cache
def template_pattern(template: str) -> re.Pattern[str]:
    """`/facts/{id}` as a pattern matching `/facts/12`."""
    return re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)))


def allowed_methods(request: Request, starlette_allow: str) -> str:
    """Every method the path serves. Starlette names only those of the first route that
    matched (GET of `GET /articles`, not POST); the OpenAPI paths list them all."""
    methods = {method.strip() for method in starlette_allow.split(",") if method.strip()}
    for template, operations in request.app.openapi()["paths"].items():
        if template_pattern(template).fullmatch(request.scope["path"]):
            methods |= {method.upper() for method in operations} & HTTP_METHODS
    if "GET" in methods:
        methods.add("HEAD")  # Starlette answers HEAD wherever it answers GET
    return ", ".join(sorted(methods))


async def handle_http_exception(request: Request, error: StarletteHTTPException) -> JSONResponse:
    headers = dict(error.headers or {})
    if error.status_code == 404 and error.detail == "Not Found":
        detail = f"No route {request.url.path!r}; see /docs for the routes there are."
    elif error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path!r}."
        headers["Allow"] = allowed_methods(request, headers.get("Allow", ""))
    elif error.status_code == 400 and isinstance(error.__cause__, UnicodeDecodeError):
        # FastAPI says only "There was an error parsing the body".
        cause = error.__cause__
        byte = cause.object[cause.start]
        detail = f"The body is not UTF-8 text: byte {byte:#04x} at offset {cause.start}."
        return await handle_app_error(request, BadRequest(detail))
    else:
        detail = str(error.detail)
    return problem_response(request, error.status_code, detail, headers=headers or None)


async def handle_unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(request, 500, "The server failed to answer; the error was logged.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, handle_app_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    app.add_exception_handler(Exception, handle_unexpected)
