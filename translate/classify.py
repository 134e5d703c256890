"""Tell the article's own blocks from the page furniture pasted along with it.

`classify_blocks(text, spans)` gives each block (a trimmed line, see
translate.segment.split_blocks) one kind from translate.document.BLOCK_KINDS:

- boilerplate: promotion of the site itself (apps, newsletters, social networks,
  "Lee también", "Publicidad", cookie notices). Recognised by wording, short lines only.
- credit: agency or authorship lines ("Associated Press contribuyó a este informe.",
  "Con información de EFE.", "(EFE)", "Redacción: …", "Por María López, corresponsal").
- caption: a photo caption, i.e. a line ending in a photo credit: a parenthesis with a
  slash or a photo/agency word ("(Getty Images)", "(Foto: AP)", "(AFP/Archivo)"), or a
  trailing "Foto: …" / "| Imagen: …".
- headline: title-shaped lines (short, capitalised, one sentence, no final period)
  before the first paragraph — the title and any subtitle — and, inside the article,
  short title-shaped lines with no sign of being a link (section titles, ≤ 7 words).
- related_headline: a link to another story pasted inside the article: a short line
  with no final period, one sentence, not a quotation on its own, that has at least one
  sign a reader would notice — a trailing attribution (", dice X", ", según X"), a
  "Topic: Title" shape, a blank line around it (in pastes that do not separate every
  paragraph with one), or the length of a full news title without a verb in the
  preterite (titles speak in the present; "calificó…" is a paragraph missing its
  period, so body).
- body: everything else. Any line that ends in sentence punctuation (. … : ; and, past
  the title, ? !) is body unless a wording rule above says otherwise.

The rules are shapes of Spanish news pages in general; nothing refers to a particular
outlet or story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from translate.segment import split_sentences

# --- Wording -------------------------------------------------------------------------
# Wording rules match `_Line.plain`: the line lowercased with accents removed, so one
# pattern covers "Suscríbete", "SUSCRIBETE" and "suscribete".

_ACCENT_FREE = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")

_SOCIAL = r"(?:facebook|twitter|x|instagram|tiktok|youtube|whatsapp|telegram|linkedin|threads|bluesky|google news)"

# Promotion of the site itself, at the start of a line.
_BOILERPLATE_START = re.compile(
    "|".join(
        (
            r"(?:haga|haz|pulse|pulsa|presione|presiona|toque|toca|da|de|dar) (?:clic|click|tap)\b",
            r"(?:clic|click|pincha|pinche|toca|toque) aqui\b",
            r"(?:suscribete|suscribase|suscribirse|registrate|registrese)\b",
            r"(?:siguenos|siganos)\b",
            rf"(?:sigue|siga|seguir)\b.{{0,60}}\b(?:en|por) {_SOCIAL}\b",
            r"(?:descarga|descargue|descargar|baja|obten|obtenga|instala|instale)\b.{0,40}\b(?:app|aplicacion)\b",
            r"(?:lee|lea|leer|mira|mire|ver|vea|te puede interesar|le puede interesar)"
            r"(?: tambien| mas)?\s*(?::|$)",
            r"(?:lee|lea|mira|mire|ve|vea) tambien\b",
            r"(?:tambien )?(?:te|le) (?:puede|podria) interesar\b",
            r"(?:sigue|siga|seguir|continua|continue|continuar) leyendo\b",
            r"(?:noticias?|contenidos?|articulos?|notas?) (?:relacionad|recomendad)[oa]s?\b",
            r"relacionad[oa]s?\s*:|recomendamos\b|mas informacion\s*:?\s*$|ultimas noticias\s*$",
            r"(?:publicidad|anuncio|patrocinado|contenido patrocinado)\s*$",
            r"(?:comparte|comparta|compartir)(?: (?:en|este|esta|esto|la noticia|el articulo|por|con)\b|\s*:|\s*$)",
            r"(?:unete|unase) (?:a |al )(?:nuestr|la comunidad|el canal|canal)",
            r"(?:recibe|reciba) (?:nuestr|las (?:ultimas )?noticias|el boletin|cada (?:ma[nñ]ana|dia|semana)|gratis|alertas)",
            r"(?:apuntate|apuntese|inscribete|inscribase) (?:a|al|en)\b",
            r"(?:escucha|escuche|escuchar) (?:este|esta|la|el) (?:articulo|noticia|nota|podcast)\b",
            r"(?:escuchar|guardar|imprimir|comentarios?)\s*$",
            r"(?:tiempo de lectura|minutos? de lectura)\b",
            r"todos los derechos reservados|politica de (?:privacidad|cookies)|terminos y condiciones",
            r"copyright\b|\u00a9",
        )
    )
)
# Anywhere in a short line.
_BOILERPLATE_ANYWHERE = re.compile(
    r"\b(?:utiliza(?:mos)?|usa(?:mos)?|emplea(?:mos)?) (?:\w+ )?cookies\b|\baceptar? (?:las |todas las )?cookies\b"
    r"|\bconfigura(?:r|cion de) (?:las )?cookies\b|todos los derechos reservados"
    r"|\bnuestr[oa]s? (?:newsletters?|boletin(?:es)?)\b|canal de (?:whatsapp|telegram)"
    r"|\bnuestra (?:app|aplicacion)\b"
)
# "Actualizado el 3 de mayo, 10:30", "Publicado: 12/05/2024" — short, dated, no period.
_DATELINE_WORD = re.compile(r"(?:actualizado|actualizada|publicado|publicada|modificado|ultima actualizacion)\b")

# News agencies and photo services whose name alone is a credit.
_AGENCIES = (
    r"efe|afp|ap|reuters|associated press|europa press|ansa|dpa|xinhua|bloomberg|"
    r"getty(?: images)?|shutterstock|istock|notimex|cuartoscuro|anadolu|sputnik|tass|"
    r"ep|agencias?|pool|ips|telam|prensa latina|bbc(?: mundo| news mundo)?|cnn|nyt"
)
_AGENCY_ONLY = re.compile(rf"[(\[]?\s*(?:{_AGENCIES})(?:\s*(?:/|,|y)\s*(?:{_AGENCIES}))*\s*[)\]]?\s*\.?")

# Lines saying who wrote or contributed to the article.
_CREDIT = re.compile(
    "|".join(
        (
            r".{0,150}\bcontribuy(?:o|eron) (?:a|con|en) (?:este|esta|el|la|esto)\b",
            r".{0,150}\b(?:colaboro|colaboraron) (?:en|con) (?:este|esta|la elaboracion)\b",
            r"\(?\s*con (?:informacion|reporte|reportes|material) de\b.{0,100}$",
            r"\(?\s*(?:reporteo|reporte|reportaje|edicion|traduccion|textos?|fotos?|"
            r"fotografias?|graficos?|infografia|ilustraciones?)(?: adicional(?:es)?)?"
            r"(?: y (?:fotos?|video|edicion|textos?|fotografias?))?\s*(?::|por\b)",
            r"(?:reporteo|reporte|reportaje|informacion) adicional (?:de|por)\b",
            r"redaccion\s*(?:[:/|\u2013\u2014-].{0,100})?$",
            r"(?:escrito|editado|traducido|redactado|elaborado) por\b",
            r"este (?:articulo|texto|contenido|reportaje) (?:fue|ha sido) (?:publicado|traducido|escrito|"
            r"elaborado|originalmente)",
            r"(?:articulo|texto|nota) (?:publicad[oa] )?originalmente (?:en|por)\b",
        )
    )
)
_CREDIT_MAX_CHARS = 300
# "Redacción Internacional", "REDACCIÓN BBC News Mundo": the newsroom signs the piece.
_NEWSROOM = re.compile(r"(?:Redacción|REDACCIÓN)(?:\s+[A-ZÁÉÍÓÚÑ][\w.]*){1,4}")

# Bylines: "Por María López", "Por: Juan Pérez | Madrid", "Por Ana Ruiz, corresponsal".
_BYLINE_START = re.compile(r"(?:por|escrito por)\s*:?\s+", re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s*[,|/\u00b7\u2013\u2014]\s*|\s+-\s+")
_NAME_CONNECTORS = frozenset("de del la las los y e da das do dos van von der di le".split())
_BYLINE_VOCABULARY = _NAME_CONNECTORS | frozenset(
    """el en desde para con corresponsal corresponsales enviado enviada enviados especial
    especiales redactor redactora periodista periodistas editor editora reportero reportera
    jefe jefa seccion internacional nacional actualizado publicado ene feb mar abr may jun jul
    ago sep sept oct nov dic enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre h hrs""".split()
)
_BYLINE_MAX_CHARS = 140

# A photo credit closing a caption: "(Getty Images)", "(AFP/Archivo)", "(Foto: AP)".
_CLOSING_PARENTHESIS = re.compile(r"\(([^()]{2,160})\)\s*\.?$")
_PHOTO_WORD_START = re.compile(
    r"(?:foto|fotos|fotografia|fotografias|imagen|imagenes|archivo|cortesia|captura|ilustracion|"
    r"credito|file|photo|video)\b"
)
_TRAILING_PHOTO_CREDIT = re.compile(
    r"(?:^|[.|\u00b7\u2013\u2014-]\s*)(?:foto|fotos|fotografia|imagen|credito|ilustracion)\s*:\s*[^.]{2,80}\.?$"
)
_CAPTION_MAX_CHARS = 600

# ", dice el canciller", ", según la ONU", ", afirma el ministro" closing a title.
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:dice|dicen|dijo|dijeron|afirma|afirman|asegura|aseguran|advierte|advierten|segun|"
    r"se[nñ]ala|sostiene|denuncia|denuncian|alerta|revela|insiste|admite|reconoce|critica|"
    r"responde|promete|anuncia|confirma|niega|explica|opina|cree|pide|piden|exige|exigen|"
    r"acusa|acusan|defiende|informa|reporta|declara|avisa|amenaza|sugiere|estima|calcula)"
    r"\s+\S.{0,80}$"
)
# Spanish news titles speak in the present ("Rusia advierte…"); a line that narrates in
# the preterite ("calificó", "dijeron", "fue") is a paragraph that lost its period.
_PRETERITE = re.compile(
    r"\b(?:\w{2,}ó|\w{3,}(?:aron|ieron)|fue|fueron|dijo|dijeron|hizo|hicieron|tuvo|tuvieron|"
    r"estuvo|estuvieron|pudo|pudieron|puso|quiso|trajo|supo|vino|vinieron)\b"
)
# "Guerra en Ucrania: Kiev denuncia…" — a topic label, then a title.
_TOPIC_COLON = re.compile(r"[^:.!?]{2,60}:\s+\S")

_CLOSERS = "»”’›\"')]} "
_SENTENCE_END = ".…:;,"
_OPENING_QUOTES = "«“‘‹\"'"

_TITLE_MAX_CHARS = 250
_RELATED_MAX_CHARS = 220
_SECTION_TITLE_MAX_WORDS = 7
_BOILERPLATE_MAX_CHARS = 300


@dataclass(frozen=True)
class _Line:
    """What a reader sees of one block: its text and whether empty lines surround it."""

    text: str
    plain: str  # lowercased, accents removed: what wording rules match
    blank_before: bool
    blank_after: bool

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def last_mark(self) -> str:
        """Last character once closing quotes and brackets are set aside."""
        stripped = self.text.rstrip(_CLOSERS)
        return stripped[-1] if stripped else ""


def _plain(text: str) -> str:
    return text.lower().translate(_ACCENT_FREE)


def _describe_all(text: str, spans: Sequence[tuple[int, int]]) -> list[_Line]:
    """A _Line per span, with blank-line context only where blank lines mean something.

    Some pastes separate every paragraph with an empty line; there an empty line says
    nothing. Others (copying from a browser) only leave empty lines around inserted
    elements such as links to other stories and photos; there it is a strong hint.
    """
    blank_gaps = [text.count("\n", end, next_start) >= 2 for (_, end), (next_start, _) in zip(spans, spans[1:])]
    informative = bool(blank_gaps) and sum(blank_gaps) * 2 < len(blank_gaps)
    lines = []
    for index, (start, end) in enumerate(spans):
        before = index > 0 and blank_gaps[index - 1]
        after = index < len(blank_gaps) and blank_gaps[index]
        block = text[start:end]
        lines.append(_Line(block, _plain(block), informative and before, informative and after))
    return lines


# --- Rules ---------------------------------------------------------------------------


def _is_boilerplate(line: _Line) -> bool:
    if len(line.text) > _BOILERPLATE_MAX_CHARS:
        return False
    if _BOILERPLATE_START.match(line.plain) or _BOILERPLATE_ANYWHERE.search(line.plain):
        return True
    # A date stamp of the page ("Actualizado el 3 de mayo, 10:30").
    return (
        len(line.text) <= 90
        and bool(_DATELINE_WORD.match(line.plain))
        and any(char.isdigit() for char in line.text)
        and line.last_mark != "."
    )


def _is_byline(text: str) -> bool:
    """ "Por" + a name of 2–6 words, then optional parts (role, place, date)."""
    if len(text) > _BYLINE_MAX_CHARS:
        return False
    start = _BYLINE_START.match(text)
    if not start:
        return False
    parts = _BYLINE_SEPARATORS.split(text[start.end() :].rstrip(". "))
    name = parts[0].split()
    capitalised = [word for word in name if word[:1].isupper()]
    if not 2 <= len(capitalised) <= 6 or len(capitalised) + sum(
        word.lower() in _NAME_CONNECTORS for word in name
    ) != len(name):
        return False
    for part in parts[1:]:
        for word in part.split():
            if not (word[:1].isupper() or word[:1].isdigit() or _plain(word).strip(".:") in _BYLINE_VOCABULARY):
                return False
    return True


def _is_credit(line: _Line) -> bool:
    if len(line.text) > _CREDIT_MAX_CHARS:
        return False
    return bool(
        _AGENCY_ONLY.fullmatch(line.plain)
        or _CREDIT.match(line.plain)
        or _NEWSROOM.fullmatch(line.text)
        or _is_byline(line.text)
    )


def _is_caption(line: _Line) -> bool:
    if len(line.text) > _CAPTION_MAX_CHARS:
        return False
    parenthesis = _CLOSING_PARENTHESIS.search(line.text)
    if parenthesis and parenthesis.start() > 0:
        inside = parenthesis.group(1).strip()
        plain_inside = _plain(inside)
        has_capital = any(char.isupper() for char in inside)
        if (
            ("/" in inside and has_capital)
            or _PHOTO_WORD_START.match(plain_inside)
            or _AGENCY_ONLY.fullmatch(plain_inside)
        ):
            return True
    return bool(_TRAILING_PHOTO_CREDIT.search(line.plain))


def _has_title_shape(line: _Line, text: str, span: tuple[int, int]) -> bool:
    """Short, capitalised, one sentence, no final period: the shape of any title."""
    if len(line.text) > _TITLE_MAX_CHARS or line.last_mark in _SENTENCE_END:
        return False
    if line.text[0].islower():
        return False
    return len(split_sentences(text, *span)) == 1


def _is_quotation_alone(line: _Line) -> bool:
    """«…» or “…” on a line of its own is something said in the article, not a link."""
    return line.text[0] in _OPENING_QUOTES and line.text[-1] in _CLOSERS


def _is_untitled_line(line: _Line, text: str, span: tuple[int, int]) -> bool:
    """A title-shaped line inside the article (after its title or first paragraph)."""
    return (
        len(line.text) <= _RELATED_MAX_CHARS
        and line.last_mark not in "?!"  # past the title, a question is a paragraph
        and not _is_quotation_alone(line)
        and _has_title_shape(line, text, span)
    )


def _untitled_line_kind(line: _Line) -> str:
    """Link to another story, section title of this one, or a paragraph without period?

    Links to other stories are full news titles: they carry an attribution (", dice
    X"), a "Topic: title" shape or a blank line around them, or at least they are long
    and, like titles, in the present tense. Section titles are a few words.
    """
    if _ATTRIBUTION_TAIL.search(line.plain) or _TOPIC_COLON.match(line.text):
        return "related_headline"
    if line.blank_before or line.blank_after:
        return "related_headline"
    if _PRETERITE.search(line.text):
        return "body"
    if line.words > _SECTION_TITLE_MAX_WORDS:
        return "related_headline"
    return "headline"


def classify_blocks(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """One kind from BLOCK_KINDS per block span of `text` (spans from split_blocks)."""
    kinds: list[str] = []
    body_seen = False  # before the first paragraph, title-shaped lines are the title
    for span, line in zip(spans, _describe_all(text, spans)):
        if _is_boilerplate(line):
            kind = "boilerplate"
        elif _is_credit(line):
            kind = "credit"
        elif _is_caption(line):
            kind = "caption"
        elif not body_seen and _has_title_shape(line, text, span):
            kind = "headline"  # the title, or a subtitle right under it
        elif body_seen and _is_untitled_line(line, text, span):
            kind = _untitled_line_kind(line)
        else:
            kind = "body"
        body_seen = body_seen or kind == "body"
        kinds.append(kind)
    return kinds
