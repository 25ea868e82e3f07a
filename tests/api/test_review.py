"""PATCH /facts/{id} (review guarded by If-Match) and DELETE /articles/{id}."""

import pytest

from tests.helpers import ARTICLE, AUTH, assert_problem, counts, get_all


def fact_with_etag(client, fact_id=1):
    response = client.get(f"/facts/{fact_id}")
    return response.json(), response.headers["etag"]


def test_accept_then_the_old_etag_is_stale(writer):
    _, etag = fact_with_etag(writer, 12)
    response = writer.patch("/facts/12", json={"review_status": "rejected"},
                            headers={**AUTH, "If-Match": etag})  # fmt: skip
    assert response.status_code == 200
    assert response.json()["review_status"] == "rejected"
    new_etag = response.headers["etag"]
    assert new_etag != etag and writer.get("/facts/12").headers["etag"] == new_etag
    stale = writer.patch("/facts/12", json={"review_status": "accepted"},
                         headers={**AUTH, "If-Match": etag})  # fmt: skip
    assert_problem(stale, 412)
    assert writer.get("/facts/12").json()["review_status"] == "rejected"
    assert [f["id"] for f in get_all(writer, "/facts", review_status="rejected")] == [12]


def test_if_match_compares_strongly_and_star_means_any_current_version(writer):
    # RFC 9110 13.1.1: a weak tag never matches If-Match (found by the hostile-input suite:
    # W/"<etag>" was taken as the etag); "*" matches whatever version is current.
    fact, etag = fact_with_etag(writer, 12)
    weak = writer.patch("/facts/12", json={"review_status": "rejected"},
                        headers={**AUTH, "If-Match": f"W/{etag}"})  # fmt: skip
    assert_problem(weak, 412)
    assert writer.get("/facts/12").json() == fact
    listed = writer.patch("/facts/12", json={"review_status": "rejected"},
                          headers={**AUTH, "If-Match": f'"other", {etag}'})  # fmt: skip
    assert listed.status_code == 200
    star = writer.patch("/facts/12", json={"review_status": "accepted"},
                        headers={**AUTH, "If-Match": "*"})  # fmt: skip
    assert star.status_code == 200 and star.json()["review_status"] == "accepted"


def test_review_needs_if_match(writer):
    assert_problem(writer.patch("/facts/1", json={"review_status": "accepted"}, headers=AUTH), 428)


def test_correct_fields(writer):
    _, etag = fact_with_etag(writer, 12)
    body = {"review_status": "corrected", "value": 22_800_000_000, "object": "europe",
            "statement": "Azerbaijan spent 22.8 billion USD on defence in 2009–2016."}  # fmt: skip
    response = writer.patch("/facts/12", json=body, headers={**AUTH, "If-Match": etag})
    assert response.status_code == 200, response.text
    fact = response.json()
    assert fact["review_status"] == "corrected" and fact["value"] == 22_800_000_000
    assert fact["object"]["name"] == "Europe"
    assert fact["evidence"]["quote"].startswith("The country spent $22,7bn")  # evidence stays
    assert get_all(writer, "/facts", entity="europe", type="spending")[0]["id"] == 12


@pytest.mark.parametrize(
    "body",
    [
        {"review_status": "accepted", "value": 1},
        {"review_status": "corrected"},
        {"review_status": "corrected", "statement": None},
        {"review_status": "corrected", "subject": "no-such-entity"},
        {"review_status": "corrected", "period_start": 2020, "period_end": 2010},
        {"review_status": "corrected", "rank": 200, "rank_total": 138},
        {"review_status": "maybe"},
        {"review_status": "accepted", "evidence": {"start": 0}},
        # Numbers as strings, booleans as numbers: the schema says integer/number.
        {"review_status": "corrected", "rank": "64"},
        {"review_status": "corrected", "rank": True},
        {"review_status": "corrected", "value": "1e9"},
        {"review_status": "corrected", "period_start": 2009.5},
        {"review_status": "corrected", "rank": 3000000000},  # beyond PostgreSQL's INTEGER
    ],
)
def test_invalid_reviews_get_422_and_change_nothing(writer, body):
    fact, etag = fact_with_etag(writer, 11)
    assert_problem(writer.patch("/facts/11", json=body, headers={**AUTH, "If-Match": etag}), 422)
    assert writer.get("/facts/11").json() == fact


def test_review_unknown_fact_is_404(writer):
    assert_problem(writer.patch("/facts/9999", json={"review_status": "accepted"},
                                headers={**AUTH, "If-Match": '"x"'}), 404)  # fmt: skip


def test_delete_removes_the_article_its_facts_and_orphans_only(writer):
    article = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    azerbaijan = writer.get("/entities/azerbaijan").json()["mention_count"]
    assert writer.get("/entities/mariusz-blaszczak").status_code == 200
    response = writer.delete(f"/articles/{article['slug']}", headers=AUTH)
    assert response.status_code == 204 and response.content == b""
    assert_problem(writer.get(f"/articles/{article['id']}"), 404)
    assert get_all(writer, "/facts", origin="extracted") == []
    assert_problem(writer.get("/entities/mariusz-blaszczak"), 404)
    assert writer.get("/entities/azerbaijan").json()["mention_count"] == azerbaijan - 1
    assert_problem(writer.delete(f"/articles/{article['id']}", headers=AUTH), 404)


def test_delete_the_seed_leaves_an_empty_store(writer):
    assert writer.delete("/articles/1", headers=AUTH).status_code == 204
    assert counts(writer) == (0, 0, 0)
