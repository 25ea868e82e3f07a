"""The write side of review: a reviewer accepts, rejects or corrects one fact.

Adds and flushes; the caller owns the transaction and checks the fact's ETag first.
"""

from sqlmodel import Session, select

from app.errors import Unprocessable
from app.models import Entity, Fact
from app.queries.lookup import parse_id
from app.schemas import FactReview


def apply_review(session: Session, fact: Fact, review: FactReview) -> None:
    """Record a review decision and, for `corrected`, the corrected fields."""
    changes = review.corrections()
    for field, column in (("subject", "subject_id"), ("object", "object_id"),
                          ("attributed_to", "attributed_to_id")):  # fmt: skip
        if field in changes:
            key = changes.pop(field)
            changes[column] = None if key is None else resolve_entity_key(session, field, key)
    for name, value in changes.items():
        setattr(fact, name, value)
    start, end = fact.period_start, fact.period_end
    if start is not None and end is not None and start > end:
        raise Unprocessable("period_start must not be after period_end.")
    if fact.rank is not None and fact.rank_total is not None and fact.rank > fact.rank_total:
        raise Unprocessable("rank must not be greater than rank_total.")
    fact.review_status = review.review_status
    session.add(fact)
    session.flush()


def resolve_entity_key(session: Session, field: str, key: str) -> int:
    row_id = parse_id(key)
    condition = Entity.id == row_id if row_id is not None else Entity.slug == key
    # FOR SHARE: a concurrent delete cannot prune the entity before the fact refers to it.
    entity = session.exec(select(Entity).where(condition).with_for_update(read=True)).first()
    if entity is None:
        raise Unprocessable(f"{field}: no entity {key!r}.")
    return entity.id
