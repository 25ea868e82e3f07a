"""Write keys: `Authorization: Bearer <key>`, checked against SHA-256 digests in constant time.

Plain keys from the configuration are hashed once and then forgotten; no key is logged.
Each key has a label (API_KEY_LABELS), the name its reviews are recorded under.
"""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import LABEL_ENTRY
from app.errors import Forbidden, Unauthorized


def key_digests(api_keys: str) -> tuple[bytes, ...]:
    """The digests of the configured keys (`key` or `sha256:<hex>` entries, comma-separated)."""
    digests = []
    for entry in (part.strip() for part in api_keys.split(",")):
        if entry.startswith("sha256:"):
            digests.append(bytes.fromhex(entry.removeprefix("sha256:")))
        elif entry:
            digests.append(hashlib.sha256(entry.encode()).digest())
    return tuple(digests)


def key_labels(digests: tuple[bytes, ...], api_key_labels: str) -> dict[bytes, str]:
    """Each key's label (digest -> label): the one API_KEY_LABELS gives it by its digest or
    a prefix of 8+ digits, else `key-` and the digest's first 8 digits."""
    labels = {digest: f"key-{digest.hex()[:8]}" for digest in digests}
    for entry in (part.strip() for part in api_key_labels.split(",")):
        if not entry:
            continue
        named = LABEL_ENTRY.fullmatch(entry)
        prefix = named["digest"].lower()
        matching = [digest for digest in digests if digest.hex().startswith(prefix)]
        if len(matching) != 1:
            found = "no key" if not matching else "several keys"
            raise ValueError(f"API_KEY_LABELS: {named['label']}={prefix} names {found}")
        labels[matching[0]] = named["label"]
    return labels


def is_known(presented: str, digests: tuple[bytes, ...]) -> bool:
    digest = hashlib.sha256(presented.encode()).digest()
    # Compare with every digest, so the time taken says nothing about which one matched.
    matches = [hmac.compare_digest(digest, known) for known in digests]
    return any(matches)


def known_key_digest(authorization: str, digests: tuple[bytes, ...]) -> str | None:
    """The hex digest of a `Bearer` key this service accepts, else None (for counting a
    key's requests without holding the key)."""
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or not is_known(token, digests):
        return None
    return hashlib.sha256(token.encode()).hexdigest()


# Declares the scheme in the OpenAPI document (the docs' "Authorize" button, and clients
# and fuzzers learn which operations need a key); the errors stay this service's problems.
bearer = HTTPBearer(
    auto_error=False, scheme_name="WriteKey", description="A key from the service's API_KEYS."
)


async def require_write_key(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> str:
    """The label of the caller's write key (who a review is recorded as)."""
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise Unauthorized("Writes need an `Authorization: Bearer <key>` header.")
    runtime = request.state.runtime
    if not is_known(token, runtime.key_digests):
        raise Forbidden("The key is not one this service accepts.")
    return runtime.key_labels[hashlib.sha256(token.encode()).digest()]


WriteKey = Annotated[str, Depends(require_write_key)]
