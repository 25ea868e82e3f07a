"""Cooperation, alliance, structure and mandate rules on sentences beyond the seed."""

import pytest

from tests.extraction.helpers import facts


@pytest.mark.parametrize(
    ("text", "predicate", "value", "qualifier"),
    [
        ("Serbia cooperates with some 40 countries in the defence sphere.", "cooperates_with",
         40, "approximate"),
        ("Jordan has agreements on military cooperation with at least 25 states.",
         "has_agreement_with", 25, "at_least"),
        ("Vietnam signed agreements on defence cooperation with more than 30 nations.",
         "has_agreement_with", 30, "more_than"),
    ],
)  # fmt: skip
def test_counted_cooperation(text, predicate, value, qualifier):
    [fact] = facts(text, "cooperation")
    assert (fact["predicate"], fact["value"], fact["unit"], fact["qualifier"]) == (
        predicate, value, "country", qualifier,
    )  # fmt: skip


def test_signed_agreement_with_a_named_partner():
    [fact] = facts("In 2018 Greece signed a memorandum on naval cooperation with Cyprus.",
                   "cooperation")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["period"]) == ("Greece", "Cyprus", (2018, 2018))


@pytest.mark.parametrize(
    ("text", "predicate", "group", "period"),
    [
        ("Finland joined NATO in 2023.", "joined", "NATO", (2023, 2023)),
        ("Norway is a member of NATO since 1949.", "member_of", "NATO", (1949, None)),
        ("Armenia has been a member of the Collective Security Treaty Organization since 2002.",
         "member_of", "Collective Security Treaty Organization", (2002, None)),
        ("Austria is part of the European Union.", "part_of", "European Union", (None, None)),
        ("Japan is a member of the Quad.", "member_of", "Quad", (None, None)),
    ],
)  # fmt: skip
def test_alliances(text, predicate, group, period):
    [fact] = [f for f in facts(text, "alliance") if f["predicate"] != "led_by"]
    assert (fact["predicate"], fact["object"], fact["period"]) == (predicate, group, period)


def test_each_joined_item_gets_its_own_year_and_acronyms_become_aliases():
    text = ("Malta joined the Partnership for Peace (PfP) in 1995, as well as the "
            "Euro-Atlantic Partnership Council (EAPC) in 2008. PfP is open.")  # fmt: skip
    joined = [f for f in facts(text, "alliance") if f["predicate"] == "joined"]
    assert [(f["object"], f["period"]) for f in joined] == [
        ("Partnership for Peace", (1995, 1995)),
        ("Euro-Atlantic Partnership Council", (2008, 2008)),
    ]


def test_led_by():
    [fact] = facts('Georgia takes part in the EU-led "Eastern Partnership" initiative.', "alliance")
    assert (fact["subject"], fact["predicate"], fact["object"]) == (
        "Eastern Partnership", "led_by", "EU",
    )  # fmt: skip


def test_structure_lists_and_counts():
    text = ("President Aliyev said the Turkish Armed Forces have four branches: the Turkish Land "
            "Forces, the Turkish Naval Forces, the Turkish Air Force and the Turkish Gendarmerie "
            "Command.")  # fmt: skip
    found = facts(text, "structure")
    count = next(f for f in found if f["predicate"] == "branch_count")
    assert (count["subject"], count["value"], count["unit"]) == (
        "Turkish Armed Forces",
        4,
        "branch",
    )
    assert [f["object"] for f in found if f["predicate"] == "has_branch"] == [
        "Turkish Land Forces", "Turkish Naval Forces", "Turkish Air Force",
        "Turkish Gendarmerie Command",
    ]  # fmt: skip


def test_personnel_counts():
    [fact] = facts("The Polish Armed Forces number about 150,000 active troops.", "structure")
    assert (fact["predicate"], fact["value"], fact["qualifier"]) == (
        "personnel_count", 150_000, "approximate",
    )  # fmt: skip


def test_responsibilities_split_into_one_mandate_each():
    text = ("The Ministry of Defence is responsible for protecting Estonia, training the "
            "Estonian Defence League and monitoring the Baltic Sea.")  # fmt: skip
    found = facts(text, "mandate")
    assert [f["object"] for f in found] == ["Estonia", "Estonian Defence League", "Baltic Sea"]
    assert {f["subject"] for f in found} == {"Ministry of Defence of Estonia"}


def test_appointment_and_titled_holders():
    text = ("Russian Defense Minister Sergei Shoigu met his counterpart. The Chief of the "
            "General Staff is appointed by the President of Russia.")  # fmt: skip
    found = facts(text, "mandate")
    holder = next(f for f in found if f["predicate"] == "holds_position")
    assert (holder["subject"], holder["object"]) == ("Sergei Shoigu", "Defense Minister of Russia")
    appointed = next(f for f in found if f["predicate"] == "appointed_by")
    assert appointed["object"] == "President of Russia"


def test_events_have_an_actor_and_a_verb():
    [fact] = facts(
        "Colonel General Kerim Veliyev visited the new training centre in 2021.", "event"
    )
    assert (fact["subject"], fact["predicate"], fact["period"]) == (
        "Kerim Veliyev", "visited", (2021, 2021),
    )  # fmt: skip
    assert facts("It was reported that a depot was opened.", "event") == []
