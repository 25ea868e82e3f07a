"""Prometheus metrics: requests by route and status, their latency, and the store's size.

Each app has its own registry (several apps in one process, as in tests, do not clash);
each worker process reports its own requests. Routes are labelled by their template
(`/facts/{id}`), never by the raw path, so the label set stays small.
"""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from fastapi import FastAPI, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from starlette.types import Scope

from app.api.methods import HTTP_METHODS
from app.models import Article, Entity, Fact

if TYPE_CHECKING:
    from app.runtime import Runtime


class StoreCollector:
    """Rows in the store, counted when Prometheus scrapes."""

    def __init__(self, runtime: "Runtime") -> None:
        self.runtime = runtime

    def collect(self):
        engine = self.runtime.engine
        if engine is None:
            return
        gauge = GaugeMetricFamily("article_facts_stored", "Rows in the store.", labels=["kind"])
        with engine.connect() as connection:
            for kind, table in (("articles", Article), ("facts", Fact), ("entities", Entity)):
                count = connection.execute(sa.select(sa.func.count()).select_from(table))
                gauge.add_metric([kind], count.scalar_one())
        yield gauge


class ResponseCacheCollector:
    """Answers the response cache served and those it had to compute, in this process."""

    def __init__(self, runtime: "Runtime") -> None:
        self.runtime = runtime

    def collect(self):
        cache = self.runtime.response_cache
        if cache is None:
            return
        counter = CounterMetricFamily("article_facts_response_cache",
                                      "GET answers by whether the response cache held them.",
                                      labels=["result"])  # fmt: skip
        counter.add_metric(["hit"], cache.hits)
        counter.add_metric(["miss"], cache.misses)
        yield counter


class RequestMetrics:
    """Counts each answered request and its latency, and the requests being answered now
    (the edge middleware reports them)."""

    def __init__(self, requests: Counter, latency: Histogram) -> None:
        self.requests, self.latency = requests, latency
        # A plain count (one event loop changes it), reported by InProgressCollector: a
        # backlog of slow requests still running after their clients left shows here.
        self.in_progress = 0
        # Labelled children by (method, route, status): `labels()` costs more than counting.
        self.children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    @staticmethod
    def template(scope: Scope) -> str:
        # A cached answer never reaches the router; the cache says which route it was.
        route = getattr(scope.get("route"), "path", None)
        return route or scope.get("route_template") or "unmatched"

    def record(self, scope: Scope, status: int, seconds: float) -> None:
        # Any token is a method to the HTTP parser: others are counted together, so a
        # client cannot grow the label set (and the memory) one made-up method at a time.
        method = scope["method"] if scope["method"] in HTTP_METHODS else "other"
        key = (method, self.template(scope), status)
        children = self.children.get(key)
        if children is None:
            children = (self.requests.labels(method, key[1], str(status)),
                        self.latency.labels(key[1]))  # fmt: skip
            self.children[key] = children
        children[0].inc()
        children[1].observe(seconds)


class InProgressCollector:
    """Requests this process has begun and not yet answered, the scrape itself included."""

    def __init__(self, metrics: RequestMetrics) -> None:
        self.metrics = metrics

    def collect(self):
        yield GaugeMetricFamily("article_facts_requests_in_progress",
                                "Requests begun and not yet answered.",
                                value=self.metrics.in_progress)  # fmt: skip


def install_metrics(app: FastAPI, runtime: "Runtime") -> RequestMetrics:
    """Serve GET /metrics in the Prometheus text format; returns what counts requests."""
    registry = CollectorRegistry()
    requests = Counter("article_facts_requests", "HTTP requests answered.",
                       ["method", "route", "status"], registry=registry)  # fmt: skip
    latency = Histogram("article_facts_request_seconds", "Time to answer a request.",
                        ["route"], registry=registry)  # fmt: skip
    registry.register(StoreCollector(runtime))
    registry.register(ResponseCacheCollector(runtime))
    counted = RequestMetrics(requests, latency)
    registry.register(InProgressCollector(counted))

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return counted
