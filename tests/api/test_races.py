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


def test_a_page_of_facts_and_its_total_are_one_snapshot_when_a_delete_lands_between(
    writer, poland, other_writer, monkeypatch
):
    real = fact_queries.run_count
    before = writer.get("/facts", params={"sort": "-id"}).json()

    def after_a_delete(session, *args, **kwargs):
        if other_writer.thread is None:  # between the page's query and its count
            other_writer.delete(poland["id"])
        return real(session, *args, **kwargs)

    monkeypatch.setattr(fact_queries, "run_count", after_a_delete)
    monkeypatch.setattr(writer.app.state.runtime, "response_cache", None)  # the page is read again
    monkeypatch.setattr(writer._transport, "raise_server_exceptions", False)
    page = writer.get("/facts", params={"sort": "-id"})
    assert other_writer.finish() == "deleted"
    assert page.status_code == 200, page.text
    assert page.json()["items"] == before["items"]  # the page as it was when it was read
    assert page.json()["total"] == before["total"]  # and its total, counted in that snapshot
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

    def with_a_delete_between_read_and_write(session, fact, review, **who):
        other_writer.delete(poland["id"])
        return real(session, fact, review, **who)

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


def test_a_review_landing_during_a_reextraction_is_never_silently_lost(
    writer, poland, db_url, monkeypatch
):
    """Found in review: on PostgreSQL a reextraction read the unreviewed facts unlocked and
    deleted the vanished ones by id, so an accept committed in between was deleted with
    its fact (and answered 200). Now the reextraction holds the facts it may delete: the
    review waits, then finds its fact gone (404), or it came first and the fact stays."""
    from app.extraction.candidates import ArticleCandidates
    from app.models import Article, Fact
    from app.schemas import FactReview
    from app.writes.facts import apply_review

    fact_id = poland["facts"][0]["id"]
    outcome: dict[str, str] = {}
    other = create_db_engine(db_url)

    def review() -> None:
        try:
            with Session(other) as session:
                in_transaction(session, lambda s: apply_review(
                    s, fact_queries.get_fact(s, str(fact_id), for_update=True)[0],
                    FactReview(review_status="accepted"), reviewer="racer"))  # fmt: skip
            outcome["review"] = "accepted"
        except NotFound:
            outcome["review"] = "not found"
        except Exception as error:  # reported below
            outcome["review"] = repr(error)

    real, started = article_writes.stored_claim, []

    def read_then_let_the_review_in(fact):
        if not started:  # the facts are read: the review arrives now
            started.append(threading.Thread(target=review))
            started[0].start()
            started[0].join(HEAD_START)
        return real(fact)

    monkeypatch.setattr(article_writes, "stored_claim", read_then_let_the_review_in)
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        # The rules no longer find anything: every unreviewed extracted fact is to go.
        in_transaction(session, lambda s: article_writes.reextract_article(
            s, s.get(Article, poland["id"]), ArticleCandidates([], [])))  # fmt: skip
    started[0].join(60)
    with Session(engine) as session:
        stored = session.get(Fact, fact_id)
    engine.dispose()
    other.dispose()
    if outcome["review"] == "accepted":
        assert stored is not None and stored.review_status == "accepted"
    else:
        assert outcome["review"] == "not found" and stored is None
