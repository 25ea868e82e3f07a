"""The fields of issue 10 through the API: modality, quantity, item and replaces on every
fact, corrected by review, filtered on, and keeping the entity they name."""

import pytest

from app.enums import MODAL_FACT_TYPES, FactType
from tests.helpers import ARTICLE, AUTH, assert_problem, get_all

NEW_FIELDS = ("modality", "quantity", "item", "replaces")
CORRECTION = {"review_status": "corrected", "modality": "asserted", "quantity": 2,
              "item": "military facility", "replaces": "president-of-azerbaijan"}  # fmt: skip


def opening(client) -> dict:
    """The seed's fact of Hasanov opening a facility (an event, no predecessor)."""
    facts = get_all(client, "/facts", subject="zakir-hasanov")
    return next(fact for fact in facts if fact["predicate"] == "opened_military_facility")


def correct(client, fact_id: int, body: dict):
    etag = client.get(f"/facts/{fact_id}").headers["etag"]
    return client.patch(f"/facts/{fact_id}", json=body, headers={**AUTH, "If-Match": etag})


def test_facts_carry_a_modality_exactly_where_one_applies(writer):
    created = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    assert created["facts"]
    listed = get_all(writer, "/facts", article_id=created["id"])
    assert listed == created["facts"]
    for fact in listed + get_all(writer, "/facts", origin="curated"):
        applies = FactType(fact["type"]) in MODAL_FACT_TYPES
        assert (fact["modality"] is not None) is applies, fact["id"]
        # no procurement, exercise or appointment in these texts: nothing to count or replace
        assert (fact["quantity"], fact["item"], fact["replaces"]) == (None, None, None)


def test_a_correction_sets_and_clears_the_new_fields(writer):
    fact = opening(writer)
    response = correct(writer, fact["id"], CORRECTION)
    assert response.status_code == 200, response.text
    corrected = response.json()
    assert (corrected["modality"], corrected["quantity"], corrected["item"]) == (
        "asserted", 2, "military facility"
    )  # fmt: skip
    assert corrected["replaces"] == {
        "id": writer.get("/entities/president-of-azerbaijan").json()["id"],
        "name": "President of Azerbaijan",
        "type": "position",
    }
    assert writer.get(f"/facts/{fact['id']}").json() == corrected
    cleared = correct(writer, fact["id"], {"review_status": "corrected", "replaces": None,
                                           "quantity": None, "modality": None})  # fmt: skip
    assert cleared.status_code == 200, cleared.text
    assert [cleared.json()[name] for name in ("modality", "quantity", "replaces")] == [None] * 3
    assert cleared.json()["item"] == "military facility"


@pytest.mark.parametrize(
    "change",
    [
        {"quantity": -1},
        {"quantity": 2**31},  # beyond PostgreSQL's INTEGER
        {"quantity": "3"},
        {"quantity": 2.5},
        {"quantity": True},
        {"modality": "rumoured"},
        {"item": " "},
        {"item": "x" * 201},
        {"replaces": "no-such-entity"},
    ],
)
def test_invalid_new_fields_get_422_and_change_nothing(writer, change):
    fact = opening(writer)
    assert_problem(correct(writer, fact["id"], {"review_status": "corrected", **change}), 422)
    assert writer.get(f"/facts/{fact['id']}").json() == fact


def test_the_replaces_and_modality_filters_and_entity_find_the_fact(writer):
    fact = opening(writer)
    assert get_all(writer, "/facts", replaces="president-of-azerbaijan") == []
    assert correct(writer, fact["id"], CORRECTION).status_code == 200
    president = writer.get("/entities/president-of-azerbaijan").json()
    for params in ({"replaces": "president-of-azerbaijan"}, {"replaces": str(president["id"])}):
        assert [found["id"] for found in get_all(writer, "/facts", **params)] == [fact["id"]]
    everything = get_all(writer, "/facts")
    for modality in ("asserted", "planned", "proposed"):
        expected = [found["id"] for found in everything if found["modality"] == modality]
        found = [found["id"] for found in get_all(writer, "/facts", modality=modality)]
        assert found == expected
    assert fact["id"] in [found["id"] for found in get_all(writer, "/facts", modality="asserted")]
    assert get_all(writer, "/facts", modality="asserted", type="ranking") == []
    involving = get_all(writer, "/facts", entity="president-of-azerbaijan")
    assert fact["id"] in [found["id"] for found in involving]
    assert involving == get_all(writer, "/entities/president-of-azerbaijan/facts")
    # As a second entity (the path's, then the filter's), replaces counts as well.
    both = get_all(writer, "/entities/zakir-hasanov/facts", entity="president-of-azerbaijan")
    assert [found["id"] for found in both] == [fact["id"]]


@pytest.mark.parametrize("query", ["modality=rumoured", "modality=", "replaces="])
def test_bad_new_filters_get_422(client, query):
    assert_problem(client.get(f"/facts?{query}"), 422)


def test_an_unknown_predecessor_in_a_filter_is_a_404(client):
    response = client.get("/facts", params={"replaces": "no-such-entity"})
    assert_problem(response, 404)
    assert response.json()["detail"] == "No entity 'no-such-entity'."


def test_an_entity_a_fact_replaces_outlives_its_last_mention(writer):
    article = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    fact = opening(writer)
    body = {"review_status": "corrected", "replaces": "mariusz-blaszczak"}
    assert correct(writer, fact["id"], body).status_code == 200
    assert writer.delete(f"/articles/{article['id']}", headers=AUTH).status_code == 204
    kept = writer.get("/entities/mariusz-blaszczak")
    assert kept.status_code == 200 and kept.json()["mention_count"] == 0
    assert writer.get(f"/facts/{fact['id']}").json()["replaces"]["name"] == "Mariusz Blaszczak"
