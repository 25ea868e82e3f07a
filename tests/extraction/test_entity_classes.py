"""Entity phrasing classes on text of our own: posts named two ways, bodies inside titles,
counterparts, currencies, adjectives and merges of one place or body named twice."""

from app.enums import EntityType
from tests.extraction.helpers import run


def entities(text: str) -> dict[str, tuple[EntityType, set[str]]]:
    return {e.name: (e.type, set(e.aliases)) for e in run(text).entities}


def test_a_post_after_its_body_in_lower_case_is_the_post_named_before():
    found = entities(
        "Estonia moved Coastal Forces Commander Gen. Aare Ilves to a new post. Later the "
        "Coastal Forces commander spoke again."
    )
    posts = [name for name, (kind, _) in found.items() if kind is EntityType.position]
    assert posts == ["Coastal Forces Commander of Estonia"]


def test_the_body_a_title_heads_is_an_organisation():
    found = entities("Estonia named 2nd Army Commander Gen. Aare Ilves as its chief of staff.")
    assert found["2nd Army of Estonia"][0] is EntityType.organization
    assert "2nd Army" in found["2nd Army of Estonia"][1]


def test_a_counterpart_holds_the_same_post_in_the_other_country():
    found = entities(
        "Peruvian Foreign Minister Ana Quispe met her Chilean counterpart, Tomas Rojas, in Lima."
    )
    assert found["Foreign Minister of Chile"][0] is EntityType.position
    assert "Chilean counterpart" in found["Foreign Minister of Chile"][1]


def test_a_leader_named_by_a_demonym_is_that_country_s_leader():
    found = entities("Analysts expect the Belarusian leader to attend the parade.")
    assert found["Leader of Belarus"][0] is EntityType.position


def test_a_currency_names_no_country():
    found = entities("Peru will pay 40 million US dollars for the radars.")
    assert "United States" not in found


def test_military_before_a_noun_is_an_adjective_not_the_armed_forces():
    found = entities("Peru fears Chile's military buildup near the border.")
    assert not any("Armed Forces" in name for name in found)
    found = entities("Officials said Chile's military was on alert.")
    assert "Chilean Armed Forces" in found


def test_an_acronym_after_a_body_noun_is_an_organisation():
    found = entities("Peru ordered two tugs from the Chilean shipbuilder ASMAR last year.")
    assert found["ASMAR"][0] is EntityType.organization


def test_the_parts_of_a_hyphenated_route_are_places():
    found = entities("Flights on the Lima-Quito route resumed, Peru said.")
    assert found["Quito"][0] is EntityType.place


def test_an_abbreviated_compass_point_is_the_same_place():
    found = entities("Ships sailed the S. China Sea. The South China Sea is contested.")
    assert [name for name in found if "China Sea" in name] == ["South China Sea"]


def test_the_pentagon_is_the_department_of_defense():
    found = entities("The Pentagon said the Department of Defense would pay for the radars.")
    assert len([name for name in found if found[name][0] is EntityType.organization]) == 1


def test_a_place_from_context_is_longer_than_two_letters():
    found = entities("Troops will be stationed in Li")
    assert "Li" not in found


def test_a_country_s_other_name_owns_its_posts_like_its_name():
    found = entities("Czechia's defence minister met his Slovak counterpart in Brno.")
    assert "Czechia's defence minister" in found["Defence Minister of Czech Republic"][1]
    assert found["Defence Minister of Slovakia"][0] is EntityType.position


def test_the_government_acting_in_its_clause_is_the_article_s_country_s():
    found = entities(
        "Peru bought radars. Officials said that the government had approved the deal. "
        "The government will pay for them, Peru's navy said. Peru expects it soon."
    )
    assert "government" in found["Government of Peru"][1]


def test_the_government_as_an_object_is_left_alone():
    found = entities("Peru bought radars. Peru asked the government to pay. Peru did.")
    assert "Government of Peru" not in found


def test_a_leader_s_government_in_title_case_is_the_country_s():
    found = entities("Peru bought radars. The Quispe Government said Peru would pay.")
    assert "Quispe Government" in found["Government of Peru"][1]


def test_a_name_before_a_facility_noun_is_a_place():
    found = entities("Officers met at the Kandoro garrison. Later the Kandoro garrison closed.")
    assert found["Kandoro garrison"][0] is EntityType.place
    found = entities("The frigates will be built at Brodex's Hallin dockyard, Peru said.")
    assert "Hallin" in found["Hallin dockyard"][1]


