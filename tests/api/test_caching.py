"""ETag on every GET; If-None-Match answers 304."""

import contextlib
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from app.main import create_app
from tests.helpers import free_port

GETS = [
    "/facts",
    "/facts?type=ranking&limit=2",
    "/facts/1",
    "/entities",
    "/entities/azerbaijan",
    "/entities/azerbaijan/facts",
    "/articles",
    "/articles/1",
    "/articles/1/facts",
    "/articles/1/entities",
    "/health",
    "/openapi.json",
    "/docs",
    "/redoc",
    "/static/swagger-ui/swagger-ui.css",
]


@pytest.mark.parametrize("path", GETS)
def test_every_get_has_an_etag_and_answers_304(client, path):
    response = client.get(path)
    assert response.status_code == 200
    etag = response.headers["etag"]
    assert etag.strip('W/"')
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag


def test_etag_tracks_the_representation(client):
    first = client.get("/facts", params={"limit": 1}).headers["etag"]
    assert client.get("/facts", params={"limit": 1}).headers["etag"] == first
    assert client.get("/facts", params={"limit": 2}).headers["etag"] != first


def test_stale_or_listed_etags(client):
    etag = client.get("/facts/1").headers["etag"]
    assert client.get("/facts/1", headers={"If-None-Match": '"stale"'}).status_code == 200
    listed = client.get("/facts/1", headers={"If-None-Match": f'"other", {etag}'})
    assert listed.status_code == 304
    assert client.get("/facts/1", headers={"If-None-Match": f"W/{etag}"}).status_code == 304


def test_errors_carry_no_etag(client):
    assert "etag" not in client.get("/facts/424242").headers


def test_a_cached_page_keeps_the_scheme_it_was_asked_with(client):
    # The Link header is built from the request's URL: a page cached for one scheme must
    # not be served, with its Link, to a request made with another.
    secure = client.get("https://testserver/facts?limit=1")
    assert secure.headers["link"].startswith("<https://testserver/facts?")
    plain = client.get("http://testserver/facts?limit=1")
    assert plain.headers["link"].startswith("<http://testserver/facts?")


def test_a_cached_page_keeps_the_host_it_was_asked_with(client):
    first = client.get("/facts?limit=1", headers={"Host": "one.example"})
    assert first.headers["link"].startswith("<http://one.example/facts?")
    other = client.get("/facts?limit=1", headers={"Host": "two.example"})
    assert other.headers["link"].startswith("<http://two.example/facts?")


def test_a_forwarded_scheme_does_not_poison_the_cache_for_other_clients(settings):
    # Found in review: one request with `X-Forwarded-Proto: wss` through a trusted proxy made
    # every later client get `Link: <wss://...>` until the next write.
    with serving(create_app(settings)) as base:
        odd = httpx.get(f"{base}/facts?limit=1", headers={"X-Forwarded-Proto": "wss"})
        # Nor does the odd request itself get one: links name http or https only.
        assert odd.headers["link"].startswith("<https://")
        plain = httpx.get(f"{base}/facts?limit=1")
        assert plain.headers["link"].startswith(f"<{base}/facts?")
        secure = httpx.get(f"{base}/facts?limit=1", headers={"X-Forwarded-Proto": "https"})
        assert secure.headers["link"].startswith("<https://")
        assert httpx.get(f"{base}/facts?limit=1").headers["link"] == plain.headers["link"]


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """`app` on a uvicorn server in this process that trusts forwarded headers from
    127.0.0.1 (a proxy on the same machine); yields its base URL."""
    config = uvicorn.Config(app, port=free_port(), log_level="warning", proxy_headers=True,
                            forwarded_allow_ips="127.0.0.1")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join()
