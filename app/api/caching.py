"""ETags for every GET, and 304 when `If-None-Match` names the current one.

A pure ASGI middleware: it buffers successful GET bodies that carry no ETag
yet (JSON lists and documents are small), hashes them, and answers 304 without a
body when the client already holds that representation. Routes whose ETag guards
writes (a fact's, for If-Match) set it themselves with `representation_etag`.
"""

import hashlib

from pydantic import BaseModel
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOT_MODIFIED: Message = {"type": "not-modified"}  # marks a response already answered 304


def compute_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def representation_etag(model: BaseModel) -> str:
    """The ETag of one resource's JSON: what a GET sends and what If-Match must name."""
    return compute_etag(model.model_dump_json().encode())


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffering_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if message["status"] != 200:
                    start = None
                    await send(message)
                elif "etag" in headers:
                    # The route set its own ETag; only the 304 decision is left to make.
                    start = None
                    if etag_matches(if_none_match, headers["etag"]):
                        await send_not_modified(message, headers["etag"])
                        start = NOT_MODIFIED
                    else:
                        await send(message)
                else:
                    start = message
                return
            if start is NOT_MODIFIED:
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            etag = compute_etag(body)
            if etag_matches(if_none_match, etag):
                await send_not_modified(start, etag)
                return
            headers = MutableHeaders(raw=start["headers"])
            headers["ETag"] = etag
            await send({**start, "headers": headers.raw})
            await send({"type": "http.response.body", "body": body})

        async def send_not_modified(start_message: Message, etag: str) -> None:
            headers = MutableHeaders(raw=list(start_message["headers"]))
            for name in ("content-length", "content-type"):
                if name in headers:
                    del headers[name]
            headers["ETag"] = etag
            await send({**start_message, "status": 304, "headers": headers.raw})
            await send({"type": "http.response.body", "body": b""})

        await self.app(scope, receive, buffering_send)
