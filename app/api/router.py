"""Collects the resource routers in one place."""

from fastapi import Depends, FastAPI

from app.api.deps import single_valued_query
from app.api.query_params import with_one_pass_queries
from app.api.routes import articles, entities, facets, facts, health

# The most requested first: a request is matched against the routes in this order. Each
# route reading a query model is answered by a twin reading it in one pass (at import:
# the routers are shared by every app made).
ROUTERS = tuple(with_one_pass_queries(router) for router in
                (facts.router, entities.router, articles.router, facets.router,
                 health.router))  # fmt: skip


def include_routes(app: FastAPI) -> None:
    """Every resource router, straight on the app: FastAPI matches an included router's
    routes again at each level of nesting, so one level less is one pass less a request."""
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(single_valued_query)])
