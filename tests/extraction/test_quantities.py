"""Money, counts, qualifiers, percentages, ordinals and periods as news writes them."""

import pytest

from app.extraction.quantities import (
    find_count,
    find_money,
    find_percent,
    find_periods,
    parse_number,
    parse_ordinal,
)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("$22,7bn", 22_700_000_000, "USD", "exact"),
        ("$4bn a year", 4_000_000_000, "USD", "exact"),
        ("$200mn", 200_000_000, "USD", "exact"),
        ("USD 3,000,000,000", 3_000_000_000, "USD", "exact"),
        ("$700,000", 700_000, "USD", "exact"),
        ("1.5 billion euros", 1_500_000_000, "EUR", "exact"),
        ("£2.3 billion", 2_300_000_000, "GBP", "exact"),
        ("AZN 5 million", 5_000_000, "AZN", "exact"),
        ("€1,2 mln", 1_200_000, "EUR", "exact"),
        ("US$ 5 billion", 5_000_000_000, "USD", "exact"),
        ("about $1.2 trillion", 1_200_000_000_000, "USD", "approximate"),
        ("more than 300 million dollars", 300_000_000, "USD", "more_than"),
        ("up to 40 billion rubles", 40_000_000_000, "RUB", "at_most"),
        ("at least 12.5 million manats", 12_500_000, "AZN", "at_least"),
        ("2,5 billion yuan", 2_500_000_000, "CNY", "exact"),
    ],
)
def test_money(text, value, unit, qualifier):
    [money] = find_money(f"They spent {text} on it.")
    assert (money.value, money.unit, money.qualifier) == (value, unit, qualifier)


def test_money_offsets_point_at_the_amount():
    text = "Budget: AZN 5 million in total"
    [money] = find_money(text)
    assert text[money.start : money.end] == "AZN 5 million"


def test_plain_numbers_and_years_are_not_money():
    assert find_money("In 2019 some 5,000 troops took part in 12 drills.") == []


@pytest.mark.parametrize(
    ("token", "value"),
    [("22,7", 22.7), ("3,000,000", 3e6), ("1.234.567", 1234567), ("1,234.5", 1234.5),
     ("1.234,5", 1234.5), ("1.5", 1.5), ("22,700", 22700), ("three", 3), ("42", 42)],
)  # fmt: skip
def test_decimal_commas_and_thousands_separators(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("about 60 countries", 60, "approximate"),
        ("more than 30 countries", 30, "more_than"),
        ("around 50,000 people", 50_000, "approximate"),
        ("at least 12 states", 12, "at_least"),
        ("fewer than 10 ships", 10, "less_than"),
        ("nearly 2 million troops", 2_000_000, "approximate"),
        ("three branches", 3, "exact"),
    ],
)
def test_counts(text, value, qualifier):
    count = find_count(text)
    assert (count.value, count.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("some 5%", 5, "approximate"), ("rose by 699 percent", 699, "exact"),
     ("fell 12.5 per cent", 12.5, "exact"), ("over 40%", 40, "more_than")],
)  # fmt: skip
def test_percentages(text, value, qualifier):
    percent = find_percent(text)
    assert (percent.value, percent.unit, percent.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize(
    ("token", "rank"),
    [("23rd", 23), ("64th", 64), ("1st", 1), ("ninth", 9), ("Eighth", 8), ("twentieth", 20)],
)
def test_ordinals(token, rank):
    assert parse_ordinal(token) == rank


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("in 2014-2018", [(2014, 2018)]),
        ("in 2014–2018", [(2014, 2018)]),
        ("during the 2005-2009-period", [(2005, 2009)]),
        ("between 2011 and 2015", [(2011, 2015)]),
        ("from 2001 to 2004", [(2001, 2004)]),
        ("in 2010-12", [(2010, 2012)]),
        ("since 1994", [(1994, None)]),
        ("in 2019", [(2019, 2019)]),
        ("joined in 1994 and left in 2001", [(1994, 1994), (2001, 2001)]),
        ("in 2018-2014", [(2018, 2018), (2014, 2014)]),  # a backwards range is two years
        ("last year", []),  # unknown without the article's date
    ],
)
def test_periods(text, periods):
    assert [(p.start_year, p.end_year) for p in find_periods(text)] == periods


def test_relative_years_need_the_publication_year():
    assert [(p.start_year, p.end_year) for p in find_periods("last year", 2021)] == [(2020, 2020)]
    assert [(p.start_year, p.end_year) for p in find_periods("this year", 2021)] == [(2021, 2021)]
