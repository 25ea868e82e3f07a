"""The caching middleware on its own: one computation for many identical requests."""

import asyncio
from types import SimpleNamespace

from app.api.caching import CachingMiddleware, ResponseCache


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
