"""People, organisations and posts on text of our own, one sentence per phrasing class."""

import pytest

from app.enums import EntityType
from tests.extraction.helpers import run


def by_name(result):
    return {entity.name: entity for entity in result.entities}


def person(text: str, name: str):
    entity = by_name(run(text))[name]
    assert entity.type is EntityType.person
    return entity


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jens Halvorsen said the drills would go on.", "Jens Halvorsen"),  # given name
        ("The talks were led by Oskar Brandvik.", "Oskar Brandvik"),  # "by" before
        ("It was good news, said Tarek Aldouri.", "Tarek Aldouri"),  # "said" before
        ("Tarek Aldouri, the defence secretary, disagreed.", "Tarek Aldouri"),  # apposition
        ("Tarek Aldouri, who leads the party, disagreed.", "Tarek Aldouri"),  # "who"
        ("The analyst Ruben Okonjo was sceptical.", "Ruben Okonjo"),  # a role in lower case
        ("The post went to Aydin Mammadov in May.", "Aydin Mammadov"),  # surname shape
        ("The report came from K. Raghunathan.", "K. Raghunathan"),  # an initial
        ("By Lena Haugen\n\nNorway bought ships.", "Lena Haugen"),  # a byline
    ],
)
def test_people_by_name_shape_and_context(text, name):
    person(text, name)


def test_ranks_and_honorifics_are_aliases_not_part_of_the_name():
    petrov = person("Colonel-General Ivan Petrov arrived.", "Ivan Petrov")
    assert "Colonel-General Ivan Petrov" in petrov.aliases
    salo = person("Brig. Gen. Ari Salo and Mr. Tom Reid left.", "Ari Salo")
    assert "Brig. Gen. Ari Salo" in salo.aliases
    person("Brig. Gen. Ari Salo and Mr. Tom Reid left.", "Tom Reid")


def test_surname_only_mentions_link_to_the_full_name():
    result = run("Defence chief Jens Halvorsen arrived. Halvorsen said the plan was ready.")
    halvorsen = by_name(result)["Jens Halvorsen"]
    assert [m.quote for m in halvorsen.mentions] == ["Jens Halvorsen", "Halvorsen"]
    assert "Halvorsen" not in by_name(result)


def test_a_title_then_the_full_name_is_one_person():
    result = run("President Okafor spoke first. Later, Samuel Okafor left for Abuja.")
    people = [e for e in result.entities if e.type is EntityType.person]
    assert [p.name for p in people] == ["Samuel Okafor"]


def test_capitalised_phrases_without_name_evidence_are_no_people():
    result = run("The Iron Shield drills and Blue Water Partners were discussed.")
    assert not [e for e in result.entities if e.type is EntityType.person]
    result = run("Blue Water Partners said the fund would grow.")
    assert not [e for e in result.entities if e.type is EntityType.person]


def test_a_name_that_says_something_is_a_person():
    person("Ruben Okonjo said the plan was sound.", "Ruben Okonjo")
    person("Ruben Okonjo, 54, runs the yard.", "Ruben Okonjo")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Norsk Aerospace won the order.", "Norsk Aerospace"),
        ("The radars come from Halden Dynamics Ltd.", "Halden Dynamics Ltd"),
        ("Vestfjord Shipyard will build them.", "Vestfjord Shipyard"),
        ("The deal was reported by Kyodo.", "Kyodo"),
        ("Five Al-Shabaab fighters were killed.", "Al-Shabaab"),
        ("Troops fought Ansar Dine militants.", "Ansar Dine"),
        ("The Indian Air Force got new jets.", "Indian Air Force"),
    ],
)
def test_organisations_by_suffix_list_and_context(text, name):
    assert by_name(run(text))[name].type is EntityType.organization


def test_a_ministry_is_qualified_by_its_country():
    ministry = by_name(run("India's Ministry of Defence signed it."))[
        "Ministry of Defence of India"
    ]
    assert ministry.type is EntityType.organization
    assert "Ministry of Defence" in ministry.aliases


def test_lower_case_bodies_after_a_possessive_or_demonym():
    names = by_name(run("Chile's parliament and the Peruvian army met. The Chilean navy watched."))
    assert {"Parliament of Chile", "Peruvian Army", "Chilean Navy"} <= set(names)


