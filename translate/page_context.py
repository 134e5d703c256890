"""Decide each line of a pasted page with the page around it.

translate.classify settles the lines whose own wording says what they are (buttons,
promos, box labels, bylines, date stamps, credits, captions). The rest are read in the
order a news page lays them out:

1. The header, before the first paragraph: section names and breadcrumbs, an optional
   kicker, the title, the standfirst. The title is the first title-shaped line of four
   words or more; short lines above it are section names unless they are quoted or say
   nothing the title does not (a kicker such as "FAO" over "…, advierte la FAO").
2. Between the standfirst and the last byline, date stamp, share button or photo
   credit of the header lies furniture only (tags, captions, author names): the
   article starts after it. This is not applied when three paragraphs lie in between.
3. A line that is only a person's name (the language layer's PER entity) near the top
   is a byline; a line repeating a byline later is the author card.
4. After a box label ("Te puede interesar", "Temas", "Lea también") come the box's
   items: titles of other stories, tags, their kickers, authors and dates, up to the next
   paragraph. A short last item right before a paragraph is the article's own subhead.
5. After the last paragraph of the article everything is furniture, except the rest of
   a list the last paragraph introduces ("Argentina: ESPN y Star+").
6. Inside the article, lines nothing marks as furniture stay content: subheads, lists,
   tables, questions. When unsure, content wins.

HTML hints (translate.html_fragment) come first where given: markup such as <nav>,
<figcaption>, <time> or rel="author" is not guesswork.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from bitexto.translate import bylines
from bitexto.translate.classify import (
    BOX_LABEL,
    describe_lines,
    Line,
    furniture_kind,
    has_title_shape,
    is_photo_credit,
    is_untitled_line,
    untitled_line_kind,
)
from bitexto.translate.errors import LanguageModelMissing
from bitexto.translate.html_fragment import TITLE_HINT
from bitexto.translate.spanish.parse import analyse_spans
from bitexto.translate.spanish.dates import date_stamp
from bitexto.translate.text_shapes import ends_sentence, glued_link_count

_HEADER_FURNITURE = frozenset({"byline", "dateline", "credit", "caption"})
_HEADLINE_MIN_WORDS = 4
_STANDFIRST_MIN_WORDS = 8
_KICKER_MAX_WORDS = 5
_SANDWICH_MAX_PARAGRAPHS = 2
# The header's furniture sits within this many lines under the title.
_HEADER_WINDOW = 12
_LONG_PARAGRAPH_WORDS = 40
_SUBHEAD_MAX_WORDS = 7
_BIO_START = re.compile(
    r"(?:graduad[oa]|licenciad[oa]|egresad[oa]|periodista|es periodista|comunicador|comunicadora|reporter[oa]|"
    r"editor|editora|redactor|redactora|corresponsal|escritor|escritora|columnista|doctor|doctora|magister)\b"
)
# "Argentina: ESPN y Star+": a short label, a colon, the item (not a quotation).
_LIST_ITEM = re.compile(r"(?:\S+ ?){1,4}:\s+[^«“\"'‘\s].{3,}")
_TAG_LABEL = re.compile(r"(?:temas|tags|etiquetas|palabras clave|claves|archivado en|categorias?|temas en esta nota|temas relacionados)\b")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageReading:
    kinds: list[str]
    title: int | None  # index of the line taken for the article's title


def classify_page(
    text: str, spans: Sequence[tuple[int, int]], lines: list[Line], hints: Sequence[str | None] | None = None
) -> PageReading:
    count = len(lines)
    if not count:
        return PageReading([], None)
    kinds: list[str | None] = [None] * count
    box = [False] * count
    hinted_title = None
    for index, line in enumerate(lines):
        hint = hints[index] if hints else None
        wording = furniture_kind(line)
        kind = hint or wording
        if hint == TITLE_HINT:
            kind = "headline"
            hinted_title = index if hinted_title is None else hinted_title
        elif hint == "caption" and wording == "credit":
            kind = "credit"  # a caption element holding nothing but the credit
        if wording == BOX_LABEL:
            box[index] = True
        if kind == BOX_LABEL:
            kind = "boilerplate"
        elif kind == "boilerplate" and hint is None and _TAG_LABEL.match(line.plain):
            box[index] = True
        kinds[index] = kind

    titled = [kinds[i] is None and has_title_shape(lines[i], text, spans[i]) for i in range(count)]
    # Short lines ("respuestas", "in Noticias") are labels, not the article's first paragraph.
    first_paragraph = next((i for i in range(count) if kinds[i] is None and not titled[i]
                            and (lines[i].words > _KICKER_MAX_WORDS or ends_sentence(lines[i].text))), count)
    headline = _mark_header(lines, kinds, titled, first_paragraph, hinted_title)
    body_start = _mark_header_furniture(lines, kinds, titled, headline, first_paragraph)
    _mark_person_lines(text, spans, lines, kinds, body_start)
    cards = _mark_author_cards(lines, kinds)
    _mark_header_links(lines, kinds, titled, body_start)
    last_paragraph = _last_paragraph(lines, kinds, body_start)
    _mark_boxes(lines, kinds, box, titled, cards)
    _mark_footer(lines, kinds, titled, last_paragraph)
    _mark_body(text, spans, lines, kinds)
    _mark_captions_before_credits(lines, kinds)
    title = headline if headline is not None and kinds[headline] == "headline" else None
    return PageReading([kind or "body" for kind in kinds], title)


# --- 1. header -------------------------------------------------------------------------


def _mark_header(lines: list[Line], kinds: list, titled: list[bool], first_paragraph: int,
                 hinted_title: int | None = None) -> int | None:
    """Title, kicker and section names before the first paragraph; the title's index."""
    candidates = [i for i in range(first_paragraph) if titled[i] and not _looks_like_links(lines[i])]
    if hinted_title is not None:  # an <h1>: the markup names the title
        headline = hinted_title
        candidates = [i for i in range(hinted_title) if titled[i] and not _looks_like_links(lines[i])]
        first_paragraph = max(first_paragraph, hinted_title)
    elif not candidates:
        return None
    else:
        long_enough = [i for i in candidates if lines[i].words >= _HEADLINE_MIN_WORDS]
        headline = long_enough[0] if long_enough else candidates[0]
        # A short line followed by a date or a byline and then a longer title is a section name.
        if len(long_enough) > 1 and lines[headline].words <= _HEADLINE_MIN_WORDS and kinds[headline + 1] is not None:
            headline = long_enough[1]
    kinds[headline] = "headline"
    headline_words = _content_words(lines[headline].text)
    for i in candidates:
        if i < headline:
            line = lines[i]
            is_kicker = line.words > _KICKER_MAX_WORDS or _is_quoted(line.text) or (
                i == headline - 1  # a kicker touches its title
                and bool(_content_words(line.text))
                and _content_words(line.text) <= headline_words
            )
            kinds[i] = "headline" if is_kicker else "boilerplate"
    for i in range(first_paragraph):
        if kinds[i] is None and (_looks_like_links(lines[i]) or (i < headline and lines[i].words <= _KICKER_MAX_WORDS)):
            kinds[i] = "boilerplate"
    return headline


