"""A fact's review history for its page: empty until the audit trail (GET
/facts/{id}/reviews) is there to read from."""

from sqlmodel import Session


def review_history(session: Session, fact_id: int) -> list | None:
    """The fact's reviews, oldest first; None where the store keeps no history."""
    return None