def test_a_demonym_led_name_has_its_of_form_as_alias():
    ministry = by_name(run("The Chilean Ministry of Defence said so."))[
        "Chilean Ministry of Defence"
    ]
    assert "Ministry of Defence of Chile" in ministry.aliases


def test_an_acronym_after_its_long_form_merges_with_an_earlier_bare_acronym():
    result = run("NATO met. The North Atlantic Treaty Organization (NATO) grew.")
    organisations = [e for e in result.entities if e.type is EntityType.organization]
    assert len(organisations) == 1 and "NATO" in {organisations[0].name, *organisations[0].aliases}


def test_an_acronym_whose_long_form_is_no_entity_is_dropped():
    result = run("They seized two Rocket Launch Tubes (RLT) in the raid.")
    assert "RLT" not in by_name(result)


def test_datelines_never_become_entities():
    result = run("LISBON (Reuters) - Portugal bought two ships.")
    assert set(by_name(result)) == {"Portugal"}
    result = run("Portugal bought two ships, officials said. (Xinhua)")
    assert set(by_name(result)) == {"Portugal"}


def test_a_country_named_in_full_names_no_shorter_country():
    assert set(by_name(run("North Korea fired a missile."))) == {"North Korea"}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("Polish Prime Minister Jan Kowal spoke.", "Prime Minister of Poland"),
        ("NATO Secretary General Jens Halvorsen spoke.", "Secretary General of NATO"),
        ("US Secretary of State Tom Reid spoke.", "Secretary of State of United States"),
        ("Ghana's Chief of Defence Staff Kofi Mensah spoke.", "Chief of Defence Staff of Ghana"),
        ("The President of France met the press.", "President of France"),
        ("Chile bought ships, the Chilean defence minister said.", "Defence Minister of Chile"),
    ],
)
def test_posts_are_qualified_by_their_own_phrase(text, post):
    assert by_name(run(text))[post].type is EntityType.position


def test_a_persons_post_comes_from_the_persons_own_phrase_not_the_nearest_country():
    result = run("In talks with Chile, Peruvian Defence Minister Ana Quispe agreed.")
    assert "Defence Minister of Peru" in by_name(result)
    assert "Defence Minister of Chile" not in by_name(result)


def test_a_bare_post_takes_only_a_dominant_country():
    one = run("Chile will buy ships. Chile said so. President Ana Soto agreed. Chile paid.")
    assert "President of Chile" in by_name(one)
    two = run("Chile and Peru met. Peru and Chile agreed. President Ana Soto spoke.")
    assert not [e for e in two.entities if e.type is EntityType.position]


def test_the_same_post_either_way_round_is_one_entity():
    result = run("Chile's Minister of Defence spoke. The Chilean Defence Minister left.")
    posts = [e for e in result.entities if e.type is EntityType.position]
    assert len(posts) == 1


def test_places_by_context_and_lists():
    names = by_name(run("Troops moved into Kandoro, Bilatu, Sefa and Moro."))
    assert names["Kandoro"].type is EntityType.place
    assert {"Bilatu", "Sefa", "Moro"} <= set(names)


def test_a_named_drill_keeps_its_number():
    names = by_name(run("The troops began the exercise Northern Shield 26 on Monday."))
    assert names["Northern Shield 26"].type is EntityType.program


def test_a_post_written_in_lower_case_around_a_body_is_that_bodys():
    names = by_name(run("Ana Soto was named managing director and CEO of Halden Bank."))
    assert "Managing Director and CEO of Halden Bank" in names
    names = by_name(run("The Halden Bank chairman resigned on Monday."))
    assert "Chairman of Halden Bank" in names


def test_a_body_put_either_way_round_is_one_entity():
    result = run("The Department of Defense agreed. A Defense Department official said so.")
    assert len([e for e in result.entities if e.type is EntityType.organization]) == 1


def test_a_firms_short_name_is_the_firm():
    result = run("Dassault Aviation will build the jets. Dassault said so.")
    assert len([e for e in result.entities if e.type is EntityType.organization]) == 1


