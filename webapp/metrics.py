"""Prometheus metrics of one app: requests, latency, sentences translated, cache use.

Each app has its own CollectorRegistry (not prometheus_client's global one), so several
apps in one process — tests, or an app per worker thread pool — never share or clash.
The translation cache counters are read from the app's CachedEngine when scraped (the
caller says where to find it, so metrics need not know the service layer).
"""

from __future__ import annotations

import time
from typing import Callable

from flask import Flask, current_app, g, request, request_finished, request_started
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily

EXTENSION = "bitexto_metrics"
# Reads of stored articles take milliseconds; translating a long article with Argos on
# a small CPU takes tens of seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# Requests that match no route are labelled as one endpoint: random paths must not make
# a time series each.
UNMATCHED = "<unmatched>"


class EngineCacheCollector:
    """Translation cache hits and misses of the app's engine, 0 until it is loaded."""

    def __init__(self, loaded_engine: Callable[[], object | None]):
        self.loaded_engine = loaded_engine

    def collect(self):
        engine = self.loaded_engine()
        hits = CounterMetricFamily(
            "bitexto_translation_cache_hits", "Sentences whose translation came from the cache."
        )
        misses = CounterMetricFamily(
            "bitexto_translation_cache_misses", "Distinct sentences the engine had to translate."
        )
        hits.add_metric([], getattr(engine, "hits", 0))
        misses.add_metric([], getattr(engine, "misses", 0))
        yield hits
        yield misses


class Metrics:
    def __init__(self, loaded_engine: Callable[[], object | None]):
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "bitexto_http_requests", "HTTP requests by endpoint, method and status.",
            ["endpoint", "method", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            "bitexto_http_request_duration_seconds", "Time to answer a request, by endpoint.",
            ["endpoint"], buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.sentences = Counter(
            "bitexto_sentences_translated", "Sentences translated (from the cache or the engine).",
            registry=self.registry,
        )
        self.registry.register(EngineCacheCollector(loaded_engine))

    def render(self) -> bytes:
        return generate_latest(self.registry)


def init_app(app: Flask, loaded_engine: Callable[[], object | None]) -> Metrics:
    """Count the app's requests; `loaded_engine()` is its caching engine, or None before it loads."""
    metrics = Metrics(loaded_engine)
    app.extensions[EXTENSION] = metrics

    # Signals rather than before/after_request hooks: request_started fires before any
    # before_request function (so a request refused by the rate limiter is timed too)
    # and request_finished after every response, error pages included.
    def started(sender: Flask, **_extra) -> None:
        g.metrics_started = time.perf_counter()

    def finished(sender: Flask, response, **_extra) -> None:
        endpoint = request.url_rule.rule if request.url_rule is not None else UNMATCHED
        metrics.requests.labels(endpoint, request.method, str(response.status_code)).inc()
        start = g.get("metrics_started")
        if start is not None:
            metrics.latency.labels(endpoint).observe(time.perf_counter() - start)

    request_started.connect(started, app, weak=False)
    request_finished.connect(finished, app, weak=False)
    return metrics


def count_sentences(count: int) -> None:
    """Record `count` translated sentences on the current app (no-op without metrics)."""
    metrics = current_app.extensions.get(EXTENSION)
    if metrics is not None:
        metrics.sentences.inc(count)


def get_metrics(app: Flask | None = None) -> Metrics:
    return (app or current_app).extensions[EXTENSION]
