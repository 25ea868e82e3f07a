"""What a page's POST must pass before it writes: same origin, a session (for writes), and
the CSRF token of that session (or of the sign-in form's pre-session cookie)."""

from fastapi import Request
from starlette.datastructures import FormData

from app.api.sessions import COOKIE, PRE_COOKIE, csrf_valid
from app.errors import Forbidden, Unauthorized
from app.web.viewer import Viewer, viewer_of

MAX_FIELDS = 300  # a bulk decision's facts, with room to spare; more is refused (400)
BAD_TOKEN = "The form's CSRF token is missing or not this session's; reload the page and retry."


def check_origin(request: Request) -> None:
    """A browser names the site a POST comes from: another's is refused outright, before
    the CSRF token is even read (`null` too: an opaque origin is never this one)."""
    origin = request.headers.get("origin")
    fetched_from = request.headers.get("sec-fetch-site", "same-origin")
    if (origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}") or (
        fetched_from not in ("same-origin", "none")
    ):
        raise Forbidden("The form was sent from another site.")


async def read_form(request: Request) -> FormData:
    return await request.form(max_files=0, max_fields=MAX_FIELDS)


async def writer_form(request: Request) -> tuple[Viewer, FormData]:
    """The signed-in viewer and the form they sent, its CSRF token checked."""
    check_origin(request)
    viewer = viewer_of(request)
    if not viewer.signed_in:
        raise Unauthorized("Sign in with a write key to review facts.")
    form = await read_form(request)
    if not csrf_valid(request.state.runtime.session_secret, request.cookies.get(COOKIE),
                      _text(form.get("csrf"))):  # fmt: skip
        raise Forbidden(BAD_TOKEN)
    return viewer, form


async def sign_in_form(request: Request) -> FormData:
    """The sign-in form, its token checked against the pre-session cookie."""
    check_origin(request)
    form = await read_form(request)
    if not csrf_valid(request.state.runtime.session_secret, request.cookies.get(PRE_COOKIE),
                      _text(form.get("csrf"))):  # fmt: skip
        raise Forbidden(BAD_TOKEN)
    return form


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def form_texts(form: FormData) -> dict[str, str]:
    """The form's text fields, the last of each name (the pages send each once)."""
    return {name: value for name, value in form.multi_items() if isinstance(value, str)}
