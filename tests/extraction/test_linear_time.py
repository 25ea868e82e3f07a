"""Extraction stays linear in the text's length on adversarial shapes.

Each shape is a short unit repeated into one long sentence (or many short ones), led
by cue words that wake a rule up. CPU time, not wall time, is measured, and the budgets
are generous: a linear pass meets them on a loaded machine, a quadratic one cannot
(ten times the text is a hundred times the work).
"""

import gc
import time

import pytest

from app.extraction.pipeline import extract

# Cue words that make each rule look at the sentence (and a subject for it).
RULE_LEADS = {
    "none": "",
    "rankings": "Azerbaijan ranked 5th among 140 countries and is the world's largest ",
    "spending": "Azerbaijan spent $5bn on ",
    "cooperation": (
        "Azerbaijan has agreements on cooperation with about 30 countries and cooperates with "
    ),
    "alliances": "Azerbaijan joined the NATO-led ",
    "structure": "The Armed Forces have three branches: ",
    "mandates": "The Ministry of Defence is responsible for ",
    "events": "Azerbaijan visited ",
    "procurement": "Poland ordered 48 new fighter jets from Korea for $3bn and signed a contract ",
    "exercises": "Greece and Egypt held the Medusa exercise with 3,000 troops in the ",
    "appointments": "President Ana Reyes appointed General Luis Soto as the new Army Commander ",
    "modality": "Chile will plan to propose a request that Peru is set to ",
    "attribution": "According to ",
    "report": "A report by ",
    "group": "NATO met in Brussels. ",
}
# Units repeated to fill the text: names, acronyms, lists, possessives, cue words,
# numbers, and the shapes that made patterns backtrack.
SHAPES = {
    "said_names": "said Alpha Bravo Charlie Delta ",
    "names": "Alpha Bravo Charlie Delta ",
    "acronyms": "Armed Forces (AF) ",
    "countries": "Armenia, Georgia, Turkey, Iran, ",
    "possessive": "Azerbaijan's ",
    "according": "according to ",
    "and_names": "and Bravo ",
    "of_chain": "Ministry of Xyz ",
    "and_heads": "Alpha and Air Force of Bravo ",
    "positions": "Minister of Defence, Deputy Minister of Interior, ",
    "digits": "1,000,",
    "money": "$1,234,5bn ",
    "amounts": "spent $1bn and ",
    "years": "2019 ",
    "year_ranges": "2009-2016 and ",
    "ordinals": "ranked 64th among 138 countries ",
    "superlatives": "is Alpha Bravo the largest army in Charlie ",
    "joined": "joined NATO in 1994 as well as ",
    "responsible": "Baku, ",
    "which": "Army, which can be involved in operations; ",
    "led": "NATO-led Armenia ",
    "sentences": "Azerbaijan ranked 64th among 138 nations in 2020, according to Fire Power. ",
    "anaphors": "The ministry said it spent $4bn. ",
    "lines": "joined NATO\n",
    "spaces": " \n \t ",
    "counts": "12 Alpha Bravo Charlie Delta Echo ",
    "deals": "ordered bought deal contract order ",
    "drills": "Alpha Exercise Bravo drills exercise ",
    "posts": "appointed as the new to the post of named ",
    "datelines": "on Monday, on May 5, in June, ",
    "baselines": "up 5% from 2019 compared with ",
    "same_period": "spent $1bn in the past five years and in 2018-2022 ",
    "pronouns": "appointed him as ",
    "purchases": "bought $1bn ",
    "imports": "imported $1bn and 5 ",
    "asides": ", which spent $1bn in 2020, ",
    "gdp_shares": "spending 5% of GDP and ",
    "named_editions": "came 5th in the Alpha Index 2021, 6th of 80 in the Bravo Report 2020, ",
    "lower_posts": "will become its acting chief executive of the Alpha Bravo, after ",
    "newly": "the newly appointed Chief of Staff, General Alpha said ",
    "percent_changes": "budget a 7% increase in its budget, which is 1.8% more than up 3% from ",
    "followed": "followed by Chile (5%), Peru, and ",
    "top_lists": "Chile, Peru and Bolivia as the top ten arms buyers, ",
    "leaders": "is a world leader in copper mining and No.1 ",
    "budget_lines": "allocated Rs 5 crore for the next financial year on Monday, its "
    "5-billion-euro plan ",
    "contracts": "won a contract worth $1bn to design and awarded Boeing a $2bn deal ",
    "countless": "to buy the Alpha Bravo missile systems and ",
    "arms_shares": "Chile received 5 percent of Peru's arms imports and ",
    "suppliers": "main suppliers: Chile (5 percent), ",
    "top_supplier": "Chile remained Peru's largest arms supplier, accounting for 5% and ",
    "weapon_lists": "purchases included aircraft, naval weapons, ",
    "item_lists": "12 jets from Peru, 3 from Chile and ",
    "troops_told": "About 3,200 U.S. personnel are taking part. ",
    "exercise_pairs": "the Russian-Belarusian exercise Alpha ",
    "participants": "Exercise Alpha began. Participants are Chile, Peru, Spain and ",
    "partner_lists": "co-operation with partners such as Peru, Chile and ",
    "pacts": "Peru and Chile agreed a defence pact and ",
    "recognised": "recognised Peru as a Partner Peru ",
    "one_of": "is now one of four partners in NATO alongside Peru, ",
    "attended_by": "the parade will be attended by Ana Reyes, ",
    "meeting_of": "the meeting of NATO will take place in Peru and ",
    "ministers_from": "Defence ministers from the NATO (NATO) member states ",
    "adverbials": "its soldiers have in a week of raids in ",
    "surrendered": "44 NATO fighters and their kin have surrendered to troops ",
    "transferred": "NATO, with units, is being transferred to Peru, ",
    "the_name": "designated the Guards the Guards ",
    "chained": "Peru defeated Chile as Peru defeated Chile while ",
    "serving_in": "about 700 brigade troops are serving in the ",
    "deliveries": "the first of the new jets to be delivered in the first ",
    "own_member": "became NATO's 31st member and NATO's ",
    "modal_verbs": "will deploy will visit will ",
    "co_actors": "Peru and Chile and Peru and ",
    "invasions": "Russia's invasion of Ukraine, a country, the Russian invasion of ",
    "member_lists": "NATO has six full members -- Peru, Chile are two observer states, ",
    "meeting_words": "meeting of NATO defence chiefs meeting of NATO ",
    # a party, then a run of separators that ends in no noun (LINK backtracked on each)
    "separator_runs": "France" + " -" * 15 + " x exercise began. ",
    "space_runs": "France" + " " * 30 + "x exercise began. ",
    # an organisation as the subject of each list, or made a subject just before
    "group_lists": "NATO's members include France, ",
    "observer_runs": "France and Spain are observer states, ",
    # this session's mechanisms: lists, leads, asides, anaphors, glued stops, passives
    "numbered_items": "The ranking lists 20 countries in a table below.\n\n1. Peru\n\n",
    "adverb_leads": "Thus, ",
    "dated_leads": "On Monday, October 14, 2024, ",
    "fronted_phrases": "At the summit of NATO in Lima on Thursday, ",
    "dated_asides": ", which severed ties with Chile on August 25, 2021, ",
    "group_anaphors": "the organization, and the organization, ",
    "successions": "General Soto succeeds Admiral Vidal, ",
    "glued_stops": "the navy said.The army said.",
    "passives": "74 packages were found by the Navy and ",
    "partitives": "to buy 24 of Denmark's ageing F-16 fighter jets and ",
    "ranks_in_passing": "Peru is fourth, with $3 billion, Chile is fifth and ",
    "apposed_ranks": "Chile—the fourth largest exporter—and ",
    "follows": "Chile follows, with $2 billion, and ",
    "pact_pairs": "Peru and the RoK have signed 10 MoUs and ",
    "coordinated_years": "ordered 27 jets, and the switch ends in 2025, ",
    "month_days": "signed on Oct 25 and is in talks on ",
}
SMALL, LARGE = 100_000, 1_048_576


