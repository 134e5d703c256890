"""Scale-out for real: workers that share nothing but a Redis queue and a PostgreSQL store.

Each `bitexto worker` process gets a data folder of its own, as if on its own machine;
the web app has a third. Jobs are submitted through the web API; one worker is killed
with SIGKILL in the middle of a long article; the other finishes everything, and the web
app serves every article from PostgreSQL, each stored once. No SQLite file is written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bitexto.database import open_database
from bitexto.jobs import JobSettings, JobState, open_queue

pytest_plugins = ("api_fixtures", "job_fixtures", "postgres_fixtures")
pytest.register_assert_rewrite("api_fixtures", "job_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402
from job_fixtures import long_article, wait_for  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]  # Redis listens on loopback TCP

LONG_PARAGRAPHS = 1000  # 2,000 sentences: a few seconds of Apertium, time to kill mid-job
LEASE_SECONDS = 2


@pytest.fixture
def start_machine(tmp_path, redis_url, postgres_url):
    """start_machine(name) → a `bitexto worker` process with its own data folder,
    configured only through the environment, as an operator would."""
    processes: list[tuple[str, subprocess.Popen]] = []

    def start(name: str) -> subprocess.Popen:
        folder = tmp_path / name
        folder.mkdir()
        env = {**os.environ, "BITEXTO_DATA_DIR": str(folder), "BITEXTO_ENGINE": "apertium",
               "BITEXTO_QUEUE": redis_url, "BITEXTO_DATABASE_URL": postgres_url,
               "BITEXTO_JOB_LEASE_SECONDS": str(LEASE_SECONDS), "BITEXTO_MAX_CHARS": "1000000"}
        env.pop("BITEXTO_DATABASE", None)
        with open(tmp_path / f"{name}.log", "wb") as log:
            process = subprocess.Popen([sys.executable, "-m", "bitexto", "worker"], env=env,
                                       stdout=log, stderr=subprocess.STDOUT)
        processes.append((name, process))
        return process

    yield start
    for name, process in processes:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        print(f"--- {name}.log\n" + log_of(tmp_path, name))


def log_of(tmp_path: Path, machine: str) -> str:
    return (tmp_path / f"{machine}.log").read_text(errors="replace")


def stored_article_ids(postgres_url: str) -> list[str]:
    with open_database(postgres_url).session() as session:
        return sorted(row["id"] for row in session.query("SELECT id FROM articles"))


def test_workers_on_two_machines_share_the_queue_and_the_store_and_survive_a_kill(
        make_app, monkeypatch, tmp_path, redis_url, postgres_url, start_machine):
    monkeypatch.setenv("BITEXTO_MAX_CHARS", "1000000")
    app = make_app(database=postgres_url,
                   JOBS=JobSettings(queue_url=redis_url, workers=0, lease_seconds=LEASE_SECONDS))
    client = app.test_client()
    queue = open_queue(redis_url, tmp_path / "unused.sqlite3", lease_seconds=LEASE_SECONDS)

    machines = {name: start_machine(name) for name in ("machine-a", "machine-b")}
    long_id = client.post("/api/v1/jobs", json={"text": long_article(LONG_PARAGRAPHS)}).get_json()["id"]
    short_ids = [client.post("/api/v1/jobs", json={"text": f"{SHORT_ARTICLE}\n\nNota número {n}."})
                 .get_json()["id"] for n in range(3)]

    running = wait_for(queue, long_id, lambda j: j.state == JobState.RUNNING and j.progress_done > 0)
    assert running.progress_done < running.progress_total
    [victim] = [name for name in machines if f"job {long_id} claimed" in log_of(tmp_path, name)]
    [survivor] = [name for name in machines if name != victim]
    machines[victim].send_signal(signal.SIGKILL)
    assert machines[victim].wait(10) == -signal.SIGKILL
    done = wait_for(queue, long_id, lambda j: j.finished, timeout=120)
    for job_id in short_ids:
        wait_for(queue, job_id, lambda j: j.finished, timeout=60)

    assert (done.state, done.attempts, done.error) == (JobState.DONE, 2, None)
    assert stored_article_ids(postgres_url) == sorted([long_id, *short_ids])  # each once
    body = client.get(f"/api/v1/articles/{long_id}").get_json()
    sentences = [s for block in body["blocks"] for s in block["sentences"]]
    assert len(sentences) == 2 * LONG_PARAGRAPHS and all(s["target"] for s in sentences)
    assert client.get(f"/api/v1/jobs/{short_ids[0]}").get_json()["state"] == "done"
    assert f"job {long_id} done" in log_of(tmp_path, survivor)
    # Nothing was kept on either "machine": the store is PostgreSQL, the queue Redis.
    assert [path.name for name in machines for path in (tmp_path / name).rglob("*.sqlite3*")] == []

    machines[survivor].send_signal(signal.SIGTERM)
    assert machines[survivor].wait(15) == 0
    queue.close()
