"""Admission control for translation work: a fixed number of engine calls at once, a short
bounded wait queue, and an immediate, fair "no" when both are full.

Why: a web server has a fixed pool of threads. A translation request that holds one for
seconds, behind others waiting for the engine, leaves fewer threads for cheap reads, and
a queue without a bound turns a burst into minutes of waiting for everybody. The lane
keeps translation work to `slots` at a time and at most `queue_size` waiting, and says
"no" at once, with a Retry-After estimate, when a request could not start within
`max_wait` seconds. A waiting request gives up after `max_wait` (a safety net: the
estimate should have refused it earlier).

Fairness between clients (an IP address or an API key): a freed slot goes to the waiting
client with the fewest requests running, so a client with a hundred queued requests does
not run them all before another's one (among clients with as many running, the one
served longest ago goes first); and when the queue is full, a newcomer with fewer
requests in progress than the heaviest waiting client takes the place of that client's
newest waiter, which is refused as over its share (429). A refusal is 503 when the server
is simply busy and 429 when the client itself holds more than its share.

No Flask here: webapp.lanes puts the lane in front of the translating routes.
"""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

BUSY = "busy"  # the lane and its queue are full
OVER_SHARE = "over_share"  # this client holds more than its share of the lane
WAITED_TOO_LONG = "waited_too_long"  # queued, but no slot came within max_wait
# The smoothing of the observed service time: recent requests count most, one slow
# article does not swing the estimate.
SERVICE_TIME_WEIGHT = 0.2


class Refused(Exception):
    """The lane will not take this request now; `retry_after` is a whole number of seconds."""

    def __init__(self, reason: str, retry_after: int, running: int, waiting: int):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.running = running
        self.waiting = waiting

    @property
    def status(self) -> int:
        return 429 if self.reason == OVER_SHARE else 503


@dataclass
class _Waiter:
    client: str
    order: int
    granted: threading.Event = field(default_factory=threading.Event)
    bumped: bool = False


@dataclass
class LaneCounts:
    running: int
    waiting: int
    admitted: int
    refused: Counter


class AdmissionLane:
    def __init__(self, slots: int, queue_size: int, max_wait: float):
        if slots < 1:
            raise ValueError("a lane needs at least one slot")
        self.slots = slots
        self.queue_size = queue_size
        self.max_wait = max_wait
        self._lock = threading.Lock()
        self._running: Counter[str] = Counter()
        self._running_total = 0
        self._waiting: dict[str, deque[_Waiter]] = {}
        self._waiting_total = 0
        self._order = itertools.count()
        # When each active client was last given a slot: of two clients with as few
        # running, the one served longer ago goes first.
        self._last_served: dict[str, int] = {}
        self._service_seconds = 0.0  # 0 until a request has finished: optimistic at first
        self._admitted = 0
        self._refused: Counter[str] = Counter()

    @contextmanager
    def admitted(self, client: str) -> Iterator[None]:
        """Hold a slot for the block; raises Refused instead of waiting beyond max_wait."""
        started = self.acquire(client)
        try:
            yield
        finally:
            self.release(client, started)

    def acquire(self, client: str) -> float:
        """Take a slot (waiting at most max_wait) and return when it was taken."""
        with self._lock:
            if self._running_total < self.slots and not self._waiting_total:
                return self._start(client)
            waiter = self._enqueue_or_refuse(client)
        waiter.granted.wait(self.max_wait)
        with self._lock:
            # Decided under the lock: release() may have granted it just as the wait ran out.
            if waiter.granted.is_set() and not waiter.bumped:
                return time.monotonic()
            if waiter.bumped:
                raise self._refusal(OVER_SHARE)
            self._remove(waiter)
            raise self._refusal(WAITED_TOO_LONG)

    def release(self, client: str, started: float) -> None:
        elapsed = time.monotonic() - started
        with self._lock:
            self._service_seconds = (elapsed if not self._service_seconds else
                                     (1 - SERVICE_TIME_WEIGHT) * self._service_seconds
                                     + SERVICE_TIME_WEIGHT * elapsed)
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]
                if client not in self._waiting:
                    self._last_served.pop(client, None)  # gone: a later return starts afresh
            self._running_total -= 1
            if self._waiting_total:
                self._grant_next()

    def counts(self) -> LaneCounts:
        with self._lock:
            return LaneCounts(self._running_total, self._waiting_total, self._admitted, Counter(self._refused))

    def retry_after(self) -> int:
        """Seconds until the requests waiting now should have started, at least 1."""
        with self._lock:
            return self._retry_after()

    # --- under the lock -----------------------------------------------------------

    def _start(self, client: str) -> float:
        self._running[client] += 1
        self._running_total += 1
        self._admitted += 1
        self._last_served[client] = next(self._order)
        return time.monotonic()

    def _held(self, client: str) -> int:
        return self._running[client] + len(self._waiting.get(client, ()))

    def _expected_wait(self, position: int) -> float:
        """How long the request at `position` in the queue (0: next) should wait."""
        return (position // self.slots + 1) * self._service_seconds

    def _retry_after(self) -> int:
        # When the requests waiting now should all have started: the earliest a newcomer
        # can expect room when others are refused too. (The next free slot, sooner, brings
        # every refused client back at once, to be refused again: under the bench's load
        # that doubled the refusals and with them every request's latency.) Never more
        # than max_wait, the longest anyone is asked to wait in the queue.
        return max(1, math.ceil(min(self._expected_wait(self._waiting_total), self.max_wait)))

    def _enqueue_or_refuse(self, client: str) -> _Waiter:
        full = self._waiting_total >= self.queue_size or \
            self._expected_wait(self._waiting_total) > self.max_wait
        if full:
            heaviest = max(self._waiting, key=self._held, default=None)
            if heaviest is not None and self._held(heaviest) > self._held(client) + 1:
                self._bump_newest(heaviest)
            else:
                raise self._refusal(OVER_SHARE if self._over_share(client) else BUSY)
        waiter = _Waiter(client, next(self._order))
        self._waiting.setdefault(client, deque()).append(waiter)
        self._waiting_total += 1
        return waiter

    def _over_share(self, client: str) -> bool:
        """True when one more request would give `client` more than an equal split of
        the lane among the clients holding part of it (itself included). A client alone,
        or holding nothing yet, is never over its share: the server is just busy."""
        holders = set(self._running) | set(self._waiting) | {client}
        held = self._held(client)
        return len(holders) > 1 and held > 0 and held + 1 > (self.slots + self.queue_size) / len(holders)

    def _bump_newest(self, client: str) -> None:
        waiter = self._waiting[client][-1]
        self._remove(waiter)
        waiter.bumped = True
        waiter.granted.set()

    def _remove(self, waiter: _Waiter) -> None:
        queue = self._waiting.get(waiter.client)
        if queue is None or waiter not in queue:
            return
        queue.remove(waiter)
        self._waiting_total -= 1
        if not queue:
            del self._waiting[waiter.client]

    def _grant_next(self) -> None:
        # The client with the fewest running requests goes first; among equals, the one
        # served longest ago (a newcomer before a client that just had its turn).
        client = min(self._waiting, key=lambda name: (self._running[name], self._last_served.get(name, -1),
                                                      self._waiting[name][0].order))
        waiter = self._waiting[client][0]
        self._remove(waiter)
        self._start(client)
        waiter.granted.set()

    def _refusal(self, reason: str) -> Refused:
        self._refused[reason] += 1
        return Refused(reason, self._retry_after(), self._running_total, self._waiting_total)
