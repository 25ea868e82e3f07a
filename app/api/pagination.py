"""The list envelope: a query's listing as a page, with the RFC 8288 `Link: rel="next"` header."""

from typing import TypeVar

from fastapi import Request, Response
from pydantic import BaseModel

from app.api.render import json_response, page_json
from app.queries.keyset import Listing

PageT = TypeVar("PageT", bound=BaseModel)


def set_next_link(request: Request, response: Response, next_cursor: str | None) -> None:
    """Point `Link` at the same request with `cursor` replaced, when there is a next page."""
    response.headers.update(next_link(request, next_cursor) or {})


def next_link(request: Request, next_cursor: str | None) -> dict[str, str] | None:
    """The `Link` header of a page that has a next one (`set_next_link`'s, as a dict)."""
    if next_cursor is None:
        return None
    url = request.url.include_query_params(cursor=next_cursor)
    return {"Link": f'<{url}>; rel="next"'}


def page_response(
    page_type: type[PageT],
    request: Request,
    response: Response,
    listing: Listing,
    items: list,
    limit: int,
) -> PageT:
    """The envelope for `listing`, its rows already mapped to `items`; sets `Link`."""
    set_next_link(request, response, listing.next_cursor)
    return page_type(
        items=items,
        total=listing.total,
        total_exact=listing.total_exact,
        limit=limit,
        next_cursor=listing.next_cursor,
    )


def page_json_response(
    request: Request, listing: Listing, items: list[dict], limit: int, headers: dict | None = None
) -> Response:
    """The envelope for `listing` as JSON bytes made here (no model), `Link` included."""
    body = page_json(items, listing.total, listing.total_exact, limit, listing.next_cursor)
    return json_response(
        body, {**(next_link(request, listing.next_cursor) or {}), **(headers or {})}
    )
