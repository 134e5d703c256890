"""The worker loop with the real article job (Apertium), on both backends, in this process.

Submit → running with progress → done with the article in the article store; input
errors fail at once; engine errors are retried; a job two workers both finish is
stored once.
"""

import json
import sqlite3
import threading
import time

import pytest

from bitexto.jobs import ARTICLE_JOB, UNEXPECTED_REASON, JobState
from bitexto.jobs.article_job import ArticleJobRunner, article_payload
from bitexto.jobs.worker import LeaseLost, Worker
from bitexto.store import fetch_article, open_store
from bitexto.settings import Settings
from bitexto.cache import CachedEngine, TranslationCache
from bitexto.translate.engines import create_engine
from bitexto.translate.errors import EngineFailure, InputError

pytest_plugins = ("job_fixtures",)
pytest.register_assert_rewrite("job_fixtures")
from job_fixtures import long_article, wait_for  # noqa: E402

QUOTED = (
    "El Gobierno aprobó ayer una nueva ley de vivienda para bajar los alquileres en las ciudades.\n"
    "«Es un día histórico», dijo la ministra de Vivienda en una rueda de prensa en Madrid.\n"
    "La oposición anunció que recurrirá la ley ante el Tribunal Constitucional este mismo mes."
)
ENGLISH = "This is an English paragraph about the weather, which is sunny and warm again today."


@pytest.fixture
def database(data_dir):
    return data_dir / "bitexto.sqlite3"


@pytest.fixture
def runner(database):
    settings = Settings.from_env(engine="apertium")
    engine = CachedEngine(create_engine("apertium", settings.translate), TranslationCache(database))
    return ArticleJobRunner(engine=lambda: engine, database=database, settings=settings)


def payload(text: str) -> dict:
    return article_payload(text, summary_length="3", algorithm="default", source_format="text")


def stored_articles(database) -> list[dict]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT id, text, options, result FROM articles").fetchall()
    return [{"id": id_, "text": text, "options": json.loads(options), "result": json.loads(result)}
            for id_, text, options, result in rows]


def sentences(result: dict) -> list[dict]:
    return [sentence for block in result["blocks"] for sentence in block["sentences"]]


def test_a_job_runs_with_progress_to_done_and_its_article_is_stored(make_queue, runner, database):
    queue = make_queue()
    text = long_article(450)  # 900 sentences: three progress reports from Apertium
    job = queue.submit(ARTICLE_JOB, payload(text))
    seen = []
    report = queue.progress

    def spy(job_id, token, done, total):
        seen.append((queue.get(job_id).state, done, total))
        return report(job_id, token, done, total)

    queue.progress = spy
    assert Worker(queue, runner, progress_interval=0).run_once()

    assert [(state, done, total) for state, done, total in seen] == [
        (JobState.RUNNING, 400, 900), (JobState.RUNNING, 800, 900), (JobState.RUNNING, 900, 900)]
    done = queue.get(job.id)
    assert (done.state, done.attempts, done.error) == (JobState.DONE, 1, None)
    assert (done.progress_done, done.progress_total) == (900, 900)
    assert done.article_id == job.id
    [article] = stored_articles(database)
    assert article["id"] == job.id and article["text"] == text
    assert article["options"] == {"summary_length": "3", "algorithm": "default", "format": "text"}
    assert len(sentences(article["result"])) == 900
    assert all(sentence["target"] for sentence in sentences(article["result"]))
    assert "minister" in sentences(article["result"])[0]["target"]
    assert not Worker(queue, runner).run_once()  # nothing left


def test_a_text_that_is_not_spanish_fails_at_once_with_the_reason(make_queue, runner, database):
    queue = make_queue()
    job = queue.submit(ARTICLE_JOB, payload(ENGLISH))

    Worker(queue, runner).run_once()

    failed = queue.get(job.id)
    assert (failed.state, failed.attempts) == (JobState.FAILED, 1)
    assert "not Spanish" in failed.error
    assert stored_articles(database) == []
    assert not Worker(queue, runner).run_once()  # not retried