def _looks_like_links(line: Line) -> bool:
    """ "InicioMundoUcrania…", "Cámara de DiputadosFrente de Todos": links run together."""
    return glued_link_count(line.text) >= 2 and not ends_sentence(line.text)


def _content_words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text) if len(word) > 3 or word.isupper()}


def _is_quoted(text: str) -> bool:
    return text[:1] in "«“\"'‘" and text.rstrip()[-1:] in "»”\"'’"


# --- 2. the header's furniture ---------------------------------------------------------


def _mark_header_furniture(lines: list[Line], kinds: list, titled: list[bool], headline: int | None,
                           first_paragraph: int) -> int:
    """Furniture between the standfirst and the header's last byline/date/credit; returns
    the index where the article's text starts."""
    start = 0 if headline is None else headline + 1
    top_limit = _top_limit(lines, kinds, start)
    standfirst = next((i for i in range(start, len(lines)) if kinds[i] is None), None)
    if standfirst is not None and standfirst <= top_limit and lines[standfirst].words >= _STANDFIRST_MIN_WORDS:
        kinds[standfirst] = "body"
    else:
        standfirst = None
    window_end = min(top_limit, start + _HEADER_WINDOW)
    furniture_at = [i for i in range(start, window_end) if kinds[i] in _HEADER_FURNITURE
                    or (kinds[i] == "boilerplate" and lines[i].words <= 6)]
    if not furniture_at:
        return start if standfirst is None else standfirst + 1
    last = furniture_at[-1]
    between = [i for i in range(start, last) if kinds[i] is None]
    # Captions are the only sentences a header holds, and rarely more than two.
    textual = sum(1 for i in between if _is_statement(lines[i]) or (lines[i].words >= 12 and not titled[i]))
    if textual > _SANDWICH_MAX_PARAGRAPHS:
        return start if standfirst is None else standfirst + 1
    for i in between:
        kinds[i] = _header_item_kind(lines[i])
    return last + 1


