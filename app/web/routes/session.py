"""Signing in with a write key (a session cookie that holds no key) and signing out."""

import re

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.api.sessions import COOKIE, MAX_AGE, PRE_COOKIE, new_nonce, new_session
from app.web.guard import form_texts, sign_in_form, writer_form
from app.web.templating import PAGE_HEADERS, PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
# Where a sign-in may send the browser on: a page of this service, never another site.
LOCAL_PAGE = re.compile(r"/(ui/[A-Za-z0-9/_.-]*)?(\?[A-Za-z0-9=&%_.:+-]*)?")


def set_cookie(request: Request, response: Response, name: str, value: str, age: int) -> None:
    # Lax: links from elsewhere open signed in; another site's POST never carries it.
    response.set_cookie(name, value, max_age=age, path="/", httponly=True, samesite="lax",
                        secure=request.url.scheme == "https")  # fmt: skip


def local_next(raw: str | None) -> str:
    return raw if raw and len(raw) < 500 and LOCAL_PAGE.fullmatch(raw) else "/ui/review"


@router.get("/ui/sign-in")
def sign_in_page(request: Request, next: str | None = None) -> Response:
    """The sign-in form; its CSRF token rides on a pre-session cookie set here."""
    nonce = request.cookies.get(PRE_COOKIE)
    fresh = nonce is None or len(nonce) != 32
    if fresh:
        nonce = new_nonce()
        request.cookies[PRE_COOKIE] = nonce  # so this very page's form carries its token
    response = render(request, "sign_in.html", {"next": local_next(next)})
    if fresh:
        set_cookie(request, response, PRE_COOKIE, nonce, 3600)
    return response


@router.post("/ui/sign-in")
async def sign_in(request: Request) -> Response:
    """Check the key and start a session; the key itself is not kept anywhere."""
    form = form_texts(await sign_in_form(request))
    runtime = request.state.runtime
    cookie = new_session(runtime.session_secret, form.get("key", "").strip()[:500],
                         runtime.key_digests)  # fmt: skip
    if cookie is None:
        context = {"next": local_next(form.get("next")),
                   "error": "That key is not one this service accepts."}  # fmt: skip
        return render(request, "sign_in.html", context, status=403)
    response = RedirectResponse(local_next(form.get("next")), status_code=303)
    response.headers.update(PAGE_HEADERS)
    set_cookie(request, response, COOKIE, cookie, MAX_AGE)
    response.delete_cookie(PRE_COOKIE, path="/")
    return response


@router.post("/ui/sign-out")
async def sign_out(request: Request) -> Response:
    """End the session: the cookie is cleared."""
    await writer_form(request)
    response = RedirectResponse("/", status_code=303)
    response.headers.update(PAGE_HEADERS)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax",
                           secure=request.url.scheme == "https")  # fmt: skip
    return response
