"""translate.classify: which blocks are the article and which are page furniture."""

import json
from pathlib import Path

import pytest

from bitexto.translate.blocks import build_blocks
from bitexto.translate.page_context import classify_blocks
from bitexto.translate.document import BLOCK_KINDS
from bitexto.translate.segment import split_blocks

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"

BLANK = None  # an empty line in the pasted text


def test_seed_article_kinds_match_the_hand_annotation():
    gold = json.loads((DATA / "000_957073114899cdb1.gold.json").read_text(encoding="utf-8"))
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    spans = split_blocks(text)
    assert len(spans) == len(gold["blocks"]) == 24
    for (start, _), annotation in zip(spans, gold["blocks"]):
        assert text[start:].startswith(annotation["starts"])
    kinds = classify_blocks(text, spans)
    expected = [annotation["kind"] for annotation in gold["blocks"]]
    mismatches = [(n, got, want) for n, (got, want) in enumerate(zip(kinds, expected), 1) if got != want]
    assert mismatches == []


# Invented articles: each line is (expected kind, text); BLANK is an empty line.

PENSIONS_WITH_HEADLINE = [
    ("headline", "El Gobierno aprueba la reforma de las pensiones tras meses de negociación"),
    # The standfirst under the title is article text (body), even without a final period.
    ("body", "La medida elevará la edad de jubilación a partir de 2027 y amplía las ayudas a los autónomos"),
    ("byline", "Por María López Fernández, corresponsal en Bruselas"),
    ("dateline", "Actualizado el 14 de marzo de 2024, 10:45"),
    BLANK,
    ("body", "El Consejo de Ministros aprobó este martes la reforma del sistema de pensiones, que entrará en vigor el próximo año."),
    ("body", "La vicepresidenta, Ana Ruiz, defendió que la norma «garantiza la sostenibilidad del sistema»."),
    ("caption", "La ministra de Trabajo, durante la rueda de prensa en Madrid. (Foto: EFE/Juan Pérez)"),
    ("body", "Los sindicatos criticaron el texto."),
    ("body", "«No vamos a aceptar recortes encubiertos», advirtió el secretario general."),
    ("boilerplate", "Suscríbete a nuestro boletín diario y recibe las noticias más importantes"),
    ("related_headline", "Pensiones: lo que cambia para los nacidos después de 1970"),
    BLANK,
    ("body", "La oposición anunció que recurrirá la norma ante el Tribunal Constitucional."),
    ("boilerplate", "Publicidad"),
    ("body", "Por su parte, el Banco de España pidió prudencia."),
    ("body", "El debate parlamentario comenzará el próximo mes."),
    ("credit", "Con información de EFE y Europa Press."),
]

ELECTION_WITHOUT_HEADLINE = [
    ("related_headline", "Lee también: Las claves de la elección presidencial en Colombia"),
    BLANK,
    ("body", "BOGOTÁ — El candidato opositor ganó la primera vuelta con el 42 % de los votos, según el conteo oficial."),
    ("body", "La participación superó el 55 %, la más alta en dos décadas."),
    ("caption", "Simpatizantes celebran en la plaza de Bolívar, en Bogotá. (AFP/Archivo)"),
    ("body", "¿Qué pasará ahora?"),
    ("body", "El registrador nacional confirmó que la segunda vuelta será el 21 de junio."),
    ("related_headline", "El expresidente advierte de un «fraude» en las mesas rurales, dice su abogado"),
    BLANK,
    ("boilerplate", "Comparte esta noticia en Facebook y X"),
    ("body", "Por Semana Santa, miles de personas viajaron a votar a sus pueblos."),
    ("body", "Los observadores internacionales no reportaron incidentes graves."),
    ("boilerplate", "Síguenos en Instagram y TikTok"),
    ("credit", "(AFP)"),
]

CENTRAL_BANK_WITH_QUOTES = [
    ("headline", "«No habrá rescate», advierte el Banco Central"),
    ("byline", "Redacción Economía"),
    BLANK,
    ("body", "El Banco Central descartó este lunes cualquier rescate a las entidades en dificultades."),
    ("body", "«Las entidades deben resolver sus problemas con sus propios recursos. No habrá dinero público»"),
    ("caption", "El gobernador, en una imagen de archivo. (Getty Images)"),
    ("headline", "La reacción de los mercados"),
    ("body", "La bolsa cayó un 2,3 % en la apertura y el euro se depreció frente al dólar."),
    ("body", "«Es una señal clara»"),
    ("body", "Los analistas esperan más volatilidad en las próximas semanas…"),
    ("credit", "Reuters contribuyó con la información."),
    ("boilerplate", "Haz clic aquí para recibir alertas en tu móvil"),
    ("boilerplate", "Utilizamos cookies propias y de terceros para mejorar tu experiencia."),
]