def test_hyphenated_demonyms_name_both_countries():
    names = by_name(run("The Russian-Belarusian exercise began."))
    assert {"Russia", "Belarus"} <= set(names)
    assert not [e for e in run("The Russian-Belarusian exercise began.").entities
                if e.type is EntityType.program]  # fmt: skip


def test_a_place_named_after_a_country_names_no_country():
    assert set(by_name(run("Ships sailed the South China Sea."))) == {"South China Sea"}


def test_the_acronym_of_a_lower_case_term_is_no_body():
    result = run("The navy got a littoral combat ship (LCS). The LCS sailed.")
    assert "LCS" not in by_name(result)


def test_treaties_over_on_the_and_ambassadors_to_a_country():
    names = by_name(run("Chile signed the Treaty on the Prohibition of Mines. Chile met Peru."))
    assert names["Treaty on the Prohibition of Mines"].type is EntityType.program
    names = by_name(run("The U.S. Ambassador to Chile Tom Reid spoke."))
    assert names["Ambassador of United States to Chile"].type is EntityType.position
    assert names["Tom Reid"].type is EntityType.person


def test_a_leaders_government_is_the_countrys_government():
    names = by_name(run("Chile raised taxes. The Gabriel Boric government said Chile would pay."))
    assert names["Gabriel Boric"].type is EntityType.person
    assert "Gabriel Boric government" in names["Government of Chile"].aliases


def test_a_countrys_own_named_like_a_person_is_a_person():
    person("Ethiopia's Gotytom Mesfin won the race.", "Gotytom Mesfin")
    person("The Kenyan Wanjiru Odhiambo came second.", "Wanjiru Odhiambo")
    result = run("India's Gross Domestic Product grew.")
    assert not [e for e in result.entities if e.type is EntityType.person]


def test_a_listed_company_its_ticker_and_its_name_without_suffix_are_one():
    result = run("Halden Marine Ltd (ASX: HML) rose. Halden Marine said HML would grow.")
    firms = [e for e in result.entities if e.name == "Halden Marine Ltd"]
    assert len(firms) == 1 and {"Halden Marine", "HML"} <= set(firms[0].aliases)
    assert "ASX" in by_name(result)


def test_a_list_of_people_goes_on_in_its_kind():
    result = run("The team of Ana Soto, Wanza Odhiambo and Thabiso Mokoena won.")
    people = {e.name for e in result.entities if e.type is EntityType.person}
    assert people == {"Ana Soto", "Wanza Odhiambo", "Thabiso Mokoena"}


def test_a_lone_surname_that_says_something_is_a_person_unless_a_body_begins_with_it():
    assert by_name(run("Okonjo said the plan was sound."))["Okonjo"].type is EntityType.person
    result = run("Okonjo, the defence secretary, left.")
    assert by_name(result)["Okonjo"].type is EntityType.person
    result = run("The Tawazun Council signed. Tawazun said more deals would follow.")
    assert [e.type for e in result.entities] == [EntityType.organization]


def test_the_parliament_is_the_legislature_the_article_named():
    result = run("Chile's National Assembly met. Chile said the parliament would vote.")
    bodies = [e for e in result.entities if e.type is EntityType.organization]
    assert len(bodies) == 1 and "parliament" in bodies[0].aliases


@pytest.mark.parametrize(
    "text",
    [
        "The army marked the 30th Defence Festival in Lima.",
        "The ministry published the Defence White Paper in May.",
        "The Defence Industry Exhibition opened in Kielce.",
        "The missile hit the USS Rodney M. Davis, a frigate.",
        "The BRP Miguel Malvar arrived in Subic.",
    ],
)
def test_no_person_without_a_real_title_or_in_a_ships_name(text):
    assert not [e for e in run(text).entities if e.type is EntityType.person]


def test_a_generational_suffix_is_no_surname():
    entity = by_name(run("Defence Secretary Ana Reyes Jr. signed. Reyes spoke."))["Ana Reyes Jr"]
    assert "Reyes" in entity.aliases and "Jr" not in entity.aliases


def test_a_foreign_minister_is_the_minister_of_foreign_affairs():
    post = by_name(run("Peruvian Foreign Minister Ana Reyes spoke."))["Foreign Minister of Peru"]
    assert "Minister of Foreign Affairs of Peru" in post.aliases
    assert "Minister of Foreign of Peru" not in post.aliases
