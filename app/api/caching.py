"""ETags for every GET, 304 when `If-None-Match` names the current one, and a response
cache for the resource lists and items.

A pure ASGI middleware. It buffers successful GET bodies (JSON pages are small), hashes
them into an ETag unless the route set one (a fact's, which If-Match must name), and
answers 304 without a body when the client already holds that representation.

The cache keeps finished responses per request URL (`request_key`) together with the
data version they were made at; a response is served from it only while that version
is still the store's current one. Every write bumps the version (triggers, migration
0004), so a cached page never outlives a change, whichever process made the change.
"""

import asyncio
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from pydantic import BaseModel
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.csv_lists import VARY, wants_csv

if TYPE_CHECKING:
    from app.runtime import Runtime

CACHED_PREFIXES = ("/facts", "/entities", "/articles", "/facets")


def compute_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def fact_etag(body: bytes, review_count: int) -> str:
    """A fact's ETag: its JSON and how many reviews it has had. A decision repeated, or made
    and undone, leaves the JSON as it was but still makes an older ETag stale: a reviewer
    holding it has not seen the decisions since (the audit trail has them)."""
    return compute_etag(b"%d:" % review_count + body)


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


def request_key(scope: Scope) -> tuple:
    """Everything a cached response depends on: the request's URL as the app sees it.

    `Link` is built from that URL (scheme, host, root path, path, query), so a page made
    for `https://` or another `Host` is never served to a request with another; the scheme
    is the one uvicorn took from a trusted proxy's `X-Forwarded-Proto`. No route reads any
    other request header: CORS (`Origin`, with its own `Vary: Origin`), rate limits and
    the request id sit outside this layer, and `If-None-Match` is compared per request.
    But for `Accept`, which asks a list for CSV: those requests are never kept (they are
    streamed, `stream_etag`), and the lists send `Vary: Accept`.
    """
    headers = Headers(scope=scope)
    host = headers.get("host") or "{}:{}".format(*scope.get("server") or ("", ""))
    return (scope.get("scheme", "http"), host, scope.get("root_path", ""), scope["path"],
            scope["query_string"])  # fmt: skip


@dataclass(frozen=True)
class CachedResponse:
    version: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    route: str | None = None  # the route template, for metrics on cache hits


# What an entry costs beyond its bytes: the key, the dataclass, the header tuples.
ENTRY_OVERHEAD = 1024
# No single page may take more than this share of the budget (it would evict most others).
LARGEST_SHARE = 8


def entry_size(key: tuple, entry: CachedResponse) -> int:
    """The bytes `entry` holds under `key`: body, headers and key, plus bookkeeping."""
    headers = sum(len(name) + len(value) for name, value in entry.headers)
    key_bytes = sum(len(part) for part in key if isinstance(part, str | bytes))
    return len(entry.body) + headers + key_bytes + ENTRY_OVERHEAD


class ResponseCache:
    """A least-recently-used store of finished responses, each valid at one data version,
    bounded in bytes (`entry_size`) and in entries, whichever is reached first."""

    def __init__(self, max_entries: int, max_bytes: int = 16 * 1024 * 1024) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict[tuple, tuple[CachedResponse, int]] = OrderedDict()
        self.bytes = 0  # the sum of the entries' sizes, never above max_bytes
        # Requests being answered now, per key and version: identical requests arriving
        # meanwhile wait for that answer instead of computing it again (no stampede when
        # a popular page expires, or on a cold start under load).
        self.in_flight: dict[tuple, asyncio.Event] = {}
        # Answers served from here and answers computed, since the process started (metrics).
        self.hits = self.misses = 0

    def get(self, key: tuple, version: int) -> CachedResponse | None:
        held = self.entries.get(key)
        if held is None or held[0].version != version:
            return None
        self.entries.move_to_end(key)
        return held[0]

    def put(self, key: tuple, entry: CachedResponse) -> None:
        self.discard(key)
        size = entry_size(key, entry)
        if size > self.max_bytes // LARGEST_SHARE:
            return  # served, not kept
        self.entries[key] = (entry, size)
        self.bytes += size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            _, (_, evicted) = self.entries.popitem(last=False)
            self.bytes -= evicted

    def discard(self, key: tuple) -> None:
        held = self.entries.pop(key, None)
        if held is not None:
            self.bytes -= held[1]


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
        key = request_key(scope)
        listed = scope["path"].startswith(CACHED_PREFIXES)
        asked = parse_qs(scope["query_string"].decode("latin-1")).get("format", [None])[-1]
        streamed = listed and wants_csv(asked, request_headers.get("accept"))
        if cache is None or not listed:
            responder = Responder(send, if_none_match, None, key, None, streamed=streamed)
            await self.app(scope, receive, responder)
            return
        version = await self.runtime.version_reader.read()
        if streamed:
            await self.stream(scope, receive, send, if_none_match, key, version)
            return
        entry = cache.get(key, version)
        if entry is None and (leader := cache.in_flight.get((key, version))) is not None:
            await leader.wait()
            entry = cache.get(key, version)
        if entry is not None:
            cache.hits += 1
            scope["route_template"] = entry.route
            start = {"type": "http.response.start", "status": 200, "headers": entry.headers}
            if etag_matches(if_none_match, entry.etag):
                await send_not_modified(send, start, entry.etag)
            else:
                await send(start)
                await send({"type": "http.response.body", "body": entry.body})
            return
        cache.misses += 1
        done = cache.in_flight.setdefault((key, version), asyncio.Event())
        try:
            await self.app(
                scope, receive, Responder(send, if_none_match, cache, key, version, scope)
            )
        finally:
            done.set()
            if cache.in_flight.get((key, version)) is done:
                del cache.in_flight[(key, version)]

    async def stream(self, scope, receive, send, if_none_match, key, version) -> None:
        """A list asked for as CSV: streamed, never buffered nor kept. Its ETag names the
        data version and the request, so an unchanged store answers 304 unread."""
        etag = stream_etag(key, version)
        if etag_matches(if_none_match, etag):
            vary = [(name.lower().encode(), value.encode()) for name, value in VARY.items()]
            start = {"type": "http.response.start", "status": 200, "headers": vary}
            await send_not_modified(send, start, etag)
            return
        responder = Responder(send, if_none_match, None, key, None, streamed=True, etag=etag)
        await self.app(scope, receive, responder)


def stream_etag(key: tuple, version: int) -> str:
    return compute_etag(repr(("stream", version, key)).encode())


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

    def __init__(self, send: Send, if_none_match, cache, key, version, scope=None, *,
                 streamed: bool = False, etag: str | None = None) -> None:  # fmt: skip
        self.send, self.if_none_match = send, if_none_match
        # A list asked for as CSV: its body is passed on as it comes, never held whole,
        # with `etag` (`stream_etag`) unless the route set its own.
        self.streamed, self.stream_etag = streamed, etag
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
            if self.streamed:
                self.passing = True
                if message["status"] == 200 and self.stream_etag and "etag" not in headers:
                    etag = (b"etag", self.stream_etag.encode())
                    message = {**message, "headers": [*message["headers"], etag]}
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