def test_a_body_s_headquarters_is_a_place_beside_the_body():
    found = entities("The flag was raised at NATO headquarters in Brussels.")
    assert found["NATO headquarters"][0] is EntityType.place
    assert found["NATO"][0] is EntityType.organization


def test_named_contests_and_indices_are_programmes():
    found = entities("Peru will host the Andean Games and ranked 40th in the Global Youth Index.")
    assert found["Andean Games"][0] is EntityType.program
    assert found["Global Youth Index"][0] is EntityType.program


def test_a_company_s_posts_in_lower_case_after_its_or_the_bank_s():
    found = entities(
        "Harbour Bank Ltd shares rose. Harbour Bank said it named its current chairman, "
        "Ana Soto, as its new CEO. Replacing her as chairman will be Tom Reid. The bank's "
        "former chief financial officer left."
    )
    posts = {name for name, (kind, _) in found.items() if kind is EntityType.position}
    assert posts == {
        "Chairman of Harbour Bank Ltd",
        "CEO of Harbour Bank Ltd",
        "Chief Financial Officer of Harbour Bank Ltd",
    }


def test_a_longer_post_named_first_takes_its_shorter_forms():
    found = entities(
        "Harbour Bank Ltd said Ana Soto will become its group chief executive. Harbour Bank "
        "praised its next chief executive officer."
    )
    posts = [name for name, (kind, _) in found.items() if kind is EntityType.position]
    assert posts == ["Group Chief Executive of Harbour Bank Ltd"]


def test_no_company_no_company_posts():
    found = entities("The committee met and its chairman spoke. The committee adjourned.")
    assert not [name for name, (kind, _) in found.items() if kind is EntityType.position]


def test_a_long_name_whose_acronym_acts_is_a_body():
    found = entities("Peru's Joint Public Relations (JPR) said two soldiers were hurt.")
    assert found["Joint Public Relations of Peru"][0] is EntityType.organization
    assert "JPR" in found["Joint Public Relations of Peru"][1]


def test_a_long_name_with_an_acronym_that_does_nothing_stays_unnamed():
    assert entities("Troops fired a Rocket Propelled Grenade (RPG) at the post.") == {}


def test_an_unknown_acronym_that_signs_or_warns_is_a_body():
    found = entities("The KDF warned of attacks, and the KDF signed a deal.")
    assert found["KDF"][0] is EntityType.organization


def test_a_compass_word_before_a_known_place_is_a_wider_place():
    found = entities("Troops gathered in Kandoro. The drills in Western Kandoro begin soon.")
    assert found["Western Kandoro"][0] is EntityType.place
    found = entities("Drones flew over Northern Sinai.")
    assert found["Northern Sinai"][0] is EntityType.place


def test_an_energy_corridor_is_a_project_and_a_reef_is_a_place():
    found = entities("Peru joined the Andean Gas Corridor and patrols near Solano Reef.")
    assert found["Andean Gas Corridor"][0] is EntityType.program
    assert found["Solano Reef"][0] is EntityType.place


def test_a_company_post_after_an_adjective_and_the_company_noun():
    found = entities(
        "Harbour Mobile Ltd grew. Harbour Mobile added users. Ana Soto, the state-owned "
        "firm's chairman, told reporters."
    )
    assert found["Chairman of Harbour Mobile Ltd"][0] is EntityType.position


def test_a_weapon_system_is_no_body_but_its_maker_is():
    found = entities("Peru bought the Long Range Rocket Systems from Brodex Defence Systems.")
    assert "Long Range Rocket Systems" not in found
    assert found["Brodex Defence Systems"][0] is EntityType.organization


def test_a_dateline_cut_by_its_full_stops_names_no_place():
    found = entities("Lima. 12 March. PERUNEWS/ Peru has bought radars from Chile.")
    assert "Lima" not in found
    assert found["Chile"][0] is EntityType.country


def test_naval_forces_after_the_navy_are_the_navy():
    found = entities(
        "Estonia said the Navy would sail. Naval Forces Commander Adm. Aare Ilves spoke."
    )
    bodies = [name for name, (kind, _) in found.items() if kind is EntityType.organization]
    assert len(bodies) == 1 and "Naval Forces" in found[bodies[0]][1]


