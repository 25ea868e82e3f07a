"""One error shape for every kind of failure: RFC 9457 problem+json, never HTML or a traceback."""

import base64

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.helpers import assert_problem


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no-such-route", 404),
        ("GET", "/facts/", 404),  # no trailing slashes
        ("GET", "/entities/no-such-entity", 404),
        ("GET", "/facts?entity=no-such-entity", 404),
        ("GET", "/facts?limit=0", 422),
        ("GET", "/facts?unknown=1", 422),
        ("GET", "/facts?cursor=bad", 400),
        ("POST", "/facts", 405),
        ("DELETE", "/entities/azerbaijan", 405),
        ("PUT", "/articles", 405),
    ],
)
def test_every_failure_is_a_problem(client, method, path, status):
    assert_problem(client.request(method, path), status)


def test_405_names_the_allowed_methods(client):
    response = client.post("/facts")
    assert response.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/articles", "GET, HEAD, POST"),
        ("/articles/1", "DELETE, GET, HEAD"),
        ("/facts/1", "GET, HEAD, PATCH"),
        ("/entities/azerbaijan", "GET, HEAD"),
    ],
)
def test_405_names_every_method_of_the_path_not_only_one_route(client, path, allowed):
    # Found by schemathesis: a path served by several routes (GET and POST /articles)
    # answered `Allow: GET`, so a client would never learn that POST exists.
    for method in ("OPTIONS", "PUT"):
        response = client.request(method, path)
        assert_problem(response, 405)
        assert response.headers["allow"] == allowed


def test_validation_problem_lists_each_error_without_echoing_input(client):
    problem = assert_problem(client.get("/facts?limit=0&sort=nope&secret=hunter2"), 422)
    locations = {tuple(error["loc"]) for error in problem["errors"]}
    assert locations == {("query", "limit"), ("query", "sort"), ("query", "secret")}
    assert "hunter2" not in str(problem)
    assert problem["type"] == "urn:article-facts:problem:validation-error"


def test_unexpected_errors_are_a_500_problem_without_details(settings):
    app = create_app(settings)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internal state")

    with TestClient(app, raise_server_exceptions=False) as client:
        problem = assert_problem(client.get("/boom"), 500)
    assert "secret internal state" not in str(problem)


def forged_cursor(payload: bytes) -> str:
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


HUGE_ID_CURSOR = forged_cursor(b'{"s":"id","v":null,"i":99999999999999999999}')
INFINITE_VALUE_CURSOR = forged_cursor(b'{"s":"value","v":1e999,"i":1}')
BOOLEAN_ID_CURSOR = forged_cursor(b'{"s":"id","v":null,"i":true}')
LIST_CURSOR = forged_cursor(b"[1,2,3]")
# Found by schemathesis on PostgreSQL: ids and ranks are INTEGER (32-bit) columns there,
# and a larger number in a path, filter or cursor answered 500 ("integer out of range").
WIDE_ID_CURSOR = forged_cursor(b'{"s":"id","v":null,"i":2147483648}')
WIDE_RANK_CURSOR = forged_cursor(b'{"s":"rank","v":1099511627776,"i":5}')
WIDE_YEAR_CURSOR = forged_cursor(b'{"s":"period_start","v":-2147483649,"i":5}')


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/facts/99999999999999999999", 404),
        ("/facts/9223372036854775808", 404),
        ("/facts/%C2%B2", 404),  # a Unicode digit is not an id
        ("/entities/99999999999999999999", 404),
        ("/entities/%C2%B2", 404),
        ("/articles/99999999999999999999/facts", 404),
        ("/entities/..%2F..%2Fetc%2Fpasswd", 404),
        ("/facts?entity=%00", 422),
        ("/facts?q=a%00b", 422),
        ("/entities/%00", 404),
        ("/articles/ab%00cd", 404),
        ("/facts?entity=%27%20OR%201%3D1%20--", 404),
        ("/facts?article_id=99999999999999999999", 422),
        ("/facts?year=100000", 422),
        ("/facts?min_value=1e999", 422),
        (f"/facts?cursor={HUGE_ID_CURSOR}", 400),
        (f"/facts?cursor={INFINITE_VALUE_CURSOR}&sort=value", 400),
        (f"/facts?cursor={BOOLEAN_ID_CURSOR}", 400),
        (f"/facts?cursor={LIST_CURSOR}", 400),
        ("/facts/2147483648", 404),
        ("/entities/3000000000", 404),
        ("/articles/3000000000/entities", 404),
        ("/facts?article_id=2147483648", 422),
        ("/entities?article_id=9223372036854775806", 422),
        (f"/facts?cursor={WIDE_ID_CURSOR}", 400),
        (f"/entities?cursor={WIDE_ID_CURSOR}", 400),
        (f"/articles?cursor={WIDE_ID_CURSOR}", 400),
        (f"/facts?cursor={WIDE_RANK_CURSOR}&sort=rank", 400),
        (f"/facts?cursor={WIDE_YEAR_CURSOR}&sort=period_start", 400),
    ],
)
def test_hostile_keys_and_values_get_a_4xx_problem(client, path, status):
    assert_problem(client.get(path), status)


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/facts?type=ranking&type=event", "type"),
        ("/facts?limit=1&limit=2", "limit"),
        ("/facts?limit=1&q=army&limit=1", "limit"),
        ("/entities?q=nato&q=pfp", "q"),
        ("/articles?cursor=a&cursor=b", "cursor"),
        ("/entities/azerbaijan/facts?sort=id&sort=-id", "sort"),
        ("/articles/1/entities?type=country&type=person", "type"),
    ],
)
def test_a_single_valued_parameter_given_twice_is_refused(client, path, parameter):
    # Found in review: the last value silently won (`limit=1&limit=2` paged by 2).
    problem = assert_problem(client.get(path), 422)
    assert problem["type"] == "urn:article-facts:problem:validation-error"
    assert [error["loc"] for error in problem["errors"]] == [["query", parameter]]
    assert parameter in problem["detail"]
