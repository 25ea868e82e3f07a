"""Procurement as news reports phrase it: weapons named without a count, contracts told by
their value, shares of a country's arms imports, lists of items, and the parties a deal's
words leave to be found (sentences written for these tests, one per phrasing class)."""

import pytest

from tests.extraction.test_new_fact_types import typed


def one(text: str, published_at: str | None = None) -> dict:
    [fact] = typed(text, "procurement", published_at)
    return fact


def test_weapons_without_a_count_after_the_deals_verb():
    fact = one("Chile signed a contract with Spain on Monday to buy long-range cruise missiles.",
               "2024-05-02")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["quantity"]) == ("Chile", "Spain", None)
    assert fact["item"] == "long-range cruise missiles" and fact["modality"] == "asserted"
    assert fact["period"] == (2024, 2024)


def test_a_plan_to_buy_weapons_made_in_a_named_country():
    fact = one("Peru plans to acquire US-made anti-ship missiles.")
    assert (fact["subject"], fact["object"], fact["modality"]) == ("Peru", "United States",
                                                                   "planned")  # fmt: skip


def test_a_contract_to_produce_weapons_in_a_title():
    fact = one("Chile Signs Contract With Boeing to Produce Guided Rockets")
    assert (fact["subject"], fact["object"]) == ("Chile", "Boeing")


@pytest.mark.parametrize("text", [
    "Chile bought electric vehicles for its ministries.",
    "Peru ordered new systems for its tax office.",
])  # fmt: skip
def test_general_goods_without_a_count_are_no_weapons(text):
    assert typed(text, "procurement") == []


def test_the_company_behind_its_countrys_name_is_the_seller():
    fact = one("Peru placed an order for 24 attack drones from Chinese AVIC.")
    assert (fact["object"], fact["quantity"]) == ("AVIC", 24)


def test_the_maker_named_later_in_the_sentence():
    fact = one(
        "Peru orders 12 Gripens, the minister said, adding that the jet is produced by Saab."
    )
    assert fact["object"] == "Saab"


def test_the_modality_is_read_at_the_verb_nearest_the_weapons():
    fact = one("Under the deal, Chile will pay $2 billion to purchase up to 40 missiles.")
    assert (fact["quantity"], fact["modality"], fact["value"]) == (40, "planned", 2e9)


def test_an_amount_converted_in_brackets_is_not_the_price():
    fact = one("Chile will pay 300 billion yen ($2 billion) to buy 40 missiles.")
    assert (fact["value"], fact["unit"]) == (3e11, "JPY")


def test_a_list_of_items_each_from_its_seller():
    text = ("Peru bought many weapons in the period. Its imports included 20 combat aircraft "
            "from France, 12 from Spain and 4 frigates from Italy.")  # fmt: skip
    found = typed(text, "procurement")
    assert [(f["subject"], f["object"], f["quantity"]) for f in found] == [
        ("Peru", "France", 20), ("Peru", "Spain", 12), ("Peru", "Italy", 4)]  # fmt: skip


def test_arms_transfers_to_a_country_are_its_receipts():
    fact = one("The US arms transfers to Chile included the delivery of 30 combat aircraft.")
    assert (fact["subject"], fact["object"], fact["quantity"]) == ("Chile", "United States", 30)


@pytest.mark.parametrize(("text", "pairs"), [
    ("Chile received 20 percent of the arms exported by Spain in 2018-2022.",
     [("Chile", "Spain")]),
    ("Spain accounted for 40 percent of Chile's arms imports.", [("Chile", "Spain")]),
    ("Arms transfers to Peru were 9 percent of Russian arms exports.", [("Peru", "Russia")]),
    ("Peru's main suppliers and their shares: Spain (40 percent), France (20 percent).",
     [("Peru", "Spain"), ("Peru", "France")]),
    ("Arms exports from Spain fell by 10 percent.", []),
])  # fmt: skip
def test_shares_of_a_countrys_arms_imports(text, pairs):
    found = typed(text, "procurement")
    assert [(f["subject"], f["object"]) for f in found] == pairs


def test_contracts_awarded_to_two_companies_name_no_seller_and_count_no_weapons():
    fact = one("The Chilean Navy awarded two contracts worth $3 billion to Lockheed Martin and "
               "Boeing.")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["quantity"], fact["value"]) == (
        "Chilean Navy", None, None, 3e9)  # fmt: skip


