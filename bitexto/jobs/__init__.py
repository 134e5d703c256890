"""Jobs: long work (an article of a thousand sentences, an upload, a batch) off the request path.

One abstraction for the web app and the CLI. A job is queued, then claimed by a worker
which runs it with a progress report (sentences done / total), then done (its result is
an article in the article store) or failed with a reason a person can read.

Two backends behind the same `JobQueue` protocol, chosen by `BITEXTO_QUEUE`:

- unset (the default): a `jobs` table in the app's SQLite file (with a PostgreSQL
  article store: `jobs.sqlite3` in the instance folder), processed by worker
  threads inside the web app (`BITEXTO_WORKERS`, default 1) and/or by `bitexto worker`
  processes on the same machine. Nothing to install.
- `redis://HOST:PORT/N`: a Redis queue processed by any number of `bitexto worker`
  processes, on any number of machines.

Why our own queue instead of huey or RQ: the promise is that a worker killed with
SIGKILL mid-job loses nothing: the job is retried by another worker and completes
once. huey dequeues a task before running it, so a killed huey worker loses the task;
RQ is Redis-only and marks an abandoned job failed. Neither gives kill-and-retry on
both backends, and the mechanism is small: a claimed job carries a lease (a visibility
timeout) that a heartbeat renews while the job runs. A worker claims a queued job, or
a running one whose lease has expired (its worker died), atomically (SQLite: BEGIN
IMMEDIATE; Redis: Lua scripts). Each claim counts an attempt; after `max_attempts`
interrupted runs the job fails with that reason. Errors in the input itself (not
Spanish, empty, bad summary option) fail at once: retrying cannot fix them.

Results are idempotent: an article job's article id *is* the job id, and the article
is written by one insert that does nothing when the id is taken, so a job that two
workers both finished (the "dead" one came back) is stored exactly once, and marking
done is a no-op the second time.

Multi-machine setup: workers on several machines need (1) the Redis queue
(`BITEXTO_QUEUE=redis://…`) and (2) an article store they all reach:
`BITEXTO_DATABASE_URL=postgresql://…` (bitexto.database). SQLite on a shared network
disk (NFS, SMB) is NOT safe across machines: its locks do not hold there. Redis keeps
lease times on its own clock (TIME), so machines' clocks need not agree.
"""

from bitexto.jobs.model import (
    ARTICLE_JOB,
    DEFAULT_LONG_CHARS,
    DEFAULT_LONG_SENTENCES,
    FINISHED,
    INTERRUPTED_REASON,
    UNEXPECTED_REASON,
    Job,
    JobQueue,
    JobSettings,
    JobState,
    new_job_id,
)
from bitexto.jobs.queues import open_configured_queue, open_queue, sqlite_queue_file

__all__ = [
    "ARTICLE_JOB", "DEFAULT_LONG_CHARS", "DEFAULT_LONG_SENTENCES", "FINISHED", "INTERRUPTED_REASON", "Job",
    "JobQueue", "JobSettings", "JobState", "UNEXPECTED_REASON", "new_job_id", "open_configured_queue",
    "open_queue", "sqlite_queue_file",
]
