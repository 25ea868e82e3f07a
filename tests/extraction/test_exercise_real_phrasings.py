"""Exercises as news reports phrase them: participants named before the noun, troops told
in the next sentence or soon after, 'the drills' standing for the exercise just named, and
the countries an exercise is aimed at (sentences written for these tests)."""

from tests.extraction.test_new_fact_types import typed


def test_a_pair_of_demonyms_before_the_noun_names_the_participants():
    [fact] = typed("The Greek exercise ran alongside the Russian-Belarusian exercise Shield 2025.",
                   "exercise")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["item"]) == ("Russia", "Belarus", "Shield 2025")


def test_troops_told_in_the_next_sentence():
    text = "Chile's largest drills in decades have begun. Some 8,000 troops were involved."
    [fact] = typed(text, "exercise")
    assert (fact["subject"], fact["quantity"], fact["modality"]) == ("Chile", 8000, "asserted")


def test_troops_told_soon_after_the_exercise_by_a_sentence_of_their_own():
    text = ("Chile and Peru opened the annual Condor exercise on Monday. Several nations are "
            "observers. About 2,500 Peruvian personnel are taking part.")  # fmt: skip
    found = typed(text, "exercise", "2024-03-01")
    assert [(f["subject"], f["quantity"]) for f in found] == [("Chile", None), ("Peru", 2500)]


def test_the_count_right_before_the_troops_and_a_plan_said_of_the_exercise():
    [fact] = typed("Chile plans its biggest exercise in forty years, with 4000 troops taking part "
                   "in exercise Andes Shield.", "exercise")  # fmt: skip
    assert (fact["quantity"], fact["modality"], fact["item"]) == (4000, "planned", "Andes Shield")


def test_the_country_an_exercise_signals_to_takes_no_part():
    text = "To hold a large exercise near the border is a signal to Peru, an analyst said."
    assert typed(text, "exercise") == []


def test_the_year_an_exercise_was_first_held_is_no_holding():
    text = "Chile's envoy said the exercise, first held in 1990, aims to build trust."
    assert typed(text, "exercise") == []


def test_the_drills_right_after_a_named_exercise_are_that_exercise():
    text = ("Officers met to plan the exercise Andes Shield, which starts on May 2 next year. "
            "3000 soldiers from the Chilean Army are to take part in the manoeuvres.")  # fmt: skip
    [fact] = typed(text, "exercise", "2024-11-20")
    assert (fact["subject"], fact["quantity"], fact["modality"]) == ("Chilean Army", 3000,
                                                                     "planned")  # fmt: skip
    assert (fact["item"], fact["period"]) == ("Andes Shield", (2025, 2025))


def test_countries_listed_as_taking_part_each_take_part():
    text = (
        "Chile and Peru opened the annual Condor exercise on Monday. Five nations besides "
        "them are active participants: Spain, Italy and Japan."
    )
    found = typed(text, "exercise", "2024-03-01")
    assert [f["subject"] for f in found[1:]] == ["Spain", "Italy", "Japan"]


def test_a_list_far_from_any_exercise_is_no_participants():
    text = "Participants at the trade fair were Spain, Italy and Japan."
    assert typed(text, "exercise") == []
