"""Batches: many articles submitted at once, one article job each.

A batch is a list of (name, job id) entries kept in the article store, so that any web
machine can answer for it; its jobs are ordinary article jobs, processed by whichever
workers are running, each retried or failed on its own. A batch's state is read from
its jobs: queued until one starts, running until every one has finished, then done
(`failed` counts the articles that could not be analysed, each with its reason).
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from bitexto.jobs.model import Job, JobState

DEFAULT_MAX_BATCH_ARTICLES = 1000


def new_batch_id() -> str:
    return "b" + secrets.token_urlsafe(12)


@dataclass(frozen=True)
class BatchEntry:
    name: str  # the caller's id for the article (its position when none was given)
    job_id: str


def batch_state(jobs: Sequence[Job | None]) -> str:
    states = Counter(job.state if job else JobState.FAILED for job in jobs)
    finished = states[JobState.DONE] + states[JobState.FAILED]
    if finished == len(jobs):
        return "done"
    if states[JobState.QUEUED] == len(jobs):
        return "queued"
    return "running"


def state_counts(jobs: Sequence[Job | None]) -> dict[str, int]:
    """How many jobs are in each state; a job the queue no longer knows counts as failed."""
    states = Counter(job.state if job else JobState.FAILED for job in jobs)
    return {state.value: states[state] for state in JobState}
