"""Rate limits, API keys (required, accepted, refused), the `bitexto keys` command, headers."""

import sqlite3

import pytest
from click.testing import CliRunner

from bitexto.cli import main
from bitexto.webapp.limits import scaled_limit
from bitexto.store import create_api_key

pytest_plugins = ("api_fixtures",)

TRANSLATE = {"q": "Hola mundo.", "source": "es", "target": "en"}


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error", "status"} and body["status"] == status
    return body["error"]


# --- Rate limits ----------------------------------------------------------------------


def test_posts_over_the_limit_get_a_429_with_retry_after(make_app):
    client = make_app(RATELIMIT_DEFAULT="2 per minute").test_client()

    assert client.post("/translate", json=TRANSLATE).status_code == 200
    assert client.post("/translate", json=TRANSLATE).status_code == 200
    refused = client.post("/translate", json=TRANSLATE)

    message = error_of(refused, 429)
    assert message == ("Too many requests: the limit is 2 per 1 minute per client on this endpoint. "
                       "Wait a little and try again.")
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Limit"] == "2"


def test_the_limit_applies_to_the_article_api_too(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute").test_client()

    assert client.post("/api/v1/articles", json={"text": ""}).status_code == 422
    assert error_of(client.post("/api/v1/articles", json={"text": ""}), 429).startswith("Too many requests")


def test_reading_is_not_rate_limited(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute").test_client()

    statuses = {client.get(path).status_code for path in ["/languages", "/health", "/openapi.json"] * 3}
    statuses |= {client.post("/languages").status_code for _ in range(3)}

    assert statuses == {200}


def test_clients_are_counted_by_address(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute").test_client()
    first = {"REMOTE_ADDR": "192.0.2.1"}
    second = {"REMOTE_ADDR": "192.0.2.2"}

    assert client.post("/detect", json={"q": "hola"}, environ_base=first).status_code == 200
    assert client.post("/detect", json={"q": "hola"}, environ_base=first).status_code == 429
    assert client.post("/detect", json={"q": "hola"}, environ_base=second).status_code == 200


def test_a_key_holder_gets_a_higher_limit(make_app, data_dir):
    database = data_dir / "keys.sqlite3"
    key = create_api_key(database, "newsroom")
    client = make_app(database=database, RATELIMIT_DEFAULT="1 per minute").test_client()

    assert client.post("/detect", json={"q": "hola"}).status_code == 200
    assert client.post("/detect", json={"q": "hola"}).status_code == 429
    with_key = [client.post("/detect", json={"q": "hola", "api_key": key}).status_code for _ in range(10)]
    assert with_key == [200] * 10
    assert client.post("/detect", json={"q": "hola", "api_key": key}).status_code == 429


def test_scaled_limit():
    assert scaled_limit("120 per minute", 10) == "1200 per 1 minute"
    assert scaled_limit("5/second; 100 per day", 3) == "15 per 1 second; 300 per 1 day"


# --- API keys ---------------------------------------------------------------------------


@pytest.fixture
def keyed(make_app, data_dir):
    """An app that requires API keys, and a valid key."""
    database = data_dir / "keys.sqlite3"
    key = create_api_key(database, "newsroom")
    return make_app(database=database, REQUIRE_API_KEYS=True).test_client(), key


@pytest.mark.parametrize("call", [
    lambda c, **kw: c.post("/translate", json=TRANSLATE, **kw),
    lambda c, **kw: c.post("/detect", json={"q": "hola"}, **kw),
    lambda c, **kw: c.post("/api/v1/articles", json={"text": ""}, **kw),
    lambda c, **kw: c.get("/api/v1/articles/nope", **kw),
])
def test_without_a_key_the_api_is_refused_when_keys_are_required(keyed, call):
    client, _key = keyed
    message = error_of(call(client), 403)
    assert message.startswith("This server requires an API key. Send it as `Authorization: Bearer KEY`")
    assert "bitexto keys create NAME" in message


def test_an_unreadable_body_is_reported_as_such_not_as_a_missing_key(keyed):
    client, _key = keyed
    response = client.post("/translate", data="{oops", content_type="application/json")
    assert error_of(response, 400).startswith("The request body is not valid JSON")


def test_keys_are_accepted_in_every_documented_place(keyed):
    client, key = keyed
    assert client.post("/translate", json={**TRANSLATE, "api_key": key}).status_code == 200
    assert client.post("/translate", data={**TRANSLATE, "api_key": key}).status_code == 200
    assert client.post("/translate", json=TRANSLATE, headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert client.post("/translate", json=TRANSLATE, headers={"X-API-Key": key}).status_code == 200
    assert client.get("/api/v1/articles/nope", headers={"X-API-Key": key}).status_code == 404


def test_a_wrong_key_is_refused(keyed):
    client, key = keyed
    message = error_of(client.post("/translate", json=TRANSLATE, headers={"X-API-Key": key + "x"}), 403)
    assert message.startswith("Invalid API key.")


def test_a_wrong_key_is_refused_even_when_keys_are_optional(client):
    assert error_of(client.post("/translate", json={**TRANSLATE, "api_key": "nope"}), 403).startswith("Invalid API key")
    assert client.post("/translate", json={**TRANSLATE, "api_key": ""}).status_code == 200


def test_public_endpoints_need_no_key(keyed):
    client, _key = keyed
    for path in ("/languages", "/health", "/metrics", "/openapi.json"):
        assert client.get(path).status_code == 200, path


def test_keys_create_prints_a_key_that_the_server_accepts(make_app, data_dir):
    result = CliRunner().invoke(main, ["keys", "create", "newsroom"])

    assert result.exit_code == 0, result.output
    key = result.stdout.strip()
    assert len(key) >= 32 and "\n" not in key
    assert "shown only this once" in result.stderr
    # The command used create_app()'s database; a server on it accepts the key.
    client = make_app(database=data_dir / "instance" / "bitexto.sqlite3", REQUIRE_API_KEYS=True).test_client()
    assert client.post("/translate", json={**TRANSLATE, "api_key": key}).status_code == 200


def test_keys_create_stores_only_a_hash(data_dir):
    key = CliRunner().invoke(main, ["keys", "create", "desk"]).stdout.strip()

    rows = sqlite3.connect(data_dir / "instance" / "bitexto.sqlite3").execute("SELECT * FROM api_keys").fetchall()
    assert len(rows) == 1 and key not in repr(rows) and rows[0][1] == "desk"


def test_keys_create_refuses_an_empty_name():
    result = CliRunner().invoke(main, ["keys", "create", "  "])
    assert result.exit_code != 0 and "name" in result.output


# --- Security headers -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/articles/nope", "/translate", "/languages", "/health", "/openapi.json"])
def test_security_headers_on_api_responses(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