VOLCANO_BROWSER_PASTE = [
    BLANK,
    ("body", "Las autoridades de Japón elevaron el nivel de alerta tras la erupción de un volcán el domingo."),
    ("body", "Las cenizas alcanzaron una altura de 5.000 metros, según la agencia meteorológica."),
    ("related_headline", "Científicos japoneses vigilan el volcán desde hace años tras varias erupciones menores"),
    BLANK,
    ("caption", "Una columna de humo sobre la ciudad de Kagoshima. Foto: Reuters/Kim Kyung-Hoon"),
    ("body", "Los vecinos de las zonas cercanas recibieron la orden de evacuar."),
    ("body", "No hubo heridos."),
    ("boilerplate", "Descarga la app de Noticias y recibe alertas al instante"),
    ("body", "Japón concentra cerca de un 10 % de los volcanes activos del mundo."),
    ("credit", "Con información de AP"),
]

DROUGHT_BLANK_LINES_EVERYWHERE = [
    ("headline", "La sequía obliga a restringir el riego en el sur de España"),
    BLANK,
    ("byline", "Por Carlos Gómez"),
    BLANK,
    ("body", "Los embalses del sur se encuentran al 20 % de su capacidad, el nivel más bajo en treinta años."),
    BLANK,
    ("body", "Las comunidades de regantes aceptaron reducir el consumo a la mitad."),
    BLANK,
    ("related_headline", "Te puede interesar: El Gobierno aprueba ayudas para los agricultores"),
    BLANK,
    ("headline", "Un futuro incierto"),
    BLANK,
    ("body", "Los expertos advierten de que la situación puede empeorar si no llueve en primavera."),
    BLANK,
    # A "Topic: title" line inside the text is as often a subhead: content wins.
    ("body", "Sequía en Europa: Francia e Italia también imponen restricciones"),
    BLANK,
    ("caption", "Un agricultor revisa su campo en Jaén, el pasado mes. (Cortesía de la Junta de Andalucía)"),
    BLANK,
    ("body", "El consejero de Agricultura dijo que «no queda otra opción»."),
    BLANK,
    ("credit", "EFE"),
]

MIXED_FURNITURE = [
    ("headline", "¿Por qué sube el precio del aceite?"),
    ("body", "El precio del aceite de oliva se ha duplicado en dos años."),
    ("caption", "Botellas de aceite en un supermercado de Sevilla (Foto: Archivo)"),
    ("body", "Los productores culpan a la sequía y al aumento de los costes."),
    ("related_headline", "La inflación de los alimentos se modera en abril, según el INE"),
    ("body", "«Nadie sabe cuándo bajará»"),
    ("boilerplate", "Únete a nuestro canal de WhatsApp"),
    ("body", "Las exportaciones cayeron un 15 %."),
    ("credit", "Este artículo fue publicado originalmente en inglés."),
    ("credit", "Reportaje adicional de Laura Sánchez en Jaén."),
]

ARTICLES = {
    "pensions_with_headline": PENSIONS_WITH_HEADLINE,
    "election_without_headline": ELECTION_WITHOUT_HEADLINE,
    "central_bank_with_quotes": CENTRAL_BANK_WITH_QUOTES,
    "volcano_browser_paste": VOLCANO_BROWSER_PASTE,
    "drought_blank_lines_everywhere": DROUGHT_BLANK_LINES_EVERYWHERE,
    "mixed_furniture": MIXED_FURNITURE,
}


def _paste(article):
    text = "\n".join("" if line is BLANK else line[1] for line in article)
    expected = [line[0] for line in article if line is not BLANK]
    return text, expected


@pytest.mark.parametrize("name", list(ARTICLES))
def test_invented_article_kinds(name):
    text, expected = _paste(ARTICLES[name])
    kinds = classify_blocks(text, split_blocks(text))
    lines = [line[1] for line in ARTICLES[name] if line is not BLANK]
    mismatches = [(line, got, want) for line, got, want in zip(lines, kinds, expected) if got != want]
    assert mismatches == []
    assert len(kinds) == len(expected)


