"""Numbers extraction cannot read are left out, never a crash: odd digit groupings,
amounts beyond any budget, ranks and totals above what an INTEGER column holds."""

import pytest

from app.bounds import MAX_VALUE
from app.extraction.pipeline import extract
from app.extraction.quantities import parse_number
from app.schemas.params import MAX_ID


@pytest.mark.parametrize(
    "amount",
    ["$1.234.5bn", "$1,234,5bn", "$" + "9" * 400 + "bn", "$" + "9" * 5000, "$1.2.3bn"],
)
def test_an_unreadable_amount_is_left_out_and_the_rest_is_kept(amount):
    text = f"Armenia spent {amount} on tanks. Azerbaijan spent $2bn on drones."
    spending = [fact for fact in extract(text).facts if fact.predicate == "spent_on"]
    assert [(fact.subject, fact.value) for fact in spending] == [("azerbaijan", 2e9)]


@pytest.mark.parametrize("token", ["1.234.5", "1,234,5", "12,34.5", "1.2.3,4", "9" * 400])
def test_odd_groupings_and_huge_numbers_are_no_numbers(token):
    assert parse_number(token) is None


def test_the_largest_amount_read_is_max_value():
    assert parse_number(f"{MAX_VALUE:.0f}") == MAX_VALUE
    assert parse_number(f"{MAX_VALUE * 10:.0f}") is None


def test_a_ranking_total_above_max_id_is_dropped_and_the_rank_kept():
    text = f"Georgia ranked 12th among {MAX_ID + 1} countries in 2021."
    [ranking] = [fact for fact in extract(text).facts if fact.type.value == "ranking"]
    assert (ranking.rank, ranking.rank_total) == (12, None)


@pytest.mark.parametrize(
    "text",
    [
        "Georgia ranked " + "9" * 5000 + "th in the world.",
        "Georgia was " + "9" * 5000 + " out of 140 countries.",
        "Georgia is in the top " + "9" * 400 + " of the world.",
        f"Georgia ranked 3rd among {'9' * 5000} countries.",
    ],
)
def test_an_absurd_rank_never_raises_and_never_leaves_the_bounds(text):
    for fact in extract(text).facts:
        for number in (fact.rank, fact.rank_total, fact.period_start, fact.period_end):
            assert number is None or 1 <= number <= MAX_ID
        assert fact.value is None or fact.value <= MAX_VALUE


def test_next_year_of_the_last_possible_date_is_no_period():
    text = "Georgia will spend $2bn on tanks next year."
    [fact] = [
        f for f in extract(text, published_at="9999-12-31").facts if f.type.value == "spending"
    ]
    assert fact.period_start is None and fact.value == 2e9
