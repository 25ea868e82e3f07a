"""The app factory: `create_app(settings)` builds the FastAPI app; `app` is the default one.

Nothing touches the environment or the database at import time: `create_app` reads the
settings once and hands them down as a `Runtime`; the lifespan opens the engine and
migrates and seeds as configured.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.api.caching import CachingMiddleware
from app.api.docs import install_docs
from app.api.edge import EdgeMiddleware
from app.api.errors import install_error_handlers
from app.api.head import HeadMiddleware
from app.api.limits import BodySizeLimitMiddleware
from app.api.methods import SAFE_METHODS
from app.api.metrics import install_metrics
from app.api.ratelimit import RateLimitMiddleware
from app.api.responses import install_problem_media_type
from app.api.router import include_routes
from app.config import Settings
from app.logs import configure as configure_logging
from app.migrate import prepare_database
from app.runtime import Runtime
from app.web.router import include_pages

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


def install_rate_limits(app: FastAPI, runtime: Runtime) -> None:
    """Count requests per client when rates are configured; with none, add no layer at all
    (every request would pay for it)."""
    active = runtime.settings
    if active.rate_limit_reads.strip() or active.rate_limit_writes.strip():
        app.add_middleware(RateLimitMiddleware, runtime=runtime)


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Let the configured origins read the API from a browser; writes stay same-origin."""
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
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
    """The app for `settings` (default: read from the environment, here and only here)."""
    runtime = Runtime(settings or Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
        active = runtime.settings
        configure_logging(active.log_level.value, active.log_json)
        engine = runtime.start()
        shown = engine.url.render_as_string(hide_password=True)
        log.info("database %s", shown, extra={"fields": {"database": shown}})
        if not runtime.key_digests:
            log.warning("API_KEYS is empty: every write will be refused")
        elif not runtime.sessions_shared:
            log.info(
                "SESSION_SECRET is empty: page sessions hold in this process only "
                "(set it where several processes or replicas serve the pages)"
            )
        try:
            await run_in_threadpool(
                prepare_database, engine, migrate=active.auto_migrate, seed=active.auto_seed
            )
            yield {"runtime": runtime}
        finally:
            runtime.stop()

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
        # The service reports Prometheus metrics (/metrics) and JSON logs. FastAPI's own
        # OpenTelemetry would look up the global providers (reading the environment) on
        # every request: 15% of a cached answer's cost, for providers nobody configures.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    # For tools and tests that inspect a running app; requests get it from their state.
    app.state.runtime = runtime
    install_error_handlers(app)
    install_docs(app)
    install_problem_media_type(app)
    include_routes(app)
    include_pages(app)
    app.add_middleware(CachingMiddleware, runtime=runtime)
    app.add_middleware(BodySizeLimitMiddleware, max_body_bytes=runtime.settings.max_body_bytes)
    install_rate_limits(app, runtime)  # inside CORS: a browser can read its 429
    install_cors(app, runtime.settings)
    app.add_middleware(HeadMiddleware)  # every layer inside sees HEAD as the GET it is
    # Last, so outermost: it sees every answer, cached ones and refusals included.
    app.add_middleware(EdgeMiddleware, metrics=install_metrics(app, runtime))
    return app


def __getattr__(name: str) -> FastAPI:
    """`app.main:app` (for `uvicorn app.main:app`), built on first use: importing this
    module reads no setting, so a bad one is reported when an app is made, not at import."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = globals().get("_app")
    if made is None:
        made = globals()["_app"] = create_app()
    return made
