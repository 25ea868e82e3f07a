"""Alliance and cooperation phrasings met in news reports (sentences written for the tests)."""

import pytest

from tests.extraction.helpers import facts


@pytest.mark.parametrize(
    ("text", "predicate", "group", "period"),
    [
        ("Norway has become the 33rd member of NATO.", "joined", "NATO", (None, None)),
        ("Chile officially became a member of the Pacific Alliance in 2012.", "joined",
         "Pacific Alliance", (2012, 2012)),
        ("Chile officially becomes a member of the Pacific Alliance.", "joined",
         "Pacific Alliance", (None, None)),
        ("Chile was officially accepted as a full member of the Pacific Alliance in 2014.",
         "joined", "Pacific Alliance", (2014, 2014)),
        ("Chile became a full-fledged, fifth member of the Pacific Alliance.", "joined",
         "Pacific Alliance", (None, None)),
        ("Chile has been admitted as the newest member of the Pacific Alliance.", "joined",
         "Pacific Alliance", (None, None)),
        ("Chile officially becomes NATO member", "joined", "NATO", (None, None)),
        ("At the summit of the Pacific Alliance in Lima, Chile was accepted as a full member "
         "of the organization.", "joined", "Pacific Alliance", (None, None)),
    ],
)  # fmt: skip
def test_becoming_a_member_is_joining(text, predicate, group, period):
    [fact] = [f for f in facts(text, "alliance") if f["predicate"] != "led_by"]
    assert (fact["predicate"], fact["object"], fact["period"]) == (predicate, group, period)


def test_a_group_recognising_a_partner():
    [fact] = facts("The Western European Union has recognised Peru as a Privileged Partner.",
                   "alliance")  # fmt: skip
    assert (fact["subject"], fact["predicate"], fact["object"]) == (
        "Peru", "partner_of", "Western European Union",
    )  # fmt: skip


def test_one_of_several_partners_along_with_others():
    found = facts("Peru is now one of four partners in Pacific Readiness Programme along with "
                  "Chile, Bolivia and Ecuador.", "alliance")  # fmt: skip
    countries = ("Peru", "Chile", "Bolivia", "Ecuador")
    assert [(f["subject"], f["object"]) for f in found] == [
        (country, "Pacific Readiness Programme") for country in countries
    ]


def test_a_person_joining_a_firm_is_an_event_not_an_alliance():
    text = "Maria Lopez joined Banco Santander in 2009."
    assert facts(text, "alliance") == []
    [fact] = facts(text, "event")
    assert (fact["subject"], fact["object"], fact["period"]) == (
        "Maria Lopez", "Banco Santander", (2009, 2009),
    )  # fmt: skip


def test_two_parties_agreeing_a_pact():
    [fact] = facts("Peru and Chile agreed a landmark defence pact on Tuesday allowing joint "
                   "patrols.", "cooperation", "2024-05-02")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["period"]) == ("Peru", "Chile", (2024, 2024))


@pytest.mark.parametrize(
    "text",
    [
        "Chile has stepped up its military co-operation with key allies such as the US and Brazil.",
        "To stay credible, Chile has stepped up military co-operation with the US and Brazil.",
    ],
)
def test_each_listed_partner_is_a_cooperation(text):
    found = facts(text, "cooperation")
    assert [(f["subject"], f["object"]) for f in found] == [
        ("Chile", "United States"), ("Chile", "Brazil"),
    ]  # fmt: skip


def test_a_headline_list_of_partners():
    found = facts("Chile to strengthen ties with Peru, Bolivia", "cooperation")
    assert [f["object"] for f in found] == ["Peru", "Bolivia"]
    assert all("plans to" in f["statement"] for f in found)


def test_a_plan_of_cooperation_with_its_years():
    [fact] = facts("The CSTO defence ministers approved the plan of cooperation for 2023-2024.",
                   "cooperation")  # fmt: skip
    assert (fact["subject"], fact["object"], fact["period"]) == ("CSTO", None, (2023, 2024))


