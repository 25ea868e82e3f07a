"""The pages in a real browser: Playwright driving Debian's chromium (never a downloaded
one) against a real server on 127.0.0.1 with a seeded SQLite store; what a person sees
and does, checked against the JSON API. Skipped, with the reason, without chromium."""

import httpx
import pytest

from app.web.templating import PAGE_POLICY
from bench.pages import DEMO_KEY, chromium, demo_server, launch, sign_in

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed"),
]
PAGES = ["/", "/ui/articles/1", "/ui/articles/2", "/ui/facts/9", "/ui/entities/azerbaijan",
         "/ui/facts?type=ranking", "/ui/review", "/ui/sign-in"]  # fmt: skip
PASSAGE_TEXT = """id => Array.from(document.querySelectorAll('mark.seg[data-f~="' + id + '"]'))
    .map(mark => mark.textContent).join('')"""
SHOWN_TEXT = """() => { const text = document.getElementById('article-text').cloneNode(true);
    text.querySelectorAll('.backref').forEach(link => link.remove()); return text.textContent; }"""


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with demo_server(tmp_path_factory.mktemp("pages")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        started = launch(playwright)
        yield started
        started.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    opened.console_lines = []
    opened.on("console", lambda message: opened.console_lines.append(message.text))
    yield opened
    context.close()


def api(base: str, path: str) -> dict:
    answer = httpx.get(f"{base}{path}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def csp_violations(page) -> list[str]:
    return [line for line in page.console_lines
            if "Content Security Policy" in line or "Refused to" in line]  # fmt: skip


def test_signing_in_shows_who_and_never_the_key(page, base):
    sign_in(page, base)
    assert "Signed in as key-" in page.inner_text("header")
    assert DEMO_KEY not in page.content()
    cookie = next(c for c in page.context.cookies() if c["name"] == "af_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and DEMO_KEY not in cookie["value"]
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/")
    assert "af_session" not in {c["name"] for c in page.context.cookies()}
    assert page.get_by_role("link", name="Sign in").is_visible()


@pytest.mark.parametrize("article_id", [1, 2, 3])
def test_each_highlighted_passage_is_its_facts_quote(page, base, article_id):
    article = api(base, f"/articles/{article_id}")
    facts = api(base, f"/articles/{article_id}/facts?limit=500")["items"]
    page.goto(f"{base}/ui/articles/{article_id}")
    assert page.evaluate(SHOWN_TEXT) == article["text"]  # verbatim, every character
    for fact in facts:
        assert page.evaluate(PASSAGE_TEXT, fact["id"]) == fact["evidence"]["quote"], fact["id"]
    assert csp_violations(page) == []


def test_a_fact_leads_to_its_passage_and_back(page, base):
    fact = api(base, "/articles/1/facts?type=spending")["items"][0]
    page.goto(f"{base}/ui/articles/1")
    page.locator(f'a.to-passage[data-fact="{fact["id"]}"]').click()
    focused = page.evaluate("() => document.activeElement.dataset.f || ''")
    assert str(fact["id"]) in focused.split()
    assert page.locator("mark.current").count() >= 1
    page.locator(f'a.backref[data-back="{fact["id"]}"]').click()
    assert page.evaluate("() => document.activeElement.id") == f"fact-{fact['id']}"


def test_three_facts_reviewed_with_the_keyboard(page, base):
    sign_in(page, base)
    page.goto(f"{base}/ui/review?article_id=2")
    decided = {}
    for key, status in (("a", "accepted"), ("r", "rejected"), ("a", "accepted")):
        fact_id = page.locator("article.queue-item").get_attribute("data-fact-id")
        with page.expect_navigation():
            page.keyboard.press(key)
        assert f"Fact {fact_id} is now {status}" in page.inner_text(".notice")
        decided[fact_id] = status
    assert len(decided) == 3
    for fact_id, status in decided.items():
        assert api(base, f"/facts/{fact_id}")["review_status"] == status
    assert "Nothing left to review" in page.inner_text("main")
    assert csp_violations(page) == []


def test_a_correction_from_the_queue(page, base):
    sign_in(page, base)
    page.goto(f"{base}/ui/review?article_id=3&type=structure")
    fact_id = page.locator("article.queue-item").get_attribute("data-fact-id")
    before = api(base, f"/facts/{fact_id}")
    page.keyboard.press("e")
    assert page.evaluate("() => document.activeElement.name") == "statement"
    page.get_by_label("value", exact=True).fill(str(before["value"] + 1))
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()
    after = api(base, f"/facts/{fact_id}")
    assert after["review_status"] == "corrected"
    assert after["value"] == before["value"] + 1
    assert after["evidence"] == before["evidence"]
    # The statement was left as it was on the form: it is restated from the fields.
    assert after["statement"] != before["statement"]
    assert str(before["value"] + 1) in after["statement"]
    page.goto(f"{base}/ui/facts/{fact_id}")
    assert after["statement"] in page.inner_text("h1")
    history = page.inner_text("table.history")
    assert "corrected" in history and "key-" in history and "statement" in history


def test_signed_out_browsers_cannot_write(page, base):
    page.goto(f"{base}/ui/review?article_id=3")
    assert page.get_by_role("button", name="Accept").count() == 0
    fact_id = page.locator("article.queue-item").get_attribute("data-fact-id")
    etag = httpx.get(f"{base}/facts/{fact_id}").headers["etag"]
    form = {"etag": etag, "decision": "accepted", "csrf": "x"}
    answer = page.request.post(f"{base}/ui/review/{fact_id}", form=form)
    assert answer.status == 401
    assert api(base, f"/facts/{fact_id}")["review_status"] == "unreviewed"


def test_a_form_without_its_csrf_token_is_refused(page, base):
    sign_in(page, base)
    page.goto(f"{base}/ui/review?article_id=3")
    fact_id = page.locator("article.queue-item").get_attribute("data-fact-id")
    page.evaluate("() => document.querySelector('#decide input[name=csrf]').remove()")
    with page.expect_navigation():
        page.get_by_role("button", name="Accept").click()
    assert "403" in page.inner_text("h1") and "CSRF" in page.inner_text("main")
    etag = httpx.get(f"{base}/facts/{fact_id}").headers["etag"]
    form = {"etag": etag, "decision": "accepted", "csrf": "0" * 64}
    answer = page.request.post(f"{base}/ui/review/{fact_id}", form=form)
    assert answer.status == 403
    assert api(base, f"/facts/{fact_id}")["review_status"] == "unreviewed"


def test_every_page_has_the_strict_policy_and_breaks_none_of_it(page, base):
    sign_in(page, base)
    for path in PAGES:
        response = page.goto(f"{base}{path}")
        assert response.status == 200, path
        assert response.headers["content-security-policy"] == PAGE_POLICY, path
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert csp_violations(page) == []
