"""Jobs through the web app: POST/GET /api/v1/jobs, the /jobs/<id> page, long pastes in the form.

The app runs its own worker thread on the SQLite default; with Redis it only queues, and
a worker elsewhere (here: in this process) does the work.
"""

import io
import re
import time

import lxml.html
import pytest

from bitexto.jobs import JobSettings, JobState
from bitexto.jobs.article_job import ArticleJobRunner
from bitexto.jobs.worker import Worker
from bitexto.webapp import jobs_service, service

pytest_plugins = ("api_fixtures", "job_fixtures")
pytest.register_assert_rewrite("api_fixtures", "job_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402
from job_fixtures import long_article  # noqa: E402

NO_CSRF = {"WTF_CSRF_ENABLED": False}
JOB_KEYS = {"id", "state", "progress", "article_id", "article_url", "error", "attempts", "created_at",
            "updated_at"}


@pytest.fixture
def make_jobs_app(make_app):
    """make_jobs_app(config, **job_settings) → an app whose job workers are stopped after the test.

    CSRF protection is on, as in production: the API is exempt, the form needs a token
    (the form tests turn it off, as tests/test_ui.py does)."""
    apps = []

    def build(config: dict | None = None, **settings):
        app = make_app(JOBS=JobSettings(**settings), WARM_UP=False, **(config or {}))
        apps.append(app)
        return app

    yield build
    for app in apps:
        jobs_service.stop_workers(app)


def follow(client, url: str, until, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = client.get(url).get_json()
        if until(body):
            return body
        assert time.monotonic() < deadline, f"{url} never got there; last: {body}"
        time.sleep(0.02)


def test_a_job_is_accepted_at_once_and_runs_to_done(make_jobs_app):
    client = make_jobs_app().test_client()

    response = client.post("/api/v1/jobs", json={"text": SHORT_ARTICLE, "summary_length": 1})

    assert response.status_code == 202
    created = response.get_json()
    assert set(created) == {"id", "state", "url"} and created["state"] == "queued"
    assert created["url"] == response.headers["Location"] == f"/api/v1/jobs/{created['id']}"
    done = follow(client, created["url"], lambda job: job["state"] == "done")
    assert set(done) == JOB_KEYS
    assert done["progress"] == {"done": 2, "total": 2}
    assert done["article_id"] == created["id"] and done["article_url"] == f"/a/{created['id']}"
    assert (done["error"], done["attempts"]) == (None, 1)
    assert done["created_at"] <= done["updated_at"]
    article = client.get(f"/api/v1/articles/{done['article_id']}").get_json()
    assert article["options"] == {"summary_length": "1", "algorithm": "default", "format": "text"}
    assert all(s["target"] for block in article["blocks"] for s in block["sentences"])


def test_progress_is_visible_while_a_long_article_runs(make_jobs_app):
    client = make_jobs_app().test_client()
    url = client.post("/api/v1/jobs", json={"text": long_article(600)}).get_json()["url"]

    running = follow(client, url, lambda job: job["state"] == "running" and job["progress"]["done"] > 0)
    assert 0 < running["progress"]["done"] < running["progress"]["total"] == 1200
    assert follow(client, url, lambda job: job["state"] == "done")["progress"] == {"done": 1200, "total": 1200}


def test_a_text_that_is_not_spanish_fails_with_the_reason(make_jobs_app):
    client = make_jobs_app().test_client()
    url = client.post("/api/v1/jobs", data={"text": "The weather is sunny and warm again today, "
                                            "said the forecaster on the radio this morning."}).get_json()["url"]

    failed = follow(client, url, lambda job: job["state"] != "queued" and job["state"] != "running")
    assert failed["state"] == "failed" and "not Spanish" in failed["error"]
    assert (failed["attempts"], failed["article_id"], failed["article_url"]) == (1, None, None)


def test_bad_requests_are_refused_before_anything_is_queued(make_jobs_app):
    app = make_jobs_app(workers=0)
    client = app.test_client()

    for body, status, words in [({"text": SHORT_ARTICLE, "summary_length": "0"}, 422, "at least 1 sentence"),
                                ({"text": SHORT_ARTICLE, "algorithm": "magic"}, 422, "Unknown summary algorithm"),
                                ({}, 422, "No article"),
                                ({"text": SHORT_ARTICLE, "format": "pdf"}, 422, "Unknown format")]:
        response = client.post("/api/v1/jobs", json=body)
        assert response.status_code == status, body
        assert set(response.get_json()) == {"error", "status"} and words in response.get_json()["error"]
    assert client.post("/api/v1/jobs", data=b"[1]", content_type="application/json").status_code == 400
    assert jobs_service.runtime(app).queue.claim("probe") is None


def test_an_unknown_job_is_a_404_in_the_canonical_shape(make_jobs_app):
    client = make_jobs_app(workers=0).test_client()

    response = client.get("/api/v1/jobs/does-not-exist")

    assert response.status_code == 404
    assert response.get_json() == {"error": "No job with id 'does-not-exist'.", "status": 404}
    page = client.get("/jobs/does-not-exist")
    assert page.status_code == 404 and "There is no translation job at this address" in page.get_data(as_text=True)


def test_jobs_need_a_key_where_the_api_does(make_jobs_app):
    client = make_jobs_app({"REQUIRE_API_KEYS": True}, workers=0).test_client()

    assert client.post("/api/v1/jobs", json={"text": SHORT_ARTICLE}).status_code == 403
    assert client.get("/api/v1/jobs/anything").status_code == 403


def test_the_job_page_shows_a_progress_bar_then_the_article(make_jobs_app):
    app = make_jobs_app(workers=0)  # this test moves the job along by hand
    client = app.test_client()
    queue = jobs_service.runtime(app).queue
    job_id = client.post("/api/v1/jobs", json={"text": SHORT_ARTICLE}).get_json()["id"]

    queued = lxml.html.fromstring(client.get(f"/jobs/{job_id}").get_data(as_text=True))
    assert queued.xpath("//section[@id='job']/@data-state") == ["queued"]
    assert queued.xpath("//section[@id='job']/@data-status-url") == [f"/api/v1/jobs/{job_id}"]
    assert queued.xpath("//progress[@id='job-progress'][not(@value)]")  # indeterminate: total unknown
    assert queued.xpath("//script[contains(@src, '/static/jobs.js')]")
    assert "Waiting for a free worker" in queued.text_content()

    token = "test-worker"
    queue.claim(token)
    queue.progress(job_id, token, 1200, 2500)
    response = client.get(f"/jobs/{job_id}?lang=es")
    running = lxml.html.fromstring(response.get_data(as_text=True))
    [bar] = running.xpath("//progress[@id='job-progress']")
    assert (bar.get("value"), bar.get("max")) == ("1200", "2500")
    assert running.xpath("//span[@id='job-total']")[0].text_content() == "2.500"  # Spanish grouping
    assert "Traduciendo tu artículo" in running.text_content()
    assert re.search(r'<noscript><meta http-equiv="refresh" content="\d+"></noscript>', response.get_data(as_text=True))
    # No inline script or style: the CSP forbids them.
    assert not running.xpath("//script[not(@src)] | //*[@style] | //style")

    queue.complete(job_id, token, job_id)
    done = client.get(f"/jobs/{job_id}")
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/a/{job_id}")


def test_a_failed_job_page_says_why(make_jobs_app):
    app = make_jobs_app(workers=0)
    client = app.test_client()
    queue = jobs_service.runtime(app).queue
    job_id = client.post("/api/v1/jobs", json={"text": SHORT_ARTICLE}).get_json()["id"]
    queue.claim("w")
    queue.fail(job_id, "w", "This text looks like English (en), not Spanish.")

    page = lxml.html.fromstring(client.get(f"/jobs/{job_id}").get_data(as_text=True))

    assert page.xpath("//*[@id='job-error']")[0].text_content() == "This text looks like English (en), not Spanish."
    assert not page.xpath("//progress") and not page.xpath("//script[contains(@src, 'jobs.js')]")
    assert not page.xpath("//meta[@http-equiv='refresh']")


def test_a_long_paste_in_the_form_goes_to_the_job_page_then_the_article(make_jobs_app):
    client = make_jobs_app(NO_CSRF, long_sentences=5, long_chars=1000).test_client()
    short = client.post("/articles", data={"text": SHORT_ARTICLE})
    assert short.status_code == 303 and "/a/" in short.headers["Location"]  # analysed while waiting

    for text in (long_article(3), long_article(12)):  # 6 sentences; 2,000+ characters
        response = client.post("/articles", data={"text": text, "length": "2"})
        assert response.status_code == 303
        job_page = re.fullmatch(r"(?:http://localhost)?/jobs/([\w-]+)", response.headers["Location"])
        assert job_page, response.headers["Location"]
        deadline = time.monotonic() + 30
        while (page := client.get(job_page.group(0))).status_code == 200:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert page.status_code == 303 and page.headers["Location"].endswith(f"/a/{job_page.group(1)}")
        article = client.get(page.headers["Location"])
        assert article.status_code == 200 and "minister" in article.get_data(as_text=True)


def test_a_long_upload_becomes_a_job_too(make_jobs_app):
    client = make_jobs_app(NO_CSRF, workers=0, long_sentences=5).test_client()
    upload = {"file": (io.BytesIO(long_article(3).encode("cp1252")), "noticia.txt")}

    response = client.post("/articles", data=upload, content_type="multipart/form-data")

    assert response.status_code == 303 and "/jobs/" in response.headers["Location"]


def test_a_form_error_is_still_shown_at_once_with_the_text(make_jobs_app):
    client = make_jobs_app(NO_CSRF, workers=0, long_sentences=5).test_client()

    response = client.post("/articles", data={"text": long_article(3), "length": "0"})

    assert response.status_code == 422
    assert "at least 1 sentence" in response.get_data(as_text=True)


@pytest.mark.enable_socket
def test_with_redis_the_app_queues_and_a_worker_elsewhere_runs_the_job(make_jobs_app, redis_url):
    app = make_jobs_app(queue_url=redis_url)  # no in-app workers with Redis
    client = app.test_client()
    url = client.post("/api/v1/jobs", json={"text": SHORT_ARTICLE}).get_json()["url"]
    time.sleep(0.3)
    assert client.get(url).get_json()["state"] == "queued"

    runner = ArticleJobRunner(engine=lambda: service.get_engine(app), database=app.config["DATABASE"],
                              settings=app.config["BITEXTO"])
    assert Worker(jobs_service.runtime(app).queue, runner).run_once()

    done = client.get(url).get_json()
    assert done["state"] == JobState.DONE
    assert client.get(done["article_url"]).status_code == 200
