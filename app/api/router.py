"""Collects the resource routers in one place."""

from fastapi import Depends, FastAPI

from app.api.deps import single_valued_query
from app.api.routes import articles, entities, facts, health

# The most requested first: a request is matched against the routes in this order.
ROUTERS = (facts.router, entities.router, articles.router, health.router)


def include_routes(app: FastAPI) -> None:
    """Every resource router, straight on the app: FastAPI matches an included router's
    routes again at each level of nesting, so one level less is one pass less a request."""
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(single_valued_query)])
