"""The app factory: `create_app(settings)` builds the FastAPI app; `app` is the default one.

Nothing touches the environment or the database at import time: settings are read
and the engine created in the lifespan, which also migrates and seeds as configured.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.api.auth import key_digests
from app.api.caching import CachingMiddleware, ResponseCache
from app.api.docs import install_docs
from app.api.edge import EdgeMiddleware
from app.api.errors import install_error_handlers
from app.api.head import HeadMiddleware
from app.api.limits import BodySizeLimitMiddleware
from app.api.methods import SAFE_METHODS
from app.api.metrics import install_metrics
from app.api.ratelimit import RateLimiter, RateLimitMiddleware
from app.api.responses import install_problem_media_type
from app.api.router import api_router
from app.config import Settings
from app.db import create_db_engine
from app.logs import configure as configure_logging
from app.migrate import prepare_database
from app.queries.version import VersionReader

log = logging.getLogger(__name__)

DESCRIPTION = """
Facts extracted from news articles, each grounded in its source: every fact carries
the exact quote that supports it and the quote's character offsets in the article
(`text[start:end] == quote`, counted in Unicode code points).

Lists are paged with opaque cursors (`next_cursor`, and a `Link: rel="next"` header),
every GET has an `ETag`, and every error is RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "facts", "description": "Claims made by articles, with their evidence."},
    {"name": "entities", "description": "Organisations, countries, people, programmes, places."},
    {"name": "articles", "description": "The stored articles, verbatim."},
    {"name": "service", "description": "Health of the running service."},
]


def install_rate_limits(app: FastAPI, settings: Settings | None) -> None:
    """Count requests per client when rates are configured; with none, add no layer at all
    (every request would pay for it). The limiter itself is made in the lifespan."""
    active = settings or Settings()
    if active.rate_limit_reads.strip() or active.rate_limit_writes.strip():
        app.add_middleware(RateLimitMiddleware)


def install_cors(app: FastAPI, settings: Settings | None) -> None:
    """Let the configured origins read the API from a browser; writes stay same-origin.

    Middleware is built before the lifespan reads the environment, so the origins come
    from the settings given to the factory, or from the environment here.
    """
    origins = [o.strip() for o in (settings or Settings()).cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=sorted(SAFE_METHODS),
            allow_headers=["If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "Link", "X-Request-ID"],
            max_age=600,
        )


def create_app(settings: Settings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        active = settings or Settings()
        configure_logging(active.log_level.value, active.log_json)
        engine = create_db_engine(
            active.resolved_database_url(),
            echo=active.db_echo,
            pool_size=active.db_pool_size,
            max_overflow=active.db_max_overflow,
        )
        shown = engine.url.render_as_string(hide_password=True)
        log.info("database %s", shown, extra={"fields": {"database": shown}})
        await run_in_threadpool(
            prepare_database, engine, migrate=active.auto_migrate, seed=active.auto_seed
        )
        app.state.settings = active
        app.state.engine = engine
        app.state.key_digests = key_digests(active.api_keys.get_secret_value())
        if not app.state.key_digests:
            log.warning("API_KEYS is empty: every write will be refused")
        app.state.rate_limiter = RateLimiter.configure(
            active.rate_limit_reads, active.rate_limit_writes, active.rate_limit_storage
        )
        size = active.response_cache_size
        app.state.response_cache = ResponseCache(size) if size else None
        app.state.version_reader = VersionReader(engine) if size else None
        try:
            yield
        finally:
            if app.state.version_reader is not None:
                app.state.version_reader.close()
            engine.dispose()

    app = FastAPI(
        title="article-facts",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        # The contract has no trailing slashes; "/facts/" is an unknown route, not a redirect.
        redirect_slashes=False,
    )
    install_error_handlers(app)
    install_docs(app)
    install_problem_media_type(app)
    app.include_router(api_router)
    app.add_middleware(CachingMiddleware)
    app.add_middleware(BodySizeLimitMiddleware)
    install_rate_limits(app, settings)  # inside CORS: a browser can read its 429
    install_cors(app, settings)
    app.add_middleware(HeadMiddleware)  # every layer inside sees HEAD as the GET it is
    # Last, so outermost: it sees every answer, cached ones and refusals included.
    app.add_middleware(EdgeMiddleware, metrics=install_metrics(app))
    return app


app = create_app()
