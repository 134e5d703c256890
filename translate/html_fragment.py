"""An HTML fragment (a reader's selection, or a saved page) → lines, hints and metadata.

A browser puts the selection on the clipboard as HTML (`<html><body><!--StartFragment-->…
<!--EndFragment--></body></html>`). `read_html(html)` turns it into what the reader
would have pasted as plain text — one line per block element, line breaks at <br> and
images, inline elements (links, spans, <time>…) running on, whitespace collapsed — and
skips what a reader cannot see or copy: scripts, styles, SVG, frames, video and audio,
form controls and buttons, <nav>, <footer>, <head>, and hidden elements.

A selection is the reader's choice: every paragraph is kept (trafilatura, tuned to find
the article in a whole page, drops lines of a fragment; see translate.clean for whole
pages). What the markup says about a line becomes its hint (`PageSource.hints`, one per
line), which translate.page_context trusts before any wording rule:

- <h1> → the title ("title" hint); <h2>–<h4> outside boxes → subheads or standfirst;
- <figcaption> and caption/legend classes → caption; credit classes → credit;
- <time>, [datetime] and date classes → dateline (boilerplate inside a box of links);
- [rel=author] and author/byline classes → byline;
- breadcrumbs, share/social widgets, tags, ads, comments, newsletter and subscription
  blocks → boilerplate; <aside> and related/recommended containers → related_headline
  for their titles, boilerplate for the rest.

Paragraphs (<p>) get no hint: their wording decides (a membership appeal is a <p> too).
The metadata (`PageSource.meta`) is the <h1>, the authors of byline elements, the first
<time datetime>, and, for a whole page, trafilatura's metadata (title, author, date,
site name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bitexto.translate.bylines import authors_of
from bitexto.translate.normal_form import normalize
from bitexto.translate.errors import InputError
from bitexto.translate.spanish.dates import parse_date

TITLE_HINT = "title"

_SKIPPED = frozenset(
    """script style noscript template svg math iframe frame frameset object embed video audio
    canvas input select textarea button option optgroup datalist nav footer head title meta link""".split()
)
_INLINE = frozenset(
    """a abbr b bdi bdo big cite code data dfn em font i kbd label mark nobr picture q rp rt ruby s samp
    small source span strike strong sub sup time tt u var wbr del ins""".split()
)
_HIDING_CLASSES = frozenset("hidden hide d-none sr-only visually-hidden mfp-hide screen-reader-text".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_PART = re.compile(r"[A-Z]?[a-z]+|[0-9]+")
_WHITESPACE = re.compile(r"\s+")

# Class-name parts (split at - _ and camelCase, lowercased) and what they say.
_FURNITURE_PARTS = {
    "boilerplate": frozenset(
        """breadcrumb breadcrumbs migas share sharing shared social compartir redes follow seguir
        tag tags etiquetas etiqueta temas topics keywords category categoria categories badge
        ad ads advert advertisement advertising publicidad banner sponsor sponsored newsletter
        subscribe subscription suscripcion suscribete membership membresia donate paywall
        comment comments comentarios disqus print imprimir toolbar tools actions widget
        counter views visitas audio player listen reading lectura promo cta""".split()
    ),
    "byline": frozenset("author authors autor autores byline firma writer columnist periodista".split()),
    "dateline": frozenset("date fecha datetime published publicado updated dateline timestamp".split()),
    "caption": frozenset("caption figcaption legend leyenda cutline pie".split()),
    "credit": frozenset("credit credits credito creditos photographer fotografo source fuente".split()),
    "related": frozenset(
        """related relacionadas relacionados relacionada recommended recomendados recomendadas
        recommendations outbrain taboola interesar""".split()
    ),
}
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
# Class names count on the line's own element and this many elements around it.
_CLASS_DEPTH = 3
_LINK_LIST_TAGS = frozenset({"li", "a", "ul", "ol"}) | _HEADINGS


@dataclass
class PageSource:
    """What an HTML input gives the pipeline: the text (one block per line, already
    normalised), one hint per line, and the page's metadata."""

    text: str
    hints: list[str | None]
    meta: dict = field(default_factory=dict)


def read_html(html: str) -> PageSource:
    """Lines, hints and metadata of an HTML fragment or page.

    Raises:
        InputError: the HTML holds no readable text.
    """
    import lxml.etree
    import lxml.html

    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        tree = lxml.html.document_fromstring(source)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    if tree is None:
        raise InputError("No article text could be found in this HTML. Paste the article as plain text.")
    walker = _Walker()
    body = tree.find("body")
    walker.walk(body if body is not None else tree, ())
    walker.end_line()
    if not walker.lines:
        raise InputError(
            "No article text could be found in this HTML. Paste the article as plain text, "
            "or save the page as HTML again with its content."
        )
    texts = [text for text, _ in walker.lines]
    hints = [hint for _, hint in walker.lines]
    return PageSource(text="\n".join(texts), hints=hints, meta=_metadata(tree, walker))


