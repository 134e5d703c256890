"""The worker loop: claim a job → run it with progress → store the result → mark it done.

While a job runs, a heartbeat thread renews its lease every third of the lease, so a
live worker keeps its job however long it takes, and a dead one (SIGKILL, power cut,
lost network) lets the lease run out: another worker then claims the job again. If a
worker learns that its job was taken over (the lease ran out during a long pause),
its next progress report raises `LeaseLost` and it drops the job without reporting.

Short jobs are run in groups when the handler can (`group_handler`): after claiming a
job, the worker claims up to `group_size` - 1 more at once, and the handler analyses
them together, with one engine call for all their sentences (as `bitexto batch` does).
Each job of a group keeps its own claim, lease and outcome: one bad article fails
alone, and a worker killed mid-group leaves every job of it to be taken over.

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

from bitexto.jobs.model import UNEXPECTED_REASON, Job, JobQueue, JobState
from bitexto.translate.engines import ProgressCallback
from bitexto.translate.errors import BitextoError

logger = logging.getLogger(__name__)

# Runs one job and returns the id of the article it stored.
JobHandler = Callable[[Job, ProgressCallback], str]
# Runs several jobs together, reporting each job's progress as (job, done, total); returns,
# per job id, the article id it stored or what stopped it.
GroupHandler = Callable[[list[Job], Callable[[Job, int, int], None]], dict[str, "str | BaseException"]]

POLL_SECONDS = 0.5
PROGRESS_INTERVAL = 0.5  # at most two progress writes a second: the page polls once a second
ERROR_BACKOFF_SECONDS = 2.0


class LeaseLost(Exception):
    """Another worker has this job now (ours was presumed dead): stop working on it."""


class _Heartbeat:
    """Renews the leases of claimed jobs in the background until stopped."""

    def __init__(self, queue: JobQueue, jobs: list[Job]):
        self.queue = queue
        self.jobs = jobs
        self.lost: set[str] = set()  # ids of the jobs another worker has taken over
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"bitexto-heartbeat-{jobs[0].id}", daemon=True)

    def __enter__(self) -> "_Heartbeat":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        interval = max(self.queue.lease_seconds / 3, 0.05)
        while not self._stop.wait(interval):
            for job in self.jobs:
                if job.id in self.lost:
                    continue
                try:
                    if not self.queue.renew(job.id, job.token):
                        self.lost.add(job.id)
                except Exception:  # a blip (Redis restarting): the next beat may get through
                    logger.warning("could not renew the lease of job %s", job.id, exc_info=True)


class _Progress:
    """The on_progress callback of a job: throttled writes, and the lease-lost check."""

    def __init__(self, queue: JobQueue, job: Job, heartbeat: _Heartbeat, interval: float):
        self.queue = queue
        self.job = job
        self.heartbeat = heartbeat
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if self.job.id in self.heartbeat.lost:
            raise LeaseLost(self.job.id)
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return
        self._last = now
        if not self.queue.progress(self.job.id, self.job.token, done, total):
            raise LeaseLost(self.job.id)


class Worker:
    def __init__(self, queue: JobQueue, handler: JobHandler, *, name: str | None = None,
                 poll_seconds: float = POLL_SECONDS, progress_interval: float = PROGRESS_INTERVAL,
                 group_handler: GroupHandler | None = None, groupable: Callable[[Job], bool] | None = None,
                 group_size: int = 1):
        self.queue = queue
        self.handler = handler
        self.group_handler = group_handler
        self.groupable = groupable or (lambda _job: False)
        self.group_size = group_size if group_handler is not None else 1
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
        """Claim and process one job, or a group of short ones; False when there was none."""
        job = self._claim()
        if job is None:
            return False
        if self.group_size > 1 and self.groupable(job):
            group, leftover = self._gather(job)
            self._run_group(group)
            if leftover is not None:
                self._run_one(leftover)
        else:
            self._run_one(job)
        return True

    def _claim(self) -> Job | None:
        # A fresh token per claim: reports from an earlier claim of the same job never match.
        return self.queue.claim(f"{self.name}:{secrets.token_hex(8)}")

    def _gather(self, first: Job) -> tuple[list[Job], Job | None]:
        """`first` and the short jobs queued behind it; a long one met on the way is
        returned apart, to run alone after the group."""
        group = [first]
        while len(group) < self.group_size:
            job = self._claim()
            if job is None:
                break
            if not self.groupable(job):
                return group, job
            group.append(job)
        return group, None

    def _run_one(self, job: Job) -> None:
        started = time.monotonic()
        logger.info("worker %s: job %s claimed (attempt %d of %d)", self.name, job.id, job.attempts,
                    job.max_attempts)
        with _Heartbeat(self.queue, [job]) as heartbeat:
            try:
                article_id = self.handler(job, _Progress(self.queue, job, heartbeat, self.progress_interval))
            except LeaseLost:
                logger.warning("worker %s: job %s was taken over by another worker; dropped", self.name, job.id)
                return
            except Exception as error:
                self._settle_failure(job, error)
                return
        self._complete(job, article_id, started)

    def _run_group(self, group: list[Job]) -> None:
        started = time.monotonic()
        logger.info("worker %s: jobs %s claimed as one group", self.name, ", ".join(job.id for job in group))
        with _Heartbeat(self.queue, group) as heartbeat:
            def report(job: Job, done: int, total: int) -> None:
                if job.id not in heartbeat.lost:
                    self.queue.progress(job.id, job.token, done, total)

            try:
                outcomes = self.group_handler(group, report)
            except Exception as error:  # the whole group: each job is settled alike
                outcomes = {job.id: error for job in group}
        for job in group:
            outcome = outcomes.get(job.id) or RuntimeError(f"the group handler said nothing of job {job.id}")
            if isinstance(outcome, str):
                self._complete(job, outcome, started)  # stored: whoever completes first wins
            elif job.id in heartbeat.lost:
                logger.warning("worker %s: job %s was taken over by another worker; dropped", self.name, job.id)
            else:
                self._settle_failure(job, outcome)

    def _complete(self, job: Job, article_id: str, started: float) -> None:
        first = self.queue.complete(job.id, job.token, article_id)
        logger.info("worker %s: job %s done in %.1f s (article %s%s)", self.name, job.id,
                    time.monotonic() - started, article_id, "" if first else ", already marked done")

    def _settle_failure(self, job: Job, error: BaseException) -> None:
        if isinstance(error, BitextoError):
            self._give_up_or_retry(job, error.message, retry=error.status >= 500)
            return
        logger.error("worker %s: job %s raised", self.name, job.id, exc_info=error)
        self._give_up_or_retry(job, UNEXPECTED_REASON, retry=True)

    def _give_up_or_retry(self, job: Job, reason: str, *, retry: bool) -> None:
        if retry:
            state = self.queue.retry(job.id, job.token, reason)
        else:
            state = JobState.FAILED if self.queue.fail(job.id, job.token, reason) else None
        logger.info("worker %s: job %s %s: %s", self.name, job.id,
                    state.value if state else "no longer ours", reason)
