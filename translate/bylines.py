"""Who wrote the article: byline lines, and the authors' names in them.

- `byline_wording(text)`: a line that says it is a byline — "Por María López",
  "por Ana Ruiz 4 mayo, 2022", "Publicado por …", "Escrito por …", "La información es de …",
  "Autor:", "Autora: …", "Redacción", "Redacción Internacional", an e-mail address or a
  social handle alone.
- `name_shaped(text)`: the name finder's shape of a name (bitexto.translate.spanish.names),
  once any date and trailing "| …" part is set aside: what a bare byline looks like. Whether
  it is a person's name is asked of the language layer (translate.language) by the
  caller, which sees the page's context.
- `authors_of(text)`: the names in a byline line, without "Por", dates and roles.
"""

from __future__ import annotations

import re

from bitexto.translate.spanish.dates import strip_dates
from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.names import is_name_shaped, particles

_BY = (r"(?:por|escrito por|publicado por|redactado por|elaborado por|texto de|textos de|"
       r"la informaci[oó]n es de|informaci[oó]n de|reportaje de|una nota de|by)")
_BY_START = re.compile(rf"{_BY}\s*:?\s+", re.IGNORECASE)
_AUTHOR_LABEL = re.compile(r"(?:autor|autora|autores|autoras|author|firma|periodista|redactor|redactora)\s*:\s*", re.IGNORECASE)
_AUTHOR_LABEL_ALONE = re.compile(r"(?:autor|autora|autores|autoras|author|por)\s*:?\s*", re.IGNORECASE)
# "Redacción", "Redacción Internacional", "REDACCIÓN BBC News Mundo": the newsroom signs.
_NEWSROOM = re.compile(r"(?:Redacción|REDACCIÓN|Redaccion|REDACCION)(?:\s+[A-ZÁÉÍÓÚÑ][\w.]*){0,4}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]", re.IGNORECASE)
_HANDLE = re.compile(r"@\w{2,30}")
_SEPARATORS = re.compile(r"\s*[,|/·•\u2013\u2014]\s*|\s+-\s+|\s+y\s+|\s+e\s+")
_ROLE_WORDS = frozenset(
    """corresponsal corresponsales enviado enviada enviados especial especiales redactor redactora
    periodista periodistas editor editora editores reportero reportera jefe jefa seccion
    internacional nacional colaborador colaboradora fotografo fotografa desde en""".split()
)
_MAX_BYLINE_CHARS = 140


def byline_wording(text: str) -> bool:
    if len(text) > _MAX_BYLINE_CHARS:
        return False
    stripped = text.strip()
    if _EMAIL.fullmatch(stripped) or _HANDLE.fullmatch(stripped) or _AUTHOR_LABEL_ALONE.fullmatch(stripped):
        return True
    if _NEWSROOM.fullmatch(stripped):
        return True
    if _AUTHOR_LABEL.match(stripped):
        return bool(authors_of(stripped))
    if _BY_START.match(stripped):
        # "Por un lado, …", "Por Semana Santa, miles de…" open paragraphs: after "Por" a
        # byline has a name, and then only roles, places and dates.
        return name_shaped(stripped) and _only_roles_after_name(stripped) and bool(authors_of(stripped))
    return False


def _only_roles_after_name(text: str) -> bool:
    rest = text.strip()[len(_BY_START.match(text.strip()).group(0)):]
    rest = rest[len(_name_part(rest)):]
    for word in re.findall(r"[^\W\d_]+", strip_dates(rest)):
        if word not in _ROLE_WORDS and word not in particles() and not _capitalised_in(text, word):
            return False
    return True


def _capitalised_in(text: str, plain_word: str) -> bool:
    return any(fold(token) == plain_word and token[:1].isupper() for token in re.findall(r"\w+", text))


def is_desk(text: str) -> bool:
    """ "Redacción", "Redacción Internacional": the newsroom, not a person."""
    return bool(_NEWSROOM.fullmatch(text.strip()))


def name_shaped(text: str) -> bool:
    """The name part of the line (translate.bylines.name_part) has the shape of a name."""
    return is_name_shaped(_name_part(text))


def name_part(text: str) -> str:
    """The part of a byline line that should hold the name(s)."""
    return _name_part(text)


def _name_part(text: str) -> str:
    body = _BY_START.sub("", text.strip(), count=1)
    body = _AUTHOR_LABEL.sub("", body, count=1)
    # Dates glued or appended to the name ("Ariel Melgar 3/5/2022 22:41", "| Publicado hace 3 horas").
    body = re.split(r"\s*[|•·,]\s*|\s+-\s+|\s\d|\d{1,2}\s+de\s|\s(?:hace|publicado|actualizado)\b", body, maxsplit=1)[0]
    return body.strip(" ,.;:")


def authors_of(text: str) -> list[str]:
    """Names in a byline line: "Por Ana Ruiz y Luis Gil, corresponsales" → ["Ana Ruiz", "Luis Gil"]."""
    stripped = text.strip()
    if _EMAIL.fullmatch(stripped) or _HANDLE.fullmatch(stripped):
        return []
    body = _BY_START.sub("", stripped, count=1)
    body = _AUTHOR_LABEL.sub("", body, count=1)
    # The date that may follow the names ("Ana Gil 4 mayo, 2022", "Luis Gil 3/5/2022 22:41").
    body = re.split(r"\s*\|\s*|\s+-\s+|\s(?=\d)|\s(?:hace|publicado|actualizado)\b", body, maxsplit=1)[0]
    names = []
    for part in _SEPARATORS.split(body):
        part = part.strip(" ;:")
        if not re.search(r"\b\w\.$", part):  # keep the period of a final initial ("Ana Gil E.")
            part = part.rstrip(".")
        words = part.split()
        if not words or not strip_dates(part) or any(char.isdigit() for char in part):
            continue
        if _AUTHOR_LABEL_ALONE.fullmatch(part):  # a lead-in printed in its own element ("Por")
            continue
        if all(word.lower() in _ROLE_WORDS or word.lower() in particles() for word in words):
            continue
        if words[0][:1].isupper() and not _NEWSROOM.fullmatch(part):
            names.append(part)
    return names
