"""GET /facets/facts, /facets/entities, /facets/articles: counts equal those of the lists."""

from collections import Counter

import pytest

from app.schemas.facets import FACET_SAMPLE
from tests.helpers import assert_problem, get_all
from tests.test_cache_memory import multiply_facts

FIELD_FACETS = ("type", "review_status", "origin", "unit")
ENTITY_FACETS = ("subject", "attributed_to")
FILTERS = [{}, {"type": "ranking"}, {"entity": "azerbaijan"}, {"year": 2015},
           {"q": "weapons"}, {"attributed_to": "bloomberg"}, {"from": 2010, "to": 2016},
           {"subject": "azerbaijan", "origin": "curated"}]  # fmt: skip


def as_dict(values: list[dict]) -> dict:
    return {value["value"]: value["count"] for value in values}


@pytest.mark.parametrize("filters", FILTERS)
def test_fact_facets_count_what_the_filtered_list_holds(client, filters):
    facts = get_all(client, "/facts", **filters)
    response = client.get("/facets/facts", params={**filters, "facet_size": 100})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["approximate"] is False and answer["counted"] == len(facts)
    facets = answer["facets"]
    assert list(facets) == [*FIELD_FACETS[:3], "unit", *ENTITY_FACETS, "year"]
    for field in FIELD_FACETS:
        expected = Counter(fact[field] for fact in facts if fact[field] is not None)
        assert as_dict(facets[field]) == expected, field
    for field in ENTITY_FACETS:
        expected = Counter(fact[field]["id"] for fact in facts if fact[field] is not None)
        assert as_dict(facets[field]) == expected, field
        for value in facets[field]:
            entity = client.get(f"/entities/{value['value']}").json()
            assert (value["slug"], value["name"]) == (entity["slug"], entity["name"])
    for value in facets["year"]:  # as many as the list filtered on that year holds
        listed = client.get("/facts", params={**filters, "year": value["value"]}).json()
        assert listed["total"] == value["count"], value


def test_facets_are_ranked_most_frequent_first_and_cut_at_facet_size(client):
    answer = client.get("/facets/facts", params={"facet": ["type", "subject"],
                                                 "facet_size": 2}).json()  # fmt: skip
    assert list(answer["facets"]) == ["type", "subject"]
    full = client.get("/facets/facts", params={"facet": "type", "facet_size": 100}).json()
    ranked = sorted(full["facets"]["type"], key=lambda value: (-value["count"], value["value"]))
    assert full["facets"]["type"] == ranked
    assert answer["facets"]["type"] == ranked[:2]
    assert len(answer["facets"]["subject"]) == 2


def test_entity_and_article_facets_count_their_lists(client):
    entities = get_all(client, "/entities")
    answer = client.get("/facets/entities", params={"facet_size": 100}).json()
    assert as_dict(answer["facets"]["type"]) == Counter(entity["type"] for entity in entities)
    organizations = client.get("/facets/entities", params={"type": "organization"}).json()
    assert as_dict(organizations["facets"]["type"]) == {
        "organization": client.get("/entities", params={"type": "organization"}).json()["total"]
    }
    articles = client.get("/facets/articles").json()
    assert articles == {"facets": {"source": [], "year": []}, "counted": 1,
                        "approximate": False}  # fmt: skip


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/facets/facts?facet=nope", 422),
        ("/facets/facts?facet_size=0", 422),
        ("/facets/facts?facet_size=101", 422),
        ("/facets/facts?limit=5", 422),
        ("/facets/facts?cursor=abc", 422),
        ("/facets/facts?sort=-id", 422),
        ("/facets/facts?facet_size=1&facet_size=2", 422),
        ("/facets/facts?entity=no-such-entity", 404),
        ("/facets/facts?article_id=99", 404),
        ("/facets/entities?facet=source", 422),
        ("/facets/entities?article_id=99", 404),
        ("/facets/articles?published_from=2020-02-01&published_to=2020-01-01", 422),
        ("/facets/articles?facet=type", 422),
    ],
)
def test_bad_facet_requests_are_problems(client, url, status):
    assert_problem(client.get(url), status)


def test_facets_of_more_facts_than_they_count_say_they_are_approximate(client, db_url):
    total = multiply_facts(db_url, 9)  # 35 * 512 facts
    answer = client.get("/facets/facts", params={"facet": "type", "facet_size": 100}).json()
    assert answer["approximate"] is True and answer["counted"] == FACET_SAMPLE
    assert sum(value["count"] for value in answer["facets"]["type"]) == FACET_SAMPLE < total
    exact = {"structure": 9 * 512, "ranking": 4 * 512}
    for name, count in as_dict(answer["facets"]["type"]).items():  # each a lower bound
        assert count <= exact.get(name, total)
    narrow = client.get("/facets/facts", params={"type": "spending"}).json()
    assert narrow["approximate"] is False and narrow["counted"] == 512


def test_entity_facets_count_every_entity_not_a_sample(client):
    # Found in review: a sample of the first 10,000 rows dropped whole entity types.
    entities = get_all(client, "/entities")
    expected = {}
    for entity in entities:
        expected[entity["type"]] = expected.get(entity["type"], 0) + 1
    answer = client.get("/facets/entities", params={"facet_size": 100}).json()
    assert {item["value"]: item["count"] for item in answer["facets"]["type"]} == expected
    assert answer["counted"] == len(entities) and answer["approximate"] is False
