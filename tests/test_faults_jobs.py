"""Job processing through real faults: a `bitexto worker` killed with SIGKILL while it holds
a group of short jobs, and the Redis server killed and started again in the middle of a
queued batch. Every job ends done, and every article is stored exactly once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bitexto.jobs import ARTICLE_JOB, JobState, open_queue
from bitexto.jobs.article_job import article_payload

pytest_plugins = ("api_fixtures", "job_fixtures", "fault_fixtures")
pytest.register_assert_rewrite("api_fixtures", "job_fixtures", "fault_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

pytestmark = pytest.mark.slow

LEASE_SECONDS = 2


def short_payloads(count: int) -> list[dict]:
    return [article_payload(f"{SHORT_ARTICLE}\n\nNota número {n} de la redacción.", summary_length="3",
                            algorithm="default", source_format="text") for n in range(count)]


@pytest.fixture
def database(data_dir) -> Path:
    return data_dir / "bitexto.sqlite3"


@pytest.fixture
def start_worker(database, data_dir, tmp_path, faults):
    """start_worker(queue_url) → a `bitexto worker` process on the test's article store,
    with the test's misbehaving apertium first on its PATH; logs printed at the end."""
    processes: list[subprocess.Popen] = []

    def start(queue_url: str | None) -> subprocess.Popen:
        env = {**os.environ, "BITEXTO_DATA_DIR": str(data_dir), "BITEXTO_ENGINE": "apertium",
               "BITEXTO_JOB_LEASE_SECONDS": str(LEASE_SECONDS), "BITEXTO_APERTIUM_TIMEOUT_SECONDS": "120"}
        command = [sys.executable, "-m", "bitexto", "worker", "--database", str(database)]
        if queue_url:
            command += ["--queue", queue_url]
        with open(tmp_path / f"worker-{len(processes)}.log", "wb") as log:
            processes.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT))
        return processes[-1]

    yield start
    for number, process in enumerate(processes):
        if process.poll() is None:
            process.kill()
            process.wait(10)
        print(f"--- worker-{number}.log\n" + (tmp_path / f"worker-{number}.log").read_text(errors="replace"))


def stored_ids(database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        return sorted(row[0] for row in db.execute("SELECT id FROM articles"))


def wait_for_all(queue, job_ids: list[str], condition, timeout: float = 120.0) -> list:
    deadline = time.monotonic() + timeout
    while True:
        try:
            jobs = queue.get_many(job_ids)
        except Exception:  # the queue's server is down for a moment: look again
            jobs = []
        if jobs and all(job is not None and condition(job) for job in jobs):
            return jobs
        if time.monotonic() > deadline:
            raise AssertionError(f"the jobs never got there; last seen: {jobs}")
        time.sleep(0.05)


def test_a_worker_killed_while_holding_a_group_of_jobs_leaves_each_to_finish_once(
        backend, make_queue, start_worker, database, faults):
    queue = make_queue(lease_seconds=LEASE_SECONDS, max_attempts=3)
    faults.arm("hang")  # the group's one engine call never returns
    jobs = queue.submit_many(ARTICLE_JOB, short_payloads(5))
    ids = [job.id for job in jobs]
    first = start_worker(backend)
    engine_run = faults.hung_pid()

    held = wait_for_all(queue, ids, lambda job: job.state == JobState.RUNNING)
    assert all(job.attempts == 1 for job in held)  # all five claimed together, as one group
    first.send_signal(signal.SIGKILL)
    assert first.wait(10) == -signal.SIGKILL
    os.kill(engine_run, signal.SIGKILL)  # its orphaned engine run too, as a machine reboot would
    faults.disarm("hang")
    assert stored_ids(database) == []

    second = start_worker(backend)
    done = wait_for_all(queue, ids, lambda job: job.finished)

    assert [(job.state, job.attempts, job.error) for job in done] == [(JobState.DONE, 2, None)] * 5
    assert stored_ids(database) == sorted(ids)  # each once, under its job's id
    second.send_signal(signal.SIGTERM)
    assert second.wait(30) == 0


@pytest.mark.enable_socket
def test_redis_killed_and_restarted_in_the_middle_of_a_batch_loses_and_doubles_nothing(
        tmp_path, start_worker, database, faults):
    from redis_fixtures import RedisServer  # a server of its own: it is killed on purpose

    (tmp_path / "redis").mkdir()
    redis_server = RedisServer(tmp_path / "redis", persistent=True)
    redis_server.start()
    try:
        queue = open_queue(redis_server.url, tmp_path / "unused.sqlite3", lease_seconds=LEASE_SECONDS)
        faults.arm("slow")  # each engine call takes a moment: the batch is still going when Redis dies
        ids = [job.id for job in queue.submit_many(ARTICLE_JOB, short_payloads(40))]
        worker = start_worker(redis_server.url)
        wait_for_all_or_some = time.monotonic() + 120
        while not any(job.finished for job in queue.get_many(ids)):
            assert time.monotonic() < wait_for_all_or_some, "no job ever finished"
            time.sleep(0.05)

        redis_server.stop()  # SIGKILL: what it had written is in its append-only file
        time.sleep(LEASE_SECONDS)  # the worker meets the outage: failed claims, reports, heartbeats
        redis_server.restart()
        unfinished_at_restart = sum(1 for job in queue.get_many(ids) if not job.finished)
        done = wait_for_all(queue, ids, lambda job: job.finished)

        assert unfinished_at_restart > 0  # the outage really was in the middle of the batch
        assert {(job.state, job.error) for job in done} == {(JobState.DONE, None)}
        assert stored_ids(database) == sorted(ids)  # every article once
        assert worker.poll() is None  # the worker rode out the outage
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0
        queue.close()
    finally:
        redis_server.stop()
