"""Crash safety for real: `bitexto worker` processes killed with SIGKILL mid-job, on both backends.

A long article (2,000 sentences, a few seconds of Apertium) is queued; a worker process
claims it and reports progress; it is killed with SIGKILL; a second worker process
takes the job over when the lease runs out and completes it, once. Also: SIGTERM lets
a worker finish its job before it exits.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bitexto.jobs import ARTICLE_JOB, JobState
from bitexto.jobs.article_job import article_payload

pytest_plugins = ("job_fixtures",)
pytest.register_assert_rewrite("job_fixtures")
from job_fixtures import long_article, wait_for  # noqa: E402

pytestmark = pytest.mark.slow

PARAGRAPHS = 1000  # 2,000 sentences: ~3 s of Apertium in 5 progress steps: time to kill mid-job
LEASE_SECONDS = 2


@pytest.fixture
def database(data_dir) -> Path:
    return data_dir / "bitexto.sqlite3"


@pytest.fixture
def start_worker(backend, database, data_dir, tmp_path):
    """start_worker() → a `bitexto worker` process on this test's queue and article store.

    Each process logs to worker-N.log in the test's tmp_path, printed if the test fails."""
    processes: list[subprocess.Popen] = []
    env = {**os.environ, "BITEXTO_DATA_DIR": str(data_dir), "BITEXTO_ENGINE": "apertium",
           "BITEXTO_JOB_LEASE_SECONDS": str(LEASE_SECONDS), "BITEXTO_MAX_CHARS": "1000000"}

    def start() -> subprocess.Popen:
        command = [sys.executable, "-m", "bitexto", "worker", "--database", str(database)]
        if backend:
            command += ["--queue", backend]
        log = open(tmp_path / f"worker-{len(processes)}.log", "wb")
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        processes.append(process)
        return process

    yield start
    for number, process in enumerate(processes):
        if process.poll() is None:
            process.kill()
            process.wait(10)
        print(f"--- worker-{number}.log\n" + (tmp_path / f"worker-{number}.log").read_text(errors="replace"))


def articles(database: Path) -> list[tuple[str, dict]]:
    with sqlite3.connect(database) as db:
        return [(id_, json.loads(result)) for id_, result in db.execute("SELECT id, result FROM articles")]


def test_a_worker_killed_mid_job_leaves_it_to_another_which_completes_it_once(
        make_queue, start_worker, database):
    queue = make_queue(max_attempts=3)
    job = queue.submit(ARTICLE_JOB, article_payload(long_article(PARAGRAPHS), summary_length="3",
                                                    algorithm="default", source_format="text"))
    first = start_worker()
    running = wait_for(queue, job.id, lambda j: j.state == JobState.RUNNING and j.progress_done > 0)
    assert running.progress_done < running.progress_total == 2 * PARAGRAPHS

    first.send_signal(signal.SIGKILL)
    assert first.wait(10) == -signal.SIGKILL
    orphan = queue.get(job.id)
    assert orphan.state == JobState.RUNNING and orphan.attempts == 1 and articles(database) == []

    second = start_worker()
    done = wait_for(queue, job.id, lambda j: j.finished, timeout=90)

    assert (done.state, done.attempts, done.error) == (JobState.DONE, 2, None)
    assert (done.progress_done, done.progress_total) == (2 * PARAGRAPHS, 2 * PARAGRAPHS)
    [(article_id, result)] = articles(database)  # exactly one row, for this job
    assert article_id == done.article_id == job.id
    translated = [s for block in result["blocks"] for s in block["sentences"]]
    assert len(translated) == 2 * PARAGRAPHS and all(s["target"] for s in translated)
    assert translated[-1]["source"].startswith(f"La oposición criticó la medida {PARAGRAPHS - 1} ")

    second.send_signal(signal.SIGTERM)  # idle: stops at once, cleanly
    assert second.wait(15) == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sigterm_lets_the_worker_finish_its_job_first(make_queue, start_worker, database):
    queue = make_queue()
    job = queue.submit(ARTICLE_JOB, article_payload(long_article(PARAGRAPHS // 2), summary_length="3",
                                                    algorithm="default", source_format="text"))
    worker = start_worker()
    wait_for(queue, job.id, lambda j: j.state == JobState.RUNNING and j.progress_done > 0)

    worker.send_signal(signal.SIGTERM)

    assert worker.wait(60) == 0
    done = queue.get(job.id)
    assert (done.state, done.attempts) == (JobState.DONE, 1)
    assert [article_id for article_id, _result in articles(database)] == [job.id]
