"""The article page for a real pasted page: the metadata in its header, the new kinds'
labels in both languages (Flask's test client, the real Apertium engine)."""

import lxml.html
import pytest

from test_ui import make_app, post_article

PAGE = (
    "Ciencia\n\n"
    "EXCLUSIVA\n\n"
    "Hallan en los Andes una rana que se creía extinta desde hace treinta años\n\n"
    "Un equipo de biólogos registró ejemplares vivos en un arroyo de la cordillera.\n\n"
    "Por Inés Carvajal Mora\n\n"
    "20 de febrero de 2024, 8:15\n\n"
    "La rana no había sido vista desde 1994, cuando una enfermedad acabó con casi todas las poblaciones.\n\n"
    "Los investigadores encontraron once ejemplares adultos y varias puestas de huevos en el arroyo.\n"
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("ui-pages"))


def test_the_header_shows_the_headline_authors_and_date(app):
    client = app.test_client()
    tree = lxml.html.fromstring(client.get(post_article(client, PAGE)).get_data(as_text=True))
    assert " ".join(tree.xpath("string(//p[@class='article-title-es'])").split()) == (
        "Hallan en los Andes una rana que se creía extinta desde hace treinta años")
    assert tree.xpath("string(//*[contains(@class, 'meta-authors')])") == "Inés Carvajal Mora"
    assert tree.xpath("//*[contains(@class, 'meta-published')]/time/@datetime") == ["2024-02-20T08:15"]
    # Localised with babel in the reader's language; the page's own wording in the title.
    assert tree.xpath("string(//*[contains(@class, 'meta-published')]/time)").replace("\u202f", " ") == (
        "February 20, 2024, 8:15 AM")
    assert tree.xpath("//*[contains(@class, 'meta-published')]/time/@title") == ["20 de febrero de 2024, 8:15"]
    spanish = lxml.html.fromstring(client.get(post_article(client, PAGE) + "?lang=es").get_data(as_text=True))
    assert spanish.xpath("string(//*[contains(@class, 'meta-published')]/time)") == "20 de febrero de 2024, 8:15"


@pytest.mark.parametrize("language, byline, dateline", [("en", "Byline", "Dateline"), ("es", "Firma", "Fecha de publicación")])
def test_the_new_kinds_have_labels_in_both_languages(app, language, byline, dateline):
    from flask_babel import force_locale

    from bitexto.webapp import labels

    with app.test_request_context("/"), force_locale(language):
        assert labels.block_kind("byline") == byline
        assert labels.block_kind("dateline") == dateline


SELECTION = (
    "<html><body><!--StartFragment--><article><p class=\"kicker\">Ciencia</p>"
    "<h1>Hallan en los Andes una rana que se creía extinta</h1>"
    "<p class=\"byline\">Por <a rel=\"author\" href=\"/autor/ines\">Inés Carvajal Mora</a></p>"
    "<time datetime=\"2024-02-20T08:15:00-03:00\">20 de febrero de 2024</time>"
    "<p>La rana no había sido vista desde 1994, cuando una enfermedad acabó con casi todas las poblaciones.</p>"
    "<p>Los investigadores encontraron once ejemplares adultos en el arroyo.</p>"
    "</article><!--EndFragment--></body></html>"
)


@pytest.mark.parametrize("route", ["form", "api"])
def test_a_pasted_selection_keeps_its_markup_s_metadata(app, route):
    """The paste form and the API read an HTML selection themselves: the <h1>, the
    rel=author link and the <time> give the headline, the author and the date."""
    client = app.test_client()
    if route == "form":
        page = client.post("/", data={"text": SELECTION, "format": "html"})
        assert page.status_code == 303
        article_id = page.headers["Location"].rsplit("/", 1)[-1]
        result = client.get(f"/api/v1/articles/{article_id}").get_json()
    else:
        result = client.post("/api/v1/articles", json={"text": SELECTION, "format": "html"}).get_json()
    assert result["meta"]["headline"] == "Hallan en los Andes una rana que se creía extinta"
    assert result["meta"]["authors"] == ["Inés Carvajal Mora"]
    assert result["meta"]["published"].startswith("2024-02-20T08:15")
    kinds = {block["kind"] for block in result["blocks"]}
    assert {"headline", "byline", "dateline", "body"} <= kinds
    assert "<" not in result["text"]


UNNAMED = (
    "Los vecinos denuncian cortes de agua en el barrio\n\n"
    "Los cortes de agua se repiten desde hace tres semanas en el barrio norte de la ciudad.\n\n"
    "\u00abNadie nos explica qué pasa con el agua ni cuándo volverá\u00bb, lamentó una vecina del barrio.\n"
)


def test_a_quote_whose_article_names_nobody_shows_who_as_the_article_says(app):
    client = app.test_client()
    location = post_article(client, UNNAMED)
    quotes = client.get("/api/v1/articles/" + location.rsplit("/", 1)[-1]).get_json()["quotes"]
    assert quotes and quotes[0]["speaker"] is None
    assert "vecina" in quotes[0]["speaker_description"]
    tree = lxml.html.fromstring(client.get(location).get_data(as_text=True))
    shown = tree.xpath("string(//*[contains(@class, 'quote-speaker-unnamed')])")
    assert "vecina" in shown and shown.strip().startswith("—")
