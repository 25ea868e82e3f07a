"""GET /facts and /facts/{id}: every filter, sort, the paging contract and grounding."""

import itertools

import pytest

from app.queries.search import fts_match
from app.schemas.params import MAX_SEARCH_WORDS, FactFilters
from tests.helpers import get_all


def test_every_fact_is_grounded_in_the_article_text(client, seed_text):
    facts = get_all(client, "/facts")
    assert len(facts) >= 35
    for fact in facts:
        evidence = fact["evidence"]
        assert seed_text[evidence["start"] : evidence["end"]] == evidence["quote"], fact["id"]
        assert evidence["start"] < evidence["end"]


def test_every_fact_has_every_contract_field(client):
    fields = {
        "id", "article_id", "type", "statement", "subject", "predicate", "object", "value",
        "unit", "modality", "value_qualifier", "rank", "rank_total", "scope", "metric",
        "quantity", "item", "period_start", "period_end", "attributed_to", "replaces",
        "evidence", "origin", "confidence", "review_status", "extractor_version",
    }  # fmt: skip
    for fact in get_all(client, "/facts"):
        assert set(fact) == fields
        assert set(fact["subject"]) == {"id", "name", "type"}
        assert fact["origin"] == "curated"
        assert fact["confidence"] == 1.0
        assert fact["review_status"] == "accepted"
        assert fact["extractor_version"] is None


def test_one_fact_by_id_matches_the_list(client):
    listed = client.get("/facts", params={"limit": 3}).json()["items"][2]
    response = client.get(f"/facts/{listed['id']}")
    assert response.status_code == 200
    assert response.json() == listed


@pytest.mark.parametrize("key", ["999999", "not-a-number", "0"])
def test_unknown_fact_is_a_404_problem(client, key):
    response = client.get(f"/facts/{key}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


@pytest.mark.parametrize("limit", [1, 2, 7, 50, 500])
def test_paging_walks_every_fact_once_in_id_order(client, limit):
    everything = client.get("/facts", params={"limit": 500}).json()
    walked = get_all(client, "/facts", limit=limit)
    ids = [fact["id"] for fact in walked]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) == everything["total"]


def test_page_envelope_and_link_header(client):
    response = client.get("/facts", params={"limit": 5, "type": "structure"})
    page = response.json()
    assert set(page) == {"items", "total", "total_exact", "limit", "next_cursor"}
    assert page["total_exact"] is True
    assert page["limit"] == 5 and len(page["items"]) == 5
    link = response.headers["link"]
    assert link.endswith('>; rel="next"')
    assert f"cursor={page['next_cursor']}" in link and "type=structure" in link
    next_url = link[1 : link.index(">")]
    following = client.get(next_url).json()
    assert following["items"][0]["id"] > page["items"][-1]["id"]
    assert all(item["type"] == "structure" for item in following["items"])


def test_last_page_has_no_cursor_and_no_link(client):
    response = client.get("/facts", params={"limit": 500})
    assert response.json()["next_cursor"] is None
    assert "link" not in response.headers


SORTS = {
    "id": ("id", False),
    "-id": ("id", True),
    "value": ("value", False),
    "-value": ("value", True),
    "period_start": ("period_start", False),
    "-period_start": ("period_start", True),
    "rank": ("rank", False),
}


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("limit", [1, 4, 500])
def test_sorts_are_stable_with_nulls_last_across_pages(client, sort, limit):
    field, descending = SORTS[sort]
    facts = get_all(client, "/facts", sort=sort, limit=limit)
    assert len({fact["id"] for fact in facts}) == len(facts) == client.get("/facts").json()["total"]
    values = [fact[field] for fact in facts]
    present = [value for value in values if value is not None]
    assert values[: len(present)] == present, "nulls must come last"
    assert present == sorted(present, reverse=descending)
    if field != "id":
        # Ties (and the nulls) are broken by id, in the direction of the sort.
        for first, second in itertools.pairwise(facts):
            if first[field] == second[field]:
                assert (first["id"] > second["id"]) if descending else (first["id"] < second["id"])


def test_a_cursor_only_continues_its_own_sort(client):
    cursor = client.get("/facts", params={"limit": 2, "sort": "value"}).json()["next_cursor"]
    response = client.get("/facts", params={"limit": 2, "sort": "-value", "cursor": cursor})
    assert response.status_code == 400
    assert response.json()["type"].endswith("invalid-cursor")


def by_statement(facts):
    return {fact["statement"] for fact in facts}


def test_filter_type(client):
    for fact_type in ("ranking", "spending", "alliance", "cooperation", "structure", "event",
                      "mandate"):  # fmt: skip
        facts = get_all(client, "/facts", type=fact_type)
        assert facts, fact_type
        assert {fact["type"] for fact in facts} == {fact_type}
    assert len(get_all(client, "/facts", type="ranking")) == 4


