"""The real libretranslatepy client against a live bitexto server on loopback."""

import urllib.error

import pytest
from libretranslatepy import LibreTranslateAPI

from bitexto.store import create_api_key

pytest_plugins = ("api_fixtures",)
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import live_server  # noqa: E402

pytestmark = [pytest.mark.enable_socket, pytest.mark.allow_hosts(["127.0.0.1"])]


def test_translate_languages_and_detect_with_the_libretranslate_client(make_app):
    with live_server(make_app()) as url:
        client = LibreTranslateAPI(url)

        assert client.translate("Hola mundo.\n\nBuenos días.", "es", "en") == "Hello World.\n\nGood morning."
        assert client.translate("El gato come pescado.", "auto", "en") == "The cat eats fished."
        assert {"code": "es", "name": "Spanish", "targets": ["en"]} in client.languages()
        detected = client.detect("El gobierno aprobó el martes una nueva ley de vivienda.")
        assert detected[0]["language"] == "es"


def test_the_client_with_an_api_key_on_a_server_that_requires_keys(make_app, data_dir):
    database = data_dir / "keys.sqlite3"
    key = create_api_key(database, "newsroom")
    app = make_app(database=database, REQUIRE_API_KEYS=True)

    with live_server(app) as url:
        assert LibreTranslateAPI(url, api_key=key).translate("Hola mundo.", "es", "en") == "Hello World."
        assert LibreTranslateAPI(url).languages()  # /languages needs no key, as in LibreTranslate

        with pytest.raises(urllib.error.HTTPError) as refused:
            LibreTranslateAPI(url).translate("Hola mundo.", "es", "en")
        assert refused.value.code == 403
        assert b"requires an API key" in refused.value.read()

        with pytest.raises(urllib.error.HTTPError) as wrong:
            LibreTranslateAPI(url, api_key="not-a-key").translate("Hola mundo.", "es", "en")
        assert wrong.value.code == 403
        assert b"Invalid API key" in wrong.value.read()
