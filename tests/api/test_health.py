"""GET /health (liveness) and /ready (readiness), and the headers every response carries."""

import json
import os
import re
import threading
from pathlib import Path

import anyio
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

import app.api.routes.facts as facts_routes
from app.api.edge import RequestIds
from app.config import Settings
from app.logs import JsonFormatter
from app.main import create_app

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def test_health_ok(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_503_when_the_database_is_unreachable(client, tmp_path):
    client.app.state.runtime.engine = sa.create_engine(f"sqlite:///{tmp_path}/missing/dir/facts.db")
    response = client.get("/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 503 and problem["database"] == "unreachable"


def test_ready_when_the_schema_is_at_head(client):
    response = client.get("/ready")
    assert response.status_code == 200
    head = sorted(path.name[:4] for path in MIGRATIONS.glob("[0-9]*.py"))[-1]
    assert response.json() == {"status": "ready", "database": "ok", "migration": head}


def test_not_ready_before_migrating_though_alive(empty_db_url, tmp_path):
    settings = Settings(database_url=empty_db_url, data_dir=tmp_path, auto_migrate=False,
                        auto_seed=False)  # fmt: skip
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 200
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "run article-facts migrate" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/facts", "/facts/424242", "/docs", "/nope"])
def test_every_response_has_a_request_id_and_security_headers(client, path):
    response = client.get(path)
    assert len(response.headers["x-request-id"]) == 32
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    # Only the docs pages may run scripts, and only their own.
    assert ("script-src 'self'" in policy) == (path == "/docs")
    assert "default-src 'none'" in policy or path == "/docs"


def test_new_request_ids_are_unique_within_a_process_and_across_forks():
    ids = RequestIds()
    made = {ids.new() for _ in range(10_000)}
    assert len(made) == 10_000 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in made)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the child reports its first id and leaves at once
        os.write(writer, ids.new().encode())
        os._exit(0)
    os.waitpid(child, 0)
    from_child = os.read(reader, 64).decode()
    assert from_child[:16] != ids.prefix and from_child not in made


def test_a_given_request_id_is_kept_and_a_bad_one_replaced(client):
    assert client.get("/facts", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == (
        "abc-123"
    )
    replaced = client.get("/facts", headers={"X-Request-ID": "bad id\twith spaces"})
    assert replaced.headers["x-request-id"] != "bad id\twith spaces"


def test_metrics_count_requests_by_route_and_status_and_the_store(client):
    client.get("/facts/12")
    client.get("/facts/12")  # the second from the response cache
    client.get("/facts/424242")
    text = client.get("/metrics").text
    assert 'article_facts_requests_total{method="GET",route="/facts/{id}",status="200"} 2.0' in text
    assert 'article_facts_requests_total{method="GET",route="/facts/{id}",status="404"} 1.0' in text
    assert 'article_facts_request_seconds_count{route="/facts/{id}"} 3.0' in text
    assert 'article_facts_stored{kind="facts"} 35.0' in text


def test_metrics_count_response_cache_hits_and_misses(client):
    """So a benchmark (or an operator) can tell a cached figure from a read."""
    before = client.get("/metrics").text
    client.get("/facts/13")
    client.get("/facts/13")  # a hit
    client.get("/facts/14")
    text = client.get("/metrics").text
    assert metric(text, "article_facts_response_cache_total", 'result="hit"') == metric(
        before, "article_facts_response_cache_total", 'result="hit"') + 1  # fmt: skip
    assert metric(text, "article_facts_response_cache_total", 'result="miss"') == metric(
        before, "article_facts_response_cache_total", 'result="miss"') + 2  # fmt: skip


def metric(text: str, name: str, labels: str) -> float:
    [line] = [line for line in text.splitlines() if line.startswith(f"{name}{{{labels}}}")]
    return float(line.split()[-1])


def test_made_up_methods_do_not_grow_the_metrics(client):
    for method in ("BREW", "WHEN", "X-ANYTHING"):
        client.request(method, "/facts")
    text = client.get("/metrics").text
    assert 'article_facts_requests_total{method="other",route="/facts",status="405"} 3.0' in text
    assert "BREW" not in text
    assert 'article_facts_stored{kind="articles"} 1.0' in text


def test_log_lines_are_json_with_the_request_id(client, caplog):
    caplog.set_level("INFO", logger="app.access")
    client.get("/facts?type=spending", headers={"X-Request-ID": "trace-42"})
    [record] = [r for r in caplog.records if r.name == "app.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "trace-42" and line["level"] == "info"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/facts", 200)
    assert line["ms"] >= 0


def test_cors_is_off_unless_configured(client):
    response = client.get("/facts", headers={"Origin": "https://reader.example"})
    assert "access-control-allow-origin" not in response.headers


def test_configured_origins_may_read_but_not_write(db_url, tmp_path):
    settings = Settings(database_url=db_url, data_dir=tmp_path, auto_migrate=False,
                        auto_seed=False, cors_origins="https://reader.example")  # fmt: skip
    with TestClient(create_app(settings)) as client:
        read = client.get("/facts", headers={"Origin": "https://reader.example"})
        assert read.headers["access-control-allow-origin"] == "https://reader.example"
        assert "ETag" in read.headers["access-control-expose-headers"]
        preflight = {"Origin": "https://reader.example", "Access-Control-Request-Method": "POST"}
        assert client.options("/articles", headers=preflight).status_code == 400
        other = client.get("/facts", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_metrics_show_the_requests_still_being_answered(client, monkeypatch):
    """A backlog (slow requests running on after their clients left) is visible: a
    benchmark waits for it to drain before its next run, an operator alerts on it."""
    gate, entered = threading.Event(), threading.Event()
    real = facts_routes.run_read

    async def held(*args):
        entered.set()
        await anyio.to_thread.run_sync(gate.wait)
        return await real(*args)

    monkeypatch.setattr(facts_routes, "run_read", held)
    waiting = threading.Thread(target=client.get, args=("/facts/12",))
    waiting.start()
    try:
        assert entered.wait(10)
        text = client.get("/metrics").text
        assert metric_value(text, "article_facts_requests_in_progress") == 2.0  # and the scrape
    finally:
        gate.set()
        waiting.join(10)
    assert metric_value(client.get("/metrics").text, "article_facts_requests_in_progress") == 1.0


def metric_value(text: str, name: str) -> float:
    [line] = [line for line in text.splitlines() if line.startswith(f"{name} ")]
    return float(line.split()[-1])
