"""The web app's side of jobs: its queue, and the worker threads it runs itself.

With the SQLite default the app processes its own jobs: BITEXTO_WORKERS threads
(default 1) start on the first job submitted or looked at (so jobs left queued by a
restart resume as soon as someone waits for them), never at import or in the factory.
With Redis they default to none: `bitexto worker` processes do the work.

The in-app workers share the app's engine and translation cache (webapp.service) and
write to the app's article store. They are daemon threads: a server that stops mid-job
leaves the job's lease to run out, and the job is retried after the restart.
`stop_workers` stops them gracefully (tests use it).
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app

from bitexto.jobs import ARTICLE_JOB, Job, JobQueue, JobSettings, open_configured_queue, sqlite_queue_file
from bitexto.jobs.article_job import ArticleJobRunner, article_payload, article_worker
from bitexto.jobs.batches import BatchEntry, new_batch_id
from bitexto import store
from bitexto.webapp import service
from bitexto.webapp.store import get_db

EXTENSION = "bitexto_jobs"
IN_APP_POLL_SECONDS = 1.0

_lock = threading.Lock()


@dataclass
class JobRuntime:
    settings: JobSettings
    queue: JobQueue
    wake: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)


def job_settings(app: Flask) -> JobSettings:
    """The app's job settings (config["JOBS"], from the settings table or a test config)."""
    return app.config["JOBS"]


def runtime(app: Flask | None = None) -> JobRuntime:
    app = app or current_app._get_current_object()
    with _lock:
        state = app.extensions.get(EXTENSION)
        if state is None:
            settings = job_settings(app)
            queue_file = sqlite_queue_file(app.config["DATABASE"], Path(app.instance_path))
            state = JobRuntime(settings, open_configured_queue(settings, queue_file))
            app.extensions[EXTENSION] = state
        return state


def submit_article(text: str, *, summary_length: str | int, algorithm: str, source_format: str,
                   glossary=None, prepared=None) -> Job:
    """Queue an article for analysis (with its page, when the caller has read it already);
    raises InputError for a bad summary option."""
    payload = article_payload(text, summary_length=summary_length, algorithm=algorithm,
                              source_format=source_format, glossary=glossary, prepared=prepared)
    state = runtime()
    job = state.queue.submit(ARTICLE_JOB, payload)
    start_workers()
    state.wake.set()
    return job


def submit_batch(articles: list[tuple[str, str, str]], *, summary_length: str | int,
                 algorithm: str) -> tuple[str, list[BatchEntry]]:
    """Queue (name, text, source format) articles as one batch, all or none; returns its
    id and entries. Raises InputError for a bad summary option."""
    payloads = [article_payload(text, summary_length=summary_length, algorithm=algorithm,
                                source_format=source_format) for _name, text, source_format in articles]
    state = runtime()
    jobs = state.queue.submit_many(ARTICLE_JOB, payloads)
    entries = [BatchEntry(name, job.id) for (name, _text, _format), job in zip(articles, jobs)]
    batch_id = new_batch_id()
    store.save_batch(get_db(), batch_id, {"summary_length": str(summary_length), "algorithm": algorithm}, entries)
    start_workers()
    state.wake.set()
    return batch_id, entries


def get_batch(batch_id: str) -> tuple[dict, list[Job | None]] | None:
    """A stored batch and its jobs (None for a job the queue has forgotten), or None."""
    batch = store.load_batch(get_db(), batch_id)
    if batch is None:
        return None
    start_workers()
    return batch, runtime().queue.get_many([entry.job_id for entry in batch["entries"]])


def get_job(job_id: str) -> Job | None:
    start_workers()
    return runtime().queue.get(job_id)


def start_workers(app: Flask | None = None) -> None:
    """Start the in-app worker threads, once per app (a no-op when there are none)."""
    app = app or current_app._get_current_object()
    state = runtime(app)
    with _lock:
        if state.threads or state.stop.is_set():
            return
        count = state.settings.in_app_workers
        if count == 0:
            return
        runner = ArticleJobRunner(engine=lambda: service.get_engine(app), database=app.config["DATABASE"],
                                  settings=app.config["BITEXTO"])
        for number in range(count):
            worker = article_worker(state.queue, runner, poll_seconds=IN_APP_POLL_SECONDS,
                                    name=f"{socket.gethostname()}:{os.getpid()}:in-app-{number}")
            thread = threading.Thread(target=worker.run, args=(state.stop, state.wake),
                                      name=f"bitexto-job-worker-{number}", daemon=True)
            state.threads.append(thread)
            thread.start()


def stop_workers(app: Flask, timeout: float = 30) -> None:
    """Stop the app's worker threads after their current job; waits up to `timeout` seconds."""
    state = app.extensions.get(EXTENSION)
    if state is None:
        return
    state.stop.set()
    state.wake.set()
    for thread in state.threads:
        thread.join(timeout)
