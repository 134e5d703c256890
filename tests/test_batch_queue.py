"""`bitexto batch --queue`: the batch farmed out to `bitexto worker` processes through the job queue.

On both set-ups: the SQLite default (queue and store in the data folder) and the
scale-out one (a real redis-server and a real PostgreSQL). The output must be what a
local batch writes; a rerun skips everything; bad articles fail alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch_fixtures import SEED, spanish_articles, write_articles
from bitexto.analysis import ArticleResult, analyse_article
from bitexto.batch.inputs import item_from_text
from bitexto.batch.output import JsonlOutput
from bitexto.batch.queue import run_batch_on_queue
from bitexto.batch.render import render_html
from bitexto.batch import ArticleOutcome
from bitexto.cli import main
from bitexto.jobs import open_queue
from bitexto.jobs.worker import Worker
from bitexto.jobs.article_job import ArticleJobRunner
from bitexto.settings import Settings
from bitexto.translate.engines import create_engine
from bitexto.store import open_store

pytest_plugins = ("job_fixtures", "postgres_fixtures")

SETUPS = [pytest.param("sqlite", id="sqlite"),
          pytest.param("redis+postgres", id="redis+postgres", marks=pytest.mark.enable_socket)]


@pytest.fixture(scope="module")
def texts():
    return spanish_articles(5)


@pytest.fixture(params=SETUPS)
def setup_env(request, monkeypatch, data_dir) -> dict:
    """The environment of this set-up, for the CLI (in this process) and the workers."""
    monkeypatch.setenv("BITEXTO_ENGINE", "apertium")
    monkeypatch.delenv("BITEXTO_DATABASE", raising=False)
    if request.param == "redis+postgres":
        monkeypatch.setenv("BITEXTO_QUEUE", request.getfixturevalue("redis_url"))
        monkeypatch.setenv("BITEXTO_DATABASE_URL", request.getfixturevalue("postgres_url"))
    else:
        monkeypatch.delenv("BITEXTO_QUEUE", raising=False)
        monkeypatch.delenv("BITEXTO_DATABASE_URL", raising=False)
    return dict(os.environ)


@pytest.fixture
def worker(setup_env, tmp_path):
    """A `bitexto worker` process on this set-up's queue and store."""
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bitexto", "worker"], env=setup_env,
                                   stdout=log, stderr=subprocess.STDOUT)
    yield process
    process.kill()
    process.wait(10)
    print("--- worker.log\n" + log_path.read_text(errors="replace"))


def batch(*args) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


def records(path: Path) -> dict[str, dict]:
    return {record["id"]: record for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_a_stored_result_reads_back_into_the_same_article():
    result = analyse_article(SEED.read_text(encoding="utf-8"), create_engine("apertium"))

    again = ArticleResult.from_dict(json.loads(json.dumps(result.to_dict())))

    assert again.to_dict() == result.to_dict()
    assert again.summary.sentences[0] is again.document.sentence(again.summary.ids[0])
    page = ArticleOutcome("seed", "h", article=result)
    assert render_html(ArticleOutcome("seed", "h", article=again)) == render_html(page)


@pytest.mark.slow
def test_the_workers_write_what_a_local_batch_writes(setup_env, worker, tmp_path, texts):
    folder = tmp_path / "in"
    write_articles(folder, texts)
    (folder / "english.txt").write_text("The government approved on Tuesday a reform that affects "
                                        "millions of workers across the whole country.")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)

    queued = batch(str(folder), "--out", str(tmp_path / "queued.jsonl"), "--queue", "--summary-length", "2")
    local = batch(str(folder), "--out", str(tmp_path / "local.jsonl"), "--engine", "apertium",
                  "--summary-length", "2")

    assert queued.exit_code == local.exit_code == 1  # two articles failed, each with its reason
    by_queue, by_hand = records(tmp_path / "queued.jsonl"), records(tmp_path / "local.jsonl")
    assert by_queue == by_hand
    assert sorted(i for i, r in by_queue.items() if r["status"] == "ok") == sorted(
        f"art{n:03d}.txt" for n in range(5))
    assert "English" in by_queue["english.txt"]["error"] and "binary" in by_queue["binary.txt"]["error"]
    assert "Batch finished: 5 done, 2 failed, 0 skipped" in queued.stderr

    again = batch(str(folder), "--out", str(tmp_path / "queued.jsonl"), "--queue")

    assert "0 done, 2 failed, 5 skipped" in again.stderr
    assert records(tmp_path / "queued.jsonl") == by_queue


@pytest.mark.parametrize("setup_env", ["sqlite"], indirect=True)
def test_without_a_worker_it_says_so_and_goes_on_when_one_starts(setup_env, data_dir, tmp_path, texts):
    settings = Settings.from_env()
    store_file = data_dir / "instance" / "bitexto.sqlite3"
    queue = open_queue(None, store_file)
    output = JsonlOutput(tmp_path / "out.jsonl")
    warnings: list[str] = []
    stop = threading.Event()
    runner = ArticleJobRunner(engine=lambda: create_engine("apertium", settings.translate), database=store_file,
                              settings=settings)

    def start_a_worker_when_warned(text: str) -> None:
        warnings.append(text)
        threading.Thread(target=Worker(queue, runner, poll_seconds=0.05).run, args=(stop,), daemon=True).start()

    try:
        stats = run_batch_on_queue(
            [item_from_text(f"a{n}", text) for n, text in enumerate(texts[:2])], output, queue=queue,
            store=open_store(store_file), summary_length=1, algorithm="default",
            on_warning=start_a_worker_when_warned, poll_seconds=0.05, stall_seconds=0.3)
    finally:
        stop.set()

    assert len(warnings) == 1 and "No worker has started a job" in warnings[0]
    assert "start `bitexto worker`" in warnings[0]
    assert (stats.done, stats.failed) == (2, 0)
    assert sorted(records(tmp_path / "out.jsonl")) == ["a0", "a1"]


@pytest.mark.parametrize("setup_env", ["sqlite"], indirect=True)
def test_local_options_are_refused_with_queue(setup_env, tmp_path, texts):
    write_articles(tmp_path / "in", texts[:1])
    result = batch(str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--queue", "--workers", "2")
    assert result.exit_code == 2 and "--workers: with --queue the workers translate" in result.output
