"""Bad input is a 4xx problem, never a 500: blank texts, lone surrogates, numbers that
cannot be read; and an article's title is its headline when it has one."""

import json

import pytest

from app.schemas import MAX_ID
from tests.helpers import AUTH, assert_problem, counts

JSON = {**AUTH, "Content-Type": "application/json"}


def raw(body: dict) -> bytes:
    """JSON as a client may send it: a lone surrogate escaped as \\ud800."""
    return json.dumps(body, ensure_ascii=True).encode()


@pytest.mark.parametrize(
    "text", [" ", "\n\t \r\n", "\u200b", "\u200b\u200c\u200d", "\ufeff \u2060\n\u3000", "\xa0\x85"]
)
def test_a_text_of_only_whitespace_or_zero_width_characters_gets_422(writer, text):
    before = counts(writer)
    assert_problem(writer.post("/articles", json={"text": text}, headers=AUTH), 422)
    assert counts(writer) == before


def test_a_blank_title_gets_422(writer):
    body = {"text": "Georgia spent $5bn on tanks.", "title": " \u200b "}
    assert_problem(writer.post("/articles", json=body, headers=AUTH), 422)


@pytest.mark.parametrize("field", ["text", "title", "source", "url"])
def test_a_lone_surrogate_in_an_article_gets_422(writer, field):
    body = {"text": "Georgia spent $5bn on tanks."}
    body[field] = {"url": "https://news.example/\ud800"}.get(field, "Georgia \ud800 spent")
    before = counts(writer)
    assert_problem(writer.post("/articles", content=raw(body), headers=JSON), 422)
    assert counts(writer) == before


@pytest.mark.parametrize("field", ["statement", "unit", "scope", "metric", "subject", "object"])
def test_a_lone_surrogate_in_a_correction_gets_422(writer, field):
    response = writer.get("/facts/12")
    body = {"review_status": "corrected", field: "a\udfffb"}
    patched = writer.patch("/facts/12", content=raw(body),
                           headers={**JSON, "If-Match": response.headers["etag"]})  # fmt: skip
    assert_problem(patched, 422)
    assert writer.get("/facts/12").json() == response.json()


@pytest.mark.parametrize("amount", ["$1.234.5bn", "$1,234,5bn", "$" + "9" * 400 + "bn"])
def test_an_article_with_an_unreadable_amount_is_stored_without_it(writer, amount):
    text = f"Armenia spent {amount} on tanks. Azerbaijan spent $2bn on drones."
    response = writer.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    values = [f["value"] for f in response.json()["facts"] if f["type"] == "spending"]
    assert values == [2_000_000_000]


def test_a_ranking_total_above_the_integer_bound_is_left_out(writer):
    text = f"Georgia ranked 12th among {MAX_ID + 1} countries in 2021."
    response = writer.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    [ranking] = [f for f in response.json()["facts"] if f["type"] == "ranking"]
    assert (ranking["rank"], ranking["rank_total"]) == (12, None)


@pytest.mark.parametrize("gap", ["\n\n", "\n", "\r\n\r\n"])
def test_the_title_is_the_headline_alone(writer, gap):
    text = f"Georgia to buy forty tanks{gap}Georgia will spend $2bn on tanks. It said so."
    response = writer.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["title"] == "Georgia to buy forty tanks"


def test_without_a_headline_the_title_is_the_first_sentence(writer):
    text = "Georgia will spend $2bn on tanks,\nthe ministry said. It said so again."
    response = writer.post("/articles", json={"text": text}, headers=AUTH)
    assert response.json()["title"] == "Georgia will spend $2bn on tanks, the ministry said."


@pytest.mark.parametrize(
    "correction",
    [{"statement": "   "}, {"unit": "\u200b"}, {"scope": " \t"}, {"metric": "\ufeff"},
     {"value": -1e308}, {"value": 1e19}],
)  # fmt: skip
def test_a_blank_or_unbounded_correction_gets_422(writer, correction):
    # Found in review: blank strings were stored, and -1e308 was sent back as 309 digits.
    before = writer.get("/facts/12")
    body = {"review_status": "corrected", **correction}
    response = writer.patch(
        "/facts/12", json=body, headers={**AUTH, "If-Match": before.headers["etag"]}
    )
    assert_problem(response, 422)
    assert writer.get("/facts/12").json() == before.json()
