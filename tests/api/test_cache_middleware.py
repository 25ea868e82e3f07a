"""The caching middleware on its own: one computation for many identical requests."""

import asyncio
from types import SimpleNamespace

from app.api.caching import CachedResponse, CachingMiddleware, ResponseCache, entry_size


class Version:
    def __init__(self) -> None:
        self.value = 1

    async def read(self) -> int:
        return self.value


def make_app(calls: list[str]):
    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.05)  # a slow page: the others arrive meanwhile
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": b'{"items": []}'})

    return app


async def get(middleware, state, path="/facts", query=b"q=x") -> list[dict]:
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query,
             "headers": [(b"host", b"test")], "app": SimpleNamespace(state=state)}  # fmt: skip
    await middleware(scope, receive, send)
    return sent


def test_identical_concurrent_requests_are_computed_once():
    calls: list[str] = []
    state = SimpleNamespace(response_cache=ResponseCache(8), version_reader=Version())
    middleware = CachingMiddleware(make_app(calls), runtime=state)

    async def scenario():
        return await asyncio.gather(*(get(middleware, state) for _ in range(20)))

    responses = asyncio.run(scenario())
    assert calls == ["/facts"]
    assert all(r[0]["status"] == 200 and r[1]["body"] == b'{"items": []}' for r in responses)
    assert state.response_cache.in_flight == {}


def test_a_new_version_is_computed_again():
    calls: list[str] = []
    state = SimpleNamespace(response_cache=ResponseCache(8), version_reader=Version())
    middleware = CachingMiddleware(make_app(calls), runtime=state)
    asyncio.run(get(middleware, state))
    asyncio.run(get(middleware, state))
    state.version_reader.value = 2  # a write happened somewhere
    asyncio.run(get(middleware, state))
    assert len(calls) == 2


def page(version: int, size: int) -> CachedResponse:
    headers = [(b"content-type", b"application/json"), (b"etag", b'"x"')]
    return CachedResponse(version, headers, b"x" * size, '"x"')


def test_the_cache_never_holds_more_bytes_than_its_budget():
    cache = ResponseCache(max_entries=10_000, max_bytes=1_000_000)
    for n in range(2_000):  # many large pages, of varying sizes
        key = ("http", "test", "", "/facts", f"limit={n}".encode())
        cache.put(key, page(1, 20_000 + (n * 7919) % 100_000))
        held = sum(entry_size(key, entry) for key, (entry, _) in cache.entries.items())
        assert cache.bytes == held <= cache.max_bytes
    assert 5 < len(cache.entries) < 100
    newest = ("http", "test", "", "/facts", b"limit=1999")
    assert cache.get(newest, 1) is not None  # the least recently used went first


def test_a_page_over_an_eighth_of_the_budget_is_served_but_not_kept():
    cache = ResponseCache(max_entries=10, max_bytes=80_000)
    cache.put(("small",), page(1, 1_000))
    cache.put(("large",), page(1, 20_000))
    assert cache.get(("large",), 1) is None and cache.get(("small",), 1) is not None
    assert cache.bytes == entry_size(("small",), cache.get(("small",), 1))


def test_replacing_an_entry_counts_its_bytes_once():
    cache = ResponseCache(max_entries=10, max_bytes=1_000_000)
    for version in range(1, 50):
        cache.put(("same",), page(version, 10_000))
    assert len(cache.entries) == 1
    assert cache.bytes == entry_size(("same",), page(49, 10_000))
    assert cache.get(("same",), 48) is None and cache.get(("same",), 49) is not None
