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


@pytest.mark.parametrize("language, byline, dateline", [("en", "Byline", "Dateline"), ("es", "Firma", "Fecha de publicación")])
def test_the_new_kinds_have_labels_in_both_languages(app, language, byline, dateline):
    from flask_babel import force_locale

    from webapp import labels

    with app.test_request_context("/"), force_locale(language):
        assert labels.block_kind("byline") == byline
        assert labels.block_kind("dateline") == dateline
