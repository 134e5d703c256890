"""translate.page_context: a pasted page read as a whole — header, boxes of links, footer —
and the metadata it gives (translate.metadata). Invented pages, one block per line."""

from bitexto.translate.blocks import build_page
from bitexto.translate.page_context import classify_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument, BLOCK_KINDS, CONTENT_KINDS
from bitexto.translate.segment import split_blocks

# (expected kind, line): an invented news page as a reader selects and pastes it.
PORT_STRIKE_PAGE = [
    ("boilerplate", "Portada"),
    ("boilerplate", "Economía"),
    ("headline", "La huelga del puerto paraliza las exportaciones de fruta en plena temporada"),
    ("body", "Los estibadores reclaman un aumento salarial y amenazan con extender el paro a todo el litoral."),
    ("byline", "Por Martina Herrera Vidal"),
    ("dateline", "12 de marzo de 2024 - 09:41"),
    ("boilerplate", "Compartir"),
    ("boilerplate", "Facebook"),
    ("boilerplate", "WhatsApp"),
    ("caption", "Contenedores detenidos en el muelle sur. Foto: Archivo"),
    ("body", "El paro de los estibadores cumplió este martes su tercer día y dejó más de 300 contenedores de fruta sin embarcar en la terminal principal."),
    ("body", "Los exportadores calculan pérdidas de varios millones por cada jornada de huelga, según la cámara del sector."),
    ("related_headline", "Lea también: El Gobierno convoca a una mesa de diálogo con los gremios portuarios"),
    ("headline", "Qué piden los trabajadores"),
    ("body", "El sindicato exige un aumento del 15 % y la contratación de 200 eventuales."),
    ("body", "Estos son los puntos del pliego:"),
    ("content", "Salario: un aumento del 15 % en dos tramos"),  # list items: body or subhead, both article
    ("content", "Turnos: jornadas de ocho horas como máximo"),
    ("body", "La empresa respondió que estudiará la propuesta durante el fin de semana."),
    ("boilerplate", "Te puede interesar"),
    ("boilerplate", "Transporte"),
    ("related_headline", "Los camioneros anuncian un paro nacional para la próxima semana"),
    ("boilerplate", "11 de marzo de 2024 - 18:20"),
    ("related_headline", "La inflación de febrero supera las previsiones de los analistas"),
    ("body", "El ministerio de Trabajo citó a las partes para el lunes a primera hora."),
    ("body", "Si no hay acuerdo, el paro seguirá por tiempo indefinido, advirtió el sindicato."),
    ("boilerplate", "Temas"),
    ("boilerplate", "Puerto"),
    ("boilerplate", "Huelga"),
    ("boilerplate", "Exportaciones"),
    ("boilerplate", "Suscríbete a nuestro boletín y recibe las noticias de la mañana"),
    ("boilerplate", "Nuestro periodismo independiente te necesita: apóyanos con tu membresía."),
    ("related_headline", "Nuevo récord de turistas en la costa durante el verano"),
    ("byline", "Martina Herrera Vidal"),
]


def _page(lines):
    return "\n\n".join(text for _, text in lines) + "\n"


def test_a_whole_pasted_page_is_read_in_its_context():
    text = _page(PORT_STRIKE_PAGE)
    kinds = classify_blocks(text, split_blocks(text))
    mismatches = [(line, got, want) for (want, line), got in zip(PORT_STRIKE_PAGE, kinds)
                  if got != want and not (want == "content" and got in CONTENT_KINDS)]
    assert mismatches == []
    assert set(kinds) <= set(BLOCK_KINDS)


def test_bylines_and_datelines_are_furniture():
    assert {"byline", "dateline"} <= set(BLOCK_KINDS)
    assert not {"byline", "dateline"} & set(CONTENT_KINDS)


def test_metadata_of_a_pasted_page():
    blocks, meta = build_page(normalize(_page(PORT_STRIKE_PAGE)))
    assert meta == {
        "headline": "La huelga del puerto paraliza las exportaciones de fruta en plena temporada",
        "authors": ["Martina Herrera Vidal"],
        "published": "2024-03-12T09:41",
        "published_text": "12 de marzo de 2024 - 09:41",
        "site": None,
    }


def test_a_section_name_is_never_the_headline():
    text = "Internacional\n\nMundo\n\nLa ONU pide un alto el fuego inmediato en la región\n\nEl Consejo de Seguridad votó la resolución por unanimidad este lunes.\n"
    blocks, meta = build_page(normalize(text))
    assert [b.kind for b in blocks] == ["boilerplate", "boilerplate", "headline", "body"]
    assert meta["headline"] == "La ONU pide un alto el fuego inmediato en la región"


def test_a_kicker_saying_what_the_title_says_is_kept():
    text = "OMS\n\nLa OMS alerta de un aumento de casos de dengue\n\nLos contagios se duplicaron en un mes, según el organismo.\n"
    assert classify_blocks(text, split_blocks(text))[:2] == ["headline", "headline"]


def test_a_person_name_near_the_top_is_a_byline_and_a_phrase_is_not():
    text = ("El Senado aprueba la reforma judicial tras un largo debate\n\n"
            "La oposición anunció que recurrirá la norma ante el Tribunal Constitucional del país.\n\n"
            "Andrea Fuentes Castro\n\n"
            "3 de abril de 2024\n\n"
            "El pleno votó la ley pasada la medianoche, tras catorce horas de discusión en la cámara.\n\n"
            "Los senadores oficialistas celebraron el resultado en los pasillos del edificio.\n")
    kinds = classify_blocks(text, split_blocks(text))
    assert kinds[2:4] == ["byline", "dateline"]
    assert kinds[4:] == ["body", "body"]


def test_when_unsure_the_article_wins():
    # Subheads, a table with dates, a question: no furniture sign, so all article text.
    text = ("Calendario escolar\n\n"
            "El ministerio publicó las fechas de las vacaciones para todo el país este año.\n\n"
            "Las fechas clave\n\n"
            "Primer periodo\n\n"
            "10 de marzo a 9 de mayo\n\n"
            "Segundo periodo\n\n"
            "19 de mayo a 18 de julio\n\n"
            "¿Habrá cambios?\n\n"
            "El calendario podría modificarse si hay nuevas emergencias sanitarias en el invierno.\n")
    kinds = classify_blocks(text, split_blocks(text))
    assert all(kind in CONTENT_KINDS for kind in kinds), kinds


def test_meta_travels_with_the_document():
    text = normalize(_page(PORT_STRIKE_PAGE))
    blocks, meta = build_page(text)
    document = AlignedDocument(text=text, blocks=blocks, meta=meta)
    again = AlignedDocument.from_dict(document.to_dict(), text)
    assert again.meta == meta and again.to_dict() == document.to_dict()