def test_engine_errors_are_retried_and_unexpected_ones_fail_in_the_end(make_queue, runner, database):
    queue = make_queue(max_attempts=2)
    job = queue.submit(ARTICLE_JOB, payload(long_article(2)))
    calls = []

    def flaky(job, on_progress):
        calls.append(job.attempts)
        if len(calls) == 1:
            raise EngineFailure("Apertium returned 3 lines for 4 sentences.")
        return runner(job, on_progress)

    worker = Worker(queue, flaky)
    worker.run_once()
    assert (queue.get(job.id).state, queue.get(job.id).error) == (
        JobState.QUEUED, "Apertium returned 3 lines for 4 sentences.")
    worker.run_once()
    assert calls == [1, 2]
    assert queue.get(job.id).state == JobState.DONE and len(stored_articles(database)) == 1

    broken = queue.submit(ARTICLE_JOB, payload(long_article(2)))

    def bug(job, on_progress):
        raise KeyError("surprise")

    Worker(queue, bug).run_once()
    Worker(queue, bug).run_once()
    failed = queue.get(broken.id)
    assert (failed.state, failed.attempts, failed.error) == (JobState.FAILED, 2, UNEXPECTED_REASON)


def test_a_job_two_workers_both_finish_is_stored_once(make_queue, runner, database):
    queue = make_queue(lease_seconds=0.3)
    text = long_article(3)
    job = queue.submit(ARTICLE_JOB, payload(text))
    stalled = queue.claim("stalled-worker")  # claims, then hangs past its lease
    time.sleep(0.4)

    assert Worker(queue, runner).run_once()  # another worker takes over and finishes
    # The stalled worker wakes up and finishes too: same article id, nothing new stored.
    assert runner(stalled, lambda done, total: None) == job.id
    assert not queue.complete(job.id, stalled.token, job.id)

    done = queue.get(job.id)
    assert (done.state, done.attempts, done.article_id) == (JobState.DONE, 2, job.id)
    assert [article["id"] for article in stored_articles(database)] == [job.id]


def test_the_heartbeat_keeps_a_slow_job_from_being_taken_over(make_queue):
    queue = make_queue(lease_seconds=0.3)
    job = queue.submit(ARTICLE_JOB, {})
    rival_claims = []
    stop = threading.Event()

    def slow(job, on_progress):
        time.sleep(1.2)  # four leases long, and no progress report to renew it
        return job.id

    def rival():
        rival_queue = make_queue(lease_seconds=0.3)
        while not stop.is_set():
            if (claimed := rival_queue.claim("rival")) is not None:
                rival_claims.append(claimed.id)
            time.sleep(0.05)

    worker = threading.Thread(target=Worker(queue, slow).run_once)
    worker.start()
    wait_for(queue, job.id, lambda j: j.state == JobState.RUNNING, timeout=5)
    rival_thread = threading.Thread(target=rival)
    rival_thread.start()
    worker.join(10)
    stop.set()
    rival_thread.join(10)

    assert rival_claims == []
    assert (queue.get(job.id).state, queue.get(job.id).attempts) == (JobState.DONE, 1)


def test_a_worker_whose_job_was_taken_over_drops_it_without_a_word(make_queue):
    queue = make_queue()
    job = queue.submit(ARTICLE_JOB, {})
    raised = []

    def overtaken(job, on_progress):
        queue.complete(job.id, "someone-else", "their-article")  # finished elsewhere meanwhile
        try:
            on_progress(1, 2)
        except LeaseLost as error:
            raised.append(error)
            raise
        return "ours"

    assert Worker(queue, overtaken).run_once()

    assert len(raised) == 1
    done = queue.get(job.id)
    assert (done.state, done.article_id, done.error) == (JobState.DONE, "their-article", None)


def test_a_job_stores_the_quoted_speakers_english_with_the_quotes(make_queue, runner, database):
    # Like an article created while the reader waits (webapp.service.create_article).
    queue = make_queue()
    queue.submit(ARTICLE_JOB, payload(QUOTED))
    apertium = runner.engine().engine
    calls: list[list[str]] = []
    runner.engine().engine = type("Counting", (), {
        "info": apertium.info,
        "translate": lambda self, sentences, on_progress=None: calls.append(list(sentences))
        or apertium.translate(sentences, on_progress)})()

    Worker(queue, runner).run_once()

    # One engine call: the sentences, with the speaker's name riding along.
    assert len(calls) == 1 and "la ministra de Vivienda" in calls[0]

    [article] = stored_articles(database)
    [quote] = [q for q in fetch_article(open_store(database), article["id"]).result.quotes if q.speaker_description]
    assert quote.speaker_description == "la ministra de Vivienda"
    assert "minister" in quote.speaker_target.lower() and "ministra" not in quote.speaker_target


def test_bad_summary_options_are_refused_before_queueing():
    with pytest.raises(InputError, match="Summary length"):
        article_payload("Hola.", summary_length="0", algorithm="default", source_format="text")
    with pytest.raises(InputError, match="Unknown summary algorithm"):
        article_payload("Hola.", summary_length="3", algorithm="magic", source_format="text")
