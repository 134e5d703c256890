"""The Apertium engine failing under the web app, for real: a run that hangs is stopped by
BITEXTO_APERTIUM_TIMEOUT_SECONDS, a run killed from outside fails its request; either way
the request gets a clear 502 and the next request is translated normally.
"""

from __future__ import annotations

import os
import signal
import threading

import pytest

pytest_plugins = ("api_fixtures", "fault_fixtures")
pytest.register_assert_rewrite("api_fixtures", "fault_fixtures")
from fault_fixtures import is_running  # noqa: E402

pytestmark = pytest.mark.slow

PARAGRAPH = {"q": "El alcalde inauguró ayer la biblioteca. Los vecinos celebraron la noticia.",
             "source": "es", "target": "en"}
NEXT = {"q": "La lluvia volvió ayer a Sevilla.", "source": "es", "target": "en"}


def test_a_hanging_apertium_run_fails_its_request_after_the_timeout_and_the_next_succeeds(
        make_app, monkeypatch, faults):
    monkeypatch.setenv("BITEXTO_APERTIUM_TIMEOUT_SECONDS", "5")
    client = make_app(RATELIMIT_ENABLED=False).test_client()
    faults.arm("hang")

    hung = client.post("/translate", json=PARAGRAPH)

    assert hung.status_code == 502
    assert set(hung.get_json()) == {"error", "status"}
    assert "Apertium took longer than 5 s and was stopped" in hung.get_json()["error"]
    assert not is_running(faults.hung_pid())  # stopped, not left running in the background
    faults.disarm("hang")
    runs_before = faults.runs()
    recovered = client.post("/translate", json=NEXT)
    assert recovered.status_code == 200, recovered.get_json()
    assert "Seville" in recovered.get_json()["translatedText"]
    assert faults.runs() == runs_before + 1  # translated by the engine, not a cached answer


def test_an_apertium_run_killed_mid_request_fails_that_request_clearly_and_the_next_succeeds(
        make_app, faults):
    app = make_app(RATELIMIT_ENABLED=False)
    faults.arm("hang")
    outcome = {}

    def send():
        outcome["response"] = app.test_client().post("/api/v1/articles", json={"text": PARAGRAPH["q"]})

    request = threading.Thread(target=send, daemon=True)
    request.start()
    pid = faults.hung_pid()
    faults.disarm("hang")
    os.kill(pid, signal.SIGKILL)
    request.join(60)

    assert not request.is_alive()
    failed = outcome["response"]
    assert failed.status_code == 502
    assert "Apertium was stopped by signal 9 before it finished" in failed.get_json()["error"]
    client = app.test_client()
    assert client.post("/translate", json=NEXT).status_code == 200
    stored = client.post("/api/v1/articles", json={"text": PARAGRAPH["q"]})
    assert stored.status_code == 201  # the same article, now translated and stored
    sentences = [s for block in stored.get_json()["blocks"] for s in block["sentences"]]
    assert len(sentences) == 2 and all(s["target"] for s in sentences)
