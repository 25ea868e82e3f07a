"""Races with a delete, made deterministic: another writer deletes an article at the worst
moment of a request (between a page's statements, between a review's read and its write,
between a delete's read and its write), and the request still answers 2xx or 404.

The other writer runs in a thread of its own with its own engine, as another process would.
"""

import threading

import pytest
from sqlmodel import Session

from app.db import create_db_engine
from app.errors import NotFound
from app.queries import facts as fact_queries
from app.queries.lookup import get_article
from app.writes import articles as article_writes
from app.writes import facts as fact_writes
from app.writes.articles import delete_article
from app.writes.transactions import in_transaction
from tests.helpers import ARTICLE, AUTH, assert_problem

HEAD_START = 1.0  # seconds the other writer gets: enough to finish unless it must wait


class OtherWriter:
    """Deletes one article from a thread, as a concurrent request would; keeps the outcome."""

    def __init__(self, db_url: str) -> None:
        self.engine = create_db_engine(db_url)
        self.thread: threading.Thread | None = None
        self.outcome: str | None = None

    def delete(self, article_id: int) -> None:
        def run() -> None:
            try:
                with Session(self.engine) as session:
                    in_transaction(session, lambda s: delete_article(s, get_article(s, article_id)))
                self.outcome = "deleted"
            except NotFound:
                self.outcome = "not found"
            except Exception as error:  # reported by the test
                self.outcome = repr(error)

        self.thread = threading.Thread(target=run)
        self.thread.start()
        self.thread.join(HEAD_START)

    def finish(self) -> str | None:
        if self.thread is not None:
            self.thread.join(60)
        self.engine.dispose()
        return self.outcome


@pytest.fixture
def other_writer(db_url):
    writer = OtherWriter(db_url)
    yield writer
    writer.finish()


@pytest.fixture
def poland(writer) -> dict:
    """A second article whose entities (Blaszczak, the Polish forces) no other article
    mentions, so deleting it prunes them."""
    created = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert created.status_code == 201, created.text
    return created.json()


def test_a_page_of_facts_is_one_snapshot_when_a_delete_prunes_its_entities_meanwhile(
    writer, poland, other_writer, monkeypatch
):
    real = fact_queries.referenced_entities
    before = writer.get("/facts", params={"sort": "-id"}).json()

    def after_a_delete(session, facts):
        if other_writer.thread is None:  # between the page's query and its entities' query
            other_writer.delete(poland["id"])
        return real(session, facts)

    monkeypatch.setattr(fact_queries, "referenced_entities", after_a_delete)
    monkeypatch.setattr(writer.app.state.runtime, "response_cache", None)  # the page is read again
    monkeypatch.setattr(writer._transport, "raise_server_exceptions", False)
    page = writer.get("/facts", params={"sort": "-id"})
    assert other_writer.finish() == "deleted"
    assert page.status_code == 200, page.text
    assert page.json()["items"] == before["items"]  # the page as it was when it was read
    remaining = writer.get("/entities", params={"limit": 100}).json()["items"]
    pruned = {ref["id"] for fact in before["items"] for ref in (fact["subject"], fact["object"])
              if ref} - {entity["id"] for entity in remaining}  # fmt: skip
    assert pruned, "the delete pruned none of the page's entities: the race was not staged"


def test_a_review_holds_its_fact_while_a_concurrent_delete_waits(
    writer, poland, other_writer, monkeypatch
):
    fact_id = poland["facts"][0]["id"]
    etag = writer.get(f"/facts/{fact_id}").headers["etag"]
    real = fact_writes.apply_review

    def with_a_delete_between_read_and_write(session, fact, review):
        other_writer.delete(poland["id"])
        return real(session, fact, review)

    monkeypatch.setattr("app.api.routes.facts.apply_review", with_a_delete_between_read_and_write)
    monkeypatch.setattr(writer._transport, "raise_server_exceptions", False)
    reviewed = writer.patch(f"/facts/{fact_id}", json={"review_status": "accepted"},
                            headers={**AUTH, "If-Match": etag})  # fmt: skip
    assert reviewed.status_code == 200, reviewed.text
    assert reviewed.json()["review_status"] == "accepted"
    assert other_writer.finish() == "deleted"  # it waited for the review, then deleted
    assert_problem(writer.get(f"/facts/{fact_id}"), 404)


def test_a_review_of_a_fact_deleted_before_it_is_read_is_404(writer, poland):
    fact_id = poland["facts"][0]["id"]
    etag = writer.get(f"/facts/{fact_id}").headers["etag"]
    assert writer.delete(f"/articles/{poland['id']}", headers=AUTH).status_code == 204
    late = writer.patch(f"/facts/{fact_id}", json={"review_status": "accepted"},
                        headers={**AUTH, "If-Match": etag})  # fmt: skip
    assert_problem(late, 404)


def test_of_two_deletes_of_one_article_the_second_finds_nothing(
    writer, poland, other_writer, monkeypatch
):
    real = article_writes.delete_article

    def with_another_delete_between_read_and_write(session, article):
        other_writer.delete(article.id)
        return real(session, article)

    monkeypatch.setattr(
        "app.api.routes.articles.delete_article", with_another_delete_between_read_and_write
    )
    monkeypatch.setattr(writer._transport, "raise_server_exceptions", False)
    first = writer.delete(f"/articles/{poland['id']}", headers=AUTH)
    assert first.status_code == 204, first.text
    assert other_writer.finish() == "not found"
    assert_problem(writer.get(f"/articles/{poland['id']}"), 404)
