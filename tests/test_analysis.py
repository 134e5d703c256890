"""The one analysis path: every surface analyses through bitexto.analysis, and one paste is read
as a page once, has its HTML parsed once and its quotes found once — counted here on the real
path (Flask test client, Apertium, spaCy, the job worker)."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from bitexto import analysis, store
from bitexto.analysis import AnalysisOptions, ArticleInput, analyse_article, analyse_articles
from bitexto.jobs import JobSettings
from bitexto.results import ArticleResult
from bitexto.translate import pipeline
from bitexto.translate.engines import create_engine
from bitexto.translate.errors import InputTooLarge
from bitexto.webapp import jobs_service

pytest_plugins = ("api_fixtures", "job_fixtures")
pytest.register_assert_rewrite("api_fixtures", "job_fixtures")
from job_fixtures import long_article  # noqa: E402

QUOTED = ("La ministra de Vivienda, Ana López, defendió la ley ante el Congreso.\n\n"
          "«Bajaremos los alquileres este mismo año», aseguró López en la sesión de la tarde.")
HTML = ("<html><body><!--StartFragment--><h1>La ley de vivienda llega al Congreso</h1>"
        f"<p>{QUOTED.splitlines()[0]}</p><p>{QUOTED.splitlines()[-1]}</p><!--EndFragment--></body></html>")


@pytest.fixture
def counted(monkeypatch):
    """Counts of the steps one analysis must take once: reading the page, parsing its
    HTML, finding its quotes."""
    counts: Counter[str] = Counter()

    def counting(name, module, function):
        original = getattr(module, function)

        def wrapper(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, function, wrapper)

    counting("page read", analysis, "read_article")
    counting("html parsed", pipeline, "read_page_source")
    counting("quotes found", analysis, "extract_quotes")
    return counts


@pytest.fixture
def jobs_app(make_app):
    apps = []

    def build(**settings):
        app = make_app(JOBS=JobSettings(**settings), WARM_UP=False, WTF_CSRF_ENABLED=False)
        apps.append(app)
        return app

    yield build
    for app in apps:
        jobs_service.stop_workers(app)


def test_a_paste_in_the_form_is_read_once_and_its_quotes_found_once(jobs_app, counted):
    client = jobs_app().test_client()
    response = client.post("/articles", data={"text": HTML, "format": "html"})
    assert response.status_code == 303 and "/a/" in response.headers["Location"]
    assert counted == {"page read": 1, "html parsed": 1, "quotes found": 1}
    article_id = response.headers["Location"].rsplit("/", 1)[1]
    page = client.get(f"/a/{article_id}").get_data(as_text=True)
    assert "Ana López" in page and "Bajaremos los alquileres" in page


def test_a_long_paste_is_read_once_though_a_job_analyses_it(jobs_app, counted):
    client = jobs_app(long_sentences=5, long_chars=100_000).test_client()
    response = client.post("/articles", data={"text": long_article(3), "length": "2"})
    assert response.status_code == 303 and "/jobs/" in response.headers["Location"]
    deadline = time.monotonic() + 60
    while (job := client.get(response.headers["Location"])).status_code == 200:
        assert time.monotonic() < deadline, "the job never finished"
        time.sleep(0.05)
    assert job.status_code == 303 and "/a/" in job.headers["Location"]
    assert counted == {"page read": 1, "html parsed": 1, "quotes found": 1}


def test_an_api_article_is_read_once_and_its_quotes_found_once(client, counted):
    response = client.post("/api/v1/articles", json={"text": QUOTED, "summary_length": 1})
    assert response.status_code == 201
    assert counted == {"page read": 1, "html parsed": 1, "quotes found": 1}
    [quote] = [q for q in response.get_json()["quotes"] if q["speaker"]]
    assert quote["speaker"] == "Ana López" and quote["speaker_target"] == "Ana López"


def test_an_article_page_reads_its_article_once(client, monkeypatch):
    article_id = client.post("/api/v1/articles", json={"text": QUOTED}).get_json()["id"]
    reads = []
    original = store.fetch_article
    monkeypatch.setattr(store, "fetch_article", lambda *args: reads.append(args[1]) or original(*args))
    page = client.get(f"/a/{article_id}?nl_lang=en")  # with the newsletter section open
    assert page.status_code == 200 and reads == [article_id]


def test_the_result_is_typed_and_round_trips_through_its_json():
    result = analyse_article(QUOTED, "apertium", summary_length=1)
    again = ArticleResult.from_dict(result.to_dict())
    assert again.to_dict() == result.to_dict()
    assert [s.target for s in again.document.sentences()] == [s.target for s in result.document.sentences()]
    [quote] = [q for q in again.quotes if q.speaker]
    assert (quote.speaker, quote.speaker_target) == ("Ana López", "Ana López")
    assert again.titles()[0].startswith("La ministra de Vivienda")


def test_a_failed_article_keeps_what_stopped_it_and_the_others_go_on(monkeypatch):
    monkeypatch.setenv("BITEXTO_MAX_CHARS", "300")
    inputs = [ArticleInput("long", "Una frase larga sobre el Congreso. " * 20), ArticleInput("fine", QUOTED)]
    long, fine = analyse_articles(inputs, create_engine("apertium"), AnalysisOptions(summary_length=1))
    assert not long.ok and isinstance(long.cause, InputTooLarge) and long.cause.status == 413
    assert fine.ok and fine.article.document.engine is not None
    with pytest.raises(InputTooLarge):
        long.raise_error()


def test_texts_to_translate_are_not_read_as_articles():
    """LibreTranslate's texts: no language check, no page reading, no summary or quotes."""
    options = AnalysisOptions(article=False)
    [outcome] = analyse_articles([ArticleInput("1", "Hola.\n\nBuenos días, Madrid.")], create_engine("apertium"),
                                 options)
    assert outcome.ok and outcome.article.summary is None and outcome.article.quotes == []
    assert {block.kind for block in outcome.article.document.blocks} <= {"body", "headline"}
    assert all(re.search(r"[A-Za-z]", s.target) for s in outcome.article.document.sentences())
