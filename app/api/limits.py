"""Refuses request bodies over the configured size with 413, before the app reads them."""

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import send_problem
from app.api.methods import SAFE_METHODS
from app.errors import PayloadTooLarge


def too_large_detail(limit: int) -> str:
    return f"The request body is larger than the {limit} bytes this service accepts."


class BodySizeLimitMiddleware:
    """Checks `Content-Length` up front; reads a chunked body up to the limit before the app."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        limit = self.limit
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self.refuse(scope, send, limit)
            return
        if declared is not None:
            await self.app(scope, receive, send)  # the server stops reading at that length
            return
        # No declared length (chunked): read up to the limit first, then replay to the app.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client left (or timed out): a partial body is not a request
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > limit:
                await self.refuse(scope, send, limit)
                return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def refuse(self, scope: Scope, send: Send, limit: int) -> None:
        # Close: the rest of the body is not read, so the connection cannot be reused.
        await send_problem(
            scope, send, PayloadTooLarge(too_large_detail(limit)), connection="close"
        )
