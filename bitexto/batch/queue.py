"""`bitexto batch --queue`: the batch's articles as jobs, for workers on any number of machines.

The same inputs, output, resume and report as a local batch (bitexto.batch.run_batch),
but nothing is translated here: each article not yet in the output becomes an article
job on the configured queue (BITEXTO_QUEUE, else the SQLite one), and whichever
`bitexto worker` processes (or web apps) serve that queue analyse it into the shared
article store. This process follows the jobs, reads each finished article back from
the store and writes it to the output as it comes (in the order they finish).

Killing this process loses nothing written: a rerun skips what is in the output and
submits the rest again (jobs submitted before the kill still finish, unread).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from bitexto.analysis import ArticleInput, ArticleOutcome
from bitexto.batch import BatchOutput, BatchStats, pending_items, write_result
from bitexto.database import Database
from bitexto.jobs import ARTICLE_JOB, Job, JobQueue, JobState
from bitexto.jobs.article_job import article_payload
from bitexto.translate.errors import InputError
from bitexto.store import fetch_article

SUBMIT_CHUNK = 200  # articles per submit_many: one transaction each
IN_FLIGHT = 1000  # submitted but not yet written: bounds this process' memory and the queue's
POLL_SECONDS = 0.5
STALL_SECONDS = 60.0  # nothing has moved for this long: say that no worker seems to be running

NO_WORKER_HINT = ("No worker has started a job for {seconds:.0f} s: start `bitexto worker` with the "
                  "same BITEXTO_QUEUE and article store (or a web app serving this queue).")


@dataclass
class _Tracker:
    """The jobs submitted and not yet written, and when anything last moved."""

    jobs: dict[str, ArticleInput] = field(default_factory=dict)
    seen: dict[str, tuple] = field(default_factory=dict)
    last_change: float = field(default_factory=time.monotonic)
    warned: bool = False


def run_batch_on_queue(
    items: Iterable[ArticleInput],
    output: BatchOutput,
    *,
    queue: JobQueue,
    store: Database,
    summary_length: int | str,
    algorithm: str,
    total: int | None = None,
    on_progress: Callable[[BatchStats], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    poll_seconds: float = POLL_SECONDS,
    stall_seconds: float = STALL_SECONDS,
) -> BatchStats:
    stats = BatchStats(total=total)
    progress = on_progress or (lambda _stats: None)
    tracker = _Tracker()
    waiting: list[tuple[ArticleInput, str, str]] = []

    def record(result: ArticleOutcome) -> None:
        write_result(result, output, stats, progress)

    def submit() -> None:
        payloads = [article_payload(text, summary_length=summary_length, algorithm=algorithm,
                                    source_format=source_format) for _item, text, source_format in waiting]
        for (item, _text, _format), job in zip(waiting, queue.submit_many(ARTICLE_JOB, payloads)):
            tracker.jobs[job.id] = item
        waiting.clear()

    try:
        for item in pending_items(items, output, stats, progress):
            try:
                text, source_format = _article_text(item)
            except InputError as error:
                record(ArticleOutcome(item.id, item.hash, error=error.message))
                continue
            waiting.append((item, text, source_format))
            if len(waiting) >= SUBMIT_CHUNK:
                submit()
            while len(tracker.jobs) >= IN_FLIGHT:
                _collect(tracker, queue, store, record, on_warning, poll_seconds, stall_seconds)
        if waiting:
            submit()
        while tracker.jobs:
            _collect(tracker, queue, store, record, on_warning, poll_seconds, stall_seconds)
    finally:
        output.close()
        stats.finished = time.monotonic()
    return stats


def _article_text(item: ArticleInput) -> tuple[str, str]:
    """The article as the job is to read it: as it was read, HTML and all (the job reads the
    page once, its markup's evidence with it)."""
    if item.error is not None:
        raise InputError(item.error)
    return item.text, "html" if item.media_type == "text/html" else "text"


def _collect(tracker: _Tracker, queue: JobQueue, store: Database, record: Callable[[ArticleOutcome], None],
             on_warning: Callable[[str], None] | None, poll_seconds: float, stall_seconds: float) -> None:
    """Write every finished job's result; wait a little when none had finished."""
    job_ids = list(tracker.jobs)
    finished = 0
    for job_id, job in zip(job_ids, queue.get_many(job_ids)):
        snapshot = (job.state, job.progress_done) if job else None
        if tracker.seen.get(job_id) != snapshot:
            tracker.seen[job_id] = snapshot
            tracker.last_change = time.monotonic()
        if job is None or job.finished:
            item = tracker.jobs.pop(job_id)
            tracker.seen.pop(job_id, None)
            record(_result(item, job, store))
            finished += 1
    if finished:
        return
    stalled = time.monotonic() - tracker.last_change
    if on_warning is not None and not tracker.warned and stalled >= stall_seconds:
        tracker.warned = True
        on_warning(NO_WORKER_HINT.format(seconds=stalled))
    time.sleep(poll_seconds)


def _result(item: ArticleInput, job: Job | None, store: Database) -> ArticleOutcome:
    if job is None:
        return ArticleOutcome(item.id, item.hash, error="The job queue lost this article's job; rerun to retry it.")
    if job.state == JobState.FAILED:
        return ArticleOutcome(item.id, item.hash, error=job.error or "The job failed.")
    article = fetch_article(store, job.article_id)
    if article is None:
        return ArticleOutcome(item.id, item.hash,
                              error="The job is done but its article is not in this article store: do the "
                                 "workers use the same BITEXTO_DATABASE_URL?")
    return ArticleOutcome(item.id, item.hash, article=article.result)
