"""Write keys: `Authorization: Bearer <key>`, checked against SHA-256 digests in constant time.

Plain keys from the configuration are hashed once and then forgotten; no key is logged.
"""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request

from app.errors import Forbidden, Unauthorized


def key_digests(api_keys: str) -> tuple[bytes, ...]:
    """The digests of the configured keys (`key` or `sha256:<hex>` entries, comma-separated)."""
    digests = []
    for entry in (part.strip() for part in api_keys.split(",")):
        if not entry:
            continue
        if entry.startswith("sha256:"):
            digests.append(bytes.fromhex(entry.removeprefix("sha256:")))
        else:
            digests.append(hashlib.sha256(entry.encode()).digest())
    return tuple(digests)


def is_known(presented: str, digests: tuple[bytes, ...]) -> bool:
    digest = hashlib.sha256(presented.encode()).digest()
    # Compare with every digest, so the time taken says nothing about which one matched.
    matches = [hmac.compare_digest(digest, known) for known in digests]
    return any(matches)


def require_write_key(request: Request) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Writes need an `Authorization: Bearer <key>` header.")
    if not is_known(token.strip(), request.app.state.key_digests):
        raise Forbidden("The key is not one this service accepts.")


WriteKey = Annotated[None, Depends(require_write_key)]
