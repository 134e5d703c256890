"""What a job is, what a queue provides, and the jobs' settings (see bitexto.jobs)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Mapping, Protocol

from bitexto.settings import BY_NAME, Settings

# The defaults live in the settings table (bitexto.settings), like every other.
DEFAULT_LEASE_SECONDS = BY_NAME["job_lease_seconds"].default
DEFAULT_MAX_ATTEMPTS = BY_NAME["job_max_attempts"].default
# Finished jobs are forgotten after this long (their articles stay in the article store),
# so a queue that runs for years does not grow without end.
DEFAULT_RETENTION_SECONDS = BY_NAME["job_retention_days"].default * 24 * 3600
# The web form's "long article" threshold: beyond either, the page does not wait.
DEFAULT_LONG_SENTENCES = BY_NAME["job_sentences"].default
DEFAULT_LONG_CHARS = BY_NAME["job_chars"].default

ARTICLE_JOB = "article"

INTERRUPTED_REASON = (
    "The job was interrupted %d times (its worker stopped before finishing: crash, kill "
    "or lost connection), so it was given up."
)
UNEXPECTED_REASON = "An unexpected error stopped the job; the worker's log has the details."


def new_job_id() -> str:
    # 16 characters: never equal to a synchronous article id (11), since an article
    # job's article id is its job id.
    return secrets.token_urlsafe(12)


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


FINISHED = (JobState.DONE, JobState.FAILED)


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    state: JobState
    payload: dict = field(repr=False)
    attempts: int
    max_attempts: int
    progress_done: int
    progress_total: int
    article_id: str | None
    error: str | None
    created_at: float
    updated_at: float
    # Set on the Job a claim returns: proves which claim a report comes from.
    token: str | None = field(default=None, repr=False)

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


class JobQueue(Protocol):
    """What a backend provides. Every method is atomic on its own.

    Reports carry the claim's `token`; a report from a worker whose lease was taken
    over returns False (its worker should stop), except `complete`, which anyone may
    call first: the result is the same whoever computed it.
    """

    lease_seconds: float

    def submit(self, kind: str, payload: dict) -> Job: ...

    def submit_many(self, kind: str, payloads: list[dict]) -> list[Job]:
        """Queue all of them, in order, or none (one transaction)."""

    def get(self, job_id: str) -> Job | None: ...

    def get_many(self, job_ids: list[str]) -> list[Job | None]:
        """The jobs in the order asked; None for an unknown id."""

    def claim(self, token: str) -> Job | None:
        """A queued job, or one whose lease expired, now running under `token`."""

    def renew(self, job_id: str, token: str) -> bool:
        """Extend the lease; False when the job is no longer ours."""

    def progress(self, job_id: str, token: str, done: int, total: int) -> bool:
        """Record progress (and extend the lease); False when the job is no longer ours."""

    def complete(self, job_id: str, token: str, article_id: str) -> bool:
        """Mark done with its article; False when it already was."""

    def fail(self, job_id: str, token: str, error: str) -> bool:
        """Give up now (the input cannot succeed); False when the job is no longer ours."""

    def retry(self, job_id: str, token: str, error: str) -> JobState | None:
        """Queue again after a transient error, or fail when out of attempts.

        Returns the new state, or None when the job is no longer ours."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class JobSettings:
    """The BITEXTO_* settings of jobs (the README's configuration section lists them)."""

    queue_url: str | None = None  # BITEXTO_QUEUE: unset = SQLite
    workers: int | None = None  # BITEXTO_WORKERS: in-app threads (default 1 on SQLite, 0 on Redis)
    lease_seconds: float = DEFAULT_LEASE_SECONDS  # BITEXTO_JOB_LEASE_SECONDS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS  # BITEXTO_JOB_MAX_ATTEMPTS
    retention_seconds: float = DEFAULT_RETENTION_SECONDS  # BITEXTO_JOB_RETENTION_DAYS (0: forever)
    long_sentences: int = DEFAULT_LONG_SENTENCES  # BITEXTO_JOB_SENTENCES
    long_chars: int = DEFAULT_LONG_CHARS  # BITEXTO_JOB_CHARS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "JobSettings":
        return cls.from_settings(Settings.from_env(environ))

    @classmethod
    def from_settings(cls, settings: Settings) -> "JobSettings":
        return cls(
            queue_url=(settings.queue or "").strip() or None,
            workers=settings.workers,
            lease_seconds=settings.job_lease_seconds or DEFAULT_LEASE_SECONDS,
            max_attempts=settings.job_max_attempts or 1,
            retention_seconds=settings.job_retention_days * 86400,
            long_sentences=settings.job_sentences,
            long_chars=settings.job_chars,
        )

    @property
    def in_app_workers(self) -> int:
        if self.workers is not None:
            return self.workers
        return 0 if self.queue_url else 1
