"""translate.furniture, translate.page_dates and translate.bylines: the wording of page
furniture, date stamps and bylines, one line at a time (invented lines)."""

import pytest

from bitexto.translate import bylines, furniture
from bitexto.translate.spanish.dates import date_stamp, parse_date, strip_dates
from bitexto.translate.spanish.fold import fold as plain


@pytest.mark.parametrize("line", [
    "Facebook", "WhatsApp", "Twittear", "✉Email", "⎙", "|", "Compartir", "Imprimir", "Guardar",
    "SEGUIR", "Enviar por mail", "Reportar error", "Copiar enlace", "Deja un comentario",
    "💬Ver comentarios", "12 comentarios", "visitas", "Ver más", "Escucha esta noticia aquí",
    "Tiempo de lectura: 3 minutos", "Debes iniciar sesión para guardar esta nota.", "Publicidad",
    "Presentado por", "https://example.org/status/123",
    # The text keeps its ñ: "tamano"/"anade" patterns never matched these (the one fold keeps ñ).
    "Tamaño de letra", "Añade un comentario",
])
def test_buttons_and_widgets(line):
    assert furniture.is_widget(plain(line), line)


@pytest.mark.parametrize("line", [
    "Suscríbete a nuestro canal en Telegram", "Síguenos en Google News",
    "Recibe las noticias en tu correo cada mañana", "Únete a la comunidad de lectores",
    "Apoya a nuestro equipo", "Tu apoyo hace posible este trabajo. Con tu donación seguimos informando.",
    "Nuestro periodismo independiente te necesita: hazte socio hoy.", "Para leer más historias, haz clic aquí.",
    "Cancela en cualquier momento.", "Solo para suscriptores",
])
def test_site_promotions(line):
    assert furniture.is_promo(plain(line))


@pytest.mark.parametrize("line", [
    "Te puede interesar", "Te puede interesar:", "Lee también...", "LEA TAMBIÉN", "Noticias relacionadas",
    "Relacionados:", "Temas", "TAGS:", "Etiquetas", "Archivado en:", "Temas relacionados", "Lo más visto",
    "Más en Economía", "Otras noticias de Deportes", "Seguí leyendo", "Por si no lo viste",
])
def test_box_labels(line):
    assert furniture.box_label(plain(line))


@pytest.mark.parametrize("line", [
    "Lea también: El puerto reabre tras la huelga", "PUEDES VER: ¿Cómo renovar el pasaporte?",
    "Nota relacionada: La sequía llega al sur", "Artículo anteriorLa lluvia vuelve al norte", "[ El Gobierno anuncia un nuevo plan de vivienda ]",
])
def test_inline_links_to_other_stories(line):
    assert furniture.related_lead_in(plain(line), line)


@pytest.mark.parametrize("line", ["Lluvia /Inundaciones /Protección Civil /Gobierno", "Salud | Vacunas | Hospitales"])
def test_tag_rows(line):
    assert furniture.tag_row(line)


@pytest.mark.parametrize("line", [
    "El ministro compartió su preocupación por la sequía con los alcaldes de la región.",
    "Facebook anunció este martes que cerrará su oficina en la ciudad.",
    "Los vecinos pidieron más información sobre el proyecto.",
    "Lo que sabemos hasta ahora",
    "Te lo digo claro: no pienso renunciar, afirmó el diputado.",
    "La periodista denunció amenazas tras publicar su investigación.",
])
def test_article_lines_are_not_furniture(line):
    text = plain(line)
    assert not (furniture.is_widget(text, line) or furniture.is_promo(text) or furniture.box_label(text)
                or furniture.related_lead_in(text, line) or furniture.tag_row(line))


@pytest.mark.parametrize("line, iso", [
    ("14 de marzo de 2024, 10:45", "2024-03-14T10:45"),
    ("Publicado: Lunes 3 junio 2024 | 08:05:12 am.", "2024-06-03T08:05"),
    ("Actualizado el 09 de Junio 2024 | 6:00 h", "2024-06-09T06:00"),
    ("Valparaíso - ene. 12, 2024 | 12:01 a. m. | 7 min de lectura", "2024-01-12T00:01"),
    ("08.11.2023", "2023-11-08"),
    ("- Actualizado: 2/7/2024 - 3:15 pm", "2024-07-02T15:15"),
    ("12 junio, 202311 junio, 2023", "2023-06-12"),
    ("Publicado hace 2 horas", None),
])
def test_date_stamps(line, iso):
    assert date_stamp(line)
    assert parse_date(line) == iso


@pytest.mark.parametrize("line", [
    "El 3 de mayo de 2024 llegó el presidente a la ciudad para inaugurar el hospital.",
    "10 de junio a 14 de julio",  # a table cell: no year, no time
    "2 de marzo: Día del Agua",  # a list item of the article
    "Tres personas murieron",
])
def test_dates_inside_article_lines_are_not_stamps(line):
    assert not date_stamp(line)


def test_strip_dates_leaves_the_rest():
    assert strip_dates("por Ana Gil 4 junio, 2024") == "por ana gil"


@pytest.mark.parametrize("line", [
    "Por María López", "por Luis Gil 4 junio, 2024", "Por: Juan Pérez Soto | Madrid | 3 de mayo de 2024",
    "Por Ana Ruiz, corresponsal", "Publicado por Pedro Ramos", "Escrito por Lucía Fernández",
    "La información es de Marta Díaz", "Autor:", "Autora: Elena Ruiz", "Redacción", "REDACCIÓN BBC News Mundo",
    "Redacción Internacional", "ana.gil@example.org", "@anagil_news", "[email protected]", "Por Daniel Soto E.",
])
def test_byline_wording(line):
    assert bylines.byline_wording(line)


@pytest.mark.parametrize("line", [
    "Por un lado, el Gobierno aprobó el plan.", "Por Semana Santa, miles de personas viajaron al sur.",
    "Por ahora, nadie ha asumido la autoría.", "Redacción de la nueva ley de vivienda.", "Por qué sube el pan",
])
def test_lines_opening_with_por_are_not_bylines(line):
    assert not bylines.byline_wording(line)


def test_name_shapes_and_authors():
    assert bylines.name_shaped("Rosa de la Fuente")
    assert bylines.name_shaped("Luis Gil 3/5/2024 22:41")
    assert not bylines.name_shaped("La lluvia vuelve al norte")
    assert bylines.authors_of("Por Ana Ruiz y Luis Gil, corresponsales") == ["Ana Ruiz", "Luis Gil"]
    assert bylines.authors_of("por Luis Gil 4 junio, 2024") == ["Luis Gil"]
    assert bylines.authors_of("Marta Díaz | Publicado hace 3 horas") == ["Marta Díaz"]
    assert bylines.authors_of("Por") == [] and bylines.authors_of("Autor:") == []
    assert bylines.authors_of("Redacción") == []
