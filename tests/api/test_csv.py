"""Every list as CSV: the whole filtered result, flattened, streamed, formula-safe."""

import asyncio
import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.helpers import AUTH, assert_problem, get_all
from tests.test_cache_memory import multiply_facts

LISTS = [
    ("/facts", {}), ("/facts", {"type": "ranking"}), ("/facts", {"entity": "azerbaijan"}),
    ("/facts", {"q": "weapons", "sort": "-value"}), ("/facts", {"year": 2015}),
    ("/articles/1/facts", {"type": "event"}), ("/entities/azerbaijan/facts", {}),
    ("/entities", {}), ("/entities", {"type": "organization"}), ("/articles/1/entities", {}),
    ("/articles", {}),
]  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def cell(value) -> str:
    """What the CSV holds for a JSON value, written out independently of the service."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text


def flattened(item: dict, columns: list[str]) -> dict:
    row = {}
    for name, value in item.items():
        if isinstance(value, dict) or (value is None and f"{name}_id" in columns):
            for column in columns:
                if column.startswith(f"{name}_") and column not in item:
                    row[column] = cell((value or {}).get(column.removeprefix(f"{name}_")))
        else:
            row[name] = cell(value)
    return row


def read_csv(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize(("url", "filters"), LISTS)
def test_csv_rows_are_the_json_items_of_every_page(client, url, filters):
    items = get_all(client, url, **filters, limit=7)
    response = client.get(url, params={**filters, "format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    assert response.headers["vary"] == "Accept"
    columns, rows = read_csv(response.text)
    assert rows == [flattened(item, columns) for item in items]
    by_accept = client.get(url, params=filters, headers={"Accept": "text/csv"})
    assert by_accept.text == response.text


def test_csv_flattens_nested_fields_into_columns(client):
    columns, rows = read_csv(client.get("/facts?format=csv&type=ranking").text)
    for name in ("subject_id", "subject_name", "subject_type", "attributed_to_name",
                 "evidence_quote", "evidence_start", "evidence_end"):  # fmt: skip
        assert name in columns
    assert "subject" not in columns and "evidence" not in columns
    bloomberg = [row for row in rows if row["attributed_to_name"] == "Bloomberg"]
    assert bloomberg and bloomberg[0]["subject_name"] == "Azerbaijan"


def test_csv_follows_an_explicit_limit_and_a_cursor(client):
    page = client.get("/facts?limit=5").json()
    _, rows = read_csv(client.get("/facts?format=csv&limit=5").text)
    assert [int(row["id"]) for row in rows] == [fact["id"] for fact in page["items"]]
    rest = get_all(client, "/facts", cursor=page["next_cursor"])
    _, after = read_csv(client.get(f"/facts?format=csv&cursor={page['next_cursor']}").text)
    assert [int(row["id"]) for row in after] == [fact["id"] for fact in rest]


def test_json_stays_the_default_and_is_not_mixed_up_with_csv_in_the_cache(client):
    first = client.get("/facts?type=ranking")
    assert client.get("/facts?type=ranking", headers={"Accept": "text/csv"}).text.startswith(
        "id,article_id,"
    )
    for accept in (None, "application/json", "*/*", "text/csv;q=0.5, application/json",
                   "text/html,application/xhtml+xml,*/*;q=0.8"):  # fmt: skip
        again = client.get("/facts?type=ranking", headers={"Accept": accept} if accept else {})
        assert again.content == first.content and again.headers["vary"] == "Accept"
    explicit = client.get("/facts?type=ranking&format=json", headers={"Accept": "text/csv"})
    assert explicit.json()["items"] == first.json()["items"]


def test_csv_has_an_etag_that_answers_304_until_the_store_changes(writer):
    response = writer.get("/facts?format=csv")
    etag = response.headers["etag"]
    assert etag != writer.get("/facts").headers["etag"]
    unchanged = writer.get("/facts?format=csv", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    writer.post("/articles", json={"text": "Armenia joined the CSTO in 1992."}, headers=AUTH)
    changed = writer.get("/facts?format=csv", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(writer):
    payload = {"text": "Azerbaijan joined the Partnership for Peace in 1994.",
               "title": "=HYPERLINK(\"http://example.com\")", "source": "@SUM(A1)"}  # fmt: skip
    created = writer.post("/articles", json=payload, headers=AUTH)
    assert created.status_code == 201, created.text
    _, rows = read_csv(writer.get("/articles?format=csv").text)
    row = rows[-1]
    assert row["title"] == '\'=HYPERLINK("http://example.com")'
    assert row["source"] == "'@SUM(A1)"
    listed = writer.get("/articles").json()["items"][-1]  # JSON keeps the text as stored
    assert listed["title"] == payload["title"] and listed["source"] == payload["source"]


@pytest.mark.parametrize(
    "url",
    ["/facts?format=xml", "/facts?format=csv&entity=no-such-entity", "/facts?format=csv&limit=0",
     "/facts?format=csv&cursor=nonsense", "/entities?format=csv&article_id=99",
     "/articles?format=csv&published_from=2020-13-01", "/articles/99/facts?format=csv"],
)  # fmt: skip
def test_bad_csv_requests_are_problems_not_half_files(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert_problem(response, response.status_code)


def body_messages(client: TestClient, query: bytes) -> list[dict]:
    """The ASGI body messages the app sends for GET /facts?`query`, as the server gets them."""
    sent: list[dict] = []
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/facts", "raw_path": b"/facts", "root_path": "", "query_string": query,
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1),
             "server": ("testserver", 80), "state": client.app_state.copy()}  # fmt: skip

    requested = False

    async def receive() -> dict:
        nonlocal requested
        if requested:  # the client stays: what waits for it to leave waits to the end
            await asyncio.Event().wait()
        requested = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.body":
            sent.append(message)

    asyncio.run(client.app(scope, receive, send))
    return sent


def test_csv_of_a_big_list_is_streamed_in_batches(settings, db_url):
    total = multiply_facts(db_url, 7)  # 35 * 128 facts
    with TestClient(create_app(settings)) as client:
        messages = body_messages(client, b"format=csv")
        rows = b"".join(message.get("body", b"") for message in messages).count(b"\r\n")
    assert len(messages) >= total // 500  # a batch at a time, never the whole body at once
    assert max(len(message.get("body", b"")) for message in messages) < 1024 * 1024
    assert rows >= total + 1


def test_a_search_exports_in_id_order_whatever_its_page_order(client):
    # Found in review: in relevance order each batch scored and sorted every match again.
    matches = get_all(client, "/facts", q="azerbaijan")
    rows = list(csv.DictReader(io.StringIO(client.get("/facts?q=azerbaijan&format=csv").text)))
    assert [int(row["id"]) for row in rows] == sorted(fact["id"] for fact in matches)
    backwards = client.get("/facts?q=azerbaijan&sort=-id&format=csv").text
    ids = [int(row["id"]) for row in csv.DictReader(io.StringIO(backwards))]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(matches)


def test_a_head_of_a_csv_list_reads_no_more_than_one_batch(client, monkeypatch):
    # Found in review: HEAD ran the whole export and dropped it.
    import app.api.csv_lists as csv_lists

    written = []
    real = csv_lists.csv_rows
    monkeypatch.setattr(csv_lists, "csv_rows", lambda *args: written.append(1) or real(*args))
    head = client.head("/facts?format=csv")
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/csv")
    assert head.content == b"" and written == []
    assert client.get("/facts?format=csv").status_code == 200 and written


@pytest.mark.parametrize(("accept", "csv_wins"), [
    ("text/csv;q=1e400, application/json", False), ("text/csv;q=2, application/json", False),
    ("text/*", True), ("text/csv;q=0.5, application/json;q=0.4", True),
])  # fmt: skip
def test_accept_weights_are_read_as_rfc_9110_says(client, accept, csv_wins):
    answer = client.get("/entities", headers={"Accept": accept})
    assert answer.headers["content-type"].startswith("text/csv") is csv_wins
