"""The paste form's glossary box: applied to the article, remembered by the browser's script,
and a bad glossary shown back to the reader with what was typed."""

from pathlib import Path

from test_ui import SHORT, app, client, make_app, post_article, ui_data  # noqa: F401  (fixtures)

STATIC = Path(__file__).resolve().parent.parent / "webapp" / "static" / "bitexto.js"


def test_the_form_has_a_remembered_glossary_box(client):
    page = client.get("/").get_data(as_text=True)
    assert 'name="glossary"' in page and 'data-remember="bitexto-glossary"' in page
    script = STATIC.read_text(encoding="utf-8")
    assert "textarea[data-remember]" in script and "localStorage.setItem" in script


def test_the_glossary_is_applied_to_the_pasted_article(client):
    location = post_article(client, SHORT, glossary="ley de vivienda = Housing Act\nalquileres = rents")
    page = client.get(location).get_data(as_text=True)
    assert "Housing Act" in page and "rents" in page


def test_a_bad_glossary_is_a_422_that_keeps_the_form(client):
    response = client.post("/articles", data={"text": SHORT, "glossary": "ley = law\nLey = act"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "twice with different English" in page and "ley = law" in page
