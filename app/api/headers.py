"""Headers every response carries (a request id, standard security headers), and one
access log line per request.

`X-Request-ID` is taken from the request when it is a sane token (so a proxy's id
follows the request through), otherwise made here; either way it is sent back.
"""

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import logs

access = logging.getLogger("app.access")

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


class ResponseHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("x-request-id", "")
        request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = logs.request_id.set(request_id)  # every line logged meanwhile carries it
        started, status = time.perf_counter(), 500

        async def with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                html = headers.get("content-type", "").startswith("text/html")
                headers.setdefault("Content-Security-Policy", DOCS_POLICY if html else API_POLICY)
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        finally:
            elapsed = round((time.perf_counter() - started) * 1000, 2)
            fields = {"method": scope["method"], "path": scope["path"], "status": status,
                      "ms": elapsed}  # fmt: skip
            access.info("%s %s %s", scope["method"], scope["path"], status,
                        extra={"fields": fields, "request_id": request_id})  # fmt: skip
            logs.request_id.reset(token)
