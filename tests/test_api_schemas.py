"""The request models of webapp.schemas: one declaration that both validates and documents."""

import io

import pytest
from pydantic import BaseModel
from werkzeug.exceptions import BadRequest

from bitexto.translate.errors import InputError
from bitexto.webapp.openapi import validated
from bitexto.webapp.schemas import ArticleRequest, ArticleUpload, BatchRequest, DetectRequest, RequestModel, TranslateRequest

pytest_plugins = ("api_fixtures",)

ENGLISH = "The government approved a new housing law on Tuesday, and the opposition criticised it."
SPANISH = "El gobierno aprobó el martes una nueva ley de vivienda y la oposición la criticó."


class Probe(BaseModel):
    count: int


class ProbeRequest(RequestModel):
    """A model with pydantic's own checks only, so its messages are pydantic's."""

    count: int
    probes: list[Probe] = []


def test_pydantics_own_messages_say_which_field(app):
    with app.app_context():
        with pytest.raises(InputError) as top:
            validated(ProbeRequest, {"count": "many"})
        with pytest.raises(InputError) as nested:
            validated(ProbeRequest, {"count": 1, "probes": [{"count": 2}, {"count": "x"}]})
        with pytest.raises(InputError) as missing:
            validated(ProbeRequest, {})

    assert top.value.message.startswith("`count`: Input should be a valid integer")
    assert nested.value.message.startswith("`probes[1].count`: Input should be a valid integer")
    assert missing.value.message.startswith("`count`: Input should be a valid integer")  # absent is None


def test_a_refused_value_raises_its_models_refusal(app):
    with app.app_context():
        with pytest.raises(InputError, match="^Unknown format 'pdf': use one of text, html.$"):
            validated(ArticleRequest, {"text": "Hola.", "format": "pdf"})
        with pytest.raises(BadRequest) as refused:
            validated(TranslateRequest, {"q": "Hola", "source": "es"})

    assert refused.value.description == "Invalid request: missing target parameter"


@pytest.mark.parametrize("encoding", ["json", "urlencoded", "multipart"])
def test_json_and_both_form_encodings_carry_the_same_fields(client, encoding):
    fields = {"text": SPANISH, "algorithm": "magic"}
    if encoding == "json":
        response = client.post("/api/v1/articles", json=fields)
    elif encoding == "urlencoded":
        response = client.post("/api/v1/articles", data=fields, content_type="application/x-www-form-urlencoded")
    else:
        response = client.post("/api/v1/articles", data={**fields, "file": (io.BytesIO(b""), "")},
                               content_type="multipart/form-data")

    assert response.status_code == 422
    assert response.get_json()["error"].startswith("Unknown summary algorithm 'magic'.")


def test_libretranslate_reads_the_query_string_under_the_body(client):
    from_query = client.post(f"/detect?q={ENGLISH}", data="", content_type="application/x-www-form-urlencoded")
    body_wins = client.post(f"/detect?q={ENGLISH}", json={"q": SPANISH})
    refused_from_query = client.post("/translate?source=fr", data={"q": "Hola", "target": "en"})

    assert from_query.status_code == 200 and from_query.get_json()[0]["language"] == "en"
    assert body_wins.status_code == 200 and body_wins.get_json()[0]["language"] == "es"
    assert refused_from_query.status_code == 400
    assert refused_from_query.get_json()["error"].startswith("fr is not supported as a source language")


def test_bitextos_own_api_does_not_read_the_query_string(client):
    response = client.post(f"/api/v1/articles?text={SPANISH}", json={})

    assert response.status_code == 422
    assert response.get_json()["error"].startswith("No article")


@pytest.mark.parametrize("model", [ArticleRequest, ArticleUpload, BatchRequest, TranslateRequest, DetectRequest])
def test_the_document_describes_each_model_field_by_field(client, model):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]

    assert set(schemas[model.__name__]["properties"]) == set(model.model_fields)
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    assert set(schemas[model.__name__].get("required", [])) == required


def test_each_body_is_documented_for_every_encoding_it_is_read_in(client):
    paths = client.get("/openapi.json").get_json()["paths"]

    def body_types(path):
        return set(paths[path]["post"]["requestBody"]["content"])

    forms = {"application/json", "multipart/form-data", "application/x-www-form-urlencoded"}
    assert body_types("/api/v1/articles") == body_types("/api/v1/jobs") == forms
    assert body_types("/translate") == body_types("/detect") == forms
    assert body_types("/api/v1/batches") == {"application/json"}
    upload = paths["/api/v1/articles"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert upload == {"$ref": "#/components/schemas/ArticleUpload"}


def test_only_routes_that_validate_something_document_a_validation_error(client):
    paths = client.get("/openapi.json").get_json()["paths"]

    assert "422" in paths["/api/v1/articles"]["post"]["responses"]
    assert "422" in paths["/api/v1/articles/{article_id}/newsletter"]["get"]["responses"]
    assert "422" not in paths["/translate"]["post"]["responses"]  # LibreTranslate refuses with a 400
    for path, method in [("/api/v1/articles/{article_id}", "get"), ("/languages", "get"), ("/health", "get"),
                         ("/metrics", "get"), ("/api/v1/jobs/{job_id}", "get")]:
        assert "422" not in paths[path][method]["responses"], path


def test_the_documented_block_kinds_are_the_documents():
    from typing import get_args

    from bitexto.translate.document import BLOCK_KINDS
    from bitexto.webapp.schemas.responses import BlockKind

    assert set(get_args(BlockKind)) == set(BLOCK_KINDS)
