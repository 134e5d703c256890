"""The queue contract, on both backends: SQLite (the default) and a real redis-server.

Claims, leases, attempts and reports, without any translation: what makes a killed
worker's job come back once, and a late worker's report harmless.
"""

import threading
import time

import pytest

from bitexto.jobs import JobSettings, JobState, open_queue, sqlite_queue

pytest_plugins = ("job_fixtures",)


def test_jobs_are_claimed_once_in_the_order_they_came(make_queue):
    queue = make_queue()
    first = queue.submit("article", {"text": "uno"})
    second = queue.submit("article", {"text": "dos"})

    assert first.state == JobState.QUEUED and first.attempts == 0 and first.token is None
    assert queue.get(first.id).payload == {"text": "uno"}

    claimed = queue.claim("worker-a")
    assert (claimed.id, claimed.state, claimed.attempts, claimed.token) == (first.id, JobState.RUNNING, 1, "worker-a")
    assert queue.get(first.id).token is None  # the claim token is the worker's, not the public's
    assert queue.claim("worker-b").id == second.id
    assert queue.claim("worker-c") is None
    assert queue.get("no-such-job") is None


def test_reports_only_count_from_the_claim_that_holds_the_job(make_queue):
    queue = make_queue()
    job = queue.submit("article", {})
    queue.claim("mine")

    assert queue.renew(job.id, "mine")
    assert queue.progress(job.id, "mine", 400, 1000)
    assert (queue.get(job.id).progress_done, queue.get(job.id).progress_total) == (400, 1000)

    assert not queue.renew(job.id, "someone-else")
    assert not queue.progress(job.id, "someone-else", 999, 1000)
    assert not queue.fail(job.id, "someone-else", "no")
    assert queue.retry(job.id, "someone-else", "no") is None
    assert queue.get(job.id).progress_done == 400 and queue.get(job.id).state == JobState.RUNNING


def test_an_expired_lease_is_claimed_again_and_the_job_completes_once(make_queue):
    queue = make_queue(lease_seconds=0.3)
    job = queue.submit("article", {"text": "uno"})
    queue.claim("dead-worker")
    queue.progress(job.id, "dead-worker", 400, 1000)
    assert queue.claim("other") is None  # the lease still holds

    time.sleep(0.4)
    again = queue.claim("new-worker")

    assert (again.id, again.attempts, again.progress_done) == (job.id, 2, 0)
    # The first worker comes back: its lease is gone...
    assert not queue.renew(job.id, "dead-worker")
    assert not queue.progress(job.id, "dead-worker", 800, 1000)
    # ...but its finished result is as good as anyone's: the first to finish wins, once.
    assert queue.complete(job.id, "dead-worker", job.id)
    assert not queue.complete(job.id, "new-worker", job.id)
    assert not queue.progress(job.id, "new-worker", 500, 1000)  # tells the new worker to stop
    done = queue.get(job.id)
    assert (done.state, done.article_id, done.attempts, done.error) == (JobState.DONE, job.id, 2, None)
    assert done.payload == {}  # the text now lives in the article store only
    assert queue.claim("anyone") is None


def test_a_job_interrupted_max_attempts_times_fails_with_that_reason(make_queue):
    queue = make_queue(lease_seconds=0.2, max_attempts=2)
    job = queue.submit("article", {})
    for token in ("w1", "w2"):
        assert queue.claim(token).id == job.id
        time.sleep(0.3)

    assert queue.claim("w3") is None
    failed = queue.get(job.id)
    assert failed.state == JobState.FAILED and failed.attempts == 2
    assert "interrupted 2 times" in failed.error


def test_transient_errors_requeue_until_attempts_run_out(make_queue):
    queue = make_queue(max_attempts=2)
    job = queue.submit("article", {})
    waiting = queue.submit("article", {})

    queue.claim("w1")
    assert queue.retry(job.id, "w1", "Apertium crashed.") == JobState.QUEUED
    requeued = queue.get(job.id)
    assert (requeued.state, requeued.error) == (JobState.QUEUED, "Apertium crashed.")
    # Back of the line: the job that was waiting goes first.
    assert queue.claim("w2").id == waiting.id
    assert queue.claim("w3").id == job.id
    assert queue.retry(job.id, "w3", "Apertium crashed again.") == JobState.FAILED
    assert queue.get(job.id).state == JobState.FAILED
    assert queue.get(job.id).error == "Apertium crashed again."