@pytest.mark.parametrize(
    "line",
    [
        "Haga clic aquí para obtener la aplicación",
        "Suscríbete a nuestra newsletter",
        "SUSCRÍBASE",
        "Síguenos en Facebook",
        "Sigue a nuestro diario en Google News",
        "Descargue nuestra aplicación gratuita",
        "Lea también",
        "Ver más",
        "Sigue leyendo",
        "Noticias relacionadas",
        "Comparte en Facebook",
        "Compartir",
        "Este sitio web utiliza cookies para mejorar su experiencia de navegación.",
        "Aceptar todas las cookies",
        "© 2024 Diario del Sur. Todos los derechos reservados.",
        "Tiempo de lectura: 4 min",
        "Escucha este artículo",
    ],
)
def test_boilerplate_variants(line):
    text = f"Un párrafo cualquiera del artículo.\n{line}\nOtro párrafo del artículo."
    assert classify_blocks(text, split_blocks(text))[1] == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        "Associated Press contribuyó a este informe.",
        "Los periodistas Ana Gil y Pedro Ramos contribuyeron a este reportaje desde Kiev.",
        "Con información de EFE y AFP.",
        "(Con información de Reuters)",
        "(EFE)",
        "EFE/AFP",
        "Agencias",
        "Reuters contribuyó con la información.",
        "Redacción: Juan Martínez",
        "Redacción / Madrid",
        "Edición: Sara Vidal",
        "Texto y fotos: Andrés Molina",
        "Traducido por Elena Ruiz",
    ],
)
def test_credit_variants(line):
    text = f"Un párrafo cualquiera del artículo.\n{line}"
    assert classify_blocks(text, split_blocks(text))[1] == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "El presidente llega a la cumbre. (Sputnik/Agencia/Kremlin a través de Reuters)",
        "Manifestantes frente al Congreso (Getty Images)",
        "Bomberos trabajan en la zona del incendio. (EFE)",
        "La ministra, en una foto de archivo (Foto: AP)",
        "El puerto de Valencia, en 2019. (AFP/Archivo)",
        "Vista aérea de la ciudad. (Imagen: Shutterstock)",
        "Vecinos observan los daños. | Foto: Europa Press",
        "El equipo celebra el título. (Cortesía)",
        "Una calle inundada en el centro. (Mario Gómez/Bloomberg)",
    ],
)
def test_caption_variants(line):
    text = f"Un párrafo cualquiera del artículo.\n{line}\nOtro párrafo del artículo."
    assert classify_blocks(text, split_blocks(text))[1] == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "Sí.",
        "No hubo respuesta.",
        "«Basta ya», dijo.",
        "«No nos rendiremos. Seguiremos luchando»",
        "El ministro habló de «una traición».",
        "El ministro calificó la decisión de «una traición»",
        "¿Y ahora qué?",
        "Hay que esperar…",
        "La economía creció un 2 % (según el INE).",
        "El producto interior bruto (PIB) se contrajo.",
        "La velocidad máxima será de 30 km/h (en zonas urbanas).",
        "Por ahora, nadie ha asumido la autoría del ataque.",
        "Con información de inteligencia estadounidense, el ejército ucraniano lanzó una contraofensiva que sorprendió a Moscú y cambió el curso de la guerra.",
        "Publicado en 2019, el informe advertía del riesgo.",
        "Recibe el premio la escritora mexicana Elena Garro.",
        "Comparte la preocupación el ministro de Sanidad.",
        "Las cookies de terceros desaparecerán de Chrome en 2025, anunció Google.",
        "Lo que sabemos:",
        "Información: el ministerio publicó los datos el lunes por la noche.",
        "Redacción de la nueva ley de vivienda.",
    ],
)
def test_body_paragraphs_stay_body(line):
    text = f"Un párrafo cualquiera del artículo.\n{line}\nOtro párrafo del artículo."
    assert classify_blocks(text, split_blocks(text))[1] == "body"


def test_section_title_inside_the_article_is_not_furniture():
    text = "Titular\nPrimer párrafo del texto.\nRedacción de la nueva ley\nSegundo párrafo del texto."
    assert classify_blocks(text, split_blocks(text)) == ["headline", "body", "headline", "body"]


def test_first_line_with_final_period_is_body_not_headline():
    text = "El ministro dimitió ayer.\nNadie lo esperaba."
    assert classify_blocks(text, split_blocks(text)) == ["body", "body"]


def test_blank_lines_are_ignored_when_they_separate_every_paragraph():
    # With blank lines everywhere, a short untitled line is a section title, not a link.
    text = "Titular del día\n\nPrimer párrafo.\n\nDatos clave\n\nSegundo párrafo.\n\nTercer párrafo."
    assert classify_blocks(text, split_blocks(text)) == ["headline", "body", "headline", "body", "body"]
    # With blank lines only around it, the same line reads as an inserted link.
    text = "Titular del día\nPrimer párrafo.\nDatos clave de la jornada electoral en todo el país\n\nSegundo párrafo.\nTercer párrafo."
    assert classify_blocks(text, split_blocks(text))[2] == "related_headline"


def test_build_blocks_carries_kinds(seed_text):
    blocks = build_blocks(seed_text)
    assert all(block.kind in BLOCK_KINDS for block in blocks)
    assert [block.kind for block in blocks][4:6] == ["related_headline", "caption"]
    assert blocks[-1].kind == "credit"


def test_empty_input():
    assert classify_blocks("", []) == []
    assert build_blocks("") == []
    assert build_blocks(" \n\n ") == []
