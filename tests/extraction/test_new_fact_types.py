"""Procurement, exercise and appointment facts, and the modality of every claim, on
sentences written for these tests (one per phrasing class)."""

import pytest

from app.extraction.lexicon import modality_of
from tests.extraction.helpers import run


def typed(text: str, fact_type: str, published_at: str | None = None) -> list:
    result = run(text, published_at)
    names = {entity.key: entity.name for entity in result.entities}
    found = []
    for fact in result.facts:
        if fact.type.value == fact_type:
            found.append({
                "subject": names.get(fact.subject), "object": names.get(fact.object),
                "replaces": names.get(fact.replaces), "quantity": fact.quantity,
                "item": fact.item, "value": fact.value, "unit": fact.unit,
                "modality": fact.modality.value if fact.modality else None,
                "period": (fact.period_start, fact.period_end), "scope": fact.scope,
                "statement": fact.statement,
            })  # fmt: skip
    return found


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Chile spent $2bn on frigates.", "asserted"),
        ("Chile will spend $2bn on frigates.", "planned"),
        ("Chile plans to spend $2bn on frigates.", "planned"),
        ("Chile is set to allocate $2bn to frigates.", "planned"),
        ("Chile requested $2bn for frigates.", "proposed"),
        ("The draft budget sets aside $2bn for frigates.", "proposed"),
        # asking another to spend is a proposal, not spending
        ("The navy asked parliament to allocate $2bn to frigates.", "proposed"),
        ("Chile urged its partners to spend $2bn on frigates.", "proposed"),
        # a modal word in an earlier clause belongs to that clause
        ("Peru will wait; Chile spent $2bn on frigates.", "asserted"),
    ],
)
def test_modality_is_read_from_the_claims_own_clause(sentence, modality):
    start = sentence.index("$")
    verb = max(sentence.rfind(word, 0, start) for word in ("spen", "alloc", "request", "sets"))
    assert modality_of(sentence, verb, start).value == modality


def test_a_planned_spending_is_not_stated_as_done():
    [fact] = typed("Peru will spend $3bn on new patrol boats in 2027.", "spending")
    assert fact["modality"] == "planned"
    assert "plans to spend" in fact["statement"] and " spent " not in fact["statement"]


def test_an_increase_is_a_change_not_a_total():
    [fact] = typed("Norway raised its defence spending by $1.5bn in 2024.", "spending")
    assert fact["value"] == 1.5e9 and "raised spending by" in fact["statement"]


def test_one_amount_in_two_currencies_is_one_fact():
    found = typed("Poland allocated 4 billion zlotys (about $1bn) to air defence.", "spending")
    assert [(f["value"], f["unit"]) for f in found] == [(4e9, "PLN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Romania ordered 18 Black Hawk helicopters from the United States for $600 million.",
         {"subject": "Romania", "object": "United States", "quantity": 18,
          "item": "Black Hawk helicopters", "value": 6e8, "modality": "asserted"}),
        ("Vietnam plans to buy 12 new fighter jets.",
         {"subject": "Vietnam", "quantity": 12, "item": "fighter jets", "modality": "planned"}),
        ("Turkey will supply 24 armed drones to Kenya.",
         {"subject": "Kenya", "object": "Turkey", "quantity": 24, "modality": "planned"}),
    ],
)  # fmt: skip
def test_procurement(text, expected):
    [fact] = typed(text, "procurement")
    assert {key: fact[key] for key in expected} == expected


def test_a_budget_without_a_count_of_weapons_is_no_procurement():
    assert typed("Chile spent $2bn on salaries and pensions.", "procurement") == []


def test_exercise_with_partner_place_troops_and_name():
    text = (
        "Greece and Egypt held the Medusa exercise in the Mediterranean with 3,000 troops in 2025."
    )
    [fact] = typed(text, "exercise")
    assert fact["subject"] == "Greece" and fact["object"] == "Egypt"
    assert fact["item"] == "Medusa" and fact["quantity"] == 3000
    assert fact["period"] == (2025, 2025) and fact["modality"] == "asserted"


def test_exercising_restraint_is_no_exercise():
    assert typed("Chile urged Peru to exercise restraint.", "exercise") == []


def test_appointment_with_predecessor():
    text = ("President Ana Reyes appointed General Luis Soto as Army Commander of Chile, "
            "replacing General Mario Vidal.")  # fmt: skip
    [fact] = typed(text, "appointment")
    assert (fact["subject"], fact["replaces"]) == ("Luis Soto", "Mario Vidal")


def test_a_successor_is_the_appointee_and_the_one_succeeded_the_predecessor():
    text = "Luis Soto, who succeeds Mario Vidal as Army Commander of Chile, was sworn in."
    [fact] = typed(text, "appointment", "2024-05-01")
    assert (fact["subject"], fact["replaces"]) == ("Luis Soto", "Mario Vidal")


@pytest.mark.parametrize(
    "text",
    [
        "Peru will not buy 12 patrol boats.",
        "Peru has no plans to buy 12 patrol boats.",
        "Peru cancelled an order for 12 patrol boats from Spain.",
        "Peru did not hold the Condor exercise with Chile.",
    ],
)
def test_a_denied_or_undone_claim_is_no_fact(text):
    result = run(text)
    assert [f for f in result.facts if f.type.value in ("procurement", "exercise")] == []


def test_a_relative_clause_keeps_its_own_amount_and_year():
    text = "Peru, which spent $5bn on defence in 2020, ordered 12 patrol boats from Spain in 2023."
    [fact] = typed(text, "procurement")
    assert (fact["value"], fact["period"]) == (None, (2023, 2023))


def test_an_approved_sale_is_the_receivers_purchase():
    [fact] = typed("Spain approved the sale of 12 patrol boats to Peru.", "procurement")
    assert (fact["subject"], fact["object"], fact["modality"]) == ("Peru", "Spain", "planned")


def test_each_spender_keeps_its_own_amount():
    found = typed("Peru spent $5bn and Chile spent $6bn on defence.", "spending")
    assert [(f["subject"], f["value"]) for f in found] == [("Peru", 5e9), ("Chile", 6e9)]


def test_a_fronted_clause_lends_its_words_to_no_claim():
    [fact] = typed("In a bid to deter its rivals, Peru bought 12 patrol boats.", "procurement")
    assert fact["modality"] == "asserted"


def test_spending_as_a_share_of_gdp():
    [fact] = typed("Peru's defence budget will reach 1.5% of GDP in 2026.", "spending")
    assert (fact["value"], fact["unit"], fact["modality"], fact["period"]) == (
        1.5, "percent", "planned", (2026, 2026)
    )  # fmt: skip
    assert typed("Peru spent 2% of the budget on schools.", "spending") == []
