"""GET /entities, /entities/{id} and /entities/{id}/facts."""

import pytest

from tests.helpers import get_all


def test_entity_list_fields_and_paging(client):
    first = client.get("/entities", params={"limit": 3})
    page = first.json()
    assert page["total"] == 27 and len(page["items"]) == 3
    assert set(page["items"][0]) == {
        "id", "slug", "name", "type", "aliases", "wikidata_id", "mention_count",
    }  # fmt: skip
    assert "link" in first.headers
    walked = get_all(client, "/entities", limit=4)
    ids = [entity["id"] for entity in walked]
    assert ids == sorted(set(ids)) and len(ids) == 27


@pytest.mark.parametrize("key_of", [lambda e: e["slug"], lambda e: str(e["id"])])
def test_one_entity_by_slug_or_id(client, key_of):
    listed = next(e for e in get_all(client, "/entities") if e["slug"] == "partnership-for-peace")
    entity = client.get(f"/entities/{key_of(listed)}").json()
    assert {key: entity[key] for key in listed} == listed
    assert entity["aliases"] == ["PFP", "PfP"]
    assert [mention["text"] for mention in entity["mentions"]] == ["Partnership for Peace", "PFP"]


def test_wikidata_only_where_certain(client):
    assert client.get("/entities/azerbaijan").json()["wikidata_id"] == "Q227"
    assert client.get("/entities/bloomberg").json()["wikidata_id"] is None


def test_filter_type(client):
    people = get_all(client, "/entities", type="person")
    assert [entity["name"] for entity in people] == ["Zakir Hasanov"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("nato", {"NATO", "NATO Planning and Review Process"}),
        ("caspian", {"Caspian Sea"}),
        ("Defense Ministry", {"Defense Ministry of Azerbaijan"}),
        ("pfp", {"Partnership for Peace"}),
        ("%", set()),
        ("_", set()),
    ],
)
def test_filter_q_on_name_or_alias_case_insensitive(client, q, expected):
    assert {entity["name"] for entity in get_all(client, "/entities", q=q)} == expected


def test_filter_article_id(client):
    article_id = client.get("/articles").json()["items"][0]["id"]
    assert len(get_all(client, "/entities", article_id=article_id)) == 27
    assert client.get("/entities", params={"article_id": 4242}).status_code == 404


def test_filters_combine(client):
    found = get_all(client, "/entities", type="place", q="sea")
    assert [entity["name"] for entity in found] == ["Caspian Sea"]


def test_entity_facts_is_facts_filtered_by_entity(client):
    for key in ("bloomberg", "azerbaijani-armed-forces", "europe"):
        assert get_all(client, f"/entities/{key}/facts") == get_all(client, "/facts", entity=key)


def test_entity_facts_take_the_fact_filters(client):
    facts = get_all(client, "/entities/azerbaijan/facts", type="alliance", year=1996)
    assert [fact["object"]["name"] for fact in facts] == ["NATO Planning and Review Process"]
    assert client.get("/entities/azerbaijan/facts", params={"bogus": 1}).status_code == 422


@pytest.mark.parametrize("path", ["/entities/no-such", "/entities/0", "/entities/no-such/facts"])
def test_unknown_entity_is_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "type=galaxy", "x=1", "q="])
def test_bad_parameters_are_rejected(client, query):
    assert client.get(f"/entities?{query}").status_code == 422


def test_item_routes_reject_unknown_parameters(client):
    assert client.get("/entities/azerbaijan?verbose=1").status_code == 422


def test_entity_facts_filtered_by_another_entity_need_both(client):
    both = get_all(client, "/entities/azerbaijan/facts", entity="bloomberg")
    with_bloomberg = get_all(client, "/facts", entity="bloomberg")
    assert both == [f for f in with_bloomberg if "Azerbaijan" in
                    (f["subject"]["name"], (f["object"] or {}).get("name"))]  # fmt: skip
    assert len(both) == 2
