"""translate.html_fragment: a browser selection's clipboard HTML → the lines a paste
gives, a hint per line from the markup, and the page's metadata (invented page)."""

import pytest

from bitexto.translate.blocks import build_page
from bitexto.translate.clean import extract_text, is_fragment
from bitexto.translate.errors import InputError
from bitexto.translate.html_fragment import TITLE_HINT, read_html

SELECTION = """<html><body><!--StartFragment--><article class="nota">
<div class="breadcrumb"><a href="/">Inicio</a><a href="/ciencia">Ciencia</a></div>
<h1 class="titulo">Hallan en los Andes una rana que se creía extinta desde hace 30 años</h1>
<h2 class="bajada">Un equipo de biólogos registró ejemplares vivos en un arroyo a 3.000 metros de altura.</h2>
<div class="author-box"><a rel="author" href="/autores/ines">Por Inés Carvajal Mora</a></div>
<div class="meta"><time datetime="2024-02-20T08:15:00-03:00">20 de febrero de 2024, 8:15</time></div>
<div class="share-bar"><a href="#">Facebook</a><a href="#">X</a><button>Copiar enlace</button></div>
<figure><img alt="La rana"><figcaption>Un ejemplar de la rana, en el arroyo. Foto: Archivo</figcaption></figure>
<p>La rana arlequín de altura no había sido vista desde 1994, cuando una enfermedad acabó con casi todas las poblaciones de la cordillera.</p>
<p>Los investigadores encontraron <b>once ejemplares</b> adultos y varias puestas de huevos en el mismo arroyo.<br>«Es una noticia extraordinaria», dijo la directora del proyecto.</p>
<script>window.tracker = "no-debe-aparecer";</script>
<p class="hidden">Texto oculto que el lector no ve</p>
<nav><a href="/">Menú</a></nav>
<h3>Próximos pasos</h3>
<p>El equipo pedirá que la zona sea declarada área protegida antes de fin de año.</p>
<aside class="related"><h4>Te puede interesar</h4><ul>
<li><a href="/1">Descubren una nueva especie de orquídea en la selva central</a></li>
<li><a href="/2">El deshielo de los glaciares se acelera, según un estudio</a></li></ul></aside>
<div class="tags"><span>Temas</span><a href="/t/1">Biodiversidad</a> <a href="/t/2">Andes</a></div>
</article><!--EndFragment--></body></html>"""

EXPECTED_LINES = [
    "InicioCiencia",
    "Hallan en los Andes una rana que se creía extinta desde hace 30 años",
    "Un equipo de biólogos registró ejemplares vivos en un arroyo a 3.000 metros de altura.",
    "Por Inés Carvajal Mora",
    "20 de febrero de 2024, 8:15",
    "FacebookX",
    "Un ejemplar de la rana, en el arroyo. Foto: Archivo",
    "La rana arlequín de altura no había sido vista desde 1994, cuando una enfermedad acabó con casi todas las poblaciones de la cordillera.",
    "Los investigadores encontraron once ejemplares adultos y varias puestas de huevos en el mismo arroyo.",
    "«Es una noticia extraordinaria», dijo la directora del proyecto.",
    "Próximos pasos",
    "El equipo pedirá que la zona sea declarada área protegida antes de fin de año.",
    "Te puede interesar",
    "Descubren una nueva especie de orquídea en la selva central",
    "El deshielo de los glaciares se acelera, según un estudio",
    "TemasBiodiversidad Andes",
]


def test_a_selection_gives_the_lines_of_a_paste():
    source = read_html(SELECTION)
    assert source.text.split("\n") == EXPECTED_LINES
    assert len(source.hints) == len(EXPECTED_LINES)


def test_markup_hints_name_what_each_line_is():
    hints = dict(zip(EXPECTED_LINES, read_html(SELECTION).hints))
    assert hints["Hallan en los Andes una rana que se creía extinta desde hace 30 años"] == TITLE_HINT
    assert hints["Por Inés Carvajal Mora"] == "byline"
    assert hints["20 de febrero de 2024, 8:15"] == "dateline"
    assert hints["Un ejemplar de la rana, en el arroyo. Foto: Archivo"] == "caption"
    assert hints["FacebookX"] == "boilerplate"
    assert hints["InicioCiencia"] == "boilerplate"
    assert hints["Descubren una nueva especie de orquídea en la selva central"] == "related_headline"
    assert hints[EXPECTED_LINES[7]] is None  # a paragraph: its wording decides


def test_kinds_and_metadata_of_a_selection():
    source = read_html(SELECTION)
    blocks, meta = build_page(source.text, source.hints, source.meta)
    kinds = dict(zip(EXPECTED_LINES, (block.kind for block in blocks)))
    assert kinds[EXPECTED_LINES[1]] == "headline"
    assert kinds[EXPECTED_LINES[2]] == "body"
    assert all(kinds[line] == "body" for line in EXPECTED_LINES[7:10] + EXPECTED_LINES[11:12])
    assert kinds["Próximos pasos"] == "headline"
    assert kinds["El deshielo de los glaciares se acelera, según un estudio"] == "related_headline"
    assert kinds["TemasBiodiversidad Andes"] == "boilerplate"
    assert meta == {
        "headline": "Hallan en los Andes una rana que se creía extinta desde hace 30 años",
        "authors": ["Inés Carvajal Mora"],
        "published": "2024-02-20T08:15:00-03:00",
        "published_text": "20 de febrero de 2024, 8:15",
        "site": None,
    }


def test_fragments_keep_every_paragraph_and_whole_pages_go_through_trafilatura():
    assert is_fragment(SELECTION)
    assert is_fragment("<p>Hola.</p>")
    assert not is_fragment("<!doctype html><html><head><title>T</title></head><body><p>Hola.</p></body></html>")
    assert extract_text(SELECTION, "text/html").split("\n") == EXPECTED_LINES


@pytest.mark.parametrize("html", ["", "<html><body><!--StartFragment--><script>x()</script><!--EndFragment--></body></html>"])
def test_a_selection_without_text_is_a_clear_input_error(html):
    with pytest.raises(InputError):
        read_html(html)


def test_a_lead_in_in_its_own_element_is_not_an_author():
    from bitexto.translate.html_fragment import read_html

    source = read_html('<!--StartFragment--><h1>Un titular</h1><div class="byline"><span class="byline__by">Por'
                       '</span> <a rel="author" href="/a">Ana Ruiz Gil</a></div><p>Un párrafo del texto.</p>'
                       '<!--EndFragment-->')
    assert source.meta["authors"] == ["Ana Ruiz Gil"]