def text_of(lead: str, unit: str, size: int) -> str:
    return lead + unit * ((size - len(lead)) // len(unit) + 1)


def cpu_seconds(text: str) -> float:
    # The collector off while timing: late in a long test run the process holds a big heap,
    # and a full collection the large text happens to trigger scans all of it (seen in CI:
    # 3.2 s of CPU for a mebibyte that extracts in 0.5 s).
    # (No collection first: on that heap one costs seconds, and the suite has 300 of these.)
    gc.disable()
    try:
        start = time.process_time()
        extract(text, published_at="2020-02-05")
        return time.process_time() - start
    finally:
        gc.enable()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("rule", RULE_LEADS)
def test_100_kb_of_an_adversarial_shape_extracts_in_a_few_seconds(rule, shape):
    # Linear extraction of 100 kB takes a fraction of a second; the quadratic and
    # exponential patterns this guards against took from 10 s to forever.
    assert cpu_seconds(text_of(RULE_LEADS[rule], SHAPES[shape], SMALL)) < 4.0


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("rule", ["none", "rankings", "attribution"])
def test_a_mebibyte_costs_about_ten_times_100_kb(rule, shape):
    small = cpu_seconds(text_of(RULE_LEADS[rule], SHAPES[shape], SMALL))
    large = cpu_seconds(text_of(RULE_LEADS[rule], SHAPES[shape], LARGE))
    # Ten times the text: about ten times the time if linear, a hundred if quadratic.
    assert large < 25 * small + 2.0 and large < 40.0, (small, large)


def _distinct_word(number: int) -> str:
    letters, word = "aeioustnlkmr", chr(65 + number % 26)
    number //= 26
    for _ in range(5):
        word, number = word + letters[number % 12], number // 12
    return word


def test_many_distinct_bodies_each_named_once_stay_linear():
    # Every sentence adds a body and asks which body 'the Guards' is: a scan of all the
    # records per sentence took 7 s for 300 kB of this; an index takes about one.
    units = [f"{_distinct_word(i)} {_distinct_word(i * 7 + 3)} Agency designated the Guards "
             "a group. " for i in range(300_000 // 60)]  # fmt: skip
    assert cpu_seconds("".join(units)) < 5.0
