"""One integer bound (32-bit, the PostgreSQL INTEGER columns) wherever numbers enter:
extraction's output as it is stored, the curated seed, and import (tests/test_import.py)."""

import shutil

import pytest

from app.bounds import MAX_ID
from app.claims import FACT_CLAIM_FIELDS
from app.writes.invariants import GroundingError, check_claim
from app.writes.seed import SeedError, read_seed
from tests.conftest import REPO_ROOT
from tests.helpers import AUTH, get_all

OUT_OF_RANGE = (
    "Georgia ranked 89th among 3000000000 countries in the Global Firepower index 2023. "
    "Georgia ranked 150th among 145 countries in the Global Firepower index 2022. "
    "Georgia joined NATO in 2004."
)


def test_extracted_claims_the_store_cannot_hold_are_left_out(writer):
    response = writer.post("/articles", json={"text": OUT_OF_RANGE}, headers=AUTH)
    assert response.status_code == 201, response.text
    facts = response.json()["facts"]
    # A total past the bound is dropped and the ranking kept (extraction); a rank above its
    # total is no claim the store keeps (the write layer's check).
    rankings = [(f["rank"], f["rank_total"]) for f in facts if f["predicate"] == "ranked_in"]
    assert rankings == [(89, None)]
    assert [f["predicate"] for f in facts if f["predicate"] != "ranked_in"] == ["joined"]
    for fact in get_all(writer, "/facts", article_id=response.json()["id"]):
        assert fact["rank_total"] is None or fact["rank_total"] <= MAX_ID
        assert fact["rank"] is None or fact["rank"] <= (fact["rank_total"] or MAX_ID)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("rank_total = 138", f"rank_total = {MAX_ID + 1}", "rank_total must be at most"),
        ("rank_total = 138", "rank_total = 10", "rank 64 is greater than rank_total 10"),
        ("period_end = 2016", "period_end = 2001", "period_start 2009 is after period_end 2001"),
        ("rank_total = 138", "rank_total = 138\nquantity = -1", "quantity must be at least 0"),
        (
            "rank_total = 138",
            f"rank_total = 138\nquantity = {MAX_ID + 1}",
            "quantity must be at most 2147483647",
        ),
    ],
)
def test_the_seed_refuses_a_curated_claim_out_of_range(tmp_path, old, new, message):
    directory = tmp_path / "seed"
    shutil.copytree(REPO_ROOT / "seed", directory)
    path = directory / "annotations.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SeedError, match=message):
        read_seed(directory)


@pytest.mark.parametrize(
    ("quantity", "message"),
    [(-1, "at least 0, not -1"), (MAX_ID + 1, "at most 2147483647"), (True, "an integer"),
     (2.0, "an integer")],
)  # fmt: skip
def test_the_claim_check_refuses_a_quantity_out_of_range(quantity, message):
    claim = {name: None for name in FACT_CLAIM_FIELDS} | {"confidence": 1.0}
    check_claim(claim | {"quantity": 0}, "fact")  # none bought is a count too
    check_claim(claim | {"quantity": MAX_ID}, "fact")
    with pytest.raises(GroundingError, match=f"fact: quantity must be {message}"):
        check_claim(claim | {"quantity": quantity}, "fact")