def test_filter_entity_matches_subject_object_or_attribution(client):
    bloomberg = get_all(client, "/facts", entity="bloomberg")
    assert len(bloomberg) == 2
    assert all(fact["attributed_to"]["name"] == "Bloomberg" for fact in bloomberg)
    nato = get_all(client, "/facts", entity="nato")
    assert {fact["object"]["name"] for fact in nato} == {"NATO"}
    azerbaijan = get_all(client, "/facts", entity="azerbaijan")
    assert all(
        "Azerbaijan" in (fact["subject"]["name"], (fact["object"] or {}).get("name"))
        for fact in azerbaijan
    )


def test_entity_filters_accept_ids_and_slugs_alike(client):
    entity = client.get("/entities/global-fire-power").json()
    for param in ("entity", "attributed_to"):
        by_slug = get_all(client, "/facts", **{param: "global-fire-power"})
        by_id = get_all(client, "/facts", **{param: str(entity["id"])})
        assert by_slug == by_id and len(by_slug) == 2


def test_filter_subject_and_object(client):
    branches = get_all(client, "/facts", subject="azerbaijani-armed-forces")
    assert all(fact["subject"]["name"] == "Azerbaijani Armed Forces" for fact in branches)
    navy = get_all(client, "/facts", object="azerbaijani-navy")
    assert [(fact["predicate"], fact["subject"]["name"]) for fact in navy] == [
        ("has_branch", "Azerbaijani Armed Forces")
    ]


def test_filter_attributed_to(client):
    facts = get_all(client, "/facts", attributed_to="bloomberg")
    assert {fact["type"] for fact in facts} == {"spending", "ranking"}


def test_filter_article_id(client):
    article_id = client.get("/articles").json()["items"][0]["id"]
    assert (
        len(get_all(client, "/facts", article_id=article_id))
        == client.get("/facts").json()["total"]
    )
    assert client.get("/facts", params={"article_id": 999}).status_code == 404


def test_filter_year_contains_the_year(client):
    facts = get_all(client, "/facts", year=2015)
    assert facts
    for fact in facts:
        assert fact["period_start"] <= 2015
        assert fact["period_end"] is None or fact["period_end"] >= 2015
    statements = by_statement(facts)
    assert (
        "Azerbaijan spent 22.7 billion USD on defence-related products in 2009–2016." in statements
    )
    assert not any("1994" in statement for statement in statements)


def test_filter_year_exact_single_year(client):
    facts = get_all(client, "/facts", year=1994)
    assert [fact["predicate"] for fact in facts] == ["joined"]
    assert facts[0]["object"]["name"] == "Partnership for Peace"


def test_filter_from_to_overlap(client):
    facts = get_all(client, "/facts", **{"from": 2017, "to": 2019})
    assert facts
    for fact in facts:
        assert fact["period_start"] <= 2019
        assert fact["period_end"] is None or fact["period_end"] >= 2017
    assert {fact["rank"] for fact in facts} == {23}
    only_from = get_all(client, "/facts", **{"from": 2020})
    assert {fact["period_start"] for fact in only_from} == {2020}
    only_to = get_all(client, "/facts", to=1995)
    assert {fact["period_start"] for fact in only_to} == {1994}


def test_filter_value_range(client):
    big = get_all(client, "/facts", min_value=1e9)
    assert [fact["value"] for fact in big] == [22_700_000_000]
    small = get_all(client, "/facts", max_value=50)
    assert sorted(fact["value"] for fact in small) == [3, 30]
    band = get_all(client, "/facts", min_value=30, max_value=60)
    assert sorted(fact["value"] for fact in band) == [30, 60]


def test_filter_origin_and_review_status(client):
    total = client.get("/facts").json()["total"]
    assert client.get("/facts", params={"origin": "curated"}).json()["total"] == total
    assert client.get("/facts", params={"origin": "extracted"}).json()["total"] == 0
    assert client.get("/facts", params={"review_status": "accepted"}).json()["total"] == total
    assert client.get("/facts", params={"review_status": "unreviewed"}).json()["total"] == 0


def test_filter_q_full_text_over_statement_and_quote(client):
    facts = get_all(client, "/facts", q="Bloomberg")
    assert len(facts) == 2
    # A word only in the quote ("thereby") still finds the fact.
    assert get_all(client, "/facts", q="thereby")
    # Every word must match, in any order and case.
    both = get_all(client, "/facts", q="AIRSPACE surveillance")
    assert [fact["predicate"] for fact in both] == ["responsible_for_surveillance"]
    assert get_all(client, "/facts", q="Bloomberg Navy") == []


