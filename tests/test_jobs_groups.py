"""Short article jobs analysed in groups: one engine call for several jobs, each settled alone."""

import json
import sqlite3

import pytest

from batch_fixtures import CountingEngine, spanish_articles
import bitexto.cli.worker as cli_jobs
from bitexto.analysis import analyse_article
from bitexto.jobs import ARTICLE_JOB, JobState
from bitexto.jobs.article_job import GROUP_SIZE, ArticleJobRunner, article_payload, article_worker
from bitexto.settings import Settings
from bitexto.cache import CachedEngine, TranslationCache

pytest_plugins = ("job_fixtures",)
pytest.register_assert_rewrite("job_fixtures")
from job_fixtures import long_article  # noqa: E402

ENGLISH = "This is an English paragraph about the weather, which is sunny and warm again today."


@pytest.fixture(scope="module")
def texts():
    return spanish_articles(5)


@pytest.fixture
def database(data_dir):
    return data_dir / "bitexto.sqlite3"


def runner_with(engine, database) -> ArticleJobRunner:
    settings = Settings.from_env(engine="apertium")
    cached = CachedEngine(engine, TranslationCache(database))
    return ArticleJobRunner(engine=lambda: cached, database=database, settings=settings)


def payload(text: str) -> dict:
    return article_payload(text, summary_length="2", algorithm="default", source_format="text")


def stored(database) -> dict[str, dict]:
    with sqlite3.connect(database) as db:
        return {id_: json.loads(result) for id_, result in db.execute("SELECT id, result FROM articles")}


def test_short_jobs_share_one_engine_call_and_match_a_lone_analysis(make_queue, database, texts):
    queue = make_queue()
    jobs = queue.submit_many(ARTICLE_JOB, [payload(text) for text in texts])
    engine = CountingEngine()

    assert article_worker(queue, runner_with(engine, database)).run_once()

    assert len(engine.calls) == 1  # five articles (and their quoted speakers) in one call
    assert [queue.get(job.id).state for job in jobs] == [JobState.DONE] * 5
    assert all(queue.get(job.id).progress_done == queue.get(job.id).progress_total > 0 for job in jobs)
    articles = stored(database)
    for job, text in zip(jobs, texts):
        alone = analyse_article(text, CountingEngine().engine, summary_length="2").to_dict()
        assert articles[job.id] == alone
    assert not article_worker(queue, runner_with(engine, database)).run_once()  # nothing left


def test_in_a_group_a_bad_article_fails_and_an_engine_failure_is_retried_alone(make_queue, database, texts):
    queue = make_queue(max_attempts=2)
    good, english, choking = queue.submit_many(
        ARTICLE_JOB, [payload(texts[0]), payload(ENGLISH), payload(texts[1] + "\nFrase maldita aquí.")])
    engine = CountingEngine(fail_on="Frase maldita")

    article_worker(queue, runner_with(engine, database)).run_once()

    assert queue.get(good.id).state == JobState.DONE
    refused = queue.get(english.id)
    assert refused.state == JobState.FAILED and "not Spanish" in refused.error
    retried = queue.get(choking.id)
    assert retried.state == JobState.QUEUED and "choked" in retried.error  # the engine's fault: again
    assert sorted(stored(database)) == [good.id]


def test_a_long_job_met_while_gathering_runs_alone_after_the_group(make_queue, database, texts):
    queue = make_queue()
    short = queue.submit(ARTICLE_JOB, payload(texts[0]))
    long = queue.submit(ARTICLE_JOB, payload(long_article(450)))  # 900 sentences, > 20,000 characters
    later = queue.submit(ARTICLE_JOB, payload(texts[1]))
    engine = CountingEngine()

    article_worker(queue, runner_with(engine, database), progress_interval=0).run_once()

    assert queue.get(short.id).state == queue.get(long.id).state == JobState.DONE
    assert queue.get(later.id).state == JobState.QUEUED  # the group stopped at the long one
    assert (queue.get(long.id).progress_done, queue.get(long.id).progress_total) == (900, 900)
    assert engine.calls[0] < 400 and sum(engine.calls[1:]) >= 900  # the group, then the long one


def test_group_size_one_runs_one_job_at_a_time(make_queue, database, texts):
    queue = make_queue()
    queue.submit_many(ARTICLE_JOB, [payload(text) for text in texts[:3]])
    engine = CountingEngine()

    worker = article_worker(queue, runner_with(engine, database), group_size=1)
    while worker.run_once():
        pass

    assert len(engine.calls) == 3
    assert cli_jobs.GROUP_SIZE == GROUP_SIZE  # the CLI's default is the library's
