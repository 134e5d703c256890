"""`bitexto worker`: process queued jobs (long articles, uploads) outside the web app.

With BITEXTO_QUEUE=redis://HOST:PORT/N (or --queue), run as many of these as you like,
on as many machines as share the article store (see bitexto.jobs for what that takes).
Without it, the worker serves the SQLite queue in the app's database, next to (or
instead of) the web app's own worker threads.

SIGTERM or Ctrl+C stops it gracefully: no new job is claimed and the current one is
finished. A second signal stops it at once; the job is then retried by another worker
when its lease runs out.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
from pathlib import Path

import click

from bitexto.settings import Settings

GROUP_SIZE = 16  # bitexto.jobs.article_job.GROUP_SIZE, spelled out to keep the CLI's start light


def shared_engine(settings: Settings, database: str | Path):
    """A getter for one engine shared by the worker threads, loaded on the first job."""
    from bitexto.cache import load_cached_engine

    lock = threading.Lock()
    loaded = []

    def get():
        with lock:
            if not loaded:
                loaded.append(load_cached_engine(settings, database))
            return loaded[0]

    return get


@click.command()
@click.option("--queue", "queue_url", default=None, metavar="URL",
              help="redis://HOST:PORT/N (default: BITEXTO_QUEUE, else the SQLite queue in the app's database).")
@click.option("--concurrency", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Jobs processed at the same time (threads sharing one engine).")
@click.option("--database", default=None, metavar="PATH|URL",
              help="The article store: a SQLite file or a postgresql:// URL "
                   "(default: BITEXTO_DATABASE_URL, BITEXTO_DATABASE, else the web app's).")
@click.option("--group-size", default=GROUP_SIZE, show_default=True, type=click.IntRange(1, 256),
              help="Short articles claimed and translated together, in one engine call (1: one at a time).")
def worker(queue_url, concurrency, database, group_size):
    """Process queued translation jobs until stopped (SIGTERM finishes the current job)."""
    from bitexto.database import redact
    from bitexto.jobs import JobSettings, open_configured_queue, sqlite_queue_file
    from bitexto.jobs.article_job import ArticleJobRunner, article_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = Settings.from_env()
    jobs = JobSettings.from_settings(settings)
    database = database or settings.database_location()
    queue_file = sqlite_queue_file(database, settings.instance_dir)
    queue = open_configured_queue(jobs, queue_file, url=queue_url)
    runner = ArticleJobRunner(engine=shared_engine(settings, database), database=database, settings=settings)

    stop = threading.Event()

    def graceful(signum, _frame):
        click.echo(f"{signal.Signals(signum).name}: finishing the current job, then stopping "
                   "(send it again to stop at once).", err=True)
        stop.set()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGTERM, graceful)
    signal.signal(signal.SIGINT, graceful)

    where = queue_url or jobs.queue_url or f"sqlite:{queue_file}"
    click.echo(f"bitexto worker: {concurrency} thread(s) on {where}, articles in {redact(database)} "
               f"(lease {jobs.lease_seconds:g} s)", err=True)
    host = socket.gethostname()
    # Daemon threads: after a second signal the process must not wait for them.
    threads = [
        threading.Thread(target=article_worker(queue, runner, group_size=group_size,
                                               name=f"{host}:{os.getpid()}:{n}").run, args=(stop,),
                         name=f"bitexto-worker-{n}", daemon=True)
        for n in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    # Joined with a timeout so that the main thread keeps running signal handlers.
    while any(thread.is_alive() for thread in threads):
        for thread in threads:
            thread.join(timeout=0.5)
    queue.close()
    click.echo("bitexto worker: stopped.", err=True)