class _Walker:
    """Document-order walk that cuts blocks the way a browser's plain-text copy does."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str | None]] = []
        self._buffer: list[str] = []
        self._context: tuple | None = None  # the element stack where the current line began
        self.authors: list[str] = []
        self.published: tuple[str, str] | None = None  # (datetime attribute, text)
        self.h1: str | None = None
        self._title_seen = False

    def walk(self, element, stack: tuple) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:  # comments and processing instructions
            return
        tag = tag.lower()
        if tag in _SKIPPED or _hidden(element):
            return
        stack = stack + (element,)
        block = tag not in _INLINE and "-" not in tag  # custom elements are inline
        if tag == "br" or tag == "img":
            self.end_line()
            return
        if block:
            self.end_line()
        start = len(self.lines)
        if element.text:
            self.add(element.text, stack)
        for child in element:
            self.walk(child, stack)
            if child.tail:
                self.add(child.tail, stack)
        if block:
            self.end_line()
        self._remember(element, tag, start)

    def add(self, text: str, stack: tuple) -> None:
        if not self._buffer or not "".join(self._buffer).strip():
            if text.strip():
                self._context = stack
        self._buffer.append(text)

    def end_line(self) -> None:
        line = normalize(_WHITESPACE.sub(" ", "".join(self._buffer))).strip()
        self._buffer = []
        if line:
            hint = _hint(self._context or (), line, first_h1=not self._title_seen)
            self._title_seen = self._title_seen or hint == TITLE_HINT
            self.lines.append((line, hint))
        self._context = None

    def _remember(self, element, tag: str, first_line: int) -> None:
        """Metadata the markup declares: the <h1>, bylines, the first <time datetime>."""
        text = " ".join(_WHITESPACE.sub(" ", element.text_content()).split())
        if tag == "h1" and self.h1 is None and text:
            self.h1 = normalize(text)
        if (element.get("rel") or "").lower() == "author" or (
            tag != "a" and _parts(element) & _FURNITURE_PARTS["byline"] and len(text.split()) <= 12
        ):
            for name in authors_of(text):
                if name not in self.authors:
                    self.authors.append(name)
        if self.published is None and element.get("datetime") and not _in_box(element):
            self.published = (element.get("datetime"), normalize(text))


def _hidden(element) -> bool:
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return bool(set((element.get("class") or "").split()) & _HIDING_CLASSES)


def _parts(element) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return {part.lower() for part in _CLASS_PART.findall(names)}


def _in_box(element) -> bool:
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and (ancestor.tag == "aside" or _parts(ancestor) & _FURNITURE_PARTS["related"]):
            return True
    return False


def _hint(stack: tuple, line: str, first_h1: bool) -> str | None:
    """What the markup around a line says it is; None when nothing sure.

    Elements speak for themselves at any depth (<h1>, <figcaption>, <time>, rel=author);
    class names only from the line's nearest elements, since a far ancestor's class
    ("category-nacion" on the whole <article>) says nothing about one line.
    """
    in_box = any(isinstance(el.tag, str) and el.tag == "aside" for el in stack)
    for depth, element in enumerate(reversed(stack)):
        tag = element.tag.lower()
        if tag in ("article", "main", "body", "html"):
            break
        parts = _parts(element) if depth < _CLASS_DEPTH else set()
        in_box = in_box or bool(parts & _FURNITURE_PARTS["related"])
        if tag == "h1":
            return TITLE_HINT if first_h1 and not in_box else None
        if tag == "figcaption":
            return "caption"
        if tag == "time" or element.get("datetime"):
            return "boilerplate" if in_box else "dateline"
        if (element.get("rel") or "").lower() == "author":
            return "boilerplate" if in_box else "byline"
        for kind in ("byline", "dateline", "caption", "credit"):
            if parts & _FURNITURE_PARTS[kind]:
                return "boilerplate" if in_box else kind
        if parts & _FURNITURE_PARTS["boilerplate"]:
            return "boilerplate"
        if (in_box or parts & _FURNITURE_PARTS["related"]) and tag in _LINK_LIST_TAGS:
            # In a list of links to other stories, titles are related; short lines are labels.
            return "related_headline" if len(line.split()) >= 4 else "boilerplate"
    return None


def _metadata(tree, walker: _Walker) -> dict:
    meta: dict = {}
    if walker.h1:
        meta["headline"] = walker.h1
    if walker.authors:
        meta["authors"] = walker.authors
    if walker.published:
        attribute, text = walker.published
        meta["published"] = _iso(attribute) or parse_date(text)
        meta["published_text"] = text or attribute
    if tree.find("head") is not None and len(tree.find("head")):
        meta = {**_page_metadata(tree), **meta}
    return meta


def read_page_metadata(html: str) -> dict:
    """The metadata a whole saved page declares (trafilatura), {} when none is readable."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return {}
    return _page_metadata(tree)


def _iso(value: str) -> str | None:
    match = re.match(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:[+-]\d\d:?\d\d|Z)?)?", value.strip())
    return match.group(0).replace(" ", "T") if match else None


def _page_metadata(tree) -> dict:
    """A whole page's own metadata (<head>: title, author, date, site name) via trafilatura."""
    try:
        from trafilatura.metadata import extract_metadata

        found = extract_metadata(tree)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the text matters
        return {}
    if found is None:
        return {}
    meta = {}
    if found.title:
        meta["headline"] = found.title
    if found.author:
        meta["authors"] = [name.strip() for name in re.split(r";|,| y ", found.author) if name.strip()]
    if found.date:
        meta["published"] = found.date
    if found.sitename:
        meta["site"] = found.sitename
    return meta
