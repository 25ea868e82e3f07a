"""One error shape for every kind of failure: RFC 9457 problem+json, never HTML or a traceback."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status):
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert set(problem) >= PROBLEM_KEYS
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    assert "Traceback" not in response.text and "<html" not in response.text.lower()
    return problem


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
    assert response.headers["allow"] == "GET"


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
