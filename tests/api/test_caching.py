"""ETag on every GET; If-None-Match answers 304."""

import pytest

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