def _top_limit(lines: list[Line], kinds: list, start: int) -> int:
    """Where the article's run of paragraphs begins: two open paragraphs in a row, or
    one long one."""
    open_lines = [i for i in range(start, len(lines)) if kinds[i] is None]
    for position, i in enumerate(open_lines):
        if not _is_statement(lines[i]):
            continue
        if lines[i].words >= _LONG_PARAGRAPH_WORDS:
            return i
        following = open_lines[position + 1] if position + 1 < len(open_lines) else None
        if following is not None and _is_statement(lines[following]):
            return i
    return len(lines)


def _is_paragraph(line: Line) -> bool:
    return (ends_sentence(line.text) and line.last_mark not in ":" and line.words >= 6) or line.words >= 30


def _is_statement(line: Line) -> bool:
    """A paragraph that states rather than asks: titles of other stories are often questions."""
    return _is_paragraph(line) and line.last_mark not in "?!"


def _header_item_kind(line: Line) -> str:
    if line.words >= 8 and ends_sentence(line.text):
        return "caption"
    if date_stamp(line.text):
        return "dateline"
    return "boilerplate"


# --- 3. bylines by name ------------------------------------------------------------------


def _mark_person_lines(text: str, spans: Sequence[tuple[int, int]], lines: list[Line], kinds: list,
                       body_start: int) -> None:
    """Lines near the top that are only a person's name (or a handle next to a byline)."""
    window = range(0, min(len(lines), body_start + 1))
    # A bare line must be the name and nothing else ("Ana Gil", not "Ana Gil, la ministra…");
    # a date stamp may carry the name before its date ("Ana Gil | Publicado hace 3 horas").
    candidates = [i for i in window if bylines.name_shaped(lines[i].text) and not lines[i].text.isupper() and (
        kinds[i] == "dateline" or (kinds[i] in (None, "boilerplate")
                                   and bylines.name_part(lines[i].text) == lines[i].text.strip(" .,;:")))]
    for i in _people(text, spans, lines, candidates):
        kinds[i] = "byline"
    for i in window:
        line = lines[i]
        beside_byline = (i > 0 and kinds[i - 1] == "byline") or (i + 1 < len(lines) and kinds[i + 1] == "byline")
        if kinds[i] in (None, "boilerplate") and beside_byline and line.text.isalnum() and line.text.islower():
            kinds[i] = "byline"  # a social handle printed without its "@"


def _people(text: str, spans: Sequence[tuple[int, int]], lines: list[Line], candidates: list[int]) -> list[int]:
    """Candidates whose name part the language layer reads as a person (PER entity)."""
    if not candidates:
        return []
    parts = []
    for i in candidates:
        start, _ = spans[i]
        name = bylines.name_part(lines[i].text)
        offset = lines[i].text.find(name)
        parts.append((start + max(offset, 0), start + max(offset, 0) + len(name)))
    try:
        analysis = analyse_spans(text, parts)
    except LanguageModelMissing:
        return []
    found = []
    for i, (start, end) in zip(candidates, parts):
        persons = [e for e in analysis.entities_in(start, end) if e.label == "PER"]
        covered = sum(e.end - e.start for e in persons)
        if covered >= 0.6 * (end - start):
            found.append(i)
    return found


def _mark_author_cards(lines: list[Line], kinds: list) -> set[int]:
    """A later line repeating a byline is the author card; a biography may follow it."""
    seen = {lines[i].text for i in range(len(lines)) if kinds[i] == "byline"}
    seen |= {name for text in list(seen) for name in bylines.authors_of(text)}
    cards = set()
    for i, line in enumerate(lines):
        if kinds[i] in (None, "boilerplate") and line.text in seen:
            kinds[i] = "byline"
            cards.add(i)
            following = i + 1
            if following < len(lines) and kinds[following] is None and _BIO_START.match(lines[following].plain):
                kinds[following] = "byline"
                cards.add(following)
    return cards


