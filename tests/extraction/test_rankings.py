"""Ranking rules, on sentences about other countries, sources and phrasings than the seed."""

import pytest

from tests.extraction.helpers import facts


@pytest.mark.parametrize(
    ("text", "rank", "total", "scope"),
    [
        ("Turkey ranked 11th globally in the Global Firepower index 2022.", 11, None, "global"),
        ("Brazil ranked 12th among 140 countries in military strength.", 12, 140, "global"),
        ("Nigeria placed 48 out of the 137 countries reviewed.", 48, 137, "global"),
        ("Kenya came ninth place among the 145 nations surveyed.", 9, 145, "global"),
        ("Algeria has the 4th most powerful army in Africa.", 4, None, "Africa"),
        ("Saudi Arabia was the second-largest arms importer in the world in 2019.", 2, None,
         "global"),
        ("Qatar is the largest importer in the Middle East.", 1, None, "Middle East"),
        ("Greece remains Europe's biggest spender on defence relative to GDP.", 1, None, "Europe"),
    ],
)  # fmt: skip
def test_rank_total_and_scope(text, rank, total, scope):
    [fact] = facts(text, "ranking")
    assert (fact["rank"], fact["rank_total"], fact["scope"]) == (rank, total, scope)


def test_superlative_scope_place_is_the_object():
    [fact] = facts("Qatar is the largest importer in the Middle East.", "ranking")
    assert fact["object"] == "Middle East" and fact["subject"] == "Qatar"


def test_top_ten_is_a_bound_not_a_rank():
    # The corpus guide gives a ranking rank, rank_total, scope, metric and period, no value.
    [fact] = facts("India is in the top ten of military spenders.", "ranking")
    assert fact["rank"] is None and fact["value"] is None
    assert fact["predicate"] == "ranked_among_top" and "top 10" in fact["statement"]


def test_period_and_attribution():
    text = "Pakistan ranked 9th among 145 countries in 2023, according to Global Firepower."
    [fact] = facts(text, "ranking")
    assert fact["period"] == (2023, 2023) and fact["attributed_to"] == "Global Firepower"
    assert fact["quote"].endswith("Global Firepower")


def test_a_ranking_edition_dates_this_year_later_on():
    text = ("Peru is the strongest army in South America, according to Global Firepower ranking "
            "2021. The country ranked 33rd among 140 countries in the Global Firepower review "
            "this year.")  # fmt: skip
    first, second = facts(text, "ranking")
    assert first["period"] == second["period"] == (2021, 2021)


def test_superlatives_about_other_things_are_not_rankings():
    assert facts("The army uses weapons from the best manufacturers.", "ranking") == []


def test_ranking_needs_a_subject():
    assert facts("Ranked 5th among 20, it was praised.", "ranking") == []
