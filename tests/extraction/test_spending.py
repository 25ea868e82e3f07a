"""Spending rules on varied amounts, verbs, budgets and changes."""

import pytest

from tests.extraction.helpers import facts


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "period"),
    [
        ("Georgia spent $200mn on drones in 2019.", 200_000_000, "USD", "exact", (2019, 2019)),
        ("Germany will spend 1.5 billion euros on tanks between 2011 and 2015.", 1_500_000_000,
         "EUR", "exact", (2011, 2015)),
        ("Britain allocated £2.3 billion to cyber defence.", 2_300_000_000, "GBP", "exact",
         (None, None)),
        ("Azerbaijan earmarked AZN 5 million for the new academy in 2021.", 5_000_000, "AZN",
         "exact", (2021, 2021)),
        ("Japan invested USD 3,000,000,000 in missile defence since 2015.", 3_000_000_000,
         "USD", "exact", (2015, None)),
        ("Chile paid about $700,000 for radar upgrades.", 700_000, "USD", "approximate",
         (None, None)),
    ],
)  # fmt: skip
def test_spending_amounts(text, value, unit, qualifier, period):
    [fact] = facts(text, "spending")
    assert (fact["value"], fact["unit"], fact["qualifier"], fact["period"]) == (
        value, unit, qualifier, period,
    )  # fmt: skip


def test_a_year_is_kept_in_the_metric():
    [fact] = facts("Israel spends $4bn a year on air defence.", "spending")
    assert fact["value"] == 4e9
    assert fact["statement"] == "Israel spent 4 billion USD on air defence per year."


def test_budget_nouns():
    [fact] = facts("Ukraine adopted a defence budget of $5.5 billion for 2020.", "spending")
    assert fact["value"] == 5.5e9 and fact["predicate"] == "budget"
    assert fact["period"] == (2020, 2020)


@pytest.mark.parametrize(
    ("text", "predicate", "value"),
    [
        ("Military spending rose by 699 percent in the decade.", "spending_increased_by", 699),
        ("Defence expenditure fell by some 5% last year.", "spending_decreased_by", 5),
        ("Arms exports grew by 12 per cent.", "exports_increased_by", 12),
    ],
)
def test_changes_in_percent_fall_back_on_the_article_country(text, predicate, value):
    [fact] = facts(f"Morocco is modernising. {text}", "spending")
    assert (fact["predicate"], fact["value"], fact["unit"]) == (predicate, value, "percent")
    assert fact["subject"] == "Morocco"


def test_last_year_resolves_only_with_a_publication_date():
    text = "Serbia spent $300mn on jets last year."
    [dated] = facts(text, "spending", published_at="2022-06-01")
    assert dated["period"] == (2021, 2021)
    [undated] = facts(text, "spending")
    assert undated["period"] == (None, None)


def test_money_without_spending_is_not_spending():
    assert facts("The contract is worth $5bn, analysts at Reuters said.", "spending") == []


def test_an_amount_given_to_a_body_is_that_bodys_and_a_proposal_stays_one():
    [fact] = facts(
        "Tk 4,200 crore has been proposed for the Coast Guard in the budget.", "spending"
    )
    assert (fact["subject"], fact["value"], fact["unit"]) == ("Coast Guard", 42e9, "BDT")
    assert "proposed" in fact["statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru sells arms. Arms exports by Chile decreased by 7 per cent in 2019.",
        "Peru sells arms. Chile's arms exports fell by 7 per cent in 2019.",
        "Peru sells arms. Chilean arms exports fell by 7 per cent in 2019.",
    ],
)
def test_a_change_belongs_to_whoever_the_noun_names(text):
    [fact] = [f for f in facts(text, "spending") if f["unit"] == "percent"]
    assert (fact["subject"], fact["value"]) == ("Chile", 7)


def test_a_post_spends_nothing_the_body_it_names_does():
    text = "The Spokesperson of the Chilean Navy said the budget was $50 million."
    [fact] = facts(text, "spending")
    assert fact["subject"] == "Chilean Navy"


def test_imports_from_a_supplier_are_the_importers():
    [fact] = [f for f in facts("Peru's arms imports from Chile fell by 34 percent in 2022.",
                               "spending") if f["unit"] == "percent"]  # fmt: skip
    assert fact["subject"] == "Peru"
