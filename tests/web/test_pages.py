"""Every page over HTTP, on both backends: status, type, policy, escaping, 404s."""

import pytest

from app.web.templating import PAGE_POLICY
from tests.helpers import ARTICLE, assert_problem
from tests.web.helpers import store

SLUG = "azerbaijan-is-upgrading-its-military-units-in-line-with-the"
PAGES = ["/", "/ui/articles/1", f"/ui/articles/{SLUG}",
         "/ui/facts/9", "/ui/entities/azerbaijan", "/ui/entities/24", "/ui/facts",
         "/ui/facts?type=ranking&entity=azerbaijan&sort=-value", "/ui/facts?q=weapons+importer",
         "/ui/review", "/ui/review?article_id=1&type=spending", "/ui/sign-in"]  # fmt: skip
HOSTILE = "<script>alert('pwned')</script> Georgia spent $320mn on air defence in 2022."


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_under_the_strict_policy(client, path):
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["content-security-policy"] == PAGE_POLICY
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-frame-options"] == "DENY"
    assert "<script>" not in answer.text and "style=" not in answer.text  # nothing inline
    assert client.head(path).status_code == 200


def test_pages_link_to_their_json(client):
    assert 'href="/articles/1"' in client.get("/ui/articles/1").text
    assert 'href="/facts/9"' in client.get("/ui/facts/9").text
    assert 'href="/entities/1"' in client.get("/ui/entities/azerbaijan").text
    assert 'href="/facts?type=ranking"' in client.get("/ui/facts?type=ranking").text


def test_the_home_page_counts_and_lists(client):
    text = client.get("/").text
    assert "<strong>35</strong> facts" in text and "<strong>27</strong> entities" in text
    assert 'href="/ui/articles/1"' in text and 'role="search"' in text


def test_the_article_page_marks_every_fact_and_lists_it(client):
    text = client.get("/ui/articles/1").text
    facts = client.get("/articles/1/facts?limit=500").json()["items"]
    for fact in facts:
        assert f'id="fact-{fact["id"]}"' in text and f'href="#passage-{fact["id"]}"' in text
        assert f'id="passage-{fact["id"]}"' in text
    assert 'class="seg men"' in text or "seg ev men" in text


def test_hostile_text_is_shown_escaped_everywhere(writer):
    article = store(writer, HOSTILE, title="<b onmouseover=alert(1)>t</b>",
                    url='https://example.com/"><script>alert(2)</script>',
                    source="<i>wire</i>")  # fmt: skip
    fact_id = article["facts"][0]["id"] if article["facts"] else None
    for path in [f"/ui/articles/{article['id']}", "/", "/ui/facts?q=script",
                 *([f"/ui/facts/{fact_id}"] if fact_id else [])]:  # fmt: skip
        text = writer.get(path).text
        assert "<script>alert" not in text and "<b onmouseover" not in text, path
        assert "<i>wire</i>" not in text and "<script>alert(2)" not in text, path
    assert "&lt;script&gt;alert(" in writer.get(f"/ui/articles/{article['id']}").text


def test_a_search_is_shown_back_escaped(client):
    answer = client.get("/ui/facts", params={"q": '"><script>x</script>', "limit": "5"})
    assert "<script>x" not in answer.text and 'value="script x"' in answer.text  # its words
    answer = client.get("/ui/sign-in", params={"next": '"><script>x</script>'})
    assert "<script>x" not in answer.text and 'value="/ui/review"' in answer.text


@pytest.mark.parametrize(
    "path", ["/ui/articles/9999", "/ui/articles/no-such-article", "/ui/facts/9999",
             "/ui/facts/abc", "/ui/entities/no-such-entity", "/ui/nothing/here",
             "/ui/facts?entity=no-such-entity"],
)  # fmt: skip
def test_missing_things_are_404_pages(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["content-security-policy"] == PAGE_POLICY
    assert "404" in answer.text


def test_the_json_api_keeps_its_problems(client):
    assert_problem(client.get("/nothing"), 404)
    assert_problem(client.get("/facts/9999"), 404)


@pytest.mark.parametrize("query", ["type=nope", "limit=0", "colour=blue", "type=ranking&type=event",
                                   "after=x", "sort=relevance"])  # fmt: skip
def test_bad_filters_are_422_pages(client, query):
    path = "/ui/review" if query.startswith("after") else "/ui/facts"
    answer = client.get(f"{path}?{query}")
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("text/html")


def test_an_article_of_many_facts_pages_its_browser(writer):
    store(writer, ARTICLE)
    first = writer.get("/ui/facts?limit=2").text
    assert 'rel="next"' in first
    cursor = first.split("cursor=", 1)[1].split('"', 1)[0]
    assert writer.get(f"/ui/facts?limit=2&cursor={cursor}").status_code == 200


def test_the_facts_browser_counts_its_matches_by_facet(client):
    # Issue #12: "a facts browser with the API's filters, search and facet counts".
    page = client.get("/ui/facts", params={"type": "ranking"}).text
    facets = client.get("/facets/facts", params={"type": "ranking"}).json()
    assert 'id="facets-heading"' in page and 'href="/facets/facts?type=ranking"' in page
    (ranking,) = facets["facets"]["type"]
    assert f'aria-current="true">ranking</a> <span class="count">{ranking["count"]}</span>' in page
    for item in facets["facets"]["subject"]:  # each subject narrows the list to itself
        assert f'href="/ui/facts?type=ranking&amp;subject={item["slug"]}"' in page
        assert f'{item["name"]}</a> <span class="count">{item["count"]}</span>' in page
    narrowed = client.get(
        f"/ui/facts?type=ranking&subject={facets['facets']['subject'][0]['slug']}"
    )
    assert narrowed.status_code == 200
    # The counts' JSON link names the filters alone: /facets/facts takes no paging or order.
    sorted_page = client.get("/ui/facts", params={"type": "ranking", "sort": "-value",
                                                  "limit": 5}).text  # fmt: skip
    assert 'href="/facets/facts?type=ranking">As JSON' in sorted_page
    assert client.get("/facets/facts?type=ranking").status_code == 200
