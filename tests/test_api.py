"""POST/GET /api/v1/articles: the aligned document, summary and quotes as JSON; persistence."""

import io

import pytest

pytest_plugins = ("api_fixtures",)
pytest.register_assert_rewrite("api_fixtures")
from api_fixtures import SHORT_ARTICLE  # noqa: E402

# "meta": the page metadata of the aligned document (headline, authors, published, site).
ARTICLE_KEYS = {"id", "url", "created_at", "options", "text", "engine", "meta", "blocks", "summary", "quotes"}


def sentences(body: dict) -> list[dict]:
    return [sentence for block in body["blocks"] for sentence in block["sentences"]]


def test_create_from_json_returns_the_analysed_article(client):
    response = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE, "summary_length": 1})

    assert response.status_code == 201
    body = response.get_json()
    assert set(body) == ARTICLE_KEYS
    assert body["url"] == f"/a/{body['id']}"
    assert response.headers["Location"] == f"/api/v1/articles/{body['id']}"
    assert body["engine"]["name"] == "apertium"
    assert [s["source"] for s in sentences(body)] == [
        "El gobierno aprobó el martes una nueva ley de vivienda.",
        "La oposición criticó la medida y anunció un recurso ante el Tribunal Constitucional.",
    ]
    assert all(s["target"] for s in sentences(body))
    assert all(body["text"][s["start"]:s["end"]] == s["source"] for s in sentences(body))
    assert "government" in sentences(body)[0]["target"].lower()
    assert body["summary"]["algorithm"] == "default"
    assert len(body["summary"]["sentences"]) == 1
    assert set(body["summary"]["sentences"][0]) == {"id", "source", "target"}
    assert body["quotes"] == []
    assert body["options"] == {"summary_length": "1", "algorithm": "default", "format": "text"}


def test_get_returns_what_post_returned(client):
    created = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE}).get_json()

    response = client.get(f"/api/v1/articles/{created['id']}")

    assert response.status_code == 200
    assert response.get_json() == created


def test_unknown_article_is_a_404_in_the_canonical_shape(client):
    response = client.get("/api/v1/articles/does-not-exist")

    assert response.status_code == 404
    assert response.get_json() == {"error": "No article with id 'does-not-exist'.", "status": 404}


def test_form_fields_work_like_json(client):
    response = client.post(
        "/api/v1/articles", data={"text": SHORT_ARTICLE, "summary_length": "50%", "algorithm": "lead"}
    )

    assert response.status_code == 201
    body = response.get_json()
    assert body["summary"]["algorithm"] == "lead"
    assert [s["id"] for s in body["summary"]["sentences"]] == ["s1"]


def test_multipart_upload_of_a_latin1_text_file_is_decoded(client):
    data = {"file": (io.BytesIO(SHORT_ARTICLE.encode("cp1252")), "articulo.txt"), "summary_length": "1"}

    response = client.post("/api/v1/articles", data=data, content_type="multipart/form-data")

    assert response.status_code == 201
    assert sentences(response.get_json())[0]["source"] == "El gobierno aprobó el martes una nueva ley de vivienda."


def test_html_upload_is_reduced_to_its_text(client):
    html = (
        "<html><head><title>x</title><script>alert(1)</script></head><body>"
        "<p>El gobierno aprobó el martes una nueva ley de vivienda.</p>"
        "<p>La oposición criticó la medida y anunció un recurso ante el Tribunal Constitucional.</p>"
        "</body></html>"
    )
    data = {"file": (io.BytesIO(html.encode()), "articulo.html")}

    response = client.post("/api/v1/articles", data=data, content_type="multipart/form-data")

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["options"]["format"] == "html"
    sources = [s["source"] for s in sentences(body)]
    assert "La oposición criticó la medida y anunció un recurso ante el Tribunal Constitucional." in sources
    assert not any("alert" in source or "<" in source for source in sources)


def test_html_in_json_with_format_html(client):
    html = "<article><p>El gobierno aprobó el martes una nueva ley de vivienda.</p>" \
           "<p>La oposición criticó la medida y anunció un recurso.</p></article>"

    response = client.post("/api/v1/articles", json={"text": html, "format": "html"})

    assert response.status_code == 201, response.get_json()
    assert not any("<" in s["source"] for s in sentences(response.get_json()))


def test_an_article_survives_a_restart(make_app, data_dir):
    database = data_dir / "shared.sqlite3"
    first = make_app(database=database)
    created = first.test_client().post("/api/v1/articles", json={"text": SHORT_ARTICLE}).get_json()

    restarted = make_app(database=database)
    response = restarted.test_client().get(f"/api/v1/articles/{created['id']}")

    assert response.status_code == 200
    assert response.get_json() == created


def test_posting_the_same_article_twice_translates_nothing_the_second_time(app, client):
    from bitexto.webapp.service import get_engine

    client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})
    with app.app_context():
        engine = get_engine()
    misses, hits = engine.misses, engine.hits

    second = client.post("/api/v1/articles", json={"text": SHORT_ARTICLE})

    assert second.status_code == 201
    assert engine.misses == misses  # nothing went to Apertium
    assert engine.hits == hits + 2


def test_the_seed_article_round_trips(client, seed_text):
    response = client.post("/api/v1/articles", json={"text": seed_text, "summary_length": 3})

    assert response.status_code == 201
    body = response.get_json()
    assert len(body["summary"]["sentences"]) == 3
    assert body["quotes"], "the seed article quotes people"
    ids = {s["id"] for s in sentences(body)}
    assert all(quote["sentence_id"] in ids for quote in body["quotes"])
