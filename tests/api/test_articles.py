"""GET /articles, /articles/{id}, and the article's facts and entities."""

import hashlib

import pytest

from tests.helpers import get_all

SEED_SHA256 = "336e76cb0da50f41d58e2fbe432ed0deaf81ae083d737d890f43f170007bd860"


@pytest.fixture
def listed(client):
    [article] = client.get("/articles").json()["items"]
    return article


def test_article_list_omits_the_text(client, listed):
    assert "text" not in listed
    assert listed["sha256"] == SEED_SHA256
    assert listed["language"] == "en"
    assert listed["source"] is listed["url"] is listed["published_at"] is None
    assert listed["title"] == (
        "Azerbaijan is upgrading its military units in line with the Action Plan for 2020."
    )
    assert listed["fact_count"] == client.get("/facts").json()["total"]
    assert listed["entity_count"] == 27


@pytest.mark.parametrize("key", ["id", "slug"])
def test_one_article_serves_the_text_verbatim(client, listed, seed_text, key):
    article = client.get(f"/articles/{listed[key]}").json()
    assert article["text"] == seed_text
    assert hashlib.sha256(article["text"].encode()).hexdigest() == SEED_SHA256
    assert "It's army" in article["text"] and "Caspian Sea sea" in article["text"]
    assert {k: article[k] for k in listed} == listed


def test_article_facts_and_entities(client, listed):
    facts = get_all(client, f"/articles/{listed['slug']}/facts")
    assert len(facts) == listed["fact_count"]
    assert {fact["article_id"] for fact in facts} == {listed["id"]}
    rankings = get_all(client, f"/articles/{listed['id']}/facts", type="ranking")
    assert len(rankings) == 4
    entities = get_all(client, f"/articles/{listed['id']}/entities", limit=5)
    assert len(entities) == listed["entity_count"]
    countries = get_all(client, f"/articles/{listed['id']}/entities", type="country")
    assert {entity["name"] for entity in countries} == {"Azerbaijan", "Armenia"}


def test_article_paging_params(client):
    assert client.get("/articles", params={"limit": 1}).json()["limit"] == 1
    assert client.get("/articles", params={"limit": 0}).status_code == 422
    assert client.get("/articles", params={"type": "ranking"}).status_code == 422
    assert client.get("/articles", params={"cursor": "nope"}).status_code == 400


@pytest.mark.parametrize(
    "path",
    ["/articles/42", "/articles/no-such-article", "/articles/42/facts", "/articles/x/entities"],
)
def test_unknown_article_is_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No article")
