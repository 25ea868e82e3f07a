"""Collects the resource routers in one place."""

from fastapi import APIRouter

from app.api.routes import articles, entities, facts, health

api_router = APIRouter()
for module in (articles, entities, facts, health):
    api_router.include_router(module.router)
