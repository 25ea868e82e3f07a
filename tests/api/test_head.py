"""HEAD works wherever GET does: same status, same headers, no body."""

import pytest

from tests.api.test_rate_limits import limited

PATHS = ["/facts", "/facts/1", "/entities?limit=2", "/articles", "/articles/1", "/health",
         "/facts/999999", "/no-such-path", "/openapi.json", "/docs"]  # fmt: skip
PER_RESPONSE = {"x-request-id", "date"}


def comparable(headers) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name not in PER_RESPONSE}


@pytest.mark.parametrize("path", PATHS)
def test_head_answers_like_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code
    assert comparable(head.headers) == comparable(got.headers)
    assert head.content == b""


def test_head_gets_the_etag_and_a_304(client):
    etag = client.head("/facts").headers["etag"]
    assert etag == client.get("/facts").headers["etag"]
    again = client.head("/facts", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag


def test_head_counts_as_a_read(db_url, tmp_path):
    with limited(db_url, tmp_path, reads="1/minute") as client:
        assert client.head("/facts").status_code == 200
        assert client.head("/facts").status_code == 429
        assert client.get("/facts").status_code == 429


def test_head_is_counted_as_head_on_its_route(client):
    client.head("/facts/1")
    metrics = client.get("/metrics").text
    assert 'method="HEAD",route="/facts/{id}",status="200"' in metrics
