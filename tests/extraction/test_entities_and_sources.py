"""Entity recognition and resolution, and attribution, on text beyond the seed."""

import pytest

from app.enums import EntityType
from tests.extraction.helpers import facts, run


def entity(result, name):
    return next(e for e in result.entities if e.name == name)


def test_countries_demonyms_capitals_and_types():
    result = run("Kazakh troops trained near Astana with the Kyrgyz Army, the Caspian Sea fleet "
                 "and the Ministry of Emergency Situations of Kazakhstan.")  # fmt: skip
    kazakhstan = entity(result, "Kazakhstan")
    assert kazakhstan.type is EntityType.country and "Kazakh" in kazakhstan.aliases
    assert entity(result, "Astana").type is EntityType.place
    assert entity(result, "Kyrgyz Army").type is EntityType.organization
    assert entity(result, "Caspian Sea").type is EntityType.place
    assert entity(result, "Ministry of Emergency Situations of Kazakhstan").type is (
        EntityType.organization
    )


def test_people_with_titles_and_surnames_later():
    result = run("Defense Minister Sergei Shoigu arrived on Monday. Shoigu then left for Minsk.")
    shoigu = entity(result, "Sergei Shoigu")
    assert shoigu.type is EntityType.person
    assert [m.quote for m in shoigu.mentions] == ["Sergei Shoigu", "Shoigu"]


def test_acronyms_in_parentheses_are_aliases_and_resolve_later_mentions():
    result = run("Uzbekistan left the Collective Security Treaty Organization (CSTO) in 2012. "
                 "The CSTO did not comment.")  # fmt: skip
    csto = entity(result, "Collective Security Treaty Organization")
    assert "CSTO" in csto.aliases and len(csto.mentions) == 3
    assert not any(e.name == "CSTO" for e in result.entities)


def test_possessives_name_the_owner():
    result = run("Georgia’s Defense Ministry denied the report.")
    assert entity(result, "Defense Ministry of Georgia").type is EntityType.organization


def test_conjunctions_split_names_unless_a_head_word_joins_them():
    result = run("Armenia and Azerbaijan met the Army and Air Defence Force officials.")
    names = {e.name for e in result.entities}
    assert {"Armenia", "Azerbaijan"} <= names
    assert not any("Armenia and" in name for name in names)


def test_sentence_starts_and_months_are_not_entities():
    result = run("However, In March officials said Monday that It was fine.")
    assert result.entities == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Oman spent $6bn on arms in 2020, according to Reuters.", "Reuters"),
        ("A report by SIPRI finds that Oman spent $6bn on arms in 2020.", "SIPRI"),
        ("Oman spent $6bn on arms in 2020, the International Institute for Strategic Studies "
         "said.", "International Institute for Strategic Studies"),
        ("Based on reporting by Bloomberg, Reuters and TASS, Oman spent $6bn on arms.",
         "Bloomberg"),
    ],
)  # fmt: skip
def test_attribution_forms(text, source):
    [fact] = facts(text, "spending")
    assert fact["attributed_to"] == source
    assert source.split()[0] in fact["quote"]


def test_as_per_the_report_points_back_to_the_last_source():
    text = ("Iraq ranked 34th among 145 countries, a report by SIPRI finds. Iraq spent $7bn on "
            "defence in 2022, as per the report.")  # fmt: skip
    [fact] = facts(text, "spending")
    assert fact["attributed_to"] == "SIPRI"


def test_no_source_named_means_none():
    [fact] = facts("Oman spent $6bn on arms in 2020.", "spending")
    assert fact["attributed_to"] is None