def test_an_input_error_fails_at_once(make_queue):
    queue = make_queue()
    job = queue.submit("article", {})
    queue.claim("w1")

    assert queue.fail(job.id, "w1", "This text looks like English (en), not Spanish.")
    failed = queue.get(job.id)
    assert (failed.state, failed.attempts, failed.finished) == (JobState.FAILED, 1, True)
    assert "not Spanish" in failed.error
    assert queue.claim("w2") is None


def test_concurrent_claims_never_hand_out_a_job_twice(make_queue):
    jobs = {make_queue().submit("article", {"n": n}).id for n in range(40)}
    claimed: list[str] = []
    lock = threading.Lock()

    def claim_all(name: str) -> None:
        queue = make_queue()  # a handle (connection) of its own, like a separate process
        while (job := queue.claim(f"{name}-{time.monotonic_ns()}")) is not None:
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=claim_all, args=(f"w{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(claimed) == sorted(jobs)


def test_settings_come_from_the_environment():
    settings = JobSettings.from_env({"BITEXTO_QUEUE": "redis://queue.internal:6379/2", "BITEXTO_WORKERS": "",
                                     "BITEXTO_JOB_LEASE_SECONDS": "2.5", "BITEXTO_JOB_SENTENCES": "10"})
    assert settings.queue_url == "redis://queue.internal:6379/2"
    assert settings.in_app_workers == 0  # Redis: `bitexto worker` processes do the work
    assert (settings.lease_seconds, settings.long_sentences, settings.max_attempts) == (2.5, 10, 3)
    assert JobSettings.from_env({}).in_app_workers == 1
    assert JobSettings.from_env({"BITEXTO_WORKERS": "3"}).in_app_workers == 3
    with pytest.raises(ValueError, match="BITEXTO_WORKERS"):
        JobSettings.from_env({"BITEXTO_WORKERS": "many"})
    with pytest.raises(ValueError, match="redis://"):
        open_queue("amqp://elsewhere", "unused.sqlite3")


def test_a_batch_is_queued_in_order_and_read_back_in_one_call(make_queue):
    queue = make_queue()
    jobs = queue.submit_many("article", [{"text": f"artículo {n}"} for n in range(700)])

    assert [job.payload for job in jobs] == [{"text": f"artículo {n}"} for n in range(700)]
    assert all(job.state == JobState.QUEUED for job in jobs) and len({job.id for job in jobs}) == 700
    ids = [job.id for job in jobs]
    assert [job.id if job else None for job in queue.get_many([ids[5], "no-such-job", ids[0]])] == [
        ids[5], None, ids[0]]
    assert [queue.claim(f"w{n}").id for n in range(700)] == ids  # the line keeps their order
    assert queue.claim("w-last") is None


def test_finished_jobs_are_forgotten_after_the_retention(make_queue, monkeypatch):
    monkeypatch.setattr(sqlite_queue, "PURGE_INTERVAL", 0.0)  # SQLite purges while claiming
    queue = make_queue(retention_seconds=1)
    kept_forever = make_queue(retention_seconds=0)
    done, failed, waiting = (queue.submit("article", {"n": n}) for n in range(3))
    assert queue.complete(queue.claim("a").id, "a", "article-1")
    assert queue.fail(queue.claim("b").id, "b", "not Spanish")

    time.sleep(1.5)
    assert queue.claim("c").id == waiting.id  # Redis expires the keys on its own

    assert queue.get(done.id) is None and queue.get(failed.id) is None
    assert queue.get(waiting.id).state == JobState.RUNNING
    job = kept_forever.submit("article", {})
    kept_forever.complete(kept_forever.claim("d").id, "d", "article-2")
    assert kept_forever.claim("e") is None and kept_forever.get(job.id).state == JobState.DONE


def test_the_retention_comes_from_the_environment():
    assert JobSettings.from_env({"BITEXTO_JOB_RETENTION_DAYS": "0.5"}).retention_seconds == 43_200
    assert JobSettings.from_env({"BITEXTO_JOB_RETENTION_DAYS": "0"}).retention_seconds == 0
    assert JobSettings.from_env({}).retention_seconds == 7 * 86_400
