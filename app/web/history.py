"""A fact's review history for its page, read from the audit trail (app.queries.reviews)."""

from sqlmodel import Session

from app.queries.reviews import list_reviews

SHOWN = 200  # the first reviews; a fact reviewed more often links to the JSON for the rest


def review_history(session: Session, fact_id: int) -> list:
    """The fact's first SHOWN reviews, oldest first (audit rows: reviewer, decided_at,
    decision, note, before, after)."""
    return list(list_reviews(session, str(fact_id), SHOWN, None).rows)
