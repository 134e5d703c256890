"""The article store failing under a running app, for real: PostgreSQL restarted, and the
SQLite file's disk full (a tiny tmpfs mounted for the test).

Each answer while the store is down is a 503 in the canonical error body, never a 500;
afterwards service is normal at once, and nothing stored before is lost or doubled.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from bitexto.database import open_database

pytest_plugins = ("api_fixtures", "postgres_fixtures")
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

pytestmark = pytest.mark.slow


def wait_for_health(client, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        response = client.get("/health")
        if response.status_code == 200:
            return response
        if time.monotonic() > deadline:
            raise AssertionError(f"the app never became healthy: {response.get_json()}")
        time.sleep(0.2)


def postgres_article_ids(url: str) -> list[str]:
    with open_database(url).session() as session:
        return sorted(row["id"] for row in session.query("SELECT id FROM articles"))


def test_postgres_restarted_under_the_app_means_503_while_down_and_normal_service_after(
        make_app, monkeypatch, postgres_server, postgres_url):
    monkeypatch.setenv("BITEXTO_DATABASE_TIMEOUT_SECONDS", "1")
    app = make_app(database=postgres_url, RATELIMIT_ENABLED=False)
    client = app.test_client()
    before = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    assert before.status_code == 201

    postgres_server.stop(mode="fast")  # an operator's restart: sessions are cut
    try:
        down = [client.get(f"/api/v1/articles/{before.get_json()['id']}"),
                client.post("/api/v1/articles", json={"text": "El rey visitó ayer Sevilla."}),
                client.post("/translate", json={"q": "Hola, amigos.", "source": "es", "target": "en"}),
                client.get("/health")]
    finally:
        postgres_server.restart()

    assert [response.status_code for response in down] == [503, 503, 503, 503]
    for response in down[:3]:
        assert set(response.get_json()) == {"error", "status"}
        assert "unavailable" in response.get_json()["error"]
    assert down[3].get_json()["database"]["ok"] is False

    wait_for_health(client)
    after = [client.get(f"/api/v1/articles/{before.get_json()['id']}"),
             client.post("/api/v1/articles", json={"text": "La reina inauguró ayer un hospital en Toledo."}),
             client.get(f"/a/{before.get_json()['id']}")]
    assert [response.status_code for response in after] == [200, 201, 200]
    assert after[0].get_json()["blocks"] == before.get_json()["blocks"]
    # The article refused while the store was down was not half-stored; each other once.
    assert postgres_article_ids(postgres_url) == sorted([before.get_json()["id"], after[1].get_json()["id"]])


@pytest.fixture
def tiny_disk(tmp_path):
    """A 4 MiB tmpfs mounted for the test (the tests run as root, as `make test` does)."""
    mount_point = tmp_path / "tiny-disk"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
                   check=True, capture_output=True)
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def fill(disk: Path) -> Path:
    """Write a file until the disk has no room left; returns it."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_sqlite_on_a_full_disk_means_503_saying_so_and_a_readable_unharmed_store(
        make_app, tiny_disk, seed_text):
    database = tiny_disk / "bitexto.sqlite3"
    app = make_app(database=database, RATELIMIT_ENABLED=False)
    client = app.test_client()
    stored = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    assert stored.status_code == 201
    filler = fill(tiny_disk)
    assert os.statvfs(tiny_disk).f_bavail == 0

    # The seed article is larger than anything written so far: its pages need new room.
    refused = client.post("/api/v1/articles", json={"text": seed_text})
    page = client.get(f"/a/{stored.get_json()['id']}")
    read = client.get(f"/api/v1/articles/{stored.get_json()['id']}")

    assert refused.status_code == 503
    assert set(refused.get_json()) == {"error", "status"} and "disk is full" in refused.get_json()["error"]
    assert (page.status_code, read.status_code) == (200, 200)
    assert read.get_json()["blocks"] == stored.get_json()["blocks"]
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert [row[0] for row in db.execute("SELECT id FROM articles")] == [stored.get_json()["id"]]

    filler.unlink()
    again = client.post("/api/v1/articles", json={"text": seed_text})
    assert again.status_code == 201
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
