"""What one app runs with, resolved once: its settings and what is made from them.

`create_app` makes the `Runtime` from the settings (nothing here reads the environment)
and hands it to each middleware when it builds it; the lifespan starts it (engine,
caches, limiter) and yields it as lifespan state, so dependencies read it from the
request (`request.state.runtime`) without looking anything up in the app.
"""

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from app.api.auth import key_digests, key_labels
from app.api.caching import ResponseCache
from app.api.ratelimit import RateLimiter
from app.api.sessions import session_secret
from app.config import Settings
from app.db import create_db_engine
from app.queries.counts import CountCache
from app.queries.version import VersionReader


@dataclass
class Runtime:
    settings: Settings
    key_digests: tuple[bytes, ...] = field(init=False)
    key_labels: dict[bytes, str] = field(init=False)  # digest -> the label reviews record
    session_secret: bytes = field(init=False, repr=False)
    sessions_shared: bool = field(init=False)  # the secret is the same in every process
    engine: Engine | None = None
    rate_limiter: RateLimiter | None = None
    response_cache: ResponseCache | None = None
    version_reader: VersionReader | None = None
    count_cache: CountCache | None = None

    def __post_init__(self) -> None:
        self.key_digests = key_digests(self.settings.api_keys.get_secret_value())
        self.key_labels = key_labels(self.key_digests, self.settings.api_key_labels)
        self.session_secret = session_secret(self.settings.session_secret.get_secret_value())
        self.sessions_shared = bool(self.settings.session_secret.get_secret_value())

    def start(self) -> Engine:
        """Open the engine and make the per-process caches and counters."""
        active = self.settings
        self.engine = create_db_engine(
            active.resolved_database_url(),
            echo=active.db_echo,
            pool_size=active.db_pool_size,
            max_overflow=active.db_max_overflow,
        )
        self.rate_limiter = RateLimiter.configure(
            active.rate_limit_reads, active.rate_limit_writes, active.rate_limit_storage
        )
        size, budget = active.response_cache_size, active.response_cache_bytes
        caching = bool(size and budget)
        self.response_cache = ResponseCache(size, budget) if caching else None
        self.version_reader = VersionReader(self.engine) if caching else None
        # Totals, a hash and the list's filter values each: kept whenever responses are.
        self.count_cache = CountCache() if caching else None
        return self.engine

    def stop(self) -> None:
        if self.version_reader is not None:
            self.version_reader.close()
        if self.engine is not None:
            self.engine.dispose()
