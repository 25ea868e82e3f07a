"""Renders the pages' Jinja2 templates into HTML responses with the pages' strict policy,
and turns errors raised on page routes into HTML error pages (the API keeps problem+json)."""

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.enums import FactType, Modality, Origin, ReviewStatus
from app.errors import AppError
from app.schemas import FactSort
from app.web.viewer import viewer_of

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
# Scripts and styles from the app's own files only; nothing inline, nothing framed, forms
# posted only here (CSP Level 3: `form-action` also covers where a form's redirect goes).
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_POLICY,
    # Pages carry per-session CSRF tokens: never kept by a browser or a shared cache.
    "Cache-Control": "no-store",
    # Not the API's no-referrer: under it a browser's form POST says `Origin: null`, and
    # the pages' POSTs are refused unless they name this origin (app.web.guard).
    "Referrer-Policy": "same-origin",
}


def query(**params: Any) -> str:
    """A query string of the params that have a value (a template helper)."""
    return urlencode({name: value for name, value in params.items() if value not in (None, "")})


TEMPLATES.globals.update(
    qs=query,
    fact_types=[v.value for v in FactType],
    review_statuses=[v.value for v in ReviewStatus],
    origins=[v.value for v in Origin],
    modalities=[v.value for v in Modality],
    sorts=[v.value for v in FactSort],
)


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The template `name` with `context`, the viewer (signed in or not) and the policy."""
    viewer = viewer_of(request)
    full = {"viewer": viewer, "csrf": viewer.csrf, "path": request.url.path, **context}
    # Rendered here rather than by Starlette's TemplateResponse, whose extra "debug"
    # message under the test client would reach the caching layer as a body.
    body = TEMPLATES.get_template(name).render(full)
    return HTMLResponse(body, status_code=status, headers={**PAGE_HEADERS, **(headers or {})})


def error_page(request: Request, status: int, title: str, detail: str,
               headers: dict[str, str] | None = None, **extra: Any) -> HTMLResponse:  # fmt: skip
    context = {"status": status, "title": title, "detail": detail, **extra}
    return render(request, "error.html", context, status, headers)


class PageRoute(APIRoute):
    """A page route: the service's errors (404, 403, 422 ...) answered as HTML pages."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def answer(request: Request):
            try:
                return await handler(request)
            except AppError as error:
                return error_page(request, error.status, error.title, error.detail,
                                  headers=error.headers)  # fmt: skip
            except RequestValidationError as error:
                problems = [f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}"
                            for e in error.errors()]  # fmt: skip
                return error_page(request, 422, "Invalid request",
                                  "The request is not valid.", problems=problems)  # fmt: skip

        return answer
