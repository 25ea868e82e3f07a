"""The review queue's reads: the next unreviewed fact a list's filters select, lowest
confidence first, and how many are left. Never imports FastAPI.

The filters are those of `/facts` (`FactFilters`), written by the same conditions as the
list's statements (app.queries.fact_statements); the queue reads the fact table itself,
not the full-text index, since its order is confidence.
"""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.enums import ReviewStatus
from app.queries.fact_statements import (
    COLUMNS,
    ENTITY,
    FACT,
    FACT_ROWS,
    entity_roles,
    filter_conditions,
    with_references,
)
from app.queries.facts import fact_shape
from app.queries.keyset import counting, run_count
from app.schemas import FactFilters

UNREVIEWED = COLUMNS.review_status == sa.literal(ReviewStatus.unreviewed.value)


def queue_conditions(session: Session, filters: FactFilters) -> tuple[list, dict[str, Any]]:
    """The WHERE conditions of `filters` (review status aside) and the values they bind."""
    shape, values = fact_shape(session, filters.model_copy(update={"review_status": None}),
                               None, None)  # fmt: skip
    shape = shape._replace(from_index=False)
    conditions = filter_conditions(shape)
    if shape.entities:
        conditions.append(sa.or_(*entity_roles(sa.bindparam(ENTITY))))
    return conditions, values


def next_in_queue(
    session: Session, filters: FactFilters, after: tuple[float, int] | None = None
) -> sa.Row | None:
    """The unreviewed fact with the lowest (confidence, id) beyond `after`; a row of
    FACT_ROWS, or None when none is left."""
    conditions, values = queue_conditions(session, filters)
    if after is not None:
        confidence, fact_id = after
        conditions.append(sa.or_(COLUMNS.confidence > confidence, sa.and_(
            COLUMNS.confidence == confidence, COLUMNS.id > fact_id)))  # fmt: skip
    statement = (
        FACT_ROWS.select_from(with_references())
        .where(UNREVIEWED, *conditions)
        .order_by(COLUMNS.confidence, COLUMNS.id)
        .limit(1)
    )
    return session.connection().execute(statement, values).first()


def queue_progress(session: Session, filters: FactFilters) -> dict[str, tuple[int, bool]]:
    """(count, exact) of the facts still unreviewed and of all facts the filters select."""
    conditions, values = queue_conditions(session, filters)
    found = sa.select(COLUMNS.id).select_from(FACT)
    return {
        "left": run_count(session, counting(found.where(UNREVIEWED, *conditions)), values,
                          None, None),
        "total": run_count(session, counting(found.where(*conditions)), values, None, None),
    }  # fmt: skip
