"""HTML input: trafilatura finds the article; paragraphs and headings stay separate lines."""

import pytest

from bitexto.translate.clean import html_to_text, prepare_text
from bitexto.translate.errors import InputError
from bitexto.translate.pipeline import segment_article

PAGE = """<!doctype html>
<html lang="es"><head>
<meta charset="utf-8">
<title>Putin agradece a Corea del Norte | El Diario</title>
<style>p { color: red }</style>
<script>var tracking = "no-debe-aparecer";</script>
</head><body>
<nav><a href="/">Portada</a> <a href="/deportes">Deportes</a> <a href="/cultura">Cultura</a></nav>
<article>
<h1>Putin agradece a Corea del Norte el envío de tropas</h1>
<p>El presidente ruso, Vladimir Putin, agradeció el lunes a Corea del Norte por enviar tropas
para luchar junto a Rusia en la guerra de Moscú contra Ucrania.</p>
<h2>La reacción de Seúl</h2>
<p>El Ministerio de Unificación de Corea del Sur pidió a Corea del Norte que retire sus tropas
de Rusia de inmediato &amp; sin condiciones.</p>
<p>«Siempre honraremos a los héroes», dijo Putin.</p>
<!-- comentario interno que no debe aparecer -->
<script>document.write("tampoco-esto")</script>
</article>
<footer>© 2025 El Diario. Todos los derechos reservados. Aviso legal.</footer>
</body></html>
"""


def test_a_page_keeps_title_headings_and_paragraphs_as_lines():
    lines = html_to_text(PAGE).split("\n")
    assert lines == [
        "Putin agradece a Corea del Norte el envío de tropas",
        "El presidente ruso, Vladimir Putin, agradeció el lunes a Corea del Norte por enviar tropas "
        "para luchar junto a Rusia en la guerra de Moscú contra Ucrania.",
        "La reacción de Seúl",
        "El Ministerio de Unificación de Corea del Sur pidió a Corea del Norte que retire sus tropas "
        "de Rusia de inmediato & sin condiciones.",
        "«Siempre honraremos a los héroes», dijo Putin.",
    ]


def test_page_furniture_scripts_styles_and_comments_are_dropped():
    text = html_to_text(PAGE)
    for leftover in ("no-debe-aparecer", "tampoco-esto", "color: red", "comentario interno",
                     "Portada", "Deportes", "derechos reservados", "<", ">"):
        assert leftover not in text


def test_a_fragment_is_an_article_too():
    assert html_to_text("<p>Hola.</p>") == "Hola."
    assert html_to_text("<h2>Sube el precio</h2><p>El pan cuesta más.</p><p>Y la leche.</p>") == (
        "Sube el precio\nEl pan cuesta más.\nY la leche."
    )


def test_entities_are_decoded_and_line_breaks_split_lines():
    assert html_to_text("<p>Uno &lt;dos&gt; &quot;tres&quot; &eacute;l</p>") == 'Uno <dos> "tres" él'
    assert html_to_text("<p>Primera línea<br>segunda línea</p>") == "Primera línea\nsegunda línea"


def test_an_xml_declaration_in_a_decoded_string_is_accepted():
    assert html_to_text('<?xml version="1.0" encoding="utf-8"?><html><body><p>Hola.</p></body></html>') == "Hola."


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>",
                                  "<script>alert(1)</script><style>p{}</style>", "<!-- nada -->"])
def test_nothing_to_extract_is_a_clear_input_error(html):
    with pytest.raises(InputError, match="No article text could be found"):
        html_to_text(html)


def test_a_url_is_text_never_fetched():
    # Sockets are blocked in tests: a fetch would raise SocketBlockedError, not return.
    assert html_to_text("https://example.com/noticia") == "https://example.com/noticia"


def test_extracted_html_feeds_the_pipeline_one_block_per_paragraph():
    document = segment_article(prepare_text(PAGE, media_type="text/html"))
    assert [block.kind for block in document.blocks][:2] == ["headline", "body"]
    assert len(document.blocks) == 5
    assert document.blocks[0].sentences[0].source == "Putin agradece a Corea del Norte el envío de tropas"
