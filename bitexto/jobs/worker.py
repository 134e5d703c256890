"""The worker loop: claim a job → run it with progress → store the result → mark it done.

While a job runs, a heartbeat thread renews its lease every third of the lease, so a
live worker keeps its job however long it takes, and a dead one (SIGKILL, power cut,
lost network) lets the lease run out: another worker then claims the job again. If a
worker learns that its job was taken over (the lease ran out during a long pause),
its next progress report raises `LeaseLost` and it drops the job without reporting.

Errors: a `BitextoError` with a 4xx status is about the input (not Spanish, empty, bad
option) and fails the job at once; anything else is retried up to the job's attempts.
Stopping (SIGTERM on `bitexto worker`) is graceful: no new job is claimed, and the
current one is finished first.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from typing import Callable

from bitexto.jobs import UNEXPECTED_REASON, Job, JobQueue, JobState
from translate.engines import ProgressCallback
from translate.errors import BitextoError

logger = logging.getLogger(__name__)

# Runs one job and returns the id of the article it stored.
JobHandler = Callable[[Job, ProgressCallback], str]

POLL_SECONDS = 0.5
PROGRESS_INTERVAL = 0.5  # at most two progress writes a second: the page polls once a second
ERROR_BACKOFF_SECONDS = 2.0


class LeaseLost(Exception):
    """Another worker has this job now (ours was presumed dead): stop working on it."""


class _Heartbeat:
    """Renews a claimed job's lease in the background until stopped."""

    def __init__(self, queue: JobQueue, job: Job):
        self.queue = queue
        self.job = job
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"bitexto-heartbeat-{job.id}", daemon=True)

    def __enter__(self) -> "_Heartbeat":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        interval = max(self.queue.lease_seconds / 3, 0.05)
        while not self._stop.wait(interval):
            try:
                if not self.queue.renew(self.job.id, self.job.token):
                    self.lost = True
                    return
            except Exception:  # a blip (Redis restarting): the next beat may get through
                logger.warning("could not renew the lease of job %s", self.job.id, exc_info=True)


class _Progress:
    """The on_progress callback of a job: throttled writes, and the lease-lost check."""

    def __init__(self, queue: JobQueue, job: Job, heartbeat: _Heartbeat, interval: float):
        self.queue = queue
        self.job = job
        self.heartbeat = heartbeat
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if self.heartbeat.lost:
            raise LeaseLost(self.job.id)
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return
        self._last = now
        if not self.queue.progress(self.job.id, self.job.token, done, total):
            raise LeaseLost(self.job.id)


class Worker:
    def __init__(self, queue: JobQueue, handler: JobHandler, *, name: str | None = None,
                 poll_seconds: float = POLL_SECONDS, progress_interval: float = PROGRESS_INTERVAL):
        self.queue = queue
        self.handler = handler
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
        self.poll_seconds = poll_seconds
        self.progress_interval = progress_interval

    def run(self, stop: threading.Event, wake: threading.Event | None = None) -> None:
        """Process jobs until `stop` is set (the current job is finished first).

        `wake`, when given, cuts the wait short: set it after submitting a job.
        """
        while not stop.is_set():
            try:
                worked = self.run_once()
            except Exception:  # the queue is unreachable: say so, wait, try again
                logger.exception("worker %s: the job queue failed", self.name)
                stop.wait(ERROR_BACKOFF_SECONDS)
                continue
            if not worked:
                if wake is None:
                    stop.wait(self.poll_seconds)
                elif wake.wait(self.poll_seconds):
                    wake.clear()

    def run_once(self) -> bool:
        """Claim and process one job; False when there was none."""
        # A fresh token per claim: reports from an earlier claim of the same job never match.
        token = f"{self.name}:{secrets.token_hex(8)}"
        job = self.queue.claim(token)
        if job is None:
            return False
        started = time.monotonic()
        logger.info("worker %s: job %s claimed (attempt %d of %d)", self.name, job.id, job.attempts,
                    job.max_attempts)
        with _Heartbeat(self.queue, job) as heartbeat:
            try:
                article_id = self.handler(job, _Progress(self.queue, job, heartbeat, self.progress_interval))
            except LeaseLost:
                logger.warning("worker %s: job %s was taken over by another worker; dropped", self.name, job.id)
                return True
            except BitextoError as error:
                self._give_up_or_retry(job, error.message, retry=error.status >= 500)
                return True
            except Exception:
                logger.exception("worker %s: job %s raised", self.name, job.id)
                self._give_up_or_retry(job, UNEXPECTED_REASON, retry=True)
                return True
        first = self.queue.complete(job.id, job.token, article_id)
        logger.info("worker %s: job %s done in %.1f s (article %s%s)", self.name, job.id,
                    time.monotonic() - started, article_id, "" if first else ", already marked done")
        return True

    def _give_up_or_retry(self, job: Job, reason: str, *, retry: bool) -> None:
        if retry:
            state = self.queue.retry(job.id, job.token, reason)
        else:
            state = JobState.FAILED if self.queue.fail(job.id, job.token, reason) else None
        logger.info("worker %s: job %s %s: %s", self.name, job.id,
                    state.value if state else "no longer ours", reason)