def test_a_contract_won_is_bought_by_the_last_buyer():
    text = (
        "The Chilean Navy awarded two contracts worth $3 billion to Lockheed Martin and "
        "Boeing. Boeing won a contract worth up to $1 billion to design a new radar."
    )
    found = typed(text, "procurement")
    assert [(f["subject"], f["object"], f["value"]) for f in found][1] == (
        "Chilean Navy", "Boeing", 1e9)  # fmt: skip


def test_an_extension_awarded_names_its_seller_after_the_verb():
    fact = one("The US Navy has awarded Boeing a $200 million extension on its contract.")
    assert (fact["subject"], fact["object"], fact["value"]) == ("US Navy", "Boeing", 2e8)


def test_the_buyer_follows_a_speakers_words():
    text = (
        "Chile wants a stronger navy. Speaking at the Naval War College, President Ana "
        "Reyes said that a tender for the purchase of two helicopters is expected to open in May."
    )
    fact = typed(text, "procurement")[-1]
    assert (fact["subject"], fact["quantity"], fact["modality"]) == ("Chile", 2, "planned")


def test_one_vessel_ordered_by_a_navy_is_no_count_of_the_order():
    assert typed("Sea trials began for the lone corvette ordered by the Chilean Navy.",
                 "procurement") == []  # fmt: skip


def test_an_item_ends_at_its_last_weapon_word():
    fact = one("Peru ordered 6 missile batteries.")
    assert (fact["item"], fact["quantity"]) == ("missile batteries", 6)


def test_a_written_year_dates_a_deal_better_than_a_month():
    fact = one("Chile signed a contract in October to buy Spanish-made missiles from fiscal 2026.",
               "2024-11-02")  # fmt: skip
    assert (fact["object"], fact["period"]) == ("Spain", (2026, None))


@pytest.mark.parametrize(
    "text",
    [
        "Spain remained Chile's largest arms supplier, accounting for 36 percent of its imports.",
        "Spain was the top supplier to Chile, accounting for 36 percent of its arms imports.",
    ],
)
def test_the_largest_supplier_of_a_country(text):
    assert [(f["subject"], f["object"]) for f in typed(text, "procurement")] == [("Chile", "Spain")]


def test_general_heads_in_a_list_of_weapons_are_weapons():
    fact = one("Peru's arms buys in 2022 included aircraft, naval weapons and sensors.")
    assert (fact["subject"], fact["quantity"], fact["period"]) == ("Peru", None, (2022, 2022))


def test_each_seller_of_a_purchase_and_a_buyer_outside_its_aside():
    text = (
        "Chile, which backs Peru against Bolivia's claims, is buying military equipment "
        "from the U.S. and Japan."
    )
    found = typed(text, "procurement")
    assert [(f["subject"], f["object"]) for f in found] == [
        ("Chile", "United States"),
        ("Chile", "Japan"),
    ]


def test_a_share_of_anothers_arms_names_its_seller_and_a_minister_buys_for_the_country():
    text = ("Peru’s defence minister signed a deal on Monday worth about 1.2 billion Danish "
            "kroner to buy 12 of Denmark’s older F-16 fighter jets.")  # fmt: skip
    [fact] = typed(text, "procurement")
    assert (fact["subject"], fact["object"], fact["quantity"]) == ("Peru", "Denmark", 12)
    assert (fact["value"], fact["unit"]) == (1.2e9, "DKK")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Manila signed a P15.7 billion contract with Hanwha for two frigates.", 15.7e9),
        ("The P5 radar costs less than the P7 model.", None),
    ],
)
def test_p_is_the_peso_only_before_an_amount_with_its_scale(text, value):
    from app.extraction.quantities import find_money

    found = find_money(text)
    assert [(q.value, q.unit) for q in found] == ([(value, "PHP")] if value else [])


@pytest.mark.parametrize(
    "text",
    [
        "Chile supplied major arms to 98 states in 2013–17.",
        "Chilean arms deliveries in 2013–17 reached their highest level.",
    ],
)
def test_states_supplied_and_a_years_digits_are_no_weapons(text):
    assert typed(text, "procurement") == []


def test_a_days_date_is_no_count_of_weapons():
    text = "The agreement for the purchase of patrol aircraft was signed on Oct 25 and is in talks."
    assert [f for f in typed(text, "procurement") if f["quantity"] == 25] == []
