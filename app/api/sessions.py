"""Signed sessions for the pages: a cookie naming a write key by its digest, and CSRF tokens.

The cookie holds no key: `v1.<sha256 hex of the key>.<issued, unix seconds>.<HMAC>`. The
signing secret is derived (HMAC) from SESSION_SECRET, so every worker and replica given
the same one agrees; changing it ends every session. Never imports FastAPI.
"""

import hashlib
import hmac
import secrets
import time

from app.api.auth import is_known

COOKIE = "af_session"
# The sign-in form's own token is tied to this cookie (a random nonce, before any session).
PRE_COOKIE = "af_pre"
MAX_AGE = 8 * 3600  # a working day; then sign in again
VERSION = "v1"


def session_secret(configured: str) -> bytes:
    """The key that signs sessions and CSRF tokens: from SESSION_SECRET, else random in
    this process. Never from the write keys or their digests: a reviewer holding one key
    (or anyone reading `sha256:` digests) could then sign a session naming another key.
    `article-facts serve --workers N` hands its workers one secret of its own making."""
    if not configured:
        return secrets.token_bytes(32)
    return hmac.new(b"article-facts session v1", configured.encode(), hashlib.sha256).digest()


def sign(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def new_session(secret: bytes, key: str, digests: tuple[bytes, ...]) -> str | None:
    """The cookie value for a sign-in with `key`, or None when the key is not accepted."""
    if not key or not is_known(key, digests):
        return None
    body = f"{VERSION}.{hashlib.sha256(key.encode()).hexdigest()}.{int(time.time())}"
    return f"{body}.{sign(secret, body)}"


def session_digest(
    secret: bytes, cookie: str | None, digests: tuple[bytes, ...], now: float | None = None
) -> str | None:
    """The hex digest of the key a valid, unexpired cookie names (a key still configured),
    else None."""
    if not cookie or len(cookie) > 200:
        return None
    parts = cookie.split(".")
    if len(parts) != 4 or parts[0] != VERSION or not parts[2].isdigit():
        return None
    body, signature = ".".join(parts[:3]), parts[3]
    if not hmac.compare_digest(sign(secret, body), signature):
        return None
    age = (time.time() if now is None else now) - int(parts[2])
    if not 0 <= age <= MAX_AGE:
        return None
    try:
        digest = bytes.fromhex(parts[1])
    except ValueError:
        return None
    # A key removed from API_KEYS ends its sessions at once.
    return parts[1] if any(hmac.compare_digest(digest, known) for known in digests) else None


def csrf_token(secret: bytes, cookie: str) -> str:
    """The token a form must carry: bound to the session (or pre-session) cookie it rides
    with, so a page of another site can neither read nor make it."""
    return sign(secret, f"csrf.{cookie}")


def csrf_valid(secret: bytes, cookie: str | None, token: str | None) -> bool:
    if not cookie or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, cookie), token)


def new_nonce() -> str:
    return secrets.token_hex(16)
