"""The web app's lanes (webapp.lanes): translation requests held in a bounded lane by a
deliberately blocked engine, while reads, health and metrics go on being served, and the
requests beyond the lane's queue are refused at once with Retry-After.

"At once" is shown without a clock: the refused request comes back while the engine is
still blocked, so it cannot have waited for a slot.
"""

from __future__ import annotations

import threading
import time

import lxml.html
import pytest

from bitexto.webapp import service

pytest_plugins = ("api_fixtures",)
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

PATIENT = 60.0


class BlockedEngine:
    """The app's real (cached) engine behind a gate: each call waits until the test opens it."""

    def __init__(self, inner):
        self.inner = inner
        self.info = inner.info
        self.gate = threading.Event()
        self.calls = threading.Semaphore(0)  # released once per call that reached the engine

    def translate(self, sentences, on_progress=None):
        self.calls.release()
        assert self.gate.wait(PATIENT), "the test never opened the gate"
        return self.inner.translate(sentences, on_progress=on_progress)

    def __getattr__(self, name):  # hits, misses, cache: as the real one has them
        return getattr(self.inner, name)


@pytest.fixture
def lane_app(make_app, monkeypatch):
    """An app with one translation slot and one place in the queue, its engine blocked."""
    monkeypatch.setenv("BITEXTO_JOB_CHARS", "2000")  # a long article for the form's job path
    app = make_app(RATELIMIT_ENABLED=False, WTF_CSRF_ENABLED=False, WARM_UP=False,
                   TRANSLATION_SLOTS=1, TRANSLATION_QUEUE=1, TRANSLATION_WAIT_SECONDS=PATIENT)
    stored = app.test_client().post("/api/v1/articles", json={"text": SHORT_ARTICLE}).get_json()
    engine = BlockedEngine(service.get_engine(app))
    service.engine_state(app)["engine"] = engine
    app.stored_id = stored["id"]
    return app, engine


def in_thread(app, method: str, path: str, **kwargs) -> dict:
    """Send a request from a thread of its own; the dict gets its response."""
    outcome: dict = {}

    def send():
        outcome["response"] = app.test_client().open(path, method=method, **kwargs)

    outcome["thread"] = threading.Thread(target=send, daemon=True)
    outcome["thread"].start()
    return outcome


