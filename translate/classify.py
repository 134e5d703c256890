"""Tell the article's own blocks from the page furniture pasted along with it.

`classify_blocks(text, spans, hints=None)` gives each block (a trimmed line, see
translate.segment.split_blocks) one kind from translate.document.BLOCK_KINDS. This module
holds the rules on one line; translate.page_context reads the page as a whole (header,
boxes of links, footer) and decides what a line alone cannot:

- boilerplate: buttons and widgets, the site's promos, box labels, tags, section names
  (wording in translate.furniture; position in translate.page_context).
- byline: who wrote it — "Por María López", "Autor:", "Redacción", an e-mail or handle,
  a bare person's name near the top (translate.bylines, translate.language).
- dateline: a line that is only a date stamp of the article (translate.page_dates).
- credit: agency or authorship lines ("Associated Press contribuyó a este informe.",
  "Con información de EFE.", "(EFE)", "Foto: …", "— Ana Gil (@anagil) May 5, 2024").
- caption: a photo caption, i.e. a line ending in a photo credit: a parenthesis with a
  slash, a photo/agency word or a photographer's name ("(Getty Images)", "(Foto: AP)",
  "(AFP/Archivo)"), or a trailing "Foto: …", ". Archivo.", "| AGENCIA".
- headline: the title (and a kicker that says what it says), and short title-shaped
  lines inside the article (section titles, ≤ 7 words).
- related_headline: a link to another story: a lead-in ("Lea también: …"), brackets, the
  items of a box of links, or inside the text a trailing attribution (", dice X") or, in
  pastes that do not separate every paragraph with one, a blank line around it.
- body: everything else. When unsure, the article's text wins.

The rules are shapes of Spanish news pages in general; nothing refers to a particular
outlet, section or story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from bitexto.translate import bylines, furniture
from bitexto.translate.spanish.dates import date_stamp
from bitexto.translate.segment import split_sentences
from bitexto.translate.spanish.fold import fold

# --- Wording -------------------------------------------------------------------------
# Wording rules match `_Line.plain`: the line lowercased with accents removed (see
# bitexto.translate.spanish.fold). The furniture vocabulary lives in translate.furniture,
# bylines in translate.bylines, date stamps in translate.page_dates.

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
# "… en Guatemala. Archivo.", "… Premier League | AGENCIA", "… Bolivia/Captura de pantalla":
# a caption ending in its source after a period, a bar or a slash.
_TRAILING_SOURCE = re.compile(
    r"(?:[.|]\s+|/)(?:(?i:archivo|captura de pantalla|captura|cortesia|cortesía)|[A-ZÁÉÍÓÚÑ]{3,}(?: [A-ZÁÉÍÓÚÑ]{2,})?"
    r"|[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?: [A-ZÁÉÍÓÚ][\wáéíóúñ]+)* \| [\w |]+)\.?$"
)
# "… a la presidencia. (Teresa Gómez Ruiz)": a photographer's name closing the line.
_CLOSING_NAME = re.compile(r"\((?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)(?: (?:de |del |la )?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){1,3}\)$")
# "… la conmemoración. Autor: Ana Gil Publicado: 27/04/2022": the picture's credit inside the caption.
_INNER_PHOTO_CREDIT = re.compile(r"[.!?]\s+(?:autor|autora|foto|fotos|fotografia|imagen)\s*:\s*\S.{0,80}$")
# "— Ana Gil (@anagil) May 5, 2022": the attribution line of an embedded post.
_EMBED_ATTRIBUTION = re.compile(r"[—–-]\s*[^()]{2,80}\(@\w+\)\s*.{0,30}\d{4}")
# A line that is only a picture credit: "Foto: …", "Ilustración: …", "Imágenes capturadas de video".
_PHOTO_LINE = re.compile(
    r"(?:fotos?|fotografias?|imagen(?:es)?|ilustracion(?:es)?|infografia|video|captura(?: de pantalla)?|cortesia|archivo)"
    r"(?:\s*:|\s+(?:de|por|capturadas?|tomadas?|cortesia)\b|\s*\)?\s*\.?$)"
)

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
class Line:
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


def describe_lines(text: str, spans: Sequence[tuple[int, int]]) -> list[Line]:
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
        lines.append(Line(block, fold(block), informative and before, informative and after))
    return lines


# --- Rules on one line ----------------------------------------------------------------
# Each says what a line is from its own wording and shape; translate.page_context then
# decides the lines these leave open with the page around them.

BOX_LABEL = "box_label"  # a boilerplate line that titles a box of links (see page_context)


def furniture_kind(line: Line) -> str | None:
    """The kind a line's own wording gives it, or None when only its context can tell.

    Returns a BLOCK_KINDS name, or BOX_LABEL for the title of a box of links.
    """
    text, plain_line = line.text, line.plain
    if furniture.is_widget(plain_line, text) or furniture.glued_tag_label(text) or furniture.tag_row(text):
        return "boilerplate"
    if furniture.box_label(plain_line):
        return BOX_LABEL
    if furniture.is_promo(plain_line):
        return "boilerplate"
    if bylines.byline_wording(text):
        return "byline"
    if furniture.related_lead_in(plain_line, text):
        return "related_headline"
    if date_stamp(text):
        # "Ana Ruiz | Publicado hace 3 horas" is a byline with its date: translate.page_context
        # asks the language layer whether the words before the date are a person's name.
        return "dateline"
    if _is_credit(line):
        return "credit"
    if _is_caption(line):
        return "caption"
    return None


def is_photo_credit(line: Line) -> bool:
    """A line that only credits a picture: "Foto: Archivo", "(EFE)", "Imágenes de video"."""
    return len(line.text) <= 80 and bool(_PHOTO_LINE.match(line.plain.lstrip("(.[ ")))


def _is_credit(line: Line) -> bool:
    if len(line.text) > _CREDIT_MAX_CHARS:
        return False
    return bool(
        _AGENCY_ONLY.fullmatch(line.plain)
        or _CREDIT.match(line.plain)
        or _NEWSROOM.fullmatch(line.text)
        or _EMBED_ATTRIBUTION.fullmatch(line.text)
        or (len(line.text) <= 80 and _PHOTO_LINE.match(line.plain.lstrip("(.[ ")))
    )


def _is_caption(line: Line) -> bool:
    if len(line.text) > _CAPTION_MAX_CHARS:
        return False
    parenthesis = _CLOSING_PARENTHESIS.search(line.text)
    if parenthesis and parenthesis.start() > 0:
        inside = parenthesis.group(1).strip()
        plain_inside = fold(inside)
        has_capital = any(char.isupper() for char in inside)
        if (
            ("/" in inside and has_capital)
            or _PHOTO_WORD_START.match(plain_inside)
            or _AGENCY_ONLY.fullmatch(plain_inside)
            # "(FUENTE EXTERNA)": a source in capitals; one word ("(FSLN)") is an acronym.
            or (inside.isupper() and 2 <= len(inside.split()) <= 4)
        ):
            return True
    if _TRAILING_SOURCE.search(line.text) and line.words >= 4:
        return True
    if line.words >= 8 and (_CLOSING_NAME.search(line.text) or _INNER_PHOTO_CREDIT.search(line.plain)):
        return True
    return bool(_TRAILING_PHOTO_CREDIT.search(line.plain))


def has_title_shape(line: Line, text: str, span: tuple[int, int]) -> bool:
    """Short, capitalised, one sentence, no final period: the shape of any title."""
    if len(line.text) > _TITLE_MAX_CHARS or line.last_mark in _SENTENCE_END:
        return False
    if line.text[0].islower():
        return False
    return len(split_sentences(text, *span)) == 1


def _is_quotation_alone(line: Line) -> bool:
    """«…» or “…” on a line of its own is something said in the article, not a link."""
    return line.text[0] in _OPENING_QUOTES and line.text[-1] in _CLOSERS


def is_untitled_line(line: Line, text: str, span: tuple[int, int]) -> bool:
    """A title-shaped line inside the article (after its title or first paragraph)."""
    return (
        len(line.text) <= _RELATED_MAX_CHARS
        and line.last_mark not in "?!"  # past the title, a question is a paragraph
        and not _is_quotation_alone(line)
        and has_title_shape(line, text, span)
    )


def untitled_line_kind(line: Line) -> str:
    """Link to another story, section title of this one, or a paragraph without period?

    A lone title-shaped line inside the text is a subhead unless something marks it as a
    link: a trailing attribution (", dice X", the shape of a news title) or, in pastes
    that do not separate every paragraph with one, a blank line around it. Length alone
    and a "Topic: title" shape are no such sign: subheads take both shapes as often, and
    when unsure the article's text wins.
    """
    if _ATTRIBUTION_TAIL.search(line.plain):
        return "related_headline"
    if line.blank_before or line.blank_after:
        return "related_headline"
    if _PRETERITE.search(line.text):
        return "body"
    if line.words > _SECTION_TITLE_MAX_WORDS:
        return "body"
    return "headline"
