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
    # No time stated, no period: the publication date is not the claim's (corpus README).
    assert fact["period"] == (None, None)
    [dated] = facts(text.replace(".", " on Monday."), "appointment", "2021-03-02")
    assert dated["period"] == (2021, 2021)


def test_has_appointed_is_active_the_appointee_follows():
    text = "President Ana Reyes has appointed General Luis Soto as the new Army Commander of Chile."
    [fact] = facts(text, "appointment")
    assert (fact["subject"], fact["object"]) == ("Luis Soto", "Army Commander of Chile")


def test_a_post_held_before_the_appointee_is_not_the_new_post():
    text = ("President Ana Reyes has appointed the Chief of Army Staff, Major General Luis Soto "
            "as the new Chief of Defence Staff of Chile.")  # fmt: skip
    [fact] = facts(text, "appointment")
    assert (fact["subject"], fact["object"]) == ("Luis Soto", "Chief of Defence Staff of Chile")


def test_succeeds_without_a_post_takes_the_post_just_given():
    text = ("President Ana Reyes has appointed General Luis Soto as the new Chief of Defence "
            "Staff of Chile. The decision was announced in the capital. General Soto succeeds "
            "Admiral Mario Vidal, who retires.")  # fmt: skip
    found = facts(text, "appointment")
    assert {(f["subject"], f["object"], f["replaces"]) for f in found} == {
        ("Luis Soto", "Chief of Defence Staff of Chile", None),
        ("Luis Soto", "Chief of Defence Staff of Chile", "Mario Vidal"),
    }


def test_taking_over_from_the_new_holder_of_a_post_names_that_person():
    text = ("President Ana Reyes has appointed General Luis Soto as the new Chief of Defence "
            "Staff (CDS) of Chile. General Eva Ruiz has been appointed Chief of Army Staff of "
            "Chile, to take over from the new CDS.")  # fmt: skip
    found = {f["subject"]: f for f in facts(text, "appointment")}
    assert found["Eva Ruiz"]["replaces"] == "Luis Soto"


@pytest.mark.parametrize(
    "verb", ["was inaugurated as", "was sworn in as", "has been officially installed as"]
)
def test_taking_office_verbs(verb):
    text = f"General Luis Soto {verb} Army Commander of Chile."
    [fact] = facts(text, "appointment")
    assert (fact["subject"], fact["object"]) == ("Luis Soto", "Army Commander of Chile")


def test_will_become_is_a_planned_appointment():
    text = "Omar Haddad will become CEO of Andes Bank."
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Omar Haddad" and fact["statement"].startswith("Omar Haddad is to")


def test_two_appointments_in_one_sentence():
    text = ("Maria Lopez was named CEO of Andes Bank, while Omar Haddad will "
            "become CEO of Orinoco Bank.")  # fmt: skip
    assert {f["subject"] for f in facts(text, "appointment")} == {"Maria Lopez", "Omar Haddad"}


def test_a_lower_case_post_takes_its_body():
    text = ("Lumen Credit said Sara Okafor, who runs its retail lending, will become its acting "
            "chief executive on Tuesday, after Tomas Berg leaves.")  # fmt: skip
    [fact] = facts(text, "appointment", "2022-05-01")
    assert fact["object"] == "Chief Executive of Lumen Credit"
    assert fact["replaces"] == "Tomas Berg" and fact["period"] == (2022, 2022)


def test_a_post_of_a_named_body_in_lower_case():
    text = "The council has chosen Ivan Petrov as the next commander-in-chief of the Border Corps."
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Ivan Petrov"
    assert fact["object"].lower() == "commander-in-chief of the border corps"


def test_the_predecessor_named_in_the_next_sentence():
    text = ("President Ana Reyes promoted General Luis Soto and appointed him the new Army "
            "Commander of Chile. General Luis Soto will replace General Mario Vidal, "
            "who retires.")  # fmt: skip
    [fact] = facts(text, "appointment")
    assert (fact["subject"], fact["replaces"]) == ("Luis Soto", "Mario Vidal")


def test_newly_appointed_is_an_appointment_not_a_title_held():
    text = ("President Ana Reyes introduced Luis Soto, the newly appointed Army Commander of "
            "Chile, to the staff on Monday. She thanked the outgoing commander, "
            "Mario Vidal.")  # fmt: skip
    [fact] = facts(text, "appointment", "2020-01-10")
    assert (fact["subject"], fact["replaces"], fact["period"]) == (
        "Luis Soto",
        "Mario Vidal",
        (None, None),
    )
    assert not [f for f in facts(text, "mandate", "2020-01-10") if f["subject"] == "Luis Soto"]


