"""Shared helpers of the job tests: both queue backends, long articles, waiting for a state."""

from __future__ import annotations

import time
from typing import Callable

import pytest

from bitexto.jobs import Job, JobQueue, open_queue

pytest_plugins = ("redis_fixtures",)

BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("redis", id="redis", marks=pytest.mark.enable_socket)]


def long_article(paragraphs: int) -> str:
    """`paragraphs` × 2 distinct Spanish sentences (no two alike, so the translation cache
    cannot shortcut any). Apertium translates ~700 sentences a second, in chunks of 400,
    each chunk one progress report."""
    return "\n\n".join(
        f"El día {n} el ministro número {n} habló en Madrid sobre un presupuesto de {1000 + n} millones "
        f"de euros. La oposición criticó la medida {n} y anunció un recurso ante el Tribunal Constitucional."
        for n in range(paragraphs)
    )


@pytest.fixture(params=BACKENDS)
def backend(request) -> str | None:
    """The queue URL of each backend: None for the SQLite default, else a real Redis."""
    return request.getfixturevalue("redis_url") if request.param == "redis" else None


@pytest.fixture
def make_queue(backend, data_dir):
    """make_queue(**options) → a queue on this test's backend; SQLite in the test's data dir."""
    opened: list[JobQueue] = []

    def build(**options) -> JobQueue:
        queue = open_queue(backend, data_dir / "bitexto.sqlite3", **options)
        opened.append(queue)
        return queue

    yield build
    for queue in opened:
        queue.close()


def wait_for(queue: JobQueue, job_id: str, condition: Callable[[Job], bool], timeout: float = 60,
             interval: float = 0.05) -> Job:
    deadline = time.monotonic() + timeout
    while True:
        job = queue.get(job_id)
        if job is not None and condition(job):
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} never got there; last seen: {job}")
        time.sleep(interval)
