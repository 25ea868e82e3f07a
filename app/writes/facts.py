"""The write side of review: a reviewer accepts, rejects or corrects one fact.

Adds and flushes; the caller owns the transaction and checks the fact's ETag first.
"""

from sqlmodel import Session, select

from app.claims import FACT_CLAIM_FIELDS
from app.errors import Unprocessable
from app.models import Entity, Fact
from app.queries.lookup import parse_id
from app.schemas import FactReview
from app.writes.invariants import GroundingError, check_claim


def apply_review(session: Session, fact: Fact, review: FactReview) -> None:
    """Record a review decision and, for `corrected`, the corrected fields."""
    changes = review.corrections()
    for field, column in (("subject", "subject_id"), ("object", "object_id"),
                          ("attributed_to", "attributed_to_id"),
                          ("replaces", "replaces_id")):  # fmt: skip
        if field in changes:
            key = changes.pop(field)
            changes[column] = None if key is None else resolve_entity_key(session, field, key)
    for name, value in changes.items():
        setattr(fact, name, value)
    try:  # the check ingestion, the seed and import make
        check_claim({name: getattr(fact, name) for name in FACT_CLAIM_FIELDS}, "corrected fact")
    except GroundingError as error:
        raise Unprocessable(f"{error}.") from None
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