def test_a_country_s_army_in_lower_case_is_its_armed_forces_when_those_are_named():
    found = entities(
        "The Armed Forces of Estonia grew. Reforms reached the Estonian army this year."
    )
    assert "Estonian army" in found["Armed Forces of Estonia"][1]
    assert "Estonian Army" not in found


def test_a_named_show_is_a_programme():
    found = entities("The deal was signed at the recent LIMEX defence show in Lima.")
    assert found["LIMEX"][0] is EntityType.program
    found = entities("Peru showed drones at the Andina Air Show fair.")
    assert found["Andina Air Show"][0] is EntityType.program


def test_a_name_before_govt_is_a_leader():
    found = entities("Critics praised the Quispe govt for its plans in Peru.")
    assert found["Quispe"][0] is EntityType.person


def test_a_secretary_general_of_a_body_is_that_body_s_post():
    found = entities("Ana Soto, Secretary General of Harbour Council, signed it.")
    assert found["Secretary General of Harbour Council"][0] is EntityType.position


def test_a_known_firm_and_a_country_is_the_firm_s_national_arm():
    found = entities("Peru signed with Thales Peru, a unit of Thales.")
    assert found["Thales Peru"][0] is EntityType.organization
    assert found["Peru"][0] is EntityType.country


def test_an_arabic_article_before_a_capital_is_part_of_the_name():
    found = entities("Peruvian envoy Ana Soto met Omar al-Rashidi, who leads al-Nour.")
    assert found["Omar al-Rashidi"][0] is EntityType.person
    assert "al-Rashidi" in found["Omar al-Rashidi"][1]


def test_an_administration_is_a_body_not_a_person():
    found = entities("Saab said the Swedish Defence Materiel Administration ordered radars.")
    assert found["Swedish Defence Materiel Administration"][0] is EntityType.organization
    found = entities("The Quispe Administration said Chile would pay.")
    assert "Government of Chile" not in found


def test_a_two_word_demonym_qualifies_posts_and_names_its_country():
    found = entities("South Korean President Ana Soto met the North Korean leader.")
    assert found["President of South Korea"][0] is EntityType.position
    assert "South Korean" in found["South Korea"][1]
    assert found["Leader of North Korea"][0] is EntityType.position


def test_a_body_before_a_rank_in_a_person_s_titles_is_named():
    found = entities("Peruvian Army General Ana Soto inspected the troops.")
    assert found["Peruvian Army"][0] is EntityType.organization


def test_a_known_firm_opening_a_longer_name_is_the_firm_s_arm():
    found = entities("Peru bought ships from Hanwha Ocean, and Officials said so.")
    assert found["Hanwha Ocean"][0] is EntityType.organization
    assert "Officials" not in found


def test_an_intelligence_agency_is_a_body_and_artificial_intelligence_is_not():
    found = entities("Peru's Defence Intelligence said drones hit the depot.")
    assert found["Defence Intelligence of Peru"][0] is EntityType.organization
    found = entities("Peru invests in Artificial Intelligence research.")
    assert "Artificial Intelligence" not in found or found["Artificial Intelligence"][0] is not (
        EntityType.organization
    )


def test_a_person_named_with_of_and_a_country_or_body():
    found = entities("Deputy Defence Minister Ivan Havlik of Slovakia said the order was placed.")
    assert found["Ivan Havlik"][0] is EntityType.person
    found = entities("Jens Halvorsen of NATO said so.")
    assert found["Jens Halvorsen"][0] is EntityType.person


def test_a_minister_named_after_the_forces_heads_no_unit():
    found = entities("French Armed Forces Minister Ana Soto visited Lima.")
    assert "Armed Forces of France" not in found


def test_two_known_firms_joined_by_and_stay_two_and_a_bank_named_for_its_country_is_a_body():
    from tests.extraction.helpers import run

    names = {e.name: e.type.value for e in run(
        "Northrop Grumman and General Dynamics grew. Later, Bank Indonesia held its rate."
    ).entities}  # fmt: skip
    assert names.get("Northrop Grumman") == names.get("General Dynamics") == "organization"
    assert names.get("Bank Indonesia") == "organization"


def test_a_year_after_a_hyphen_and_former_inside_a_name_keep_the_name():
    from tests.extraction.helpers import run

    names = {e.name for e in run(
        "Exercise Iron Wolf-2023 began in Lithuania. The Association of Former Naval Officers "
        "said it would sue."
    ).entities}  # fmt: skip
    assert "Association of Former Naval Officers" in names and "Exercise Iron" not in names
