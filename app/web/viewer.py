"""Who is looking at a page: signed in (a write key's session cookie) or not, and the CSRF
token their forms carry."""

from dataclasses import dataclass

from fastapi import Request

from app.api.sessions import COOKIE, PRE_COOKIE, csrf_token, session_digest


@dataclass(frozen=True)
class Viewer:
    digest: str | None  # hex SHA-256 of the signed-in key; None: signed out
    label: str | None  # who the reviews are recorded as
    csrf: str | None  # the token this viewer's forms carry

    @property
    def signed_in(self) -> bool:
        return self.digest is not None


def label_of(runtime, digest: str) -> str:
    """The label configured beside the key in API_KEYS (`key-` and 8 hex digits if none):
    who the page's reviews are recorded as, as the API records a Bearer key's."""
    return runtime.key_labels.get(bytes.fromhex(digest)) or f"key-{digest[:8]}"


def viewer_of(request: Request) -> Viewer:
    """The viewer of this request, read once and kept on it."""
    found = getattr(request.state, "viewer", None)
    if found is not None:
        return found
    runtime = request.state.runtime
    secret = runtime.session_secret
    cookie = request.cookies.get(COOKIE)
    digest = session_digest(secret, cookie, runtime.key_digests)
    if digest is not None:
        found = Viewer(digest, label_of(runtime, digest), csrf_token(secret, cookie))
    else:
        # Signed out: the sign-in form's token rides on the pre-session cookie, if any.
        pre = request.cookies.get(PRE_COOKIE)
        found = Viewer(None, None, csrf_token(secret, pre) if pre else None)
    request.state.viewer = found
    return found
