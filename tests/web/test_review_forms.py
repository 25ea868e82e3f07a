"""Signing in and out, CSRF tokens, and decisions through the pages' forms, on both
backends: the same guarded write as PATCH /facts/{id}, refused without a session or token."""

import hashlib
import time
from html import unescape

import pytest
from pydantic import SecretStr

from app.api.sessions import COOKIE, MAX_AGE, session_digest, sign
from tests.helpers import ARTICLE, AUTH, KEY
from tests.web.helpers import ETAG, csrf_of, sign_in, store


@pytest.fixture
def reviewer(writer):
    """A signed-in client, and an article of unreviewed facts."""
    store(writer, ARTICLE)
    assert sign_in(writer).status_code == 303
    return writer


def queue_form(client, query: str = "") -> dict:
    """The decision form of the queue's first fact: its id, ETag and CSRF token."""
    page = client.get(f"/ui/review?{query}")
    fact_id = int(page.text.split('data-fact-id="', 1)[1].split('"', 1)[0])
    etag = unescape(ETAG.search(page.text).group(1))  # as a browser sends it back
    return {"id": fact_id, "etag": etag, "csrf": csrf_of(page.text)}


def decide(client, form: dict, **fields):
    data = {"etag": form["etag"], "csrf": form["csrf"], "queue": "", **fields}
    return client.post(f"/ui/review/{form['id']}", data=data, follow_redirects=False)


def test_signing_in_sets_a_cookie_that_holds_no_key(writer):
    answer = sign_in(writer)
    assert answer.status_code == 303 and answer.headers["location"] == "/ui/review"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; https gets Secure
    assert KEY not in cookie and hashlib.sha256(KEY.encode()).hexdigest() in cookie
    page = writer.get("/ui/review").text
    assert "Signed in as" in page and KEY not in page


def test_a_wrong_key_or_token_does_not_sign_in(writer):
    assert sign_in(writer, "not-a-key").status_code == 403
    assert COOKIE not in writer.cookies
    writer.get("/ui/sign-in")
    answer = writer.post("/ui/sign-in", data={"key": KEY, "csrf": "0" * 64})
    assert answer.status_code == 403 and COOKIE not in writer.cookies


def test_signing_out_clears_the_cookie_and_writes_stop(reviewer):
    form = queue_form(reviewer)
    answer = reviewer.post("/ui/sign-out", data={"csrf": form["csrf"]}, follow_redirects=False)
    assert answer.status_code == 303 and f'{COOKIE}=""' in answer.headers["set-cookie"]
    assert COOKIE not in reviewer.cookies
    assert decide(reviewer, form, decision="accepted").status_code == 401


def test_a_decision_goes_through_and_the_queue_moves_on(reviewer):
    form = queue_form(reviewer)
    answer = decide(reviewer, form, decision="accepted")
    assert answer.status_code == 303 and f"fact={form['id']}" in answer.headers["location"]
    assert reviewer.get(f"/facts/{form['id']}").json()["review_status"] == "accepted"
    page = reviewer.get(answer.headers["location"]).text
    assert f"Fact {form['id']}</a> is now" in page and f'data-fact-id="{form["id"]}"' not in page


def test_a_stale_form_shows_the_other_decision_instead_of_overwriting(reviewer):
    form = queue_form(reviewer)
    other = reviewer.patch(f"/facts/{form['id']}", json={"review_status": "rejected"},
                           headers={**AUTH, "If-Match": form["etag"]})  # fmt: skip
    assert other.status_code == 200
    answer = decide(reviewer, form, decision="accepted")
    assert "notice=conflict" in answer.headers["location"]
    assert reviewer.get(f"/facts/{form['id']}").json()["review_status"] == "rejected"
    assert "Someone else decided" in reviewer.get(answer.headers["location"]).text


