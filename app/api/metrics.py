"""Prometheus metrics: requests by route and status, their latency, and the store's size.

Each app has its own registry (several apps in one process, as in tests, do not clash);
each worker process reports its own requests. Routes are labelled by their template
(`/facts/{id}`), never by the raw path, so the label set stays small.
"""

import time

import sqlalchemy as sa
from fastapi import FastAPI, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.models import Article, Entity, Fact


class StoreCollector:
    """Rows in the store, counted when Prometheus scrapes."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def collect(self):
        engine = getattr(self.app.state, "engine", None)
        if engine is None:
            return
        gauge = GaugeMetricFamily("article_facts_stored", "Rows in the store.", labels=["kind"])
        with engine.connect() as connection:
            for kind, table in (("articles", Article), ("facts", Fact), ("entities", Entity)):
                count = connection.execute(sa.select(sa.func.count()).select_from(table))
                gauge.add_metric([kind], count.scalar_one())
        yield gauge


class MetricsMiddleware:
    """The outermost layer, so it also counts what the response cache answers."""

    def __init__(self, app: ASGIApp, requests: Counter, latency: Histogram) -> None:
        self.app, self.requests, self.latency = app, requests, latency

    @staticmethod
    def template(scope: Scope) -> str:
        # A cached answer never reaches the router; the cache says which route it was.
        route = getattr(scope.get("route"), "path", None)
        return route or scope.get("route_template") or "unmatched"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            template = self.template(scope)
            self.requests.labels(scope["method"], template, str(status)).inc()
            self.latency.labels(template).observe(time.perf_counter() - started)


def install_metrics(app: FastAPI) -> None:
    """Count every request and serve GET /metrics in the Prometheus text format."""
    registry = CollectorRegistry()
    requests = Counter("article_facts_requests", "HTTP requests answered.",
                       ["method", "route", "status"], registry=registry)  # fmt: skip
    latency = Histogram("article_facts_request_seconds", "Time to answer a request.",
                        ["route"], registry=registry)  # fmt: skip
    registry.register(StoreCollector(app))
    app.add_middleware(MetricsMiddleware, requests=requests, latency=latency)

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
