"""Shared helpers of the API, LibreTranslate, limits, metrics and hostile-request tests.

Apps are built per test with Apertium (fast, always installed) and their own database
file inside the test's BITEXTO_DATA_DIR (see conftest.py), so nothing leaks between tests.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from bitexto.webapp import create_app

# Two body paragraphs: enough for a summary, short enough to translate in ~0.2 s.
SHORT_ARTICLE = (
    "El gobierno aprobó el martes una nueva ley de vivienda.\n\n"
    "La oposición criticó la medida y anunció un recurso ante el Tribunal Constitucional."
)
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def make_app(monkeypatch, data_dir):
    """make_app(**config) → a fresh app on Apertium with a database in the test's data dir."""
    monkeypatch.setenv("BITEXTO_ENGINE", "apertium")

    def build(database: Path | None = None, **config):
        settings = {"TESTING": True, "DATABASE": database or data_dir / "bitexto.sqlite3", **config}
        return create_app(settings)

    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@contextmanager
def live_server(app):
    """Serve `app` on 127.0.0.1 (a free port) in a daemon thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
