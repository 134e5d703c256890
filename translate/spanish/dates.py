"""Dates and times as news pages print them, in Spanish (and the odd English "May 5, 2022").

`date_stamp(text)` tells whether a line is nothing but a date stamp — "3 de mayo de 2022
21:25", "Publicado: Miércoles 27 abril 2022 | 02:26:59 am.", "Santo Domingo - abr. 22,
2022 | 12:01 a. m. | 9 min de lectura", "26.04.2022", "Publicado hace 3 horas" — and
`strip_dates(text)` removes the date and time expressions of a line (a byline followed
by its date). `parse_date(text)` reads the first date of a line into ISO 8601.

Pages often glue a date to its neighbours ("3 de mayo de 202221:25LA NACION", "27 abril,
202226 abril, 2022"): the patterns therefore do not insist on word boundaries between a
year and what follows.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold

_MONTHS = {name: int(number) for name, number in lexicon.mapping("months").items()}
# Longest first, so "mayo" is tried before "may".
_MONTH = lexicon.alternation("months") + r"\.?"
_YEAR = r"(?:19|20)\d\d"

# All patterns run on folded text (bitexto.translate.spanish.fold).
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\s*de)?\s+({_MONTH})(?:\s*,?\s*(?:de |del )?\s*({_YEAR}))?(?![a-z])")
_MONTH_DAY_YEAR = re.compile(rf"(?<![a-z])({_MONTH})\s+(\d{{1,2}}),?\s*({_YEAR})")
_NUMERIC_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})[/.-](\d{{1,2}})[/.-]({_YEAR}|\d\d)(?!\d)")
_ISO_DATE = re.compile(rf"(?<!\d)({_YEAR})-(\d\d)-(\d\d)")
_TIME = re.compile(r"\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?\s*m\.?|h(?:rs?|oras)?\b|hs\b)?|(?<!\d)\d{1,2}\s*[ap]\.\s*m\.")
_RELATIVE = re.compile(rf"\b{lexicon.alternation('relative_dates')}\b")
_READING_TIME = re.compile(rf"\b{lexicon.alternation('reading_time')}\b")
_DATE_WORDS = re.compile(rf"\b{lexicon.alternation('date_stamp_words')}\b|\bam\b|\bpm\b")
_YEAR_ALONE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_LEFTOVER_PUNCTUATION = re.compile(r"[\s|,.:;/·•\-–—()\[\]]+")
# A date stamp may keep a place or the site's name beside the date: a few words.
_MAX_LEFTOVER_WORDS = 3
_MAX_STAMP_CHARS = 120


def _date_spans(plain_text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC_DATE, _ISO_DATE, _RELATIVE):
        spans.extend(match.span() for match in pattern.finditer(plain_text))
    return spans


def has_date(text: str) -> bool:
    """The line names a day (a calendar date or "hace 3 horas"), not only a time."""
    return bool(_date_spans(fold(text)))


def strip_dates(text: str) -> str:
    """`text` without its dates, times, reading times and date words (same length rules
    as fold(): the result is lowercased and accent-free)."""
    cleaned = fold(text)
    for start, end in sorted(_date_spans(cleaned), reverse=True):
        cleaned = cleaned[:start] + " " + cleaned[end:]
    for pattern in (_TIME, _READING_TIME, _YEAR_ALONE, _DATE_WORDS):
        cleaned = pattern.sub(" ", cleaned)
    return " ".join(_LEFTOVER_PUNCTUATION.sub(" ", cleaned).split())


def date_stamp(text: str) -> bool:
    """The line is a date stamp: a date (or time of day with a date word), and at most a
    place or a site name besides."""
    if len(text) > _MAX_STAMP_CHARS:
        return False
    plain_text = fold(text)
    # A day without a year ("14 de marzo a 13 de mayo") is as often a table cell or a list
    # item of the article; a stamp carries the year, the time of day or "hace …".
    has_year = bool(_YEAR_ALONE.search(plain_text))
    has_time = bool(_TIME.search(plain_text))
    dated = (bool(_date_spans(plain_text)) and (has_year or has_time)) or bool(_RELATIVE.search(plain_text)) or (
        has_time and bool(re.search(r"publicad|actualizad|updated", plain_text))
    )
    if not dated:
        return False
    return len(strip_dates(text).split()) <= _MAX_LEFTOVER_WORDS


def parse_date(text: str) -> str | None:
    """ISO 8601 of the first full date in `text` (with the time of day when one follows
    it), or None when no date with a year is readable."""
    plain_text = fold(text)
    found: list[tuple[int, date, int]] = []  # (position, date, end)
    for match in _DAY_MONTH_YEAR.finditer(plain_text):
        if match.group(3):
            found.append((match.start(), _safe_date(match.group(3), _MONTHS[match.group(2).rstrip(".")], match.group(1)), match.end()))
    for match in _MONTH_DAY_YEAR.finditer(plain_text):
        found.append((match.start(), _safe_date(match.group(3), _MONTHS[match.group(1).rstrip(".")], match.group(2)), match.end()))
    for match in _NUMERIC_DATE.finditer(plain_text):
        year = match.group(3) if len(match.group(3)) == 4 else "20" + match.group(3)
        found.append((match.start(), _safe_date(year, int(match.group(2)), match.group(1)), match.end()))
    for match in _ISO_DATE.finditer(plain_text):
        found.append((match.start(), _safe_date(match.group(1), int(match.group(2)), match.group(3)), match.end()))
    found = [item for item in found if item[1] is not None]
    if not found:
        return None
    _, day, end = min(found, key=lambda item: item[0])
    time_match = _TIME.search(plain_text, end)
    if time_match and time_match.start() - end <= 12:
        moment = _clock(time_match.group(0))
        if moment:
            return datetime(day.year, day.month, day.day, *moment).isoformat(timespec="minutes")
    return day.isoformat()


def _safe_date(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _clock(text: str) -> tuple[int, int] | None:
    match = re.match(r"(\d{1,2})(?:[:.](\d\d))?", text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    squeezed = text.replace(" ", "").replace(".", "")
    if "pm" in squeezed and hour < 12:
        hour += 12
    elif "am" in squeezed and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute
