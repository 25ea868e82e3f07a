"""The write API: keys, POST /articles with extraction, PATCH review with If-Match, DELETE."""

import pytest
import sqlalchemy as sa

import app.writes.articles as ingest_module
from app.config import Settings
from app.extraction.candidates import ArticleCandidates, FactCandidate, Span
from app.models import FactType
from tests.helpers import ARTICLE, AUTH, DIGEST_KEY, KEY, assert_problem, counts, get_all


def test_post_stores_the_article_and_its_extracted_facts(writer):
    response = writer.post("/articles", json={"text": ARTICLE, "source": "Example"}, headers=AUTH)
    assert response.status_code == 201
    article = response.json()
    assert response.headers["location"] == f"/articles/{article['id']}"
    assert article["text"] == ARTICLE and article["source"] == "Example"
    assert article["title"].startswith("Poland will spend 1.5 billion euros")
    assert article["fact_count"] == len(article["facts"]) > 0
    for fact in article["facts"]:
        evidence = fact["evidence"]
        assert ARTICLE[evidence["start"] : evidence["end"]] == evidence["quote"]
        assert fact["origin"] == "extracted" and fact["review_status"] == "unreviewed"
        assert fact["extractor_version"] and 0 < fact["confidence"] <= 1
    spending = next(f for f in article["facts"] if f["type"] == "spending")
    assert (spending["value"], spending["unit"]) == (1_500_000_000, "EUR")
    assert spending["attributed_to"]["name"] == "Reuters"
    assert spending["period_start"] == spending["period_end"] == 2023
    ranking = next(f for f in article["facts"] if f["type"] == "ranking")
    assert (ranking["rank"], ranking["rank_total"], ranking["period_start"]) == (21, 145, 2022)
    joined = next(f for f in article["facts"] if f["predicate"] == "joined")
    assert joined["object"]["name"] == "NATO" and joined["period_start"] == 1999
    branches = [f for f in article["facts"] if f["predicate"] == "has_branch"]
    assert len(branches) == 5
    names = {entity["name"] for entity in article["entities"]}
    assert {"Poland", "Reuters", "NATO", "Mariusz Blaszczak", "Polish Navy"} <= names


def test_extracted_facts_show_up_in_every_list_and_filter(writer):
    article = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    listed = get_all(writer, "/facts", article_id=article["id"])
    assert [f["id"] for f in listed] == [f["id"] for f in article["facts"]]
    assert get_all(writer, f"/articles/{article['slug']}/facts") == listed
    assert get_all(writer, "/facts", origin="extracted", review_status="unreviewed") == listed
    assert {f["type"] for f in get_all(writer, "/facts", entity="reuters")} == {"spending"}
    found = get_all(writer, "/facts", q="air defence", year=2023)
    assert [f["type"] for f in found] == ["spending"]
    entities = get_all(writer, "/entities", article_id=article["id"])
    assert len(entities) == len(article["entities"])
    assert get_all(writer, "/entities", q="blaszczak")[0]["type"] == "person"


def test_entities_are_shared_across_articles(writer):
    before = writer.get("/entities/azerbaijan").json()
    writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    after = writer.get("/entities/azerbaijan").json()
    assert after["id"] == before["id"]
    assert after["mention_count"] == before["mention_count"] + 1
    assert (
        writer.get("/entities", params={"q": "azerbaijan", "type": "country"}).json()["total"] == 1
    )
    nato = get_all(writer, "/entities", q="NATO", type="organization")
    assert [entity["slug"] for entity in nato] == ["nato"]


def test_the_same_text_is_stored_once(writer):
    first = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    before = counts(writer)
    again = writer.post("/articles", json={"text": ARTICLE, "title": "Other"}, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert counts(writer) == before
    seed = writer.get("/articles/1").json()["text"]
    assert writer.post("/articles", json={"text": seed}, headers=AUTH).status_code == 200


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer "}, 401),
        ({"Authorization": f"Basic {KEY}"}, 401),
        ({"Authorization": "Bearer wrong-key"}, 403),
        ({"Authorization": f"Bearer {KEY}x"}, 403),
    ],
)
def test_writes_without_a_valid_key_are_refused_and_change_nothing(writer, headers, status):
    before = counts(writer)
    assert_problem(writer.post("/articles", json={"text": ARTICLE}, headers=headers), status)
    assert_problem(writer.delete("/articles/1", headers=headers), status)
    etag = writer.get("/facts/1").headers["etag"]
    review = writer.patch("/facts/1", json={"review_status": "rejected"},
                          headers={**headers, "If-Match": etag})  # fmt: skip
    assert_problem(review, status)
    assert counts(writer) == before
    if status == 401:
        assert (
            writer.post("/articles", json={"text": "x"})
            .headers["www-authenticate"]
            .startswith("Bearer")
        )


def test_a_key_given_as_its_digest_works(writer):
    response = writer.post("/articles", json={"text": ARTICLE},
                           headers={"Authorization": f"Bearer {DIGEST_KEY}"})  # fmt: skip
    assert response.status_code == 201


def test_no_configured_keys_refuses_every_write(client):
    assert_problem(client.post("/articles", json={"text": ARTICLE}, headers=AUTH), 403)


def test_reads_stay_open(writer):
    assert writer.get("/facts").status_code == 200


def test_bodies_over_the_limit_get_413(writer):
    before = counts(writer)
    big = {"text": "word " * 10_000}
    assert_problem(writer.post("/articles", json=big, headers=AUTH), 413)

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(100):
            yield b"x" * 1000

    streamed = writer.post("/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
    assert_problem(streamed, 413)
    assert counts(writer) == before


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": 42},
        {"text": ARTICLE, "colour": "blue"},
        {"text": ARTICLE, "published_at": "yesterday"},
        # Found by schemathesis: numbers were read as Unix times, not refused.
        {"text": ARTICLE, "published_at": 0},
        {"text": ARTICLE, "published_at": 1700000000.5},
        {"text": ARTICLE, "published_at": "1700000000"},
        {"text": ARTICLE, "url": "not a url"},
        # Found by schemathesis: `\S` let U+0085 through one regex dialect and not another.
        {"text": ARTICLE, "url": "https://news.example/a\x85b"},
        {"text": ARTICLE, "url": "https://news.example/a\tb"},
        {"text": ARTICLE, "language": "english!"},
        {"text": ARTICLE, "language": "en" + "-abcdefgh" * 4},  # 38 > the column's 35
        {"text": "Georgia spent $5bn.\x00"},
        {"text": ARTICLE, "source": "a\x00b"},
    ],
)
def test_invalid_articles_get_422(writer, body):
    before = counts(writer)
    assert_problem(writer.post("/articles", json=body, headers=AUTH), 422)
    assert counts(writer) == before


def test_a_url_may_hold_non_ascii_letters(writer):
    url = "https://новости.example/армия"
    response = writer.post("/articles", json={"text": ARTICLE, "url": url}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["url"] == url


def test_malformed_json_gets_422(writer):
    response = writer.post("/articles", content=b'{"text": ', headers={**AUTH,
                           "Content-Type": "application/json"})  # fmt: skip
    assert_problem(response, 422)


def test_published_date_resolves_last_year(writer):
    text = "Armenia spent $700,000 on drones last year, according to Reuters."
    response = writer.post("/articles", json={"text": text, "published_at": "2021-03-04"},
                           headers=AUTH)  # fmt: skip
    [spending] = [f for f in response.json()["facts"] if f["type"] == "spending"]
    assert spending["period_start"] == spending["period_end"] == 2020
    assert spending["value"] == 700_000
    undated = writer.post("/articles", json={"text": text + " "}, headers=AUTH).json()
    [spending] = [f for f in undated["facts"] if f["type"] == "spending"]
    assert spending["period_start"] is None


def test_a_failed_ingest_leaves_nothing_behind(writer, monkeypatch):
    bad = FactCandidate(type=FactType.event, statement="x", subject="nowhere", predicate="p",
                        evidence=Span(0, 5, "wrong"))  # fmt: skip
    monkeypatch.setattr(
        "app.writes.articles.extract", lambda text, **_: ArticleCandidates([], [bad])
    )
    before = counts(writer)
    monkeypatch.setattr(writer._transport, "raise_server_exceptions", False)
    response = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert_problem(response, 500)
    assert counts(writer) == before


def test_keys_are_never_logged_or_shown(writer, caplog):
    caplog.set_level("DEBUG")
    writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    writer.post("/articles", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"})
    assert KEY not in caplog.text and "nope" not in caplog.text
    settings = writer.app.state.runtime.settings
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump())
    assert all(isinstance(digest, bytes) for digest in writer.app.state.runtime.key_digests)


def test_a_malformed_digest_is_a_configuration_error():
    with pytest.raises(ValueError, match="64-digit hex"):
        Settings(api_keys="sha256:not-hex")


def test_a_conflict_with_another_writer_is_retried_without_extracting_again(writer, monkeypatch):
    real_store, real_extract = ingest_module.store_article, ingest_module.extract
    attempts, extractions = [], []

    def conflicting_once(session, text, meta, candidates):
        attempts.append(1)
        if len(attempts) == 1:  # another process inserted the same new entity first
            raise sa.exc.IntegrityError("INSERT INTO entity", {}, Exception("unique"))
        return real_store(session, text, meta, candidates)

    def counted_extract(text, **options):
        extractions.append(1)
        return real_extract(text, **options)

    monkeypatch.setattr(ingest_module, "store_article", conflicting_once)
    monkeypatch.setattr(ingest_module, "extract", counted_extract)
    response = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 201 and len(attempts) == 2 and len(extractions) == 1
    assert writer.get("/articles").json()["total"] == 2


NOT_JSON = [
    ("text/plain", b'{"text": "Georgia joined NATO in 2004."}'),
    ("application/x-www-form-urlencoded", b"text=Georgia+joined+NATO+in+2004."),
    ("multipart/form-data; boundary=x",
     b'--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nGeorgia.\r\n--x--\r\n'),
    ("application/xml", b"<text>Georgia joined NATO in 2004.</text>"),
]  # fmt: skip


@pytest.mark.parametrize(("media_type", "body"), NOT_JSON)
@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_a_body_that_is_not_json_gets_415(writer, method, media_type, body):
    # Found in review: such bodies got a pydantic message ("Input should be a valid
    # dictionary or object to extract fields from") as a 422.
    before = counts(writer)
    url, headers = "/articles", {**AUTH, "Content-Type": media_type}
    if method == "PATCH":
        url, headers["If-Match"] = "/facts/12", writer.get("/facts/12").headers["etag"]
    response = writer.request(method, url, content=body, headers=headers)
    problem = assert_problem(response, 415)
    assert problem["type"] == "urn:article-facts:problem:unsupported-media-type"
    assert "application/json" in problem["detail"]
    assert counts(writer) == before


def test_json_media_types_are_read_as_json(writer):
    for media_type in ("application/json", "application/json; charset=utf-8",
                       "Application/JSON", "application/merge-patch+json"):  # fmt: skip
        etag = writer.get("/facts/12").headers["etag"]
        headers = {**AUTH, "If-Match": etag, "Content-Type": media_type}
        response = writer.patch("/facts/12", content=b'{"review_status": "accepted"}',
                                headers=headers)  # fmt: skip
        assert response.status_code == 200, (media_type, response.text)


def test_a_body_without_a_media_type_gets_415(writer):
    response = writer.post("/articles", content=b'{"text": "Georgia joined NATO in 2004."}',
                           headers=AUTH)  # fmt: skip
    assert "content-type" not in response.request.headers
    assert_problem(response, 415)


def test_a_body_without_a_key_gets_401_before_its_media_type_is_looked_at(writer):
    response = writer.post("/articles", content=b"text", headers={"Content-Type": "text/plain"})
    assert_problem(response, 401)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"text": "a" "b"}', "Expecting ',' delimiter at line 1, column 14"),
        (b'{\n  "text": "a"\n  "title": "b"}', "Expecting ',' delimiter at line 3, column 3"),
        (b'{"text": ', "Expecting value at line 1, column 10"),
        (b"", None),
    ],
)
def test_invalid_json_says_where_and_why(writer, body, reason):
    response = writer.post("/articles", content=body,
                           headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
    problem = assert_problem(response, 422)
    if reason is None:  # no body at all: the body is missing, not malformed
        assert problem["errors"][0]["loc"] == ["body"]
        return
    assert reason in problem["detail"], problem["detail"]
    [error] = problem["errors"]
    assert error["type"] == "json_invalid" and reason in error["msg"]
    assert error["loc"] == ["body"]
    assert "JSON decode error" not in problem["detail"]


def test_whole_values_are_sent_as_json_integers_however_large(writer):
    etag = writer.get("/facts/12").headers["etag"]
    body = {"review_status": "corrected", "value": 1e16}
    response = writer.patch("/facts/12", json=body, headers={**AUTH, "If-Match": etag})
    assert response.status_code == 200, response.text
    assert '"value":10000000000000000,' in response.text
    assert '"value":10000000000000000,' in writer.get("/facts/12").text
    assert writer.get("/facts/12").json()["value"] == 10**16


def test_a_body_that_is_not_utf8_says_which_byte(writer):
    # It was an `about:blank` 400 saying only "There was an error parsing the body".
    response = writer.post("/articles", content=b'{"text": "caf\xe9"}',
                           headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
    problem = assert_problem(response, 400)
    assert problem["type"] == "urn:article-facts:problem:bad-request"
    assert problem["detail"] == "The body is not UTF-8 text: byte 0xe9 at offset 13."


def test_extraction_runs_outside_the_write_transaction(writer, monkeypatch):
    real_find, real_extract = ingest_module.find_article_by_text, ingest_module.extract
    sessions, open_during_extraction = [], []

    def watched_find(session, text):
        sessions.append(session)
        return real_find(session, text)

    def watched_extract(text, **options):
        open_during_extraction.append(sessions[-1].in_transaction())
        return real_extract(text, **options)

    monkeypatch.setattr(ingest_module, "find_article_by_text", watched_find)
    monkeypatch.setattr(ingest_module, "extract", watched_extract)
    response = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 201 and open_during_extraction == [False]
