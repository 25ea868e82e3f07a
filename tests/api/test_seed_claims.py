"""The seed article's claims and entities, served with the contract's fields and exact numbers."""

import re

import pytest

from tests.helpers import get_all


def find(facts, **expected):
    """The one fact whose fields (entity refs by name) equal `expected`."""
    matches = []
    for fact in facts:
        flat = {
            **fact,
            "subject": fact["subject"]["name"],
            "object": (fact["object"] or {}).get("name"),
            "attributed_to": (fact["attributed_to"] or {}).get("name"),
        }
        if all(flat[key] == value for key, value in expected.items()):
            matches.append(fact)
    assert len(matches) == 1, (expected, [fact["statement"] for fact in matches])
    return matches[0]


@pytest.fixture
def facts(client):
    return get_all(client, "/facts")


def test_rankings(facts):
    imports = find(facts, type="ranking", rank=23)
    assert imports["subject"]["name"] == "Azerbaijan"
    assert imports["scope"] == "global"
    assert (imports["period_start"], imports["period_end"]) == (2014, 2018)
    assert imports["attributed_to"] is None
    assert imports["evidence"]["quote"].startswith("Azerbaijan ranked 23rd globally")

    europe = find(facts, type="ranking", scope="Europe")
    assert europe["rank"] == 1 and europe["rank_total"] is None
    assert (europe["period_start"], europe["period_end"]) == (2009, 2016)
    assert europe["attributed_to"]["name"] == "Bloomberg"
    assert europe["evidence"]["quote"].endswith("according to Bloomberg")

    caucasus = find(facts, type="ranking", scope="South Caucasus")
    assert caucasus["subject"]["name"] == "Azerbaijan"  # "Baku ... the strongest army"
    assert caucasus["rank"] == 1
    assert (caucasus["period_start"], caucasus["period_end"]) == (2020, 2020)
    assert caucasus["attributed_to"]["name"] == "Global Fire Power"

    gfp = find(facts, type="ranking", rank=64)
    assert gfp["rank_total"] == 138
    assert gfp["attributed_to"]["name"] == "Global Fire Power"
    assert gfp["period_start"] == gfp["period_end"] == 2020


def test_spending_reads_the_decimal_comma(facts):
    spending = find(facts, type="spending")
    assert spending["value"] == 22_700_000_000
    assert isinstance(spending["value"], int)
    assert spending["unit"] == "USD"
    assert spending["value_qualifier"] == "exact"
    assert (spending["period_start"], spending["period_end"]) == (2009, 2016)
    assert spending["attributed_to"]["name"] == "Bloomberg"
    assert spending["subject"]["name"] == "Azerbaijan"
    assert "$22,7bn" in spending["evidence"]["quote"]
    assert spending["statement"] == (
        "Azerbaijan spent 22.7 billion USD on defence-related products in 2009–2016."
    )


def test_cooperation(facts):
    about = find(facts, type="cooperation", value=60)
    assert (about["unit"], about["value_qualifier"]) == ("country", "approximate")
    more = find(facts, type="cooperation", value=30)
    assert (more["unit"], more["value_qualifier"]) == ("country", "more_than")
    assert "more than 30 countries" in more["evidence"]["quote"]


@pytest.mark.parametrize(
    ("predicate", "part"),
    [
        ("has_branch", "Azerbaijani Land Forces"),
        ("has_branch", "Azerbaijani Air and Air Defence Force"),
        ("has_branch", "Azerbaijani Navy"),
        ("has_associated_force", "Azerbaijani National Guard"),
        ("has_associated_force", "Internal Troops of Azerbaijan"),
        ("has_associated_force", "State Border Service"),
    ],
)
def test_structure_one_fact_per_relation(facts, predicate, part):
    fact = find(facts, type="structure", predicate=predicate, object=part)
    assert fact["subject"]["name"] == "Azerbaijani Armed Forces"
    assert part in fact["evidence"]["quote"]


def test_three_branches(facts):
    fact = find(facts, type="structure", predicate="branch_count")
    assert (fact["value"], fact["unit"]) == (3, "branch")


@pytest.mark.parametrize(
    ("programme", "year"),
    [("Partnership for Peace", 1994), ("NATO Planning and Review Process", 1996)],
)
def test_alliances(facts, programme, year):
    fact = find(facts, type="alliance", predicate="joined", object=programme)
    assert fact["subject"]["name"] == "Azerbaijan"
    assert fact["period_start"] == fact["period_end"] == year
    assert str(year) in fact["evidence"]["quote"]


