"""The LibreTranslate-compatible endpoints through Flask's test client: shapes, paragraphs, errors."""

import pytest

from bitexto.settings import Settings

pytest_plugins = ("api_fixtures",)

PARAGRAPHS = "El gato come pescado. Buenos días.\n\nHola mundo.\n"


def translate(client, **fields):
    return client.post("/translate", json={"source": "es", "target": "en", **fields})


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["status"] == status
    return body["error"]


def test_translate_a_string_keeps_paragraphs_and_spacing(client):
    response = translate(client, q=PARAGRAPHS)

    assert response.status_code == 200
    assert response.get_json() == {"translatedText": "The cat eats fished. Good morning.\n\nHello World.\n"}


def test_translate_a_form_like_libretranslate_clients_send(client):
    response = client.post("/translate", data={"q": "Hola mundo.", "source": "es", "target": "en"})

    assert response.get_json() == {"translatedText": "Hello World."}


def test_translate_a_list_returns_a_list(client):
    response = translate(client, q=["Hola mundo.", "", "Buenos días."])

    assert response.get_json() == {"translatedText": ["Hello World.", "", "Good morning."]}


def test_auto_source_reports_the_detected_language(client):
    text = "El gobierno aprobó el martes una nueva ley de vivienda y la oposición la criticó."
    body = client.post("/translate", json={"q": text, "source": "auto", "target": "en"}).get_json()

    assert body["translatedText"].startswith("The government")
    assert body["detectedLanguage"]["language"] == "es"
    assert 50 < body["detectedLanguage"]["confidence"] <= 100


@pytest.mark.parametrize("text, language", [
    ("The government approved a new housing law on Tuesday and the opposition criticised it.", "English (en)"),
    ("Le gouvernement a approuvé mardi une nouvelle loi sur le logement et l'opposition l'a critiquée.",
     "French (fr)"),
])
def test_auto_source_refuses_a_text_that_is_not_spanish(client, text, language):
    message = error_of(client.post("/translate", json={"q": text, "source": "auto", "target": "en"}), 400)
    assert message.startswith(f"The text looks like {language}, not Spanish")


def test_html_format_translates_the_text_of_the_markup(client):
    html = "<p>Hola mundo.</p><p>Buenos días.</p>"
    body = translate(client, q=html, format="html").get_json()

    assert "Hello World." in body["translatedText"]
    assert "Good morning." in body["translatedText"]


def test_numbers_follow_english_conventions_as_in_the_pipeline(client):
    body = translate(client, q="Costó 1.500,50 euros.").get_json()
    assert "1,500.50" in body["translatedText"]


@pytest.mark.parametrize("fields, message", [
    ({"source": "es", "target": "en"}, "Invalid request: missing q parameter"),
    ({"q": "", "source": "es", "target": "en"}, "Invalid request: missing q parameter"),
    ({"q": "Hola", "target": "en"}, "Invalid request: missing source parameter"),
    ({"q": "Hola", "source": "es"}, "Invalid request: missing target parameter"),
    ({"q": "Hola", "source": "fr", "target": "en"},
     "fr is not supported as a source language: bitexto translates Spanish (es)"),
    ({"q": "Hola", "source": "es", "target": "de"},
     "de is not supported as a target language: bitexto translates into English (en)"),
    ({"q": "Hola", "source": "es", "target": "en", "format": "pdf"}, "pdf format is not supported"),
    ({"q": 5, "source": "es", "target": "en"}, "Invalid request: q must be a string or a list of strings"),
    ({"q": ["a", 1], "source": "es", "target": "en"}, "Invalid request: q must be a string or a list of strings"),
])
def test_bad_requests_are_400_with_libretranslates_messages(client, fields, message):
    assert error_of(client.post("/translate", json=fields), 400) == message


def test_too_much_text_is_a_413(make_app):
    client = make_app(BITEXTO=Settings.from_env(max_chars=50)).test_client()
    message = error_of(translate(client, q=["Hola. " * 5, "Adiós. " * 5]), 413)
    assert message == "Invalid request: request (65 characters) exceeds text limit (50)"


def test_languages_get_and_post(client):
    expected = [
        {"code": "es", "name": "Spanish", "targets": ["en"]},
        {"code": "en", "name": "English", "targets": []},
    ]
    assert client.get("/languages").get_json() == expected
    assert client.post("/languages").get_json() == expected


def test_detect_spanish(client):
    body = client.post("/detect", data={"q": "El gobierno aprobó el martes una nueva ley de vivienda."}).get_json()

    assert body[0]["language"] == "es"
    assert 0 < body[-1]["confidence"] <= body[0]["confidence"] <= 100
    assert all(set(candidate) == {"confidence", "language"} for candidate in body)


def test_detect_other_languages_honestly(client):
    body = client.post("/detect", json={"q": "Le gouvernement a approuvé mardi une nouvelle loi."}).get_json()
    assert body[0]["language"] == "fr"


def test_detect_nothing_detectable(client):
    assert client.post("/detect", json={"q": "12345 !!!"}).get_json() == [{"confidence": 0.0, "language": "en"}]


def test_detect_without_q_is_a_400(client):
    assert error_of(client.post("/detect", json={}), 400) == "Invalid request: missing q parameter"


def test_libretranslate_endpoints_allow_cross_origin_calls(client):
    response = client.get("/languages")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/translate", headers={"Origin": "https://example.org",
                                                      "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