def _mark_header_links(lines: list[Line], kinds: list, titled: list[bool], body_start: int) -> None:
    """Two or more titles in a row where the text should start are links to other stories."""
    run = []
    for i in range(body_start, len(lines)):
        if kinds[i] is None and titled[i] and lines[i].words >= _HEADLINE_MIN_WORDS + 1:
            run.append(i)
        else:
            break
    if len(run) >= 2:
        for i in run:
            kinds[i] = "related_headline"


# --- 4. boxes of links ---------------------------------------------------------------------


def _mark_boxes(lines: list[Line], kinds: list, box: list[bool], titled: list[bool], cards: set[int]) -> None:
    for label in [i for i in range(len(lines)) if box[i]]:
        items = []
        i = label + 1
        while i < len(lines) and kinds[i] in (None, "dateline", "byline", "boilerplate") and not box[i] and i not in cards:
            line = lines[i]
            if kinds[i] is None and _ends_box(line, items, kinds):
                break
            items.append(i)
            i += 1
        reaches_paragraph = i < len(lines) and kinds[i] is None
        open_items = [j for j in items if kinds[j] is None]
        for j in items:
            if kinds[j] in ("dateline", "byline"):
                kinds[j] = "boilerplate"  # the date and author of another story
            elif kinds[j] is None:
                kinds[j] = "related_headline" if lines[j].words >= 4 and titled[j] else "boilerplate"
        # A short last line right before the text goes on is the article's subhead.
        if reaches_paragraph and len(open_items) >= 2 and open_items[-1] == items[-1]:
            last = open_items[-1]
            if lines[last].words <= _SUBHEAD_MAX_WORDS and titled[last]:
                kinds[last] = "headline"


def _ends_box(line: Line, items: list[int], kinds: list) -> bool:
    """A paragraph ends a box; so does a question, unless it follows another story's title
    (titles are often questions; an interview question starts with a dash)."""
    if _is_statement(line):
        return True
    if line.last_mark == "?":
        after_title = bool(items) and kinds[items[-1]] is None
        return line.text[:1] in "—–-" or not after_title
    return False


# --- 5. after the article ---------------------------------------------------------------------


def _last_paragraph(lines: list[Line], kinds: list, body_start: int) -> int | None:
    found = None
    for i in range(body_start, len(lines)):
        if kinds[i] in (None, "body") and _is_statement(lines[i]):
            found = i
    return found


def _mark_footer(lines: list[Line], kinds: list, titled: list[bool], last_paragraph: int | None) -> None:
    if last_paragraph is None:
        return
    i = last_paragraph + 1
    # The rest of a list that the last paragraph introduces.
    while i < len(lines) and kinds[i] is None and _LIST_ITEM.fullmatch(lines[i].text):
        i += 1
    for j in range(i, len(lines)):
        if kinds[j] is None:
            kinds[j] = "related_headline" if titled[j] and lines[j].words >= 4 else "boilerplate"
        elif kinds[j] == "dateline":
            kinds[j] = "boilerplate"


# --- 6. inside the article --------------------------------------------------------------------


def _mark_body(text: str, spans: Sequence[tuple[int, int]], lines: list[Line], kinds: list) -> None:
    for i, line in enumerate(lines):
        if kinds[i] is None:
            kinds[i] = untitled_line_kind(line) if is_untitled_line(line, text, spans[i]) else "body"


def _mark_captions_before_credits(lines: list[Line], kinds: list) -> None:
    """A photo credit on its own line closes the caption printed right above it."""
    for i in range(1, len(lines)):
        if kinds[i] == "credit" and is_photo_credit(lines[i]) and kinds[i - 1] == "body" and lines[i - 1].words <= 40:
            kinds[i - 1] = "caption"


def classify_blocks(
    text: str, spans: Sequence[tuple[int, int]], hints: Sequence[str | None] | None = None
) -> list[str]:
    """One kind from BLOCK_KINDS per block span of `text` (spans from split_blocks).

    `hints` (one per span, or None) are what an HTML source said about each line
    (translate.html_fragment): they settle lines whose markup is unambiguous.
    """
    return read_page(text, spans, hints).kinds


def read_page(text: str, spans: Sequence[tuple[int, int]], hints: Sequence[str | None] | None = None):
    """The page's kinds and which line is its title (PageReading)."""
    return classify_page(text, spans, describe_lines(text, spans), hints)