def until(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never got there")
        time.sleep(0.01)


def fill_the_lane(app, engine) -> list[dict]:
    """One translation running (blocked in the engine) and one waiting for its slot."""
    lane = app.extensions["bitexto_lane"]
    running = in_thread(app, "POST", "/translate", json={"q": "Hola, amigos.", "source": "es", "target": "en"})
    assert engine.calls.acquire(timeout=PATIENT)
    waiting = in_thread(app, "POST", "/api/v1/articles", json={"text": "El rey habló ayer en Sevilla."})
    until(lambda: lane.counts().waiting == 1)
    return [running, waiting]


def finish(engine, requests: list[dict]) -> list:
    engine.gate.set()
    for request in requests:
        request["thread"].join(PATIENT)
        assert not request["thread"].is_alive()
    return [request["response"] for request in requests]


def test_reads_health_and_metrics_are_served_while_the_lane_is_full(lane_app):
    app, engine = lane_app
    held = fill_the_lane(app, engine)
    client = app.test_client()

    page = client.get(f"/a/{app.stored_id}")
    api_read = client.get(f"/api/v1/articles/{app.stored_id}")
    health = client.get("/health")
    metrics = client.get("/metrics").get_data(as_text=True)

    assert not engine.gate.is_set()  # all of them while both translations were held
    assert (page.status_code, api_read.status_code, health.status_code) == (200, 200, 200)
    assert api_read.get_json()["id"] == app.stored_id
    assert "bitexto_translation_lane_running 1.0" in metrics
    assert "bitexto_translation_lane_waiting 1.0" in metrics
    running, waiting = finish(engine, held)
    assert running.status_code == 200 and running.get_json()["translatedText"]
    assert waiting.status_code == 201


@pytest.mark.parametrize("path, body", [
    ("/translate", {"q": "Buenos días.", "source": "es", "target": "en"}),
    ("/api/v1/articles", {"text": "La reina visitó Toledo."}),
])
def test_beyond_the_queue_a_translation_is_refused_at_once_with_retry_after(lane_app, path, body):
    app, engine = lane_app
    held = fill_the_lane(app, engine)

    refused = app.test_client().post(path, json=body)

    assert not engine.gate.is_set()  # answered while the slot was still held: no waiting
    assert refused.status_code == 503
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.get_json()["status"] == 503 and "busy" in refused.get_json()["error"]
    assert set(refused.get_json()) == {"error", "status"}
    assert [response.status_code for response in finish(engine, held)] == [200, 201]
    assert "bitexto_translation_lane_refused_total{reason=\"busy\"} 1.0" in \
        app.test_client().get("/metrics").get_data(as_text=True)


def test_a_client_with_many_requests_does_not_starve_one_with_a_single_request(lane_app):
    app, engine = lane_app
    lane = app.extensions["bitexto_lane"]
    flood_ip, single_ip = "10.0.0.1", "10.0.0.2"
    body = {"q": "Hola.", "source": "es", "target": "en"}
    flood = [in_thread(app, "POST", "/translate", json=body, environ_base={"REMOTE_ADDR": flood_ip})]
    assert engine.calls.acquire(timeout=PATIENT)
    flood.append(in_thread(app, "POST", "/translate", json=body, environ_base={"REMOTE_ADDR": flood_ip}))
    until(lambda: lane.counts().waiting == 1)
    flood_again = app.test_client().post("/translate", json=body, environ_base={"REMOTE_ADDR": flood_ip})

    single = in_thread(app, "POST", "/translate", json=body, environ_base={"REMOTE_ADDR": single_ip})
    flood[1]["thread"].join(PATIENT)  # its place in the queue went to the single request

    assert flood_again.status_code == 503  # alone in the lane: the server is busy
    assert flood[1]["response"].status_code == 429
    assert int(flood[1]["response"].headers["Retry-After"]) >= 1
    assert "this client" in flood[1]["response"].get_json()["error"]
    first, second = finish(engine, [flood[0], single])
    assert (first.status_code, second.status_code) == (200, 200)


def test_the_paste_form_says_the_server_is_busy_in_spanish_and_keeps_the_text(lane_app):
    app, engine = lane_app
    held = fill_the_lane(app, engine)
    text = "El alcalde de Cádiz inauguró ayer la nueva biblioteca municipal."

    response = app.test_client().post("/", data={"text": text}, headers={"Accept-Language": "es"})

    assert response.status_code == 503 and int(response.headers["Retry-After"]) >= 1
    page = lxml.html.fromstring(response.get_data(as_text=True))
    message = page.get_element_by_id("error-message").text_content()
    assert "ocupado" in message and "Vuelve a enviarlo" in message
    assert page.xpath("//textarea[@name='text']")[0].text_content().strip() == text
    finish(engine, held)


def test_a_long_article_still_becomes_a_job_when_the_lane_is_full(lane_app):
    app, engine = lane_app
    held = fill_the_lane(app, engine)
    long_text = "\n\n".join(f"El ministro número {n} habló ayer en Madrid sobre el presupuesto." for n in range(40))

    response = app.test_client().post("/", data={"text": long_text})

    assert response.status_code == 303 and "/jobs/" in response.headers["Location"]
    finish(engine, held)


def test_the_lane_is_sized_from_the_cores_and_the_engine_unless_configured(monkeypatch):
    from bitexto.settings import Settings
    from bitexto.webapp.lanes import QUEUE_PER_SLOT, lane_size

    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert lane_size(Settings.from_env({}, engine="apertium")) == (4, 4 * QUEUE_PER_SLOT)
    assert lane_size(Settings.from_env({}, engine="argos", argos_inter_threads=2)) == (2, 2 * QUEUE_PER_SLOT)
    configured = {"BITEXTO_TRANSLATION_SLOTS": "3", "BITEXTO_TRANSLATION_QUEUE": "0"}
    assert lane_size(Settings.from_env(configured, engine="apertium")) == (3, 0)


def test_the_server_has_a_thread_for_every_lane_place_and_more_for_reads(make_app, monkeypatch):
    from bitexto.webapp.lanes import READ_THREADS, server_threads

    assert server_threads(make_app(TRANSLATION_SLOTS=2, TRANSLATION_QUEUE=5)) == 2 + 5 + READ_THREADS
    monkeypatch.setenv("BITEXTO_THREADS", "40")
    assert server_threads(make_app()) == 40


def test_retry_after_is_the_lanes_own_even_with_the_rate_limiter_on(make_app, monkeypatch):
    # Flask-Limiter would give every response of a limited route its window's reset
    # (up to 60 s) as Retry-After, and raise the lane's to it.
    app = make_app(WARM_UP=False, TRANSLATION_SLOTS=1, TRANSLATION_QUEUE=0, TRANSLATION_WAIT_SECONDS=3)
    client = app.test_client()
    body = {"q": "Hola.", "source": "es", "target": "en"}
    served = client.post("/translate", json=body)
    lane = app.extensions["bitexto_lane"]
    started = lane.acquire("someone else")
    try:
        refused = client.post("/translate", json=body)
    finally:
        lane.release("someone else", started)

    assert served.status_code == 200 and "Retry-After" not in served.headers
    assert "X-RateLimit-Remaining" in served.headers  # the limiter's own headers stay
    assert refused.status_code == 503 and 1 <= int(refused.headers["Retry-After"]) <= 3
