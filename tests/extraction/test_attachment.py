"""Which entity a ranking or a date belongs to, in lists, parentheses and clauses;
sentences written for these tests."""

import pytest

from tests.extraction.helpers import facts


def ranks(text: str, published_at: str | None = None) -> dict[str, int]:
    return {f["subject"]: f["rank"] for f in facts(text, "ranking", published_at)}


def test_each_list_item_keeps_its_own_ordinal():
    found = ranks("Peru took 40th place in the index, Chile - 52nd place, Bolivia - 77th.")
    assert found == {"Peru": 40, "Chile": 52, "Bolivia": 77}


def test_parenthesised_ordinals_belong_to_the_name_before_them():
    found = ranks("Peru ranked 40th, ahead of Chile (52nd) and Bolivia (77th).")
    assert found == {"Peru": 40, "Chile": 52, "Bolivia": 77}


def test_the_one_named_after_a_dash_is_ranked():
    assert ranks("The first place went to Norway, the second - Sweden.").get("Sweden") == 2


def test_a_cited_source_is_never_the_one_ranked():
    found = ranks("According to the Global Firepower index, Chile ranked 52nd among 145 nations.")
    assert found == {"Chile": 52}


def test_a_coordinated_clause_keeps_the_first_clauses_subject():
    found = ranks("Peru ranked 40th in the Global Firepower index and remains the largest "
                  "arms importer in South America.")  # fmt: skip
    assert set(found) == {"Peru"}


def test_a_superlative_ranks_only_a_measured_kind():
    assert ranks("Chile took the largest share of the cuts.") == {}
    assert ranks("Chile is the largest arms importer in South America.") == {"Chile": 1}


@pytest.mark.parametrize("baseline", ["compared with 2015", "in comparison to 2015"])
def test_a_baselines_year_is_not_the_claims_period(baseline):
    [fact] = facts(f"Chile's military spending rose by 12 percent {baseline}.", "spending")
    assert fact["period"] == (None, None)


def test_a_date_without_a_year_takes_the_publication_year():
    [fact] = facts("Peru ordered 12 patrol boats on Monday.", "procurement", "2024-03-06")
    assert fact["period"] == (2024, 2024)


def test_early_on_a_weekday_is_a_date_of_the_publication_year():
    [fact] = facts("Peru test-fired a missile early Sunday, officials said.", "event", "2017-02-12")
    assert fact["period"] == (2017, 2017)


def test_a_year_in_a_coordinated_clause_is_not_the_claims():
    text = "Peru has ordered 12 F-16 fighter jets, and the switch to them ends in 2027."
    [fact] = facts(text, "procurement")
    assert fact["period"] == (None, None)


def test_a_claim_in_an_aside_keeps_its_dated_year():
    text = ("Lima, which severed relations with Quito on August 25, 2021, announced the end of "
            "the pipeline deal.")  # fmt: skip
    [fact] = facts(text, "event")
    assert fact["period"] == (2021, 2021)
