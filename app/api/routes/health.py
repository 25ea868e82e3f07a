"""The liveness route, with a real round trip to the database."""

import logging

import sqlalchemy as sa
from fastapi import APIRouter
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import EngineDep, NoParamsDep
from app.api.responses import problem
from app.errors import ServiceUnavailable
from app.schemas import Health

log = logging.getLogger(__name__)

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    summary="Check health",
    response_model=Health,
    responses={503: problem("The database is unreachable.")},
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