def test_selected_to_become_is_planned():
    text = ("The board of Andes Bank has selected its treasurer Omar Haddad to become its chief "
            "executive in the spring.")  # fmt: skip
    [fact] = facts(text, "appointment")
    assert fact["subject"] == "Omar Haddad" and fact["statement"].startswith("Omar Haddad is to")


def test_years_ago_dates_an_appointment():
    text = ("Omar Haddad joined Andes Bank. Three years ago he was appointed director of the "
            "Freight division.")  # fmt: skip
    [fact] = facts(text, "appointment", "2024-02-02")
    assert fact["subject"] == "Omar Haddad" and fact["period"] == (2021, 2021)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez was named chief executive of the North, South and Central division.",
        "Andes Bank named a new head.",
    ],
)
def test_no_appointment_without_a_whole_post_and_a_person(text):
    assert facts(text, "appointment") == []


def test_a_budget_for_the_next_fiscal_year_is_proposed_and_so_are_its_lines():
    text = ("On Monday the Government of Chile allocated 7 billion pesos for defence in the next "
            "financial year. A further 3 billion pesos has been earmarked for pensions. Last "
            "year, 6 billion pesos had been earmarked for the forces.")  # fmt: skip
    first, second, third = facts(text, "spending", "2021-02-01")
    assert (first["subject"], first["period"]) == ("Government of Chile", (2021, 2022))
    assert first["statement"].startswith("Government of Chile proposed")
    assert second["subject"] == "Government of Chile" and "proposed" in second["statement"]
    assert third["period"] == (2020, 2020) and "proposed" not in third["statement"]


@pytest.mark.parametrize(
    ("text", "value", "predicate"),
    [
        ("Chile set aside $4bn for its navy in 2022, marking a 7% increase over the previous "
         "allocation.", 7.0, "increased_by"),
        ("Chile proposes to raise its navy budget by 4.2% in 2026.", 4.2, "increased_by"),
        ("Chile intends to allocate $3bn for ships, which is 1.8% more than it spends now.", 1.8,
         "increased_by"),
        ("Chile said it has proposed a 5 percent on-year cut in its budget for 2026.", 5.0,
         "decreased_by"),
    ],
)  # fmt: skip
def test_a_percent_change_beside_a_budget(text, value, predicate):
    [change] = [f for f in facts(text, "spending", "2024-03-01") if f["unit"] == "percent"]
    assert (change["value"], change["predicate"], change["subject"]) == (value, predicate, "Chile")


def test_a_change_takes_the_modality_of_its_amount():
    text = "Chile intends to allocate $3bn for ships, which is 1.8% more than it spends now."
    amount, change = facts(text, "spending", "2024-03-01")
    assert amount["statement"].startswith("Chile plans") and change["statement"].startswith(
        "Chile plans"
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Bangladesh unveiled a Tk 4.1 trillion budget for fiscal 2021-22.", 4.1e12, "BDT"),
        ("Spain's 120-billion-euro military procurement budget was approved.", 1.2e11, "EUR"),
    ],
)
def test_currencies_written_as_a_symbol_or_an_adjective(text, value, unit):
    [fact] = facts(text, "spending", "2021-06-10")
    assert (fact["value"], fact["unit"]) == (value, unit)


def test_the_country_whose_gdp_it_is_spends():
    text = "He said spending in 2023, which accounts for over 3% of Chile’s GDP, will grow."
    [fact] = facts(text, "spending", "2024-01-01")
    assert (fact["subject"], fact["value"], fact["period"]) == ("Chile", 3.0, (2023, 2023))


def test_a_sentence_naming_no_spender_speaks_for_the_article_country():
    text = "Peru presented its plans. The allocation was $5bn in the last fiscal."
    [fact] = facts(text, "spending", "2020-06-01")
    assert (fact["subject"], fact["period"]) == ("Peru", (2019, 2020))


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Chile agreed to lift their yearly trade volume to $250M.",
    ],
)
def test_money_that_moves_without_a_budget_is_no_spending(text):
    assert facts(text, "spending") == []


def test_its_budget_in_a_speakers_words_is_the_bodys():
    text = ("Andes Bank reported its results. Maria Lopez, the lender's chairman, said its "
            "branch investment in the years ahead will reach at least $4bn.")  # fmt: skip
    [fact] = facts(text, "spending")
    assert fact["subject"] == "Andes Bank" and fact["value"] == 4e9


