"""The app's outermost layer: what every request gets and leaves behind, cached answers
included. Headers on every response (a request id, standard security headers), one
access log line, and the request counted in the metrics.

`X-Request-ID` is taken from the request when it is a sane token (so a proxy's id
follows the request through), otherwise made here; either way it is sent back.
"""

import itertools
import logging
import os
import re
import secrets
import time
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import logs
from app.api.metrics import RequestMetrics

access = logging.getLogger("app.access")

# Set in the scope by the server (app/protocol.py) when it cut the request short itself
# (a body too slow): the client got that status, whatever the app then tried to send.
SERVER_STATUS = "article_facts.server_status"
WEB_SCHEMES = frozenset({"http", "https"})
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# JSON runs nothing: a response opened in a browser may load nothing and be framed nowhere.
# The docs pages run the bundled Swagger UI / ReDoc (inline start-up scripts, web workers).
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
)


def encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]


# This runs for every request, cached ones included: raw ASGI header lists, encoded once.
RAW_SECURITY_HEADERS = encoded(SECURITY_HEADERS)
RAW_API_POLICY, RAW_DOCS_POLICY = (
    encoded({"Content-Security-Policy": policy}) for policy in (API_POLICY, DOCS_POLICY)
)


class RequestIds:
    """New request ids: unique, not secret, so a random prefix per process and a counter
    (32 hex digits, like a UUID's) rather than a system call for randomness per request."""

    def __init__(self) -> None:
        self.reset()
        os.register_at_fork(after_in_child=self.reset)  # a forked worker gets its own prefix

    def reset(self) -> None:
        self.prefix, self.counter = secrets.token_hex(8), itertools.count()

    def new(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


request_ids = RequestIds()


def given_request_id(scope: Scope) -> str | None:
    """The caller's X-Request-ID when it is a sane token."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            given = value.decode("latin-1")
            return given if REQUEST_ID.fullmatch(given) else None
    return None


def with_service_headers(
    response_headers: Iterable[tuple[bytes, bytes]], request_id: bytes
) -> list:
    """The response's headers plus the request id and each security header it lacks."""
    raw = list(response_headers)
    present = {name for name, _ in raw}
    headers = [(name, value) for name, value in raw if name != b"x-request-id"]
    headers.append((b"x-request-id", request_id))
    headers += [header for header in RAW_SECURITY_HEADERS if header[0] not in present]
    if b"content-security-policy" not in present:
        html = any(
            name == b"content-type" and value.startswith(b"text/html") for name, value in raw
        )
        headers += RAW_DOCS_POLICY if html else RAW_API_POLICY
    return headers


class EdgeMiddleware:
    # One layer rather than three (headers, log, metrics): each layer costs every request,
    # and this one times the request once for both the log and the metrics.
    def __init__(self, app: ASGIApp, metrics: RequestMetrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["scheme"] not in WEB_SCHEMES:
            # uvicorn takes `ws`/`wss` from a trusted proxy's X-Forwarded-Proto on plain
            # requests too: links built from the scope must name an HTTP scheme.
            scope["scheme"] = "https" if scope["scheme"] == "wss" else "http"
        request_id = given_request_id(scope) or request_ids.new()
        raw_request_id = request_id.encode("latin-1")
        scope.setdefault("state", {})["request_id"] = request_id
        token = logs.request_id.set(request_id)  # every line logged meanwhile carries it
        started, status = time.perf_counter(), 500
        self.metrics.in_progress += 1

        async def with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = with_service_headers(
                    message.get("headers", []), raw_request_id
                )
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        finally:
            self.metrics.in_progress -= 1
            seconds = time.perf_counter() - started
            status = scope.get(SERVER_STATUS, status)
            self.metrics.record(scope, status, seconds)
            if access.isEnabledFor(logging.INFO):
                elapsed = round(seconds * 1000, 2)
                fields = {"method": scope["method"], "path": scope["path"], "status": status,
                          "ms": elapsed}  # fmt: skip
                access.info("%s %s %s", scope["method"], scope["path"], status,
                            extra={"fields": fields, "request_id": request_id})  # fmt: skip
            logs.request_id.reset(token)