def test_a_correction_sends_only_the_changed_fields(reviewer):
    form = queue_form(reviewer, "type=spending")
    before = reviewer.get(f"/facts/{form['id']}").json()
    unchanged = {"statement": before["statement"], "subject": str(before["subject"]["id"])}
    answer = decide(reviewer, form, decision="corrected", value="1600000000", unit="EUR",
                    **unchanged)  # fmt: skip
    assert answer.status_code == 303, answer.text
    after = reviewer.get(f"/facts/{form['id']}").json()
    assert (after["review_status"], after["value"]) == ("corrected", 1600000000)
    assert after["subject"] == before["subject"] and after["evidence"] == before["evidence"]


@pytest.mark.parametrize("fields", [{"decision": "corrected", "value": "lots"},
                                    {"decision": "corrected", "statement": ""},
                                    {"decision": "maybe"}, {"decision": "corrected"}])  # fmt: skip
def test_bad_decisions_are_422_pages_and_change_nothing(reviewer, fields):
    form = queue_form(reviewer)
    answer = decide(reviewer, form, **fields)
    assert answer.status_code == 422 and answer.headers["content-type"].startswith("text/html")
    assert reviewer.get(f"/facts/{form['id']}").json()["review_status"] == "unreviewed"


def test_posts_without_a_valid_token_or_from_elsewhere_are_refused(reviewer):
    form = queue_form(reviewer)
    for token in ("", "0" * 64, form["csrf"][:-1]):
        assert decide(reviewer, {**form, "csrf": token}, decision="accepted").status_code == 403
    data = {"etag": form["etag"], "csrf": form["csrf"], "decision": "accepted"}
    for header in ({"Origin": "https://evil.example"}, {"Origin": "null"},
                   {"Sec-Fetch-Site": "cross-site"}):  # fmt: skip
        answer = reviewer.post(f"/ui/review/{form['id']}", data=data, headers=header)
        assert answer.status_code == 403
    assert reviewer.get(f"/facts/{form['id']}").json()["review_status"] == "unreviewed"


def test_signed_out_or_forged_sessions_cannot_write(writer, reviewer):
    form = queue_form(reviewer)
    reviewer.cookies.clear()
    assert decide(reviewer, form, decision="accepted").status_code == 401
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    old = f"v1.{digest}.{int(time.time()) - MAX_AGE - 10}"
    secret = writer.app.state.runtime.session_secret
    for forged in (f"v1.{digest}.{int(time.time())}.{'0' * 64}", f"{old}.{sign(secret, old)}"):
        reviewer.cookies.set(COOKIE, forged)
        assert decide(reviewer, form, decision="accepted").status_code == 401
    assert reviewer.get(f"/facts/{form['id']}").json()["review_status"] == "unreviewed"


def test_a_session_holds_wherever_the_session_secret_is_the_same(writer):
    from app.config import Settings
    from app.runtime import Runtime

    settings = writer.app.state.runtime.settings
    shared = [Runtime(settings.model_copy(update={"session_secret": SecretStr("s3cret")}))
              for _ in range(2)]  # fmt: skip
    assert shared[0].sessions_shared and shared[0].session_secret == shared[1].session_secret
    other = Runtime(settings.model_copy(update={"session_secret": SecretStr("other")}))
    assert other.session_secret != shared[0].session_secret
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    body = f"v1.{digest}.{int(time.time())}"
    cookie = f"{body}.{sign(shared[0].session_secret, body)}"
    assert session_digest(shared[1].session_secret, cookie, shared[1].key_digests) == digest
    assert session_digest(other.session_secret, cookie, other.key_digests) is None
    assert Settings(session_secret="x").session_secret.get_secret_value() == "x"


