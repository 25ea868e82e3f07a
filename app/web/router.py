"""Collects the pages' routers; any other /ui address is a 404 page."""

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

from app.errors import NotFound
from app.web.routes import browse, review, session
from app.web.templating import PageRoute

fallback = APIRouter(route_class=PageRoute, include_in_schema=False)


@fallback.get("/ui/{rest:path}")
def no_page(rest: str) -> HTMLResponse:
    """Any other /ui address: a 404 page (the JSON API's unknown routes stay problems)."""
    raise NotFound("There is no such page; start from the home page.")


def include_pages(app: FastAPI) -> None:
    """The pages, after the API's routes (the contract's paths stay JSON)."""
    for router in (session.router, review.router, browse.router, fallback):
        app.include_router(router)
