"""Liveness (`/health`: up, database answers) and readiness (`/ready`: migrations at head)."""

import logging

import sqlalchemy as sa
from fastapi import APIRouter
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import EngineDep, NoParamsDep
from app.api.responses import unavailable
from app.errors import ServiceUnavailable
from app.migrate import current_revision, head_revision
from app.schemas import Health, Readiness

log = logging.getLogger(__name__)

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    summary="Check health",
    response_model=Health,
    responses=unavailable("The database is unreachable."),
    operation_id="check_health",
)
def read_health(engine: EngineDep, _: NoParamsDep) -> Health:
    """Whether the service is up and its database answers."""
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        log.warning("health check: database unreachable: %s", error)
        raise ServiceUnavailable("The database is unreachable.", database="unreachable") from None
    return Health(status="ok", database="ok")


@router.get(
    "/ready",
    response_model=Readiness,
    summary="Check readiness",
    responses=unavailable("The database is unreachable or its schema is not at head."),
    operation_id="check_readiness",
)
def read_readiness(engine: EngineDep, _: NoParamsDep) -> Readiness:
    """Whether this process should get traffic: database reachable, migrations at head."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as error:
        log.warning("readiness: database unreachable: %s", error)
        raise ServiceUnavailable("The database is unreachable.", database="unreachable") from None
    head = head_revision(engine)
    if current != head:
        raise ServiceUnavailable(
            f"The schema is at {current or 'base'}, not at {head}: run article-facts migrate.",
            migration=current,
        )
    return Readiness(status="ready", database="ok", migration=current)