def test_nato_leads_partnership_for_peace(facts):
    find(facts, type="alliance", subject="Partnership for Peace", object="NATO")


def test_mandates(facts):
    duties = [
        fact
        for fact in facts
        if fact["type"] == "mandate" and fact["subject"]["name"] == "Defense Ministry of Azerbaijan"
    ]
    assert len(duties) == 4
    assert {fact["object"]["name"] for fact in duties} == {"Azerbaijan", "Caspian Sea"}
    appointed = find(facts, type="mandate", predicate="appointed_and_removed_by")
    assert appointed["subject"]["name"] == "Defense Minister of Azerbaijan"
    assert appointed["object"]["name"] == "President of Azerbaijan"
    find(facts, type="mandate", predicate="holds_position", subject="Zakir Hasanov")


def test_events(facts):
    plan = find(facts, type="event", object="Action Plan for 2020")
    assert plan["subject"]["name"] == "Azerbaijan"
    opening = find(facts, type="event", predicate="opened_military_facility")
    assert opening["subject"]["name"] == "Zakir Hasanov"
    contents = find(facts, type="event", predicate="established_facilities")
    assert "fuel-supply point" in contents["statement"]
    osce = find(facts, type="event", predicate="supports")
    assert osce["subject"]["name"] == "Defense Ministry of Azerbaijan"
    assert "Personal Representative" in osce["object"]["name"]
    assert "Line of Confrontation" in osce["evidence"]["quote"]
    assert "Armenia" in osce["evidence"]["quote"]


def test_no_invented_sources_or_dates(facts):
    for fact in facts:
        source = fact["attributed_to"]
        if source is not None:
            assert source["name"] in fact["evidence"]["quote"]
        for year in (fact["period_start"], fact["period_end"]):
            if year is not None and fact["type"] != "ranking":
                assert str(year) in fact["evidence"]["quote"], fact["statement"]


EXPECTED_ENTITIES = {
    "organization": {
        "Defense Ministry of Azerbaijan", "Azerbaijani Armed Forces", "Azerbaijani Land Forces",
        "Azerbaijani Air and Air Defence Force", "Azerbaijani Navy", "Azerbaijani National Guard",
        "Internal Troops of Azerbaijan", "State Border Service", "NATO", "OSCE",
        "Office of the Personal Representative of the OSCE Chairperson-in-Office", "Bloomberg",
        "Global Fire Power",
    },
    "program": {
        "Partnership for Peace", "NATO Planning and Review Process", "Action Plan for 2020",
    },
    "person": {"Zakir Hasanov"},
    "position": {"President of Azerbaijan", "Defense Minister of Azerbaijan"},
    "country": {"Azerbaijan", "Armenia"},
    "place": {"Baku", "South Caucasus", "Europe", "Caspian Sea", "Line of Confrontation"},
}  # fmt: skip


@pytest.mark.parametrize("entity_type", EXPECTED_ENTITIES)
def test_every_entity_of_the_article_is_served(client, entity_type):
    names = {entity["name"] for entity in get_all(client, "/entities", type=entity_type)}
    assert EXPECTED_ENTITIES[entity_type] <= names


def test_aliases_are_searchable(client):
    for alias, name in [
        ("PFP", "Partnership for Peace"),
        ("PARP", "NATO Planning and Review Process"),
        ("Commander-in-chief", "President of Azerbaijan"),
    ]:
        assert name in {entity["name"] for entity in get_all(client, "/entities", q=alias)}


def test_every_mention_is_exact(client, seed_text):
    for listed in get_all(client, "/entities"):
        entity = client.get(f"/entities/{listed['slug']}").json()
        assert entity["mention_count"] == len(entity["mentions"]) >= 1
        for mention in entity["mentions"]:
            assert seed_text[mention["start"] : mention["end"]] == mention["text"]


def test_every_mention_of_a_name_is_recorded(client, seed_text):
    azerbaijan = client.get("/entities/azerbaijan").json()
    starts = {mention["start"] for mention in azerbaijan["mentions"]}
    expected = {match.start() for match in re.finditer(r"\bAzerbaijan(i)?\b", seed_text)}
    assert starts == expected
    hasanov = client.get("/entities/zakir-hasanov").json()
    assert [mention["text"] for mention in hasanov["mentions"]] == ["Zakir Hasanov", "Hasanov"]
