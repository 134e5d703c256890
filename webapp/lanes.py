"""Two lanes through the web server: translation work in a bounded one, everything else
(stored article pages, API reads, health, metrics) beside it, never waiting for it.

Translating routes — POST /api/v1/articles, LibreTranslate's POST /translate and the
paste form's POST / — take a slot of the app's AdmissionLane (bitexto.admission) before
they run: TRANSLATION_SLOTS engine calls at once, TRANSLATION_QUEUE more waiting at most
TRANSLATION_WAIT_SECONDS, and anything beyond refused at once: 503 with Retry-After
(429 for a client over its share), in the canonical error body, or on the paste form
with the reader's text kept. Long articles never take a slot: they become jobs.
/detect is not in the lane: language identification takes milliseconds.

The lane only helps if reads find a server thread while translations hold theirs:
`bitexto serve` runs `server_threads()` waitress threads: the lane's slots and queue
plus READ_THREADS more.

A client is what the rate limiter counts (webapp.limits.rate_limit_key): the API key
holder, else the IP address.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from flask import Flask, current_app, g, request
from flask_babel import gettext as _
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from bitexto.admission import OVER_SHARE, AdmissionLane, Refused
from bitexto.settings import Settings
from bitexto.webapp import metrics
from bitexto.webapp.errors import render_error
from bitexto.webapp.limits import rate_limit_key

EXTENSION = "bitexto_lane"
# The API routes that translate; the paste form enters the lane itself (webapp.ui), after
# it knows the article is short enough not to become a job.
TRANSLATING_ENDPOINTS = frozenset({"api.create_article", "libretranslate.translate"})
QUEUE_PER_SLOT = 4
# Threads for everything outside the lane: enough that 200 concurrent readers on a
# 2-core machine keep both cores busy without waiting for a free thread.
READ_THREADS = 16


def lane_size(settings: Settings, engine_name: str | None = None) -> tuple[int, int]:
    """(slots, queue) from the settings, sized from the cores and the engine when unset.

    Apertium runs a pipeline of processes per call, which spends most of its time
    starting up (on 2 cores: ~1 s wall, ~0.3 s CPU for a short text), so one call per
    core keeps the cores well used and leaves room for the web process's Python. Argos runs BITEXTO_ARGOS_INTER_THREADS batches in
    parallel itself; more calls at once would only wait inside CTranslate2, holding memory.
    """
    engine = engine_name if engine_name not in (None, "auto") else settings.engine_in_use()
    if settings.translation_slots:
        slots = settings.translation_slots
    elif engine == "argos":
        slots = max(1, settings.argos_inter_threads)
    else:
        slots = max(1, os.cpu_count() or 1)
    queue = settings.translation_queue if settings.translation_queue is not None else QUEUE_PER_SLOT * slots
    return slots, queue


def server_threads(app: Flask) -> int:
    """Waitress threads for `bitexto serve`: BITEXTO_THREADS, else lane + READ_THREADS."""
    settings: Settings = app.config["BITEXTO"]
    if settings.threads:
        return settings.threads
    lane = get_lane(app)
    return lane.slots + lane.queue_size + READ_THREADS


def get_lane(app: Flask | None = None) -> AdmissionLane:
    return (app or current_app).extensions[EXTENSION]


@contextmanager
def admitted() -> Iterator[None]:
    """Hold a translation slot for the block (for views that decide late, like the form)."""
    with get_lane().admitted(rate_limit_key()):
        yield


def retry_after_headers(refusal: Refused) -> dict[str, str]:
    return {"Retry-After": str(refusal.retry_after)}


def api_message(refusal: Refused) -> str:
    if refusal.reason == OVER_SHARE:
        return (f"Too many translation requests from this client at once ({refusal.running} running, "
                f"{refusal.waiting} waiting on the server): wait for yours to finish and retry after "
                f"{refusal.retry_after} s.")
    return (f"The server is busy translating ({refusal.running} running, {refusal.waiting} waiting). "
            f"Retry after {refusal.retry_after} s.")


def form_message(refusal: Refused) -> str:
    """The paste form's explanation, in the reader's language."""
    if refusal.reason == OVER_SHARE:
        return _("You already have several articles being translated. Your text is kept below. "
                 "Send it again in %(seconds)s seconds.", seconds=refusal.retry_after)
    return _("The server is busy translating other articles. Your text is kept below. "
             "Send it again in %(seconds)s seconds.", seconds=refusal.retry_after)


class LaneCollector:
    """The lane's state for /metrics: running, waiting, admitted and refused requests."""

    def __init__(self, lane: AdmissionLane):
        self.lane = lane

    def collect(self):
        counts = self.lane.counts()
        running = GaugeMetricFamily("bitexto_translation_lane_running", "Translation requests running.")
        running.add_metric([], counts.running)
        waiting = GaugeMetricFamily("bitexto_translation_lane_waiting", "Translation requests waiting for a slot.")
        waiting.add_metric([], counts.waiting)
        admitted_total = CounterMetricFamily("bitexto_translation_lane_admitted",
                                             "Translation requests given a slot.")
        admitted_total.add_metric([], counts.admitted)
        refused = CounterMetricFamily("bitexto_translation_lane_refused",
                                      "Translation requests refused, by reason.", labels=["reason"])
        for reason, count in sorted(counts.refused.items()):
            refused.add_metric([reason], count)
        yield from (running, waiting, admitted_total, refused)


def init_app(app: Flask) -> AdmissionLane:
    """Put the lane in front of the translating routes (after the rate limiter: a client
    over its rate limit hears 429 from it without touching the lane)."""
    config = app.config
    slots, queue = lane_size(config["BITEXTO"])
    lane = AdmissionLane(config.get("TRANSLATION_SLOTS") or slots,
                         config.get("TRANSLATION_QUEUE", queue),
                         config.get("TRANSLATION_WAIT_SECONDS", config["BITEXTO"].translation_wait_seconds))
    app.extensions[EXTENSION] = lane
    registry = metrics.get_metrics(app).registry
    registry.register(LaneCollector(lane))

    @app.before_request
    def enter_lane():
        if request.endpoint in TRANSLATING_ENDPOINTS:
            client = rate_limit_key()
            g.lane_ticket = (client, lane.acquire(client))

    @app.teardown_request
    def leave_lane(_error):
        ticket = g.pop("lane_ticket", None)
        if ticket is not None:
            lane.release(*ticket)

    @app.errorhandler(Refused)
    def refused(refusal: Refused):
        body, status = render_error(refusal.status, api_message(refusal))
        return body, status, retry_after_headers(refusal)

    return lane