@pytest.mark.parametrize("q", ['"', "NOT", "a OR b", "*", "(", "'; DROP TABLE fact; --"])
def test_filter_q_treats_search_syntax_as_plain_words(client, q):
    # Were these read as FTS5 syntax they would fail or match ("a OR b" matches "a").
    response = client.get("/facts", params={"q": q})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert client.get("/facts").json()["total"] >= 35


def test_filter_q_ignores_common_english_words(client):
    # "AND" is no operator, and like "the" it is too common to search for.
    assert get_all(client, "/facts", q="Bloomberg AND the") == get_all(
        client, "/facts", q="Bloomberg"
    )


def test_filters_combine(client):
    facts = get_all(client, "/facts", type="ranking", entity="global-fire-power", year=2020)
    assert sorted(fact["rank"] for fact in facts) == [1, 64]
    assert get_all(client, "/facts", type="spending", year=1994) == []


@pytest.mark.parametrize("param", ["entity", "subject", "object", "attributed_to"])
def test_unknown_entity_in_a_filter_is_a_404(client, param):
    response = client.get("/facts", params={param: "no-such-entity"})
    assert response.status_code == 404
    assert response.json()["detail"] == "No entity 'no-such-entity'."


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=501",
        "limit=10000",
        "limit=abc",
        "bogus=1",
        "type=rumour",
        "sort=statement",
        "year=twenty",
        "min_value=nan",
        "max_value=inf",
        "origin=invented",
        "review_status=maybe",
        "article_id=0",
        "q=",
    ],
)
def test_bad_parameters_are_rejected_not_ignored(client, query):
    response = client.get(f"/facts?{query}")
    assert response.status_code == 422, query
    problem = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["status"] == 422 and problem["errors"]


@pytest.mark.parametrize(
    "cursor", ["garbage", "e30", "eyJzIjoiaWQifQ", "!!!", "eyJzIjoiaWQiLCJ2IjpudWxsLCJpIjoiMSJ9"]
)
def test_bad_cursors_are_a_400(client, cursor):
    response = client.get("/facts", params={"cursor": cursor})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("sort", ["id", "-id", "value"])
def test_search_results_page_like_any_list(client, sort):
    everything = client.get("/facts", params={"q": "Azerbaijan", "sort": sort, "limit": 500})
    walked = get_all(client, "/facts", q="Azerbaijan", sort=sort, limit=3)
    assert [f["id"] for f in walked] == [f["id"] for f in everything.json()["items"]]
    assert len(walked) == everything.json()["total"] > 10
    typed = get_all(client, "/facts", q="Azerbaijan", type="mandate", sort=sort, limit=2)
    assert typed == [f for f in everything.json()["items"] if f["type"] == "mandate"]
    assert len(typed) > 2


def test_a_search_is_ranked_by_relevance_unless_told_otherwise(client):
    ranked = get_all(client, "/facts", q="Bloomberg", limit=1)
    assert ranked == get_all(client, "/facts", q="Bloomberg", sort="relevance", limit=1)
    # The fact whose text is mostly about Bloomberg ranks first: the shorter match.
    assert ranked[0]["statement"].startswith("Azerbaijan was Europe")
    walked = get_all(client, "/facts", q="Azerbaijan", sort="relevance", limit=2)
    assert sorted(f["id"] for f in walked) == sorted(
        f["id"] for f in get_all(client, "/facts", q="Azerbaijan", sort="id")
    )
    assert len({f["id"] for f in walked}) == len(walked) > 2


def test_relevance_needs_a_search(client):
    response = client.get("/facts", params={"sort": "relevance"})
    assert response.status_code == 422


def test_filter_q_repeated_words_are_searched_once(client):
    # Found in review: `q=army` forty times cost twelve times what `q=army` costs, each
    # copy a term of its own for the index to match and score.
    once = client.get("/facts", params={"q": "army", "limit": 500})
    repeated = client.get("/facts", params={"q": " ".join(["army", "ARMY", "Army"] * 13)})
    assert repeated.status_code == 200, repeated.text
    assert repeated.json()["items"] == once.json()["items"] != []
    assert FactFilters(q=" ".join(["army"] * 40)).q == "army"
    assert FactFilters(q="the army, the Army and THE ARMY").q == "the army and"
    assert fts_match(FactFilters(q="army " * 40).q).compile().params == {"match": '"army"'}


def test_filter_q_with_too_many_distinct_words_is_refused(client):
    words = [f"word{n}" for n in range(MAX_SEARCH_WORDS + 1)]
    response = client.get("/facts", params={"q": " ".join(words)})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "q"]
    assert client.get("/facts", params={"q": " ".join(words[:-1])}).status_code == 200
