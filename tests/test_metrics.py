"""/metrics (Prometheus), /health, /openapi.json and /docs."""

import re

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bitexto.webapp import api, libretranslate

pytest_plugins = ("api_fixtures",)
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402


def scrape(client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    samples = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_latency_sentences_and_cache_are_counted(client):
    client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    client.get("/api/v1/articles/nope")

    samples = scrape(client)

    assert value(samples, "bitexto_http_requests_total", endpoint="/api/v1/articles", method="POST", status="201") == 2
    assert value(samples, "bitexto_http_requests_total", endpoint="/api/v1/articles/<article_id>",
                 method="GET", status="404") == 1
    assert value(samples, "bitexto_http_request_duration_seconds_count", endpoint="/api/v1/articles") == 2
    assert value(samples, "bitexto_http_request_duration_seconds_bucket", endpoint="/api/v1/articles", le="+Inf") == 2
    assert value(samples, "bitexto_sentences_translated_total") == 4
    # The second post came entirely from the translation cache.
    assert value(samples, "bitexto_translation_cache_misses_total") == 2
    assert value(samples, "bitexto_translation_cache_hits_total") == 2


def test_libretranslate_translations_are_counted(client):
    client.post("/translate", json={"q": ["Hola.", "Adiós. Gracias."], "source": "es", "target": "en"})
    assert value(scrape(client), "bitexto_sentences_translated_total") == 3


def test_unmatched_paths_share_one_label(client):
    for path in ("/x", "/y", "/api/zzz"):
        client.get(path)
    samples = scrape(client)
    assert value(samples, "bitexto_http_requests_total", endpoint="<unmatched>", method="GET", status="404") == 3


def test_each_app_has_its_own_registry(make_app):
    first, second = make_app().test_client(), make_app().test_client()
    first.get("/health")
    first.get("/health")
    second.get("/health")

    assert value(scrape(first), "bitexto_http_requests_total", endpoint="/health", method="GET", status="200") == 2
    assert value(scrape(second), "bitexto_http_requests_total", endpoint="/health", method="GET", status="200") == 1


def test_rate_limited_requests_are_counted_too(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute").test_client()
    client.post("/detect", json={"q": "hola"})
    client.post("/detect", json={"q": "hola"})
    assert value(scrape(client), "bitexto_http_requests_total", endpoint="/detect", method="POST", status="429") == 1


def test_health_reports_database_and_engine(client):
    before = client.get("/health").get_json()
    assert before["status"] == "ok"
    assert before["database"] == {"ok": True, "error": None}
    assert before["engine"]["loaded"] is False  # engines load lazily

    client.post("/translate", json={"q": "Hola.", "source": "es", "target": "en"})
    after = client.get("/health").get_json()
    assert after["engine"]["loaded"] is True and after["engine"]["name"] == "apertium"


def test_health_is_503_when_the_database_is_unusable(make_app, data_dir):
    app = make_app()
    broken = data_dir / "broken.sqlite3"
    broken.write_bytes(b"this is not a SQLite database" * 100)
    app.config["DATABASE"] = broken
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"
    assert response.get_json()["database"] == {"ok": False, "error": "file is not a database"}


# --- The OpenAPI document and the docs page --------------------------------------------------


def flask_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in (api.bp.name, libretranslate.bp.name):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes |= {(path, method.lower()) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def test_openapi_describes_exactly_the_api_routes(app, client):
    document = client.get("/openapi.json").get_json()

    assert document["openapi"].startswith("3.")
    described = {(path, method) for path, operations in document["paths"].items() for method in operations}
    assert described == flask_routes(app)


def test_openapi_references_resolve_and_errors_use_the_error_schema(client):
    document = client.get("/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    text = str(document)
    for name in re.findall(r"#/components/schemas/(\w+)", text):
        assert name in schemas
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["responses"], (path, method)
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")) and path not in ("/health",):
                    assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert schemas["Error"]["required"] == ["error", "status"]


def test_docs_page_lists_every_endpoint_without_inline_script(client):
    response = client.get("/docs")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    document = client.get("/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for method in operations:
            assert f"{method.upper()} {path}" in page
    assert "summary_length" in page and "Authorization: Bearer" in page
    assert "<script>" not in page and " style=" not in page and "onclick" not in page
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
