"""GET /articles filters: source, published_from / published_to (inclusive days), q."""

import pytest

from tests.helpers import AUTH, assert_problem, get_all

ARTICLES = [
    {"text": "Azerbaijan joined the Partnership for Peace in 1994.", "source": "Trend",
     "published_at": "2019-12-31T23:30:00+04:00", "title": "Azerbaijan and NATO"},
    {"text": "Armenia joined the CSTO in 1992.", "source": "Trend",
     "published_at": "2020-01-01", "title": "Armenia's alliances"},
    {"text": "Georgia cooperates with Turkey on border security.", "source": "APA",
     "published_at": "2020-06-15T08:00:00Z"},
]  # fmt: skip


@pytest.fixture
def stored(writer):
    for article in ARTICLES:
        assert writer.post("/articles", json=article, headers=AUTH).status_code == 201
    return writer


def titles(client, **filters) -> list[str]:
    return [article["title"] for article in get_all(client, "/articles", **filters, limit=2)]


def test_articles_filter_on_source_and_publication_days(stored):
    assert len(titles(stored, source="Trend")) == 2
    assert titles(stored, source="APA") == ["Georgia cooperates with Turkey on border security."]
    assert titles(stored, source="trend") == []  # a publisher's name, exactly
    assert titles(stored, published_from="2020-01-01") == [
        "Armenia's alliances", "Georgia cooperates with Turkey on border security."]  # fmt: skip
    assert titles(stored, published_to="2020-01-01") == [
        "Azerbaijan and NATO", "Armenia's alliances"]  # fmt: skip
    both = titles(stored, published_from="2020-06-15", published_to="2020-06-15")
    assert both == ["Georgia cooperates with Turkey on border security."]
    total = stored.get("/articles", params={"source": "Trend", "published_to": "2019-12-31"})
    assert total.json()["total"] == 1


def test_articles_search_their_title_and_text(stored):
    assert titles(stored, q="alliances") == ["Armenia's alliances"]  # in the title
    assert titles(stored, q="CSTO") == ["Armenia's alliances"]  # in the text
    assert titles(stored, q="border georgia") == [
        "Georgia cooperates with Turkey on border security."]  # fmt: skip
    assert {"Azerbaijan and NATO", "Armenia's alliances"} <= set(titles(stored, q="JOINED"))
    assert titles(stored, q="joined Georgia") == []  # every word must occur
    assert titles(stored, q="100%_") == []  # LIKE wildcards are plain characters


def test_article_facets_count_the_filtered_list(stored):
    answer = stored.get("/facets/articles").json()
    assert answer["facets"]["source"] == [{"value": "Trend", "count": 2},
                                          {"value": "APA", "count": 1}]  # fmt: skip
    assert answer["facets"]["year"] == [{"value": 2020, "count": 2},
                                        {"value": 2019, "count": 1}]  # fmt: skip
    narrowed = stored.get("/facets/articles", params={"q": "joined", "facet": "source"}).json()
    assert narrowed["facets"] == {"source": [{"value": "Trend", "count": 2}]}


@pytest.mark.parametrize(
    "query",
    ["published_from=2020-02-01&published_to=2020-01-31", "published_from=2020-13-01",
     "published_to=yesterday", "published_from=0", "published_to=1577836800",
     "source=", "q=", "source=a%00b"],
)  # fmt: skip
def test_bad_article_filters_are_422_problems(client, query):
    problem = assert_problem(client.get(f"/articles?{query}"), 422)
    assert problem["errors"]


def test_the_last_day_there_is_bounds_nothing(stored):
    # Found in review: published_to=9999-12-31 added a day past date.max (a 500).
    for url in ("/articles", "/facets/articles"):
        answer = stored.get(url, params={"published_to": "9999-12-31"})
        assert answer.status_code == 200, answer.text
    every = stored.get("/articles", params={"published_to": "9999-12-31", "format": "csv"})
    assert every.status_code == 200 and every.text.count("\r\n") == 1 + 4  # header, 4 rows


def test_article_search_folds_every_letter_on_both_backends(stored):
    # Found in review: SQLite's lower() folds ASCII only; "Ölkə" never matched on SQLite.
    article = {"text": "ÇOX güclü ordu: the ÉCOLE of war.", "title": "Ölkə ordusu"}
    assert stored.post("/articles", json=article, headers=AUTH).status_code == 201
    for q in ("Ölkə", "ölkə", "ÖLKƏ", "école", "çox"):
        assert titles(stored, q=q) == ["Ölkə ordusu"], q
