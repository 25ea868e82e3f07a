"""The write side of review: a reviewer accepts, rejects or corrects one fact, and the
review is kept in the fact's audit trail.

Adds and flushes; the caller owns the transaction and checks the fact's ETag first.
"""

from sqlmodel import Session, select

from app.claims import FACT_CLAIM_FIELDS
from app.errors import Unprocessable
from app.extraction.restate import needs_restating, restate
from app.extraction.statements import Named
from app.models import ENTITY_ROLES, Entity, Fact, FactReviewRecord
from app.queries.lookup import parse_id
from app.schemas import FactReview
from app.writes.invariants import GroundingError, check_claim

# What the trail records of a fact, in the names a review sends (entities by slug).
RECORDED = (*FACT_CLAIM_FIELDS, *ENTITY_ROLES)


def apply_review(session: Session, fact: Fact, review: FactReview, *, reviewer: str) -> None:
    """Record a review decision and, for `corrected`, the corrected fields; a correction
    of what the statement says (and no statement of its own) says it again."""
    before = recorded(session, fact)
    old = Fact.model_validate(fact.model_dump())  # a detached copy to word the old claim
    changes = review.corrections()
    for field, column in ENTITY_ROLES.items():
        if field in changes:
            key = changes.pop(field)
            changes[column] = None if key is None else resolve_entity_key(session, field, key)
    for name, value in changes.items():
        setattr(fact, name, value)
    now = recorded(session, fact)
    changed = {name for name in RECORDED if before[name] != now[name]}
    if "statement" not in changes and needs_restating(changed):
        fact.statement = restate(old, names_of(session, old), fact, names_of(session, fact),
                                 changed)  # fmt: skip
    try:  # the check ingestion, the seed and import make
        check_claim({name: getattr(fact, name) for name in FACT_CLAIM_FIELDS}, "corrected fact")
    except GroundingError as error:
        raise Unprocessable(f"{error}.") from None
    fact.review_status = review.review_status
    fact.review_count += 1  # in the fact's ETag: whoever read it before must read it again
    session.add(fact)
    session.flush()
    after = recorded(session, fact)
    differs = {name for name in RECORDED if before[name] != after[name]} | {"review_status"}
    session.add(
        FactReviewRecord(
            fact_id=fact.id,
            reviewer=reviewer,
            review_status=review.review_status,
            note=review.note,
            before={name: before[name] for name in RECORDED if name in differs},
            after={name: after[name] for name in RECORDED if name in differs},
        )
    )
    session.flush()


def recorded(session: Session, fact: Fact) -> dict:
    """The fact's reviewable fields as JSON values, entities by slug."""
    values = {name: getattr(fact, name) for name in FACT_CLAIM_FIELDS}
    for field, column in ENTITY_ROLES.items():
        entity = _entity(session, getattr(fact, column))
        values[field] = entity.slug if entity else None
    return values


def names_of(session: Session, fact: Fact) -> Named:
    def name(entity_id: int | None) -> str | None:
        entity = _entity(session, entity_id)
        return entity.name if entity else None

    return Named(name(fact.subject_id), name(fact.object_id), name(fact.replaces_id),
                 name(fact.attributed_to_id))  # fmt: skip


def _entity(session: Session, entity_id: int | None) -> Entity | None:
    return None if entity_id is None else session.get(Entity, entity_id)


def resolve_entity_key(session: Session, field: str, key: str) -> int:
    row_id = parse_id(key)
    condition = Entity.id == row_id if row_id is not None else Entity.slug == key
    # FOR SHARE: a concurrent delete cannot prune the entity before the fact refers to it.
    entity = session.exec(select(Entity).where(condition).with_for_update(read=True)).first()
    if entity is None:
        raise Unprocessable(f"{field}: no entity {key!r}.")
    return entity.id