def test_every_name_of_a_list_ranks_among_the_top():
    text = ("Chile, Peru and Bolivia ranked among the top ten arms buyers in the four years "
            "through 2021.")  # fmt: skip
    found = facts(text, "ranking")
    assert [f["subject"] for f in found] == ["Chile", "Peru", "Bolivia"]
    assert all(f["period"] == (2018, 2021) and f["rank"] is None for f in found)


def test_a_list_followed_by_ranks_after_the_leader():
    text = ("Chile was the largest buyer of arms in 2019-2023. Chile is followed by Peru (8%), "
            "Bolivia (5%) and Uruguay (3%) among the top 10 buyers.")  # fmt: skip
    ranks = {f["subject"]: (f["rank"], f["period"]) for f in facts(text, "ranking")}
    assert ranks == {"Chile": (1, (2019, 2023)), "Peru": (2, (2019, 2023)),
                     "Bolivia": (3, (2019, 2023)), "Uruguay": (4, (2019, 2023))}  # fmt: skip


def test_the_list_followed_by_counts_on_from_the_rank_written_last():
    text = "Chile came first, the second - Peru. The list followed by Bolivia and Uruguay."
    ranks = {f["subject"]: f["rank"] for f in facts(text, "ranking")}
    assert ranks == {"Chile": 1, "Peru": 2, "Bolivia": 3, "Uruguay": 4}


@pytest.mark.parametrize(
    ("text", "rank", "total"),
    [
        ("Chile is a world leader in copper mining.", 1, None),
        ("Peru was placed 37th out of 95 nations in the survey.", 37, 95),
        ("Lara, a fine spinner, is ranked the No.1 bowler.", 1, None),
    ],
)
def test_leaders_positions_and_numbers(text, rank, total):
    [fact] = facts(text, "ranking")
    assert (fact["rank"], fact["rank_total"]) == (rank, total)


def test_the_prior_period_is_the_span_before_the_one_stated():
    text = ("Chile bought most arms in 2018-2022. Peru ranked as the fourth biggest buyer across "
            "the last five years, climbing from ninth place in the prior five-year "
            "period.")  # fmt: skip
    periods = {f["rank"]: f["period"] for f in facts(text, "ranking")}
    assert periods == {4: (2018, 2022), 9: (2013, 2017)}


def test_the_day_a_ranking_was_said_is_not_its_period():
    text = "Chile ranks 11th globally in copper exports, the president said on Sunday."
    [fact] = facts(text, "ranking", "2025-02-23")
    assert fact["period"] == (None, None)


def test_a_rank_in_a_named_edition_takes_the_edition_s_year():
    """The year is part of the index's name, so the sentence states no period of its own."""
    text = ("The result shows in the Global Harbour Index 2021 of the Sea Council, where "
            "Chile came 12th out of 80 ports assessed.")  # fmt: skip
    [fact] = facts(text, "ranking")
    assert (fact["rank"], fact["rank_total"], fact["period"]) == (12, 80, (2021, 2021))


def test_an_edition_in_another_clause_dates_no_other_rank():
    text = ("Chile ranked ninth among 80 nations in the Harbour index 2021 and remains the "
            "region's largest fish exporter.")  # fmt: skip
    periods = {f["rank"]: f["period"] for f in facts(text, "ranking")}
    assert periods[9] == (2021, 2021) and periods.get(1, (None, None)) == (None, None)


def test_a_rank_alone_stands_for_the_person_of_that_rank():
    text = ("Newly-appointed Army Commander [AC] of the Chilean Army, Major General Eva Ruiz, "
            "spoke on Friday. The Major General, who succeeded General Mario Vidal as AC, "
            "thanked the troops.")  # fmt: skip
    found = facts(text, "appointment")
    assert {(f["subject"], f["replaces"]) for f in found} == {
        ("Eva Ruiz", None), ("Eva Ruiz", "Mario Vidal"),
    }  # fmt: skip


def test_a_lower_case_post_after_its_body():
    text = "General Luis Soto was inaugurated as Chilean Air Force (FACh) commander on Monday."
    [fact] = facts(text, "appointment", "2021-03-02")
    assert (fact["subject"], fact["object"]) == ("Luis Soto", "Commander of Chilean Air Force")


def test_each_appointee_of_a_list_keeps_the_post_after_his_own_as():
    text = ("President Ana Reyes appointed Major General Luis Soto as Chief of Army Staff of "
            "Chile, Rear Admiral Eva Ruiz as Chief of Naval Staff of Chile.")  # fmt: skip
    found = {f["subject"]: f["object"] for f in facts(text, "appointment")}
    assert found["Luis Soto"] == "Chief of Army Staff of Chile"