def test_no_write_key_makes_the_session_secret():
    # Found in review: a secret derived from the keys let one key's holder (or a reader of
    # sha256: digests) sign a session naming another key. Without SESSION_SECRET each
    # process makes its own.
    from app.config import Settings
    from app.runtime import Runtime

    digest = hashlib.sha256(KEY.encode()).hexdigest()
    for keys in (KEY, f"sha256:{digest}", f"{KEY}, sha256:{digest}"):
        first, second = (Runtime(Settings(api_keys=keys)) for _ in range(2))
        assert not first.sessions_shared and first.session_secret != second.session_secret


def test_bulk_decisions_apply_the_unchanged_and_report_the_changed(reviewer):
    page = reviewer.get("/ui/facts?review_status=unreviewed&limit=3").text
    ticks = [unescape(part.split('"', 1)[0]) for part in page.split('name="fact" value="')[1:]]
    assert len(ticks) == 3
    stale_id, stale_etag = ticks[0].split(":", 1)
    reviewer.patch(f"/facts/{stale_id}", json={"review_status": "rejected"},
                   headers={**AUTH, "If-Match": stale_etag})  # fmt: skip
    answer = reviewer.post("/ui/review/bulk", data={"csrf": csrf_of(page), "decision": "accepted",
                                                    "fact": ticks, "back": "limit=3"})  # fmt: skip
    assert answer.status_code == 200 and "2 of 3 facts accepted" in answer.text
    statuses = [reviewer.get(f"/facts/{tick.split(':')[0]}").json()["review_status"]
                for tick in ticks]  # fmt: skip
    assert statuses == ["rejected", "accepted", "accepted"]
    refused = reviewer.post("/ui/review/bulk", data={"decision": "accepted", "fact": ticks})
    assert refused.status_code == 403


def test_decisions_are_recorded_under_the_keys_label_with_their_note(reviewer):
    form = queue_form(reviewer)
    decide(reviewer, form, decision="rejected", note="Not what the <b>article</b> says.")
    [review] = reviewer.get(f"/facts/{form['id']}/reviews").json()["items"]
    assert review["reviewer"] == "key-" + hashlib.sha256(KEY.encode()).hexdigest()[:8]
    assert review["note"] == "Not what the <b>article</b> says."
    page = reviewer.get(f"/ui/facts/{form['id']}").text
    assert review["reviewer"] in page and "the &lt;b&gt;article&lt;/b&gt; says" in page


def test_a_labelled_key_signs_in_under_its_label(settings):
    from fastapi.testclient import TestClient

    from app.main import create_app

    digest = hashlib.sha256(b"alices-key").hexdigest()
    labelled = settings.model_copy(update={"api_keys": SecretStr("alices-key"),
                                           "api_key_labels": f"alice={digest[:8]}"})  # fmt: skip
    with TestClient(create_app(labelled)) as client:
        assert sign_in(client, "alices-key").status_code == 303
        page = client.get("/ui/review").text
        assert "Signed in as <strong>alice</strong>" in page and "alices-key" not in page


def test_page_writes_count_against_the_signed_in_keys_budget(settings):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from tests.helpers import clear_of_window_edges

    limited = settings.model_copy(update={"api_keys": SecretStr(KEY),
                                          "rate_limit_writes": "3/minute"})  # fmt: skip
    clear_of_window_edges("3/minute")
    with TestClient(create_app(limited)) as client:
        assert sign_in(client).status_code == 303  # a write by address: not the key's budget
        csrf = csrf_of(client.get("/ui/review").text)
        statuses = [client.post("/ui/review/bulk", data={"csrf": csrf, "decision": "accepted",
                                                         "fact": '9:"x"'}).status_code
                    for _ in range(3)]  # fmt: skip
        assert statuses == [200, 200, 200]
        refused = client.post("/ui/review/bulk", data={"csrf": csrf, "decision": "accepted",
                                                       "fact": '9:"x"'})  # fmt: skip
        assert refused.status_code == 429 and "key" in refused.json()["detail"]
        # The API's Bearer writes with the same key share that budget.
        assert client.delete("/articles/1", headers=AUTH).status_code == 429
