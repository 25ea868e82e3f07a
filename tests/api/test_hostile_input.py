"""Hostile input, sent to every filter, path and body field the OpenAPI document lists:
each gets a 4xx problem (or, where the value is a legitimate one, an ordinary answer),
never a 5xx, and a dump of every table of the database is the same afterwards.

Legitimate-though-odd values are not refusals: any text is a valid search (`q`), and
negative or zero numbers are valid bounds for `year`, `from`, `to`, `min_value` and
`max_value` (any finite number for the last two). A body the documented schema allows
(an injection string as a title, say) is a valid write, so it is left to the last test,
which checks that such text is stored verbatim and nothing else changes.
"""

import json

import jsonschema_rs  # schemathesis's JSON Schema validator
import pytest

from app.main import create_app
from tests.helpers import AUTH, assert_problem, dump_database

INJECTIONS = [
    "' OR '1'='1",
    "1 OR 1=1",
    "1; DROP TABLE fact; --",
    "azerbaijan' --",
    '" OR ""="',
    "%' OR 'x' LIKE '%",
    "1 UNION SELECT id, text FROM article --",
    "'; UPDATE fact SET review_status='rejected'; --",
    "$$; DELETE FROM entity; $$",
]
NUMBERS = ["0", "-1", "9" * 40, "-" + "9" * 40, "1e309", "-1e309", "2147483648", "1.5", "0x10"]
NOT_NUMBERS = ["NaN", "nan", "inf", "-Infinity", "Infinity", "1e", ""]
# Percent-encoded: invalid UTF-8, controls, CRLF (header injection), NUL, path tricks.
ENCODED = [
    "%FF%FE", "%C0%AF", "%ED%A0%80", "%00", "a%00b", "%1B%5B31m", "%0D%0AX-Injected:%201",
    "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E", "....//", "%252E%252E%252F", "~root",
    "a" * 5000,
]  # fmt: skip
ALL_VALUES = [*INJECTIONS, *NUMBERS, *NOT_NUMBERS, *ENCODED]
FREE_TEXT = {"q", "source"}  # any text is a search, or a publisher's name
SIGNED_BOUNDS = {"year", "from", "to", "min_value", "max_value"}
OPENAPI = create_app().openapi()


