"""GET /facts/{id}/reviews: every review kept with who, when, the decision, a note and the
fields before and after; labels of write keys; statements said again after corrections."""

import hashlib

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import UNLIMITED
from tests.helpers import AUTH, DIGEST_KEY, KEY, assert_problem, get_all


def review(client, fact_id, body, headers=AUTH):
    etag = client.get(f"/facts/{fact_id}").headers["etag"]
    return client.patch(f"/facts/{fact_id}", json=body, headers={**headers, "If-Match": etag})


def trail(client, fact_id):
    return get_all(client, f"/facts/{fact_id}/reviews")


def test_every_review_is_kept_oldest_first_with_its_note(writer):
    assert trail(writer, 12) == []
    was = writer.get("/facts/12").json()["review_status"]
    assert review(writer, 12, {"review_status": "unreviewed"}).status_code == 200
    body = {"review_status": "rejected", "note": "The amount is for 2009-2016 imports."}
    assert review(writer, 12, body).status_code == 200
    first, second = trail(writer, 12)
    assert first["review_status"] == "unreviewed" and first["note"] is None
    assert first["before"] == {"review_status": was}
    assert first["after"] == {"review_status": "unreviewed"}
    assert second["review_status"] == "rejected" and second["note"] == body["note"]
    assert second["before"] == {"review_status": "unreviewed"}
    assert first["fact_id"] == second["fact_id"] == 12 and first["id"] < second["id"]
    assert first["decided_at"] <= second["decided_at"]
    assert first["reviewer"] == second["reviewer"] == f"key-{digest(KEY)[:8]}"


def test_a_review_that_changes_nothing_is_still_listed_at_once(writer):
    # No column of the fact changes: the trail's own trigger moves the data version, so
    # the cached list is not served stale.
    assert review(writer, 3, {"review_status": "accepted"}).status_code == 200
    assert len(trail(writer, 3)) == 1
    assert review(writer, 3, {"review_status": "accepted"}).status_code == 200
    assert [entry["review_status"] for entry in trail(writer, 3)] == ["accepted", "accepted"]


def test_a_refused_review_leaves_no_trace(writer):
    stale = writer.patch("/facts/12", json={"review_status": "accepted"},
                         headers={**AUTH, "If-Match": '"stale"'})  # fmt: skip
    assert_problem(stale, 412)
    unknown = review(writer, 12, {"review_status": "corrected", "subject": "no-such-entity"})
    assert_problem(unknown, 422)
    assert trail(writer, 12) == []


def test_reviews_are_recorded_under_the_label_of_the_key(db_url, tmp_path):
    settings = Settings(
        database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False,
        api_keys=f"{KEY}, sha256:{digest(DIGEST_KEY)}",
        api_key_labels=f"alice={digest(KEY)[:8]}, bob=sha256:{digest(DIGEST_KEY)}", **UNLIMITED,
    )  # fmt: skip
    with TestClient(create_app(settings)) as client:
        assert review(client, 5, {"review_status": "accepted"}).status_code == 200
        bob = {"Authorization": f"Bearer {DIGEST_KEY}"}
        assert review(client, 5, {"review_status": "rejected"}, bob).status_code == 200
        assert [entry["reviewer"] for entry in trail(client, 5)] == ["alice", "bob"]
        # The label is no key: "alice" itself opens nothing.
        refused = review(client, 5, {"review_status": "accepted"},
                         {"Authorization": "Bearer alice"})  # fmt: skip
        assert_problem(refused, 403)
        body = client.get("/facts/5/reviews").text
        assert KEY not in body and DIGEST_KEY not in body


def test_a_corrected_amount_is_said_again_in_the_statement(writer):
    response = review(writer, 12, {"review_status": "corrected", "value": 22_800_000_000})
    assert response.status_code == 200, response.text
    fact = response.json()
    assert fact["statement"] == (
        "Azerbaijan spent 22.8 billion USD on defence-related products in 2009–2016."
    )
    (entry,) = trail(writer, 12)
    assert entry["before"]["value"] == 22_700_000_000 and entry["after"]["value"] == 22_800_000_000
    assert entry["before"]["statement"].startswith("Azerbaijan spent 22.7 billion")
    assert entry["after"]["statement"] == fact["statement"]


def test_a_corrected_rank_subject_or_period_follows_into_the_statement(writer):
    ranked = review(writer, 11, {"review_status": "corrected", "rank": 65}).json()
    assert ranked["statement"] == (
        "Azerbaijan ranked 65th among 138 countries in the Global Fire Power review 2020."
    )
    moved = review(writer, 8, {"review_status": "corrected", "period_end": 2019}).json()
    assert moved["statement"] == (
        "Azerbaijan ranked 23rd globally for the volume of weapons imports in 2014–2019."
    )
    renamed = review(writer, 5, {"review_status": "corrected", "subject": "armenia"}).json()
    assert renamed["subject"]["name"] == "Armenia"
    assert renamed["statement"].startswith("Armenia ")
    (entry,) = trail(writer, 5)
    assert entry["before"]["subject"] == "azerbaijan" and entry["after"]["subject"] == "armenia"


def test_a_statement_the_reviewer_writes_is_kept_as_written(writer):
    own = "Azerbaijan spent about 23 billion USD on arms in 2009–2016."
    body = {"review_status": "corrected", "value": 23_000_000_000, "statement": own}
    assert review(writer, 12, body).json()["statement"] == own


def test_a_correction_no_wording_can_place_gets_a_plain_statement(writer):
    # The seed's own sentence does not say a modality: said plainly rather than left wrong.
    body = {"review_status": "corrected", "modality": "planned"}
    fact = review(writer, 12, body).json()
    assert "planned" in fact["statement"] or "plans" in fact["statement"]
    assert "22.7 billion USD" in fact["statement"]


