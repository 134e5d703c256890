"""The batch API: many articles in one request, one background job each, on both queues."""

from __future__ import annotations

import time

import pytest

from bitexto.jobs import JobSettings
from bitexto.webapp import jobs_service

pytest_plugins = ("api_fixtures", "job_fixtures")
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

OTHER_ARTICLE = ("El ayuntamiento de Sevilla abrió ayer dos bibliotecas nuevas en el centro.\n\n"
                 "Los vecinos celebraron la apertura con una fiesta en la plaza.")


@pytest.fixture
def batch_app(make_app, backend):
    app = make_app(JOBS=JobSettings(queue_url=backend, workers=1), BATCH_MAX_ARTICLES=5)
    yield app
    jobs_service.stop_workers(app)


def wait_for_batch(client, url: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = client.get(url).get_json()
        if body["state"] == "done":
            return body
        assert time.monotonic() < deadline, f"the batch never finished: {body}"
        time.sleep(0.1)


def test_a_batch_runs_every_article_and_fails_only_the_bad_one(batch_app):
    client = batch_app.test_client()
    response = client.post("/api/v1/batches", json={"summary_length": 1, "articles": [
        {"id": "vivienda", "text": SHORT_ARTICLE},
        {"id": 42, "text": "<p>" + OTHER_ARTICLE.replace("\n\n", "</p><p>") + "</p>", "format": "html"},
        {"text": "This article is written in English, not in Spanish, so it cannot be translated."},
        {"id": "vacío", "text": "   "},
    ]})

    assert response.status_code == 202
    created = response.get_json()
    assert response.headers["Location"] == created["url"] == f"/api/v1/batches/{created['id']}"
    assert [entry["id"] for entry in created["articles"]] == ["vivienda", "42", "3", "vacío"]

    batch = wait_for_batch(client, created["url"])

    assert batch["counts"] == {"queued": 0, "running": 0, "done": 2, "failed": 2}
    assert batch["progress"] == {"done": 4, "total": 4}
    assert batch["options"] == {"summary_length": "1", "algorithm": "default"}
    housing, libraries, english, empty = batch["articles"]
    assert housing["state"] == libraries["state"] == "done"
    article = client.get(f"/api/v1/articles/{libraries['article_id']}").get_json()
    assert "Sevilla" in article["blocks"][0]["sentences"][0]["source"]  # the HTML became text
    assert article["blocks"][0]["sentences"][0]["target"] and len(article["summary"]["sentences"]) == 1
    assert english["state"] == "failed" and "Spanish" in english["error"]
    assert empty["state"] == "failed" and empty["error"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("body", "status", "message"), [
    ({"articles": []}, 422, "non-empty JSON list"),
    ({"articles": "texto"}, 422, "non-empty JSON list"),
    ({"text": SHORT_ARTICLE}, 422, "non-empty JSON list"),
    ({"articles": [{"text": SHORT_ARTICLE}] * 6}, 413, "at most 5 articles"),
    ({"articles": ["texto"]}, 422, "articles[0] must be an object"),
    ({"articles": [{"id": "a", "text": 7}]}, 422, "articles[0]: `text` must be a string"),
    ({"articles": [{"id": "a", "text": "uno"}, {"id": "a", "text": "dos"}]}, 422, "appears twice"),
    ({"articles": [{"id": True, "text": "uno"}]}, 422, "`id` must be"),
    ({"articles": [{"id": "x" * 201, "text": "uno"}]}, 422, "`id` must be"),
    ({"articles": [{"text": "uno", "format": "pdf"}]}, 422, "Unknown format"),
    ({"articles": [{"text": "uno"}], "summary_length": "0"}, 422, "Summary length"),
    ({"articles": [{"text": "uno"}], "algorithm": "magic"}, 422, "Unknown summary algorithm"),
])
def test_a_malformed_batch_is_refused_whole_and_queues_nothing(batch_app, body, status, message):
    client = batch_app.test_client()
    response = client.post("/api/v1/batches", json=body)

    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert response.get_json()["status"] == status
    assert jobs_service.runtime(batch_app).queue.claim("probe") is None  # nothing was queued


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_an_unknown_batch_is_a_404(batch_app):
    response = batch_app.test_client().get("/api/v1/batches/bnope")
    assert response.status_code == 404 and "No batch" in response.get_json()["error"]
