"""ETags for every GET, 304 when `If-None-Match` names the current one, and a response
cache for the resource lists and items.

A pure ASGI middleware. It buffers successful GET bodies (JSON pages are small), hashes
them into an ETag unless the route set one (a fact's, which If-Match must name), and
answers 304 without a body when the client already holds that representation.

The cache keeps finished responses per request (host, path, query) together with the
data version they were made at; a response is served from it only while that version
is still the store's current one. Every write bumps the version (triggers, migration
0004), so a cached page never outlives a change, whichever process made the change.
"""

import asyncio
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from app.runtime import Runtime

CACHED_PREFIXES = ("/facts", "/entities", "/articles")


def compute_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def representation_etag(model: BaseModel) -> str:
    """The ETag of one resource's JSON: what a GET sends and what If-Match must name."""
    return compute_etag(model.model_dump_json().encode())


def etag_matches(header: str | None, etag: str, *, weak: bool = True) -> bool:
    """Whether an If-None-Match (weak comparison) or If-Match (`weak=False`: a `W/` tag
    never matches, RFC 9110 13.1.1) header names `etag`; `*` names any."""
    if not header:
        return False
    tags = {tag.strip() for tag in header.split(",")}
    if weak:
        tags = {tag.removeprefix("W/") for tag in tags}
    return "*" in tags or etag in tags


@dataclass(frozen=True)
class CachedResponse:
    version: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    route: str | None = None  # the route template, for metrics on cache hits


class ResponseCache:
    """A bounded LRU of finished responses, each valid at one data version."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self.entries: OrderedDict[tuple, CachedResponse] = OrderedDict()
        # Requests being answered now, per key and version: identical requests arriving
        # meanwhile wait for that answer instead of computing it again (no stampede when
        # a popular page expires, or on a cold start under load).
        self.in_flight: dict[tuple, asyncio.Event] = {}

    def get(self, key: tuple, version: int) -> CachedResponse | None:
        entry = self.entries.get(key)
        if entry is None or entry.version != version:
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple, entry: CachedResponse) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)


class CachingMiddleware:
    def __init__(self, app: ASGIApp, runtime: "Runtime") -> None:
        self.app = app
        self.runtime = runtime  # started by the lifespan, after the middleware is built

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        if_none_match = request_headers.get("if-none-match")
        cache = self.runtime.response_cache
        key = (request_headers.get("host"), scope["path"], scope["query_string"])
        if cache is None or not scope["path"].startswith(CACHED_PREFIXES):
            await self.app(scope, receive, Responder(send, if_none_match, None, key, None))
            return
        version = await self.runtime.version_reader.read()
        entry = cache.get(key, version)
        if entry is None and (leader := cache.in_flight.get((key, version))) is not None:
            await leader.wait()
            entry = cache.get(key, version)
        if entry is not None:
            scope["route_template"] = entry.route
            start = {"type": "http.response.start", "status": 200, "headers": entry.headers}
            if etag_matches(if_none_match, entry.etag):
                await send_not_modified(send, start, entry.etag)
            else:
                await send(start)
                await send({"type": "http.response.body", "body": entry.body})
            return
        done = cache.in_flight.setdefault((key, version), asyncio.Event())
        try:
            await self.app(
                scope, receive, Responder(send, if_none_match, cache, key, version, scope)
            )
        finally:
            done.set()
            if cache.in_flight.get((key, version)) is done:
                del cache.in_flight[(key, version)]


async def send_not_modified(send: Send, start: Message, etag: str) -> None:
    headers = MutableHeaders(raw=list(start["headers"]))
    for name in ("content-length", "content-type"):
        if name in headers:
            del headers[name]
    headers["ETag"] = etag
    await send({**start, "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})


class Responder:
    """The `send` the app gets: buffers a 200, adds its ETag, answers 304, fills the cache."""

    def __init__(self, send: Send, if_none_match, cache, key, version, scope=None) -> None:
        self.send, self.if_none_match = send, if_none_match
        self.cache, self.key, self.version = cache, key, version
        self.scope = scope or {}
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.passing = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = Headers(raw=message["headers"])
            # Static files carry their own ETag and answer 304 themselves.
            self.passing = message["status"] != 200 or ("etag" in headers and self.version is None)
            if self.passing:
                await self.send(message)
            else:
                self.start = message
            return
        if self.passing:
            await self.send(message)
            return
        self.chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        await self.finish(b"".join(self.chunks))

    async def finish(self, body: bytes) -> None:
        headers = MutableHeaders(raw=list(self.start["headers"]))
        etag = headers.get("etag") or compute_etag(body)
        headers["ETag"] = etag
        if self.version is not None:
            route = getattr(self.scope.get("route"), "path", None)
            self.cache.put(self.key, CachedResponse(self.version, headers.raw, body, etag, route))
        if etag_matches(self.if_none_match, etag):
            await send_not_modified(self.send, {**self.start, "headers": headers.raw}, etag)
            return
        await self.send({**self.start, "headers": headers.raw})
        await self.send({"type": "http.response.body", "body": body})
