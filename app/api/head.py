"""HEAD answered as GET without the body, so it gets exactly GET's status and headers.

FastAPI routes serve only the methods they name, and the layers inside (ETags and
the response cache, rate limits) look at GET: this layer, just inside the edge one,
shows them a GET and drops the body on the way out. Imports nothing from the app.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# What inner layers leave in the scope for the outer ones (the metrics' route label).
SHARED_KEYS = ("route", "route_template")
# Set in the GET an inner layer sees for a HEAD: a streamed body need not be made at all.
HEAD_ONLY = "article_facts.head_only"


class HeadMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        # A copy: the server keeps its own scope saying HEAD (it then sends no body
        # whatever Content-Length says), and the access log and metrics name HEAD.
        as_get = {**scope, "method": "GET", HEAD_ONLY: True}

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        try:
            await self.app(as_get, receive, without_body)
        finally:
            scope.update({key: as_get[key] for key in SHARED_KEYS if key in as_get})
