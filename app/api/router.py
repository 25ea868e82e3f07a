"""Collects the resource routers in one place."""

from fastapi import APIRouter, Depends

from app.api.deps import single_valued_query
from app.api.routes import articles, entities, facts, health

api_router = APIRouter(dependencies=[Depends(single_valued_query)])
for module in (articles, entities, facts, health):
    api_router.include_router(module.router)
