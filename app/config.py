"""Settings read from the environment, each with a safe default.

Imports nothing from the rest of the app, so every layer may depend on it.
"""

import os
import re
from enum import StrEnum
from pathlib import Path

from limits import parse_many
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Where the SQLite file lives when nothing is configured (XDG data home)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "article-facts"


class LogLevel(StrEnum):
    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"


# An API_KEY_LABELS entry: a label, "=", the key's SHA-256 digest or its first 8+ digits.
LABEL_ENTRY = re.compile(
    r"(?P<label>[A-Za-z0-9][A-Za-z0-9_.@-]{0,79})=(?:sha256:)?(?P<digest>[0-9a-fA-F]{8,64})"
)


class Settings(BaseSettings):
    """Service configuration; every field maps to an environment variable of the same name."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store. Unset: an SQLite file `facts.db` in DATA_DIR.",
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Directory for the default SQLite database; created on first run.",
    )
    auto_migrate: bool = Field(
        default=True, description="Upgrade the schema to the newest migration at start-up."
    )
    auto_seed: bool = Field(
        default=True, description="Load the seed article and its curated facts at start-up."
    )
    log_level: LogLevel = Field(default=LogLevel.info, description="Logging level.")
    log_json: bool = Field(
        default=True,
        description="Log one JSON object a line (with the request id); false: plain text.",
    )
    db_echo: bool = Field(default=False, description="Log every SQL statement (debugging).")
    db_pool_size: int = Field(
        default=5, ge=1, description="Database connections each worker keeps open."
    )
    db_max_overflow: int = Field(
        default=10,
        ge=0,
        description="Extra connections a worker may open at peaks.",
    )
    api_keys: SecretStr = Field(
        default=SecretStr(""),
        description="Comma-separated write keys, each a key or `sha256:<hex digest>` of one, "
        "Empty: every write is refused.",
    )
    api_key_labels: str = Field(
        default="",
        description="Comma-separated `label=<digest>` entries naming the write keys in the "
        "audit trail: the key's SHA-256 hex digest or its first 8 or more digits (as the "
        "trail shows an unlabelled key: `key-<8 digits>`).",
    )
    session_secret: SecretStr = Field(
        default=SecretStr(""),
        description="The secret the pages' session cookies and CSRF tokens are signed with "
        "(via HMAC); empty: random per process (`serve --workers N` shares one of its own "
        "making among its workers; replicas need this set).",
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins browsers may read the API from (GET only); "
        "empty: no CORS headers.",
    )
    response_cache_size: int = Field(
        default=512, ge=0, description="Responses each worker keeps for repeated GETs; 0: none."
    )
    response_cache_bytes: int = Field(
        default=16 * 1024 * 1024,
        ge=0,
        description="Bytes of responses each worker keeps (bodies, headers and keys); 0: none. "
        "A response over an eighth of it is served but not kept.",
    )
    max_body_bytes: int = Field(
        default=1024 * 1024, ge=1, description="Largest request body accepted (413 beyond)."
    )

    forwarded_allow_ips: str = Field(
        default="",
        description="Comma-separated addresses or networks of the proxies whose "
        "X-Forwarded-For and X-Forwarded-Proto are believed; empty: none, `*`: any.",
    )
    http_max_header_bytes: int = Field(
        default=32 * 1024,
        ge=1024,
        description="Largest request head (request line and headers) read; 431 beyond.",
    )
    http_max_headers: int = Field(
        default=100, ge=10, description="Most header fields a request may have; 431 beyond."
    )
    http_header_timeout: float = Field(
        default=10,
        gt=0,
        description="Seconds a client has to send a request's head; 408 and closed after.",
    )
    http_body_timeout: float = Field(
        default=30,
        gt=0,
        description="Seconds a client has to send a request's body once the head is in; "
        "408 and closed after.",
    )

    rate_limit_reads: str = Field(
        default="600/minute",
        description="Reads each client address may make, e.g. `10/second;600/minute`; "
        "empty: unlimited. /health, /ready and /metrics are never limited.",
    )
    rate_limit_writes: str = Field(
        default="120/minute",
        description="Writes each key may make (writes without a valid key count per "
        "address); empty: unlimited.",
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description="Where the counts live: `memory://` (each worker counts alone) or a "
        "shared store such as `redis://host:6379` (install `limits[redis]`).",
    )

    @field_validator("rate_limit_reads", "rate_limit_writes")
    @classmethod
    def rates_parse(cls, value: str) -> str:
        if value.strip():
            parse_many(value)  # raises ValueError on a malformed rate
        return value

    @field_validator("api_keys")
    @classmethod
    def digests_are_hex(cls, value: SecretStr) -> SecretStr:
        for entry in value.get_secret_value().split(","):
            key = entry.strip()
            digest = key.removeprefix("sha256:")
            if key.startswith("sha256:") and not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
                raise ValueError("a sha256: entry needs a 64-digit hex digest")
        return value

    @field_validator("api_key_labels")
    @classmethod
    def labels_are_label_digest_pairs(cls, value: str) -> str:
        for entry in (part.strip() for part in value.split(",")):
            if entry and not LABEL_ENTRY.fullmatch(entry):
                raise ValueError(f"{entry!r} is not `label=<SHA-256 hex digest, 8+ digits>`")
        return value

    def resolved_database_url(self) -> str:
        """The configured URL, or the default SQLite file (its directory is created)."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'facts.db').resolve()}"
