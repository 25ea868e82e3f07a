"""Event phrasings met in news reports (sentences written for the tests, not quoted)."""

import pytest

from tests.extraction.helpers import facts, run


def _events(text: str, published_at: str | None = "2024-05-02") -> list[tuple]:
    return [(f["subject"], f["object"], f["period"]) for f in facts(text, "event", published_at)]


def test_a_passive_attendance_lists_each_attendee():
    text = ("The parade will be attended by Peruvian President Ana Reyes, Chilean Minister of "
            "Defence Luis Soto and Bolivian Minister of Defence Marta Quispe.")  # fmt: skip
    assert [s for s, _, _ in _events(text)] == ["Ana Reyes", "Luis Soto", "Marta Quispe"]
    result = run(text)
    assert {f.modality.value for f in result.facts if f.type.value == "event"} == {"planned"}


def test_a_passive_signing_names_both_signatories():
    text = ("Officials said the memorandum was signed by Ana Reyes, Director of Peruvian Naval "
            "Industries, and Rear Admiral Luis Soto.")  # fmt: skip
    assert _events(text) == [("Ana Reyes", "Luis Soto", (None, None))]


def test_a_meeting_of_a_body_held_in_a_place():
    text = (
        "The next meeting of the Andean Council of Defence Chiefs will take place in 2026 in Peru."
    )
    assert _events(text) == [("Andean Council of Defence Chiefs", "Peru", (2026, 2026))]


def test_ministers_from_a_group_gathering_in_a_city():
    text = ("Defence ministers from the Gulf Cooperation Council (GCC) member states gathered "
            "in the Omani capital of Muscat on Tuesday to talk about border security.")  # fmt: skip
    assert _events(text) == [("Gulf Cooperation Council", "Muscat", (2024, 2024))]


def test_a_countrys_post_stands_for_its_named_holder_and_each_person_met_counts():
    text = (
        "Chile’s Defence Minister Luis Soto flew in on Monday. The Chilean defence minister "
        "has met his Peruvian counterpart Ana Reyes and Bolivia’s army chief Marta Quispe."
    )
    found = [(s, o) for s, o, _ in _events(text) if o in ("Ana Reyes", "Marta Quispe")]
    assert found == [("Luis Soto", "Ana Reyes"), ("Luis Soto", "Marta Quispe")]


def test_troops_striking_a_counted_enemy_after_an_adverbial():
    text = ("The Chadian Army said its soldiers have in a week of joint raids neutralised "
            "seven insurgents near the lake.")  # fmt: skip
    [fact] = run(text).facts
    assert (fact.type.value, fact.quantity) == ("event", 7)


def test_a_counted_group_surrendering_to_troops():
    text = ("The Chadian Army reported gains. Later, 30 Boko Haram fighters have surrendered to "
            "troops near the border.")  # fmt: skip
    [fact] = [f for f in run(text).facts if f.type.value == "event"]
    assert (fact.subject, fact.object, fact.quantity) == ("boko-haram", "chadian-army", 30)


def test_a_unit_being_moved_to_a_country():
    text = "The 12th Mechanised Brigade, with two battalions, is being moved to Estonia in stages."
    assert _events(text) == [("12th Mechanised Brigade", "Estonia", (None, None))]


def test_an_object_ends_with_its_clause_and_a_far_place_is_no_object():
    text = ("The Chilean Navy commissioned its last frigate in a short ceremony in Valparaiso, "
            "Chile, on Friday, May 3.")  # fmt: skip
    assert _events(text) == [("Chilean Navy", None, (2024, 2024))]
    text = "The Chilean Navy has commissioned a new frigate while sea trials began for Peru."
    assert _events(text) == [("Chilean Navy", None, (None, None))]


def test_a_relative_clause_event_and_a_stance_that_is_none():
    text = (
        "Ecuador is angry. Quito, which expelled the ambassador of Peru on May 3, 2023, "
        "closed a border post."
    )
    assert _events(text) == [("Ecuador", "Peru", (2023, 2023))]
    assert _events("Chile, which supports Peru's bid, is buying new jets.") == []


def test_wins_and_signed_contracts_are_no_events():
    assert _events("Saab won a contract worth $1bn to build radars.") == []
    assert _events("Peru signed a contract with Saab on Monday to buy radars.") == []
    assert _events("Ana Reyes, who won gold in 2020, ran the race in Lima.") == []


def test_a_second_actor_chained_by_a_conjunction():
    text = ("Captain Ana Reyes has smashed a quick 80 from 45 balls as Peru defeated Chile by "
            "seven wickets in Lima.")  # fmt: skip
    assert _events(text, None) == [
        ("Ana Reyes", None, (None, None)),
        ("Peru", "Chile", (None, None)),
    ]


