"""Reads of the audit trail: a fact's reviews, oldest first, a keyset page at a time."""

from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Fact, FactReviewRecord
from app.queries.keyset import Listing, SortKey, count_rows, fetch_page
from app.queries.lookup import parse_id

BY_ID = SortKey("id", FactReviewRecord.id)


def list_reviews(
    session: Session, key: str, limit: int, cursor: str | None
) -> Listing[FactReviewRecord]:
    """The reviews of the fact with id `key` (a 404 when there is no such fact)."""
    fact_id = parse_id(key)
    if fact_id is None or session.get(Fact, fact_id) is None:
        raise NotFound(f"No fact {key!r}.")
    of_fact = FactReviewRecord.fact_id == fact_id
    page = fetch_page(session, select(FactReviewRecord).where(of_fact), BY_ID, limit, cursor)
    total, exact = count_rows(session, select(FactReviewRecord.id).where(of_fact))
    return Listing(rows=page.rows, total=total, total_exact=exact, next_cursor=page.next_cursor)
