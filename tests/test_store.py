"""The article store and translation cache on both databases: the SQLite file and a real PostgreSQL."""

from __future__ import annotations

import threading

import pytest

from bitexto.database import PostgresDatabase, SQLiteDatabase, open_database, redact
from bitexto.cache import TranslationCache
from bitexto.results import ArticleResult
from bitexto.translate.document import AlignedDocument, EngineInfo
from bitexto.translate.engines.base import Translation
from bitexto.translate.errors import DatabaseUnavailable
from bitexto import store
from bitexto.webapp import service
from bitexto.webapp.store import get_db

pytest_plugins = ("api_fixtures", "postgres_fixtures")
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

ENGINE = EngineInfo(name="apertium", model="spa-eng", version="1.0")


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, data_dir) -> str:
    """Where each test's store lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return str(data_dir / "bitexto.sqlite3")


@pytest.fixture
def database(location):
    return store.open_store(location)


def result(text: str = "texto", headline: str = "") -> ArticleResult:
    """A stored result as small as one gets: no blocks, no summary, no quotes."""
    return ArticleResult(AlignedDocument(text=text, blocks=[], meta={"headline": headline}), None, [])


def stored_results(database) -> list[tuple[str, str]]:
    with database.session() as session:
        return [(row["id"], row["result"]) for row in session.query("SELECT id, result FROM articles")]


def test_the_location_chooses_the_database(location):
    expected = PostgresDatabase if location.startswith("postgresql://") else SQLiteDatabase
    assert isinstance(open_database(location), expected)


def test_an_article_stored_twice_under_one_id_keeps_the_first(database):
    assert store.insert_article(database, "job-1", "uno", {}, result("uno", "first")) is True
    assert store.insert_article(database, "job-1", "uno", {}, result("uno", "second")) is False

    [(article_id, stored)] = stored_results(database)
    assert article_id == "job-1" and '"first"' in stored and "second" not in stored
    assert store.fetch_article(database, "job-1").result.document.meta == {"headline": "first"}
    assert store.article_exists(database, "job-1") and not store.article_exists(database, "job-2")


def test_a_failed_session_writes_nothing(database):
    with pytest.raises(ZeroDivisionError):
        with database.session() as session:
            session.execute("INSERT INTO api_keys (key_hash, name, created_at) VALUES (?, ?, ?)",
                            ("h", "n", 1.0))
            1 / 0
    with database.session() as session:
        assert session.query("SELECT name FROM api_keys") == []


def test_the_schema_can_be_created_again_and_keeps_the_rows(location, database):
    store.insert_article(database, "kept", "texto", {}, result())
    again = store.open_store(location)
    assert store.article_exists(again, "kept")


def test_text_with_a_nul_character_is_stored(database):
    # PostgreSQL's text cannot hold NUL; the store drops it rather than failing.
    store.insert_article(database, "nul", "a\x00b", {}, result())
    with database.session() as session:
        [row] = session.query("SELECT text FROM articles WHERE id = ?", ("nul",))
    assert row["text"] in ("ab", "a\x00b")


def test_the_translation_cache_round_trips_flags_and_updates(database):
    cache = TranslationCache(database)
    cache.store(ENGINE, {"Hola.": Translation("Hello.", ("unknown_words",)), "Adiós.": "Goodbye."})
    cache.store(ENGINE, {"Adiós.": "Bye."})

    found = cache.lookup(ENGINE, ["Hola.", "  Adiós. ", "Nada."])

    assert found == {"Hola.": "Hello.", "Adiós.": "Bye."}
    assert found["Hola."].flags == ("unknown_words",) and found["Adiós."].flags == ()
    other_version = EngineInfo(name="apertium", model="spa-eng", version="2.0")
    assert cache.lookup(other_version, ["Hola."]) == {}


def test_the_cache_looks_up_more_sentences_than_one_query_may_bind(database):
    cache = TranslationCache(database)
    sentences = {f"Frase número {n}.": f"Sentence number {n}." for n in range(1_234)}
    cache.store(ENGINE, sentences)

    found = cache.lookup(ENGINE, list(sentences))

    assert len(found) == 1_234 and found["Frase número 1233."] == "Sentence number 1233."


def test_threads_share_the_store(database):
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(20):
                store.insert_article(database, f"t{n}-{k}", "texto", {}, result())
        except BaseException as error:  # reported below: an assert in a thread is lost
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(stored_results(database)) == 80


def test_api_keys_are_stored_hashed(location, make_app_on):
    key = store.create_api_key(location, "redacción")
    app = make_app_on(location)
    with app.app_context():
        assert store.api_key_name(get_db(), key) == "redacción"
        assert store.api_key_name(get_db(), key + "x") is None
    with store.open_store(location).session() as session:
        [row] = session.query("SELECT key_hash FROM api_keys")
    assert key not in row["key_hash"]


@pytest.fixture
def make_app_on(make_app):
    return lambda location: make_app(database=location)


def test_a_password_never_reaches_a_log_line():
    assert redact("postgresql://ana:s3cret@db.example:5432/bitexto") == "postgresql://ana:***@db.example:5432/bitexto"
    assert redact("postgresql://ana@db/bitexto") == "postgresql://ana@db/bitexto"
    assert redact("/var/lib/bitexto.sqlite3") == "/var/lib/bitexto.sqlite3"


def test_an_unreachable_postgres_is_a_clear_503(tmp_path):
    url = f"postgresql://nobody@/nothing?host={tmp_path}&port=5999&connect_timeout=1"
    with pytest.raises(DatabaseUnavailable, match="Cannot reach the database") as raised:
        PostgresDatabase(url, timeout=1)
    assert raised.value.status == 503


def test_without_the_driver_the_message_says_what_to_install(monkeypatch):
    import sys

    for module in ("psycopg", "psycopg.rows", "psycopg_pool"):  # as if not installed
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(DatabaseUnavailable, match=r"pip install 'bitexto\[postgres\]'"):
        PostgresDatabase("postgresql://someone@/somewhere")


def test_the_web_app_on_postgres_stores_serves_and_caches(make_app, postgres_url):
    app = make_app(database=postgres_url)
    client = app.test_client()

    first = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    again = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})

    assert first.status_code == again.status_code == 201
    article_id = first.get_json()["id"]
    assert client.get(f"/api/v1/articles/{article_id}").get_json()["id"] == article_id
    assert client.get(f"/a/{article_id}").status_code == 200
    engine = service.get_engine(app)
    assert engine.misses > 0 and engine.hits == engine.misses  # the second post: all from the cache
    assert client.get("/health").get_json()["database"] == {"ok": True, "error": None}
    with open_database(postgres_url).session() as session:
        assert {row["id"] for row in session.query("SELECT id FROM articles")} == {
            article_id, again.get_json()["id"]}


def test_a_store_that_goes_away_is_a_503_not_a_500(make_app, postgres_server, postgres_url):
    app = make_app(database=postgres_url)
    client = app.test_client()
    article_id = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE}).get_json()["id"]
    name = postgres_url.split("/")[3].split("?")[0]
    with postgres_server.admin() as admin:  # the server ends every connection to it
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')

    api = client.get(f"/api/v1/articles/{article_id}")
    page = client.get(f"/a/{article_id}")

    assert api.status_code == 503 and "article store is unavailable" in api.get_json()["error"]
    assert page.status_code == 503 and "article store is unavailable" in page.get_data(as_text=True)