def test_the_trail_pages_and_refuses_what_it_cannot_read(writer):
    for status in ("accepted", "rejected", "accepted"):
        assert review(writer, 7, {"review_status": status}).status_code == 200
    first = writer.get("/facts/7/reviews", params={"limit": 2})
    assert first.status_code == 200
    page = first.json()
    assert len(page["items"]) == 2 and page["total"] == 3 and page["next_cursor"]
    rest = writer.get("/facts/7/reviews", params={"limit": 2, "cursor": page["next_cursor"]})
    assert [entry["review_status"] for entry in rest.json()["items"]] == ["accepted"]
    assert_problem(writer.get("/facts/999999/reviews"), 404)
    assert_problem(writer.get("/facts/7/reviews", params={"cursor": "garbage"}), 400)
    assert_problem(writer.get("/facts/7/reviews", params={"colour": "red"}), 422)


def test_deleting_the_article_deletes_its_facts_trails(writer):
    assert review(writer, 12, {"review_status": "accepted"}).status_code == 200
    assert writer.delete("/articles/1", headers=AUTH).status_code == 204
    assert_problem(writer.get("/facts/12/reviews"), 404)


@pytest.mark.parametrize("note", ["", "x" * 2001, "\u0000nul"])
def test_a_bad_note_is_refused(writer, note):
    assert_problem(review(writer, 12, {"review_status": "accepted", "note": note}), 422)
    assert trail(writer, 12) == []


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def test_a_decision_undone_or_repeated_still_makes_an_older_etag_stale(writer):
    # Found in review: the ETag hashed the fact alone, so after reject-then-unreviewed a
    # reviewer holding the first ETag decided without seeing either decision.
    bob_etag = writer.get("/facts/3").headers["etag"]
    assert review(writer, 3, {"review_status": "rejected"}).status_code == 200
    assert review(writer, 3, {"review_status": "unreviewed"}).status_code == 200
    assert writer.get("/facts/3").json()["review_status"] == "unreviewed"
    late = writer.patch("/facts/3", json={"review_status": "accepted"},
                        headers={**AUTH, "If-Match": bob_etag})  # fmt: skip
    assert_problem(late, 412)
    before = writer.get("/facts/3").headers["etag"]
    answer = review(writer, 3, {"review_status": "unreviewed", "note": "again"})
    assert answer.headers["etag"] != before
    assert answer.headers["etag"] == writer.get("/facts/3").headers["etag"]


def test_review_times_are_utc_on_both_backends(writer):
    assert review(writer, 3, {"review_status": "accepted"}).status_code == 200
    (entry,) = trail(writer, 3)
    assert entry["decided_at"].endswith(("Z", "+00:00")), entry["decided_at"]


def test_a_key_that_looks_labelled_is_still_the_key(db_url, tmp_path):
    # Found in review: `label=key` inside API_KEYS read a padded base64 key as a label and
    # the key "=". Keys are opaque; labels live in API_KEY_LABELS.
    key = "Zm9vYmFyYmF6cXV4MTIzNA=="
    settings = Settings(database_url=db_url, data_dir=tmp_path, auto_migrate=False,
                        auto_seed=False, api_keys=key, **UNLIMITED)  # fmt: skip
    with TestClient(create_app(settings)) as client:
        good = {"Authorization": f"Bearer {key}"}
        assert review(client, 5, {"review_status": "accepted"}, good).status_code == 200
        assert_problem(review(client, 5, {"review_status": "accepted"},
                              {"Authorization": "Bearer ="}), 403)  # fmt: skip


@pytest.mark.parametrize("labels", ["alice=00000000", "alice=nothex", "=abcdef12", "alice"])
def test_labels_that_name_no_single_key_are_refused_at_start_up(tmp_path, labels):
    with pytest.raises(ValueError):
        create_app(Settings(data_dir=tmp_path, api_keys=KEY, api_key_labels=labels))


OWN_ARTICLE = (
    "Poland will buy 12 Gripen fighter jets from Sweden for $2.1bn, the defence ministry "
    "said. Poland spent $4bn on defence in 2022. Montenegro joined NATO in 2017. Poland "
    "ranked 21st among 145 countries in the Global Firepower index 2023. Poland and "
    "Lithuania held the Iron Wolf exercise in 2023 with 3,000 troops. General Wieslaw "
    "Kukula was appointed Chief of the General Staff of Poland, replacing General Rajmund "
    "Andrzejczak. Poland cooperates with about 20 countries in the military-technical sphere."
)
CLEARABLE = ("value", "unit", "modality", "value_qualifier", "rank", "rank_total", "scope",
             "metric", "quantity", "item", "period_start", "period_end", "object",
             "attributed_to", "replaces")  # fmt: skip


def test_clearing_any_field_of_any_fact_never_fails_or_says_none(writer):
    created = writer.post("/articles", json={"text": OWN_ARTICLE}, headers=AUTH)
    assert created.status_code == 201, created.text
    facts = [*created.json()["facts"], *(writer.get(f"/facts/{n}").json() for n in (8, 11, 12))]
    assert len({fact["type"] for fact in facts}) >= 4
    for fact in facts:
        for field in CLEARABLE:
            if fact[field] is None:
                continue
            answer = review(writer, fact["id"], {"review_status": "corrected", field: None})
            assert answer.status_code in (200, 422), (fact["statement"], field, answer.text)
            if answer.status_code == 200:
                statement = answer.json()["statement"]
                assert "None" not in statement and "  " not in statement, (field, statement)
                body = {"review_status": "corrected", field: fact[field]}
                if field in ("object", "attributed_to", "replaces"):
                    body[field] = str(fact[field]["id"])
                assert review(writer, fact["id"], body).status_code == 200