def test_soldiers_serving_in_a_country_belong_to_the_unit_last_named():
    text = ("The 12th Mechanised Brigade arrived in spring. Currently, about 300 brigade soldiers "
            "are serving in Estonia.")  # fmt: skip
    [fact] = [f for f in facts(text, "structure") if f["predicate"] == "troops_in"]
    assert (fact["subject"], fact["object"], fact["value"], fact["qualifier"]) == (
        "12th Mechanised Brigade", "Estonia", 300, "approximate",
    )  # fmt: skip


def test_deliveries_beside_a_purchase():
    text = ("Peru took delivery last week of a first batch of Italian trainer jets, part of the "
            "purchase in 2022 of 20 aircraft.")  # fmt: skip
    delivered = [f for f in facts(text, "event", "2024-05-02") if f["predicate"] == "took_delivery"]
    assert [(f["subject"], f["object"], f["period"]) for f in delivered] == [
        ("Peru", "Italy", (2024, 2024)),
    ]  # fmt: skip
    text = ("Chile has ordered 12 new frigates, the navy said, and the first is due to be "
            "delivered in 2029.")  # fmt: skip
    [fact] = [f for f in run(text).facts if f.predicate == "first_delivery"]
    assert (fact.subject, fact.period_start, fact.modality.value) == ("chile", 2029, "planned")


def test_a_planned_event_with_the_verbs_base_form_and_a_hyphenated_test_launch():
    [fact] = run("Chile will deploy a battalion to Peru by 2027.").facts
    assert (fact.predicate, fact.object, fact.period_start, fact.modality.value) == (
        "deploy", "peru", 2027, "planned",
    )  # fmt: skip
    [fact] = run("Peru test-fired a coastal missile near Callao on Friday.", "2024-05-02").facts
    assert (fact.predicate, fact.period_start, fact.modality.value) == (
        "test_fired", 2024, "asserted",
    )  # fmt: skip


def test_two_actors_joined_by_and_the_second_is_what_it_concerns():
    assert _events("Peru and Chile discussed border patrols.") == [("Peru", "Chile", (None, None))]


def test_a_meeting_of_a_bodys_ministers_held_in_a_city():
    text = "The meeting of the G20 finance ministers was held in Rio de Janeiro."
    assert _events(text) == [("G20", "Rio de Janeiro", (None, None))]


def test_invasions_named_as_nouns():
    text = (
        "Chile, alarmed by Russia's invasion of Ukraine, is spending more. The Chinese "
        "occupation of the Spratly Islands, a disputed chain near Palawan, in 1995 angered Manila."
    )
    found = [(f["subject"], f["predicate"], f["object"], f["period"]) for f in facts(text, "event")]
    assert ("Russia", "invaded", "Ukraine", (None, None)) in found
    assert ("China", "occupied", "Spratly Islands", (1995, 1995)) in found


@pytest.mark.parametrize(
    ("text", "actor", "quantity"),
    [
        ("During a search, 40 crates of rifles were found by the Coast Guard.", "Coast Guard", 40),
        ("The missile was launched by Peru on Sunday.", "Peru", None),
        ("Accordingly, the Coast Guard has seized 300 kg of cocaine.", "Coast Guard", None),
    ],
)
def test_an_act_told_in_the_passive_is_its_agents(text, actor, quantity):
    [fact] = [f for f in run(text).facts if f.type.value == "event"]
    names = {entity.key: entity.name for entity in run(text).entities}
    assert (names[fact.subject], fact.quantity) == (actor, quantity)


def test_a_seizure_by_weight_is_an_amount_not_a_count():
    [fact] = [f for f in run("The Coast Guard seized over 2,000 kg of cocaine.").facts
              if f.type.value == "event"]  # fmt: skip
    assert (fact.value, fact.unit, fact.quantity) == (2000, "kg", None)
    assert fact.value_qualifier.value == "more_than"


@pytest.mark.parametrize(
    "text",
    [
        "Field Marshal Ana Reyes held talks with General Luis Soto on border issues.",
        "Luis Soto signed the deal at the start of a visit to Lima.",
    ],
)
def test_a_rank_before_the_actor_and_a_deal_signed_with_nothing_bought(text):
    [fact] = facts(text, "event")
    assert fact["subject"] in ("Ana Reyes", "Luis Soto")


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 missiles were fired by the Coast Guard at a ship.",
        "Over the past 24 hours drones were launched by Peru against Chile.",
    ],
)
def test_a_year_or_a_span_is_no_count_of_what_was_acted_on(text):
    assert all(f.quantity is None for f in run(text).facts)
