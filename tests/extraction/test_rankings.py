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


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        # a bare ordinal after the copula, in a list of places
        ("Brazil is in third place. Peru is fourth, with a $3 billion budget, Chile is fifth "
         "with $2 billion and Bolivia is in sixth with $1 billion.",
         {"Brazil": 3, "Peru": 4, "Chile": 5, "Bolivia": 6}),
        # the ranked one named after its place
        ("Seventh on the list is Uruguay, with a budget of $900 million.", {"Uruguay": 7}),
        ("Close behind Peru, in eighth, Ecuador spends $800 million.", {"Ecuador": 8}),
        # a superlative in apposition ranks the name it follows
        ("Exports by Chile—the fourth largest exporter in the region—fell by 12 per cent.",
         {"Chile": 4}),
        ("Peru sold more than Bolivia, the third largest arms exporter in the region.",
         {"Bolivia": 3}),
    ],
)  # fmt: skip
def test_ranks_stated_in_passing(text, ranks):
    assert {f["subject"]: f["rank"] for f in facts(text, "ranking")} == ranks


@pytest.mark.parametrize(
    "text",
    [
        "Peru is first to sign the accord.",
        # a bare ordinal, and "followed", rank only right after a ranking
        "The Peruvian army said the hostage was fourth, after three others were freed.",
        "Peru signed first. Talks between Chile and Bolivia followed, with Peru as mediator.",
        # a superlative in apposition ranks only a measured kind
        "Missiles struck a depot near Lima, the second largest attack of the war.",
    ],
)
def test_ordinals_that_rank_no_one_in_a_list(text):
    assert facts(text, "ranking") == []


def test_a_next_rank_in_another_ranking_takes_no_place():
    text = ("Peru is South America's largest copper producer. Chile ranked second in the "
            "Global Firepower index.")  # fmt: skip
    found = {f["subject"]: f["object"] for f in facts(text, "ranking")}
    assert found == {"Peru": "South America", "Chile": None}


def test_a_numbered_list_long_after_a_ranking_or_of_delegations_ranks_nothing():
    stale = ("The 2021 Global Firepower ranking covers 20 countries.\n\n" + "Filler text. " * 60
             + "\n\n1. Brazil\n\n2. Argentina\n")  # fmt: skip
    listed = ("The following delegations are on the list of participants in the talks.\n"
              "1. France\n2. Germany\n")  # fmt: skip
    assert facts(stale, "ranking") == [] and facts(listed, "ranking") == []


def test_follows_takes_the_next_place():
    text = ("Peru has the largest economy in the region, at $300 billion. Chile follows, with "
            "$250 billion.")  # fmt: skip
    assert {f["subject"]: f["rank"] for f in facts(text, "ranking")} == {"Peru": 1, "Chile": 2}


def test_a_numbered_list_after_a_ranking_ranks_its_items():
    text = ("The 2021 Global Firepower ranking covers 20 countries of South America.\n\n"
            "1. Brazil\n\nPower index: 0.2\n\n2 . Argentina\n\nPower index: 0.4\n\n"
            "3 .Colombia\n\nPower index: 0.5\n")  # fmt: skip
    found = facts(text, "ranking")
    assert {f["subject"]: (f["rank"], f["period"]) for f in found} == {
        "Brazil": (1, (2021, 2021)),
        "Argentina": (2, (2021, 2021)),
        "Colombia": (3, (2021, 2021)),
    }


def test_numbered_lines_without_a_ranking_are_no_ranks():
    text = "The minister named three priorities.\n\n1. Brazil\n\n2. Argentina\n"
    assert facts(text, "ranking") == []


def test_a_list_keeps_the_year_its_ranking_stated_earlier():
    text = ("The 2021 Global Firepower ranking covers 20 countries of South America.\n\n"
            "Here are the countries on this year's list, ranked by their strength.\n\n"
            "1. Brazil\n\n2. Argentina\n")  # fmt: skip
    assert {f["subject"]: f["period"] for f in facts(text, "ranking")} == {
        "Brazil": (2021, 2021), "Argentina": (2021, 2021),
    }  # fmt: skip


def test_a_lower_rank_soon_after_stays_in_the_same_ranking():
    text = ("Peru is South America's largest copper producer, the data show. In the ranking, "
            "Chile secured the second spot. Bolivia followed in the third position.")  # fmt: skip
    found = {f["subject"]: (f["rank"], f["object"]) for f in facts(text, "ranking")}
    assert found == {"Peru": (1, "South America"), "Chile": (2, "South America"),
                     "Bolivia": (3, "South America")}  # fmt: skip


def test_a_year_in_an_aside_is_not_the_rankings():
    text = ("Peru has the largest economy in the region at $300 billion, according to the IMF, "
            "which shows the economy grew from $280 billion last year.")  # fmt: skip
    [fact] = facts(text, "ranking", "2018-04-19")
    assert fact["period"] == (None, None)


def test_a_place_is_not_lent_across_another_ranking():
    text = ("Peru has the strongest army in the Andes region. Brazil took the first place "
            "globally, the second - Chile, the third - Spain.")  # fmt: skip
    found = {f["subject"]: f["object"] for f in facts(text, "ranking")}
    assert found["Chile"] is None and found["Spain"] is None
