"""SIGKILL `bitexto batch` for real, at several moments, then rerun: every article exactly once.

The batch runs as a subprocess with small engine groups, so it writes results over a few
seconds and the kills land mid-run (the test checks that they did). Before the final
run a torn line is added as a kill inside write() would leave it.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from batch_fixtures import spanish_articles, write_articles

ARTICLES = 30
POLL = 0.005


def command(out: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "bitexto", "batch", "in", "--out", out, "--engine", "apertium", *extra]


def count_lines(path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_when(process: subprocess.Popen, ready, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while process.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(POLL)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.slow
def test_killed_runs_then_a_rerun_give_every_article_exactly_once(tmp_path):
    texts = spanish_articles(ARTICLES, paragraphs=3, seed=7)
    ids = write_articles(tmp_path / "in", texts)
    run = dict(cwd=tmp_path, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    clean = subprocess.run(command("clean.jsonl"), **run, timeout=120)
    assert clean.returncode == 0, clean.stderr.decode()

    out = tmp_path / "out.jsonl"
    # Groups of ~2 articles: one engine call and one written line every fraction of a second.
    slow = command("out.jsonl", "--group-sentences", "20")
    delay = random.Random().uniform(0.0, 0.6)

    def after_new_results(count: int, then: float = 0.0):
        """Ready `then` seconds after this run has added `count` results."""
        reached = []

        def ready() -> bool:
            if not reached and count_lines(out) >= lines_before + count:
                reached.append(time.monotonic())
            return bool(reached) and time.monotonic() - reached[0] >= then
        return ready

    moments = [
        after_new_results(2),  # right after the first results
        after_new_results(1, then=delay),  # an arbitrary moment of a resumed run
        after_new_results(3),  # a few results into another resumed run
    ]
    lines_after_kill = []
    for ready in moments:
        lines_before = count_lines(out)
        process = subprocess.Popen(slow, **{**run, "stderr": subprocess.DEVNULL})
        kill_when(process, ready)
        assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
        lines_after_kill.append(count_lines(out))
    # Every kill landed mid-run: each run added results, none finished the batch.
    assert 2 <= lines_after_kill[0] < lines_after_kill[1] < lines_after_kill[2] < ARTICLES, (
        lines_after_kill, delay)

    # A kill in the middle of write() would leave a torn last line; SIGKILL rarely lands
    # there by chance, so leave one as it would look.
    with out.open("ab") as handle:
        handle.write(json.dumps({"id": ids[-1], "hash": "0" * 64, "status": "ok"}).encode()[:25])

    final = subprocess.run(slow, **run, timeout=120)
    assert final.returncode == 0, final.stderr.decode()
    assert "skipped" in final.stderr.decode()

    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    lines = raw.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]  # every line complete JSON
    got = [r["id"] for r in records]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got))
    expected = {json.loads(line)["id"]: json.loads(line)
                for line in (tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()}
    for record in records:
        assert record == expected[record["id"]]