def test_a_contract_signed_with_a_country_is_no_cooperation():
    assert facts("Spain signed a contract with Italy to buy four corvettes.",
                 "cooperation") == []  # fmt: skip


def test_the_groups_own_nth_member():
    [fact] = [f for f in facts("Norway became NATO's 33rd member in May 2024.", "alliance")
              if f["predicate"] != "led_by"]  # fmt: skip
    assert (fact["subject"], fact["predicate"], fact["object"], fact["period"]) == (
        "Norway", "joined", "NATO", (2024, 2024),
    )  # fmt: skip


def test_memberships_joined_by_and():
    found = [f for f in facts("Turkey is a member of NATO and the G20.", "alliance")
             if f["predicate"] == "member_of"]  # fmt: skip
    assert [f["object"] for f in found] == ["NATO", "G20"]


def test_member_lists_of_a_group():
    text = ("The Gulf Cooperation Council now has six full members -- Bahrain, Kuwait, Oman, "
            "Qatar, Saudi Arabia and the United Arab Emirates. Iraq and Yemen are two observer "
            "states, and GCC’s dialogue partners include Jordan and Morocco.")  # fmt: skip
    found = {(f["subject"], f["predicate"]) for f in facts(text, "alliance")}
    assert found == {
        ("Bahrain", "member_of"), ("Kuwait", "member_of"), ("Oman", "member_of"),
        ("Qatar", "member_of"), ("Saudi Arabia", "member_of"),
        ("United Arab Emirates", "member_of"), ("Iraq", "observer_of"),
        ("Yemen", "observer_of"), ("Jordan", "partner_of"), ("Morocco", "partner_of"),
    }  # fmt: skip


def test_countries_that_are_members_name_no_group():
    assert facts("Peru and Chile are members.", "alliance") == []


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Peru and the Republic of Korea have signed 12 MoUs on defence cooperation.", "MoUs"),
        ("The Peruvian and Chilean defence chiefs signed an agreement on Monday.", "agreement"),
    ],
)
def test_two_parties_signing_papers_cooperate(text, noun):
    [fact] = facts(text, "cooperation")
    assert fact["statement"].endswith(f"agreed {'an ' if noun[0] == 'a' else ''}{noun}.")
    assert (fact["subject"], fact["object"]) in (("Peru", "South Korea"), ("Peru", "Chile"))


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether Peru and Chile signed a pact on ships, the minister declined to comment.",
        "Officials from Hanwha and Boeing signed the agreement with Peru on Monday.",
        "Peru was formerly a member of the Pacific Alliance.",
        "Lima warned that once Chile becomes a NATO member, it would act.",
        "After Peru joined the Pacific Alliance in 2012, Chile said little.",
        "At a summit where Peru became a member of the Pacific Alliance, Chile said little.",
    ],
)
def test_no_pact_or_membership_in_a_question_a_past_or_another_clause(text):
    found = facts(text, "cooperation") + facts(text, "alliance")
    assert [f for f in found if f["subject"] in ("Chile", "Lima", "Hanwha")] == []
    assert [f for f in found if f["subject"] == "Peru" and f["predicate"] == "member_of"] == []


def test_a_numbered_item_keeps_its_facts_and_the_organization_is_a_bloc():
    text = "Highlights.\n3. Peru joined NATO in 2023.\n"
    assert facts(text, "alliance")[0]["subject"] == "Peru"
    text = ("The APEC summit opened in Lima. Peru, long at odds with the IAEA, became a full "
            "member of the organization.")  # fmt: skip
    assert all(f["object"] != "IAEA" for f in facts(text, "alliance"))


def test_a_pact_after_a_speaker_names_its_parties_later():
    text = ("Speaking at the event, the attaché said Peru and Chile have signed eight MoUs on "
            "defence cooperation since 2015.")  # fmt: skip
    [fact] = facts(text, "cooperation")
    assert (fact["subject"], fact["object"], fact["period"]) == ("Peru", "Chile", (2015, None))
