"""Appointments, spending and rankings in the phrasings real news uses, on sentences of our
own: posts named right after the verb or in lower case, predecessors in the next sentence,
budgets presented for a fiscal year, percent changes, lists of ranked countries."""

import pytest

from tests.extraction.helpers import facts as typed
from tests.extraction.helpers import names, run


def facts(text: str, fact_type: str, published_at: str | None = None) -> list[dict]:
    """As the shared helper, with the predecessor an appointment replaces."""
    found = typed(text, fact_type, published_at)
    result = run(text, published_at)
    named = names(result)
    replaced = [named.get(f.replaces) for f in result.facts if f.type.value == fact_type]
    return [{**fact, "replaces": who} for fact, who in zip(found, replaced, strict=True)]


def test_a_post_right_after_the_verb():
    text = "Maria Lopez was named CEO of Andes Bank."
    [fact] = facts(text, "appointment", "2021-03-02")
    assert (fact["subject"], fact["object"]) == ("Maria Lopez", "CEO of Andes Bank")
    assert fact["period"] == (2021, 2021)


def test_will_become_is_a_planned_appointment():
    text = "Omar Haddad will become CEO of Andes Bank."
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Omar Haddad" and fact["statement"].startswith("Omar Haddad is to")


def test_two_appointments_in_one_sentence():
    text = ("Maria Lopez was named CEO of Andes Bank, while Omar Haddad will "
            "become CEO of Orinoco Bank.")  # fmt: skip
    assert {f["subject"] for f in facts(text, "appointment")} == {"Maria Lopez", "Omar Haddad"}


def test_a_lower_case_post_takes_its_body():
    text = ("Andes Bank said Maria Lopez, its head of lending, will become its interim group "
            "chief executive from Monday, after Pedro Ruiz leaves the bank.")  # fmt: skip
    [fact] = facts(text, "appointment", "2022-05-01")
    assert fact["object"] == "Chief Executive of Andes Bank"
    assert fact["replaces"] == "Pedro Ruiz" and fact["period"] == (2022, 2022)


def test_a_post_of_a_named_body_in_lower_case():
    text = "The council has appointed Ivan Petrov as the new commander-in-chief of the Guards."
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Ivan Petrov"
    assert fact["object"].lower() == "commander-in-chief of the guards"


def test_the_predecessor_named_in_the_next_sentence():
    text = ("President Ana Reyes promoted General Luis Soto and appointed him the new Army "
            "Commander of Chile. General Luis Soto will replace General Mario Vidal, who retires.")  # fmt: skip
    [fact] = facts(text, "appointment")
    assert (fact["subject"], fact["replaces"]) == ("Luis Soto", "Mario Vidal")


def test_newly_appointed_is_an_appointment_not_a_title_held():
    text = ("President Ana Reyes introduced Luis Soto, the newly appointed Army Commander of "
            "Chile, to the staff on Monday. She thanked the outgoing commander, Mario Vidal.")  # fmt: skip
    [fact] = facts(text, "appointment", "2020-01-10")
    assert (fact["subject"], fact["replaces"], fact["period"]) == ("Luis Soto", "Mario Vidal", (None, None))
    assert not [f for f in facts(text, "mandate", "2020-01-10") if f["subject"] == "Luis Soto"]


def test_selected_to_become_is_planned():
    text = ("The board of Andes Bank has selected its finance director Omar Haddad to become its "
            "next chief executive.")  # fmt: skip
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Omar Haddad" and fact["statement"].startswith("Omar Haddad is to")


def test_years_ago_dates_an_appointment():
    text = "Omar Haddad joined Andes Bank. He was appointed chief executive of the Freight division three years ago."
    [fact] = facts(text, "appointment", "2024-02-02")
    assert fact["subject"] == "Omar Haddad" and fact["period"] == (2021, 2021)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez was named chief executive of the Europe, Middle East and Africa region.",
        "Andes Bank named a new head.",
    ],
)
def test_no_appointment_without_a_whole_post_and_a_person(text):
    assert facts(text, "appointment") == []
