"""Request rates per client: reads per address, writes per key; 429 problem + Retry-After.

The counting is the `limits` library's (sliding-window counters in memory, or in Redis
or Memcached shared by every replica); this module only says who a client is and how
to refuse one.
"""

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from limits import RateLimitItem, parse_many
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.auth import known_key_digest
from app.api.errors import send_problem
from app.api.methods import SAFE_METHODS
from app.api.sessions import COOKIE, session_digest
from app.errors import TooManyRequests

if TYPE_CHECKING:
    from app.runtime import Runtime

# Probes from an orchestrator or a Prometheus server must never be turned away.
UNLIMITED_PATHS = frozenset({"/health", "/ready", "/metrics"})


def parse_rates(rates: str) -> list[RateLimitItem]:
    """`100/minute;1000/hour` as rate limits; blank: none (raises ValueError when malformed)."""
    return parse_many(rates) if rates.strip() else []


def async_storage_uri(uri: str) -> str:
    """The asyncio variant of a `limits` storage URI (`memory://` -> `async+memory://`)."""
    return uri if uri.startswith("async+") else f"async+{uri}"


@dataclass
class RateLimiter:
    """The configured rates and where their counts live."""

    reads: list[RateLimitItem]
    writes: list[RateLimitItem]
    strategy: SlidingWindowCounterRateLimiter

    @classmethod
    def configure(cls, reads: str, writes: str, storage_uri: str) -> "RateLimiter | None":
        """A limiter for the settings, or None when both rates are blank."""
        read_rates, write_rates = parse_rates(reads), parse_rates(writes)
        if not read_rates and not write_rates:
            return None
        storage = storage_from_string(async_storage_uri(storage_uri))
        return cls(read_rates, write_rates, SlidingWindowCounterRateLimiter(storage))

    async def seconds_to_wait(self, rates: list[RateLimitItem], client: str) -> int:
        """0 when the request may go ahead (and is counted), else whole seconds to wait."""
        wait = 0.0
        for rate in rates:
            if not await self.strategy.hit(rate, client):
                reset_at, _ = await self.strategy.get_window_stats(rate, client)
                wait = max(wait, reset_at - time.time())
        return max(1, math.ceil(wait)) if wait else 0


def cookie_value(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        found, _, value = part.strip().partition("=")
        if found == name:
            return value
    return None


def client_of(
    scope: Scope, write: bool, key_digests: tuple[bytes, ...], secret: bytes = b""
) -> tuple[str, str]:
    """Who is asking, and how to name them: a write's key (when it is a known one, sent
    as a Bearer key or named by a page session), else the address (uvicorn puts the
    forwarded one there for trusted proxies)."""
    if write:
        headers = Headers(scope=scope)
        digest = known_key_digest(headers.get("authorization", ""), key_digests)
        if digest is None and secret:
            # A page's write counts against the key its session names, as the API's would.
            digest = session_digest(secret, cookie_value(headers, COOKIE), key_digests)
        if digest is not None:
            # The key's digest names it: the key itself never reaches the counters' store.
            return f"key:{digest}", "key"
    host = (scope.get("client") or ("unknown", 0))[0]
    return f"address:{host}", "address"


class RateLimitMiddleware:
    """Counts each request against its client's rates; over them, answers 429."""

    def __init__(self, app: ASGIApp, runtime: "Runtime") -> None:
        self.app = app
        self.runtime = runtime  # started by the lifespan, after the middleware is built

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limiter = self.runtime.rate_limiter if scope["type"] == "http" else None
        if limiter is None or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        write = scope["method"] not in SAFE_METHODS
        client, kind = client_of(
            scope, write, self.runtime.key_digests, self.runtime.session_secret
        )
        rates = limiter.writes if write else limiter.reads
        wait = await limiter.seconds_to_wait(rates, f"{'write' if write else 'read'}:{client}")
        if wait:
            what = "writes" if write else "reads"
            detail = f"Too many {what} from this {kind}; retry in {wait} s."
            await send_problem(scope, send, TooManyRequests(detail, retry_after=wait))
            return
        await self.app(scope, receive, send)
