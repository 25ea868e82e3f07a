"""GET /health: a real database round trip; 503 problem when it fails."""

import sqlalchemy as sa


def test_health_ok(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_503_when_the_database_is_unreachable(client, tmp_path):
    client.app.state.engine = sa.create_engine(f"sqlite:///{tmp_path}/missing/dir/facts.db")
    response = client.get("/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 503 and problem["database"] == "unreachable"