def query_parameters() -> list[tuple[str, str]]:
    """(path with ids filled in, parameter) for every query parameter of every GET."""
    pairs = []
    for path, operations in OPENAPI["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                pairs.append((path.replace("{id}", "1"), parameter["name"]))
    return pairs


def path_templates() -> list[str]:
    return [path for path in OPENAPI["paths"] if "{id}" in path]


def is_legitimate(parameter: str, raw: str) -> bool:
    """Whether the (decoded) value is a valid one for that parameter."""
    if parameter in FREE_TEXT:
        return "%00" not in raw and raw not in ("", "a" * 5000)  # NUL: 422; q is 1-200 chars
    if parameter.endswith("_value"):
        return raw in ("0", "-1", "1.5", "2147483648", "9" * 40, "-" + "9" * 40)
    if parameter in SIGNED_BOUNDS:
        return raw in ("0", "-1")
    return False


def send(client, method: str, url: str, **kwargs):
    """The request, and a failure line when the answer is a 5xx or not a problem."""
    response = client.request(method, url, **kwargs)
    if response.status_code >= 500:
        return response, f"{method} {url[:120]}: {response.status_code}"
    if response.status_code >= 400:
        try:
            assert_problem(response, response.status_code)
        except AssertionError as error:
            return response, f"{method} {url[:120]}: not a problem ({error})"
    return response, None


def test_every_query_parameter_refuses_hostile_values(writer, db_url):
    before = dump_database(db_url)
    all_facts = writer.get("/facts").json()["total"]
    failures = []
    issued = writer.get("/facts?limit=1&sort=-value").json()["next_cursor"]
    cursors = [issued[:-1], issued[:-4], issued[:8], issued + "A", issued[::-1], issued.upper()]
    for path, parameter in query_parameters():
        # Truncated and altered cursors (and, with no `sort`, one issued for another sort).
        extra = cursors + ([issued] if parameter == "cursor" else [])
        for raw in ALL_VALUES + extra:
            response, failure = send(writer, "GET", f"{path}?{parameter}={raw}")
            legitimate = is_legitimate(parameter, raw)
            if failure:
                failures.append(failure)
            elif legitimate and response.status_code != 200:
                failures.append(f"{path}?{parameter}={raw[:40]}: {response.status_code}, not 200")
            elif not legitimate and not 400 <= response.status_code < 500:
                failures.append(f"{path}?{parameter}={raw[:40]}: {response.status_code}, not 4xx")
            elif legitimate and parameter == "q" and path == "/facts":
                # An injected OR must not widen a search to everything.
                assert response.json()["total"] < all_facts, raw
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before


def test_every_path_id_refuses_hostile_values(writer, db_url):
    before = dump_database(db_url)
    failures = []
    for template in path_templates():
        methods = [m.upper() for m in OPENAPI["paths"][template]]
        for raw in ALL_VALUES:
            if raw in ("", "....//"):
                continue  # another route (or a trailing slash), not an id
            for method in methods:
                kwargs = {"headers": {**AUTH, "If-Match": '"x"'}, "json": {}}
                response, failure = send(writer, method, template.replace("{id}", raw), **kwargs)
                if failure or not 400 <= response.status_code < 500:
                    failures.append(failure or f"{method} {template} {raw[:40]}: {response}")
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before


def body_fields(schema_name: str) -> dict[str, dict]:
    return OPENAPI["components"]["schemas"][schema_name]["properties"]


def body_validator(schema_name: str):
    """Validates a body against the documented schema (the whole document resolves refs)."""
    reference = {"$ref": f"#/components/schemas/{schema_name}"}
    return jsonschema_rs.validator_for({**reference, "components": OPENAPI["components"]})


HOSTILE_JSON_VALUES = [
    None, True, 0, -1, 10**40, -(10**40), 1.5, "", "a\x00b", "\x00", [], {}, [1, 2],
    {"$gt": ""}, "9" * 40, "NaN", "1e309", "-1", "2147483648",
]  # fmt: skip
RAW_JSON_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"]


def refused_body(client, method: str, url: str, body: bytes, headers: dict) -> str | None:
    response, failure = send(client, method, url, content=body,
                             headers={**headers, "Content-Type": "application/json"})  # fmt: skip
    if failure:
        return failure
    if not 400 <= response.status_code < 500:
        return f"{method} {url} {body[:80]!r}: {response.status_code}"
    return None


@pytest.mark.parametrize(
    ("method", "url", "schema", "valid"),
    [
        ("POST", "/articles", "ArticleCreate", {"text": "Georgia joined NATO in 2030."}),
        ("PATCH", "/facts/11", "FactReview", {"review_status": "corrected", "rank": 5}),
    ],
)
def test_every_body_field_refuses_hostile_values(writer, db_url, method, url, schema, valid):
    headers = {**AUTH, "If-Match": writer.get("/facts/11").headers["etag"]}
    allowed = body_validator(schema)
    before = dump_database(db_url)
    failures = []
    for field in body_fields(schema):
        for value in [*HOSTILE_JSON_VALUES, *INJECTIONS]:
            if allowed.is_valid({**valid, field: value}):
                continue  # a valid write (an injection string as a title, say): see below
            body = json.dumps({**valid, field: value}).encode()
            failures.append(refused_body(writer, method, url, body, headers))
        for raw in RAW_JSON_NUMBERS:  # tokens Python's json reads, which JSON does not allow
            body = json.dumps(valid).encode()[:-1] + f', "{field}": {raw}}}'.encode()
            failures.append(refused_body(writer, method, url, body, headers))
    hostile_bodies = [
        b"\xff\xfe{", b'{"text": "\xc0\xaf"}', b"", b"null", b"[]", b'"text"', b"{" * 100_000,
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        json.dumps({"text": {"a": {"b": {"c": ["x"] * 1000}}}}).encode(),
        json.dumps({**valid, "extra": "field"}).encode(),
        b"x" * 10 * 1024 * 1024,  # 10 MB
    ]  # fmt: skip
    for body in hostile_bodies:
        failures.append(refused_body(writer, method, url, body, headers))
    failures = [failure for failure in failures if failure]
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before


def test_injections_in_text_fields_are_stored_verbatim_and_change_nothing_else(writer, db_url):
    before = dump_database(db_url)
    for text in INJECTIONS:
        body = {"text": f"Georgia joined NATO. {text}", "title": text, "source": text}
        response = writer.post("/articles", json=body, headers=AUTH)
        assert response.status_code == 201, response.text
        stored = writer.get(f"/articles/{response.json()['id']}").json()
        assert (stored["text"], stored["title"], stored["source"]) == tuple(body.values())
    after = dump_database(db_url)
    for table, rows in before.items():
        # Counters move on a write, and a search index's pages are rewritten by any insert.
        if table not in ("data_version", "sqlite_sequence") and "_fts" not in table:
            assert set(rows) <= set(after[table]), table  # every earlier row, unchanged


HOSTILE_HEADER_VALUES = [
    *INJECTIONS,
    "Bearer " + "k" * 8000,
    "Bearer",
    "bearer  ",
    "Basic Og==",
    "Bearer test-key-1x",
    "Bearer \u00e9\u00e8",
    '"*"',
    'W/"x"',
    "Bearer test-key-1 test-key-1",
]


def test_hostile_headers_are_refused_and_change_nothing(writer, db_url):
    before = dump_database(db_url)
    etag = writer.get("/facts/11").headers["etag"]
    failures = []
    for value in HOSTILE_HEADER_VALUES:
        latin1 = value.encode("latin-1", "replace")
        attempts = [
            ("DELETE", "/articles/1", {"Authorization": latin1}, None),
            ("POST", "/articles", {"Authorization": latin1}, {"text": "Chad joined NATO."}),
            ("PATCH", "/facts/11", {**AUTH, "If-Match": latin1}, {"review_status": "rejected"}),
        ]
        for method, url, headers, body in attempts:
            response, failure = send(writer, method, url, headers=headers, json=body)
            if failure or not 400 <= response.status_code < 500:
                failures.append(failure or f"{method} {url} {value[:40]!r}: {response.status_code}")
        # A request id that is not a plain token is replaced, never echoed.
        response = writer.get("/facts/11", headers={"X-Request-ID": latin1})
        if response.headers["x-request-id"] == value and not value.isidentifier():
            failures.append(f"request id {value[:40]!r} echoed")
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before
    assert writer.get("/facts/11").headers["etag"] == etag


# The pages (app/web): their query parameters, path keys and form fields. A page's error is
# an HTML page rather than a problem; what matters is the same: never a 5xx, never the
# hostile text back unescaped, nothing stored.
PAGE_QUERIES = [
    *(("/ui/facts", name) for name in ("q", "type", "entity", "subject", "object",
      "attributed_to", "replaces", "article_id", "year", "from", "to", "min_value",
      "max_value", "modality", "origin", "review_status", "sort", "limit", "cursor")),
    *(("/ui/review", name) for name in ("after", "notice", "fact", "type", "article_id", "q")),
    ("/ui/entities/1", "type"), ("/ui/entities/1", "cursor"), ("/ui/sign-in", "next"),
    ("/ui/facts/9", "notice"),
]  # fmt: skip
PAGE_PATHS = ["/ui/articles/{}", "/ui/facts/{}", "/ui/entities/{}"]
PAGE_FORM_FIELDS = ["etag", "decision", "queue", "back", "statement", "predicate", "value",
                    "unit", "modality", "value_qualifier", "rank", "rank_total", "scope",
                    "metric", "quantity", "item", "period_start", "period_end", "subject",
                    "object", "attributed_to", "replaces", "note"]  # fmt: skip
HTML_INJECTION = '"><script>alert(1)</script>'


def page_failure(response, label: str) -> str | None:
    if response.status_code >= 500:
        return f"{label}: {response.status_code}"
    if response.status_code not in (200, 303) and not 400 <= response.status_code < 500:
        return f"{label}: {response.status_code}"
    if "<script>alert(1)" in response.text or "Traceback" in response.text:
        return f"{label}: hostile text shown back"
    return None


def test_every_page_parameter_and_key_refuses_hostile_values(writer, db_url):
    before = dump_database(db_url)
    failures = []
    for path, parameter in PAGE_QUERIES:
        for raw in [*ALL_VALUES, HTML_INJECTION]:
            response = writer.get(f"{path}?{parameter}={raw}")
            failures.append(page_failure(response, f"{path}?{parameter}={raw[:40]}"))
    for template in PAGE_PATHS:
        for raw in [*ALL_VALUES, HTML_INJECTION]:
            if raw not in ("", "....//"):
                response = writer.get(template.format(raw))
                failures.append(page_failure(response, template.format(raw[:40])))
    failures = [failure for failure in failures if failure]
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before


def test_every_page_form_field_refuses_hostile_values(writer, db_url):
    from tests.web.helpers import csrf_of, sign_in

    before = dump_database(db_url)
    failures = []
    for raw in [*INJECTIONS, *NUMBERS, *NOT_NUMBERS, HTML_INJECTION, "\x00", "a" * 6000]:
        writer.cookies.clear()
        for field in ("key", "csrf", "next"):
            page = writer.get("/ui/sign-in")
            data = {"key": "nope", "csrf": csrf_of(page.text), "next": "/", field: raw}
            response = writer.post("/ui/sign-in", data=data, follow_redirects=False)
            failures.append(page_failure(response, f"sign-in {field}={raw[:40]!r}"))
    assert sign_in(writer).status_code == 303
    csrf = csrf_of(writer.get("/ui/review").text)
    for raw in [*INJECTIONS, *NUMBERS, *NOT_NUMBERS, HTML_INJECTION, "\x00", "a" * 6000]:
        for field in PAGE_FORM_FIELDS:
            # A stale ETag: whatever passes validation meets the guard and stores nothing.
            data = {"csrf": csrf, "etag": '"stale"', "decision": "corrected", field: raw}
            response = writer.post("/ui/review/11", data=data, follow_redirects=False)
            failures.append(page_failure(response, f"review {field}={raw[:40]!r}"))
        for field in ("fact", "decision", "back"):
            data = {"csrf": csrf, "decision": "accepted", "fact": '11:"stale"', field: raw}
            response = writer.post("/ui/review/bulk", data=data)
            failures.append(page_failure(response, f"bulk {field}={raw[:40]!r}"))
    failures = [failure for failure in failures if failure]
    assert not failures, "\n".join(failures)
    assert dump_database(db_url) == before
