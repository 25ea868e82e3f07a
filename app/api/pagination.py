"""The list envelope's HTTP side: the RFC 8288 `Link: <...>; rel="next"` header."""

from fastapi import Request, Response


def set_next_link(request: Request, response: Response, next_cursor: str | None) -> None:
    """Point `Link` at the same request with `cursor` replaced, when there is a next page."""
    if next_cursor is None:
        return
    url = request.url.include_query_params(cursor=next_cursor)
    response.headers["Link"] = f'<{url}>; rel="next"'
