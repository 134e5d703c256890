"""Turn text as people paste it into the one canonical string every offset refers to.

Pipeline: raw input → `extract_text` (plain text passes through; HTML goes through
`html_to_text`) → `normalize`. Block and sentence offsets produced downstream
(translate.segment, translate.blocks) index into the string `normalize` returns, so
nothing may change the text after it.

`normalize` is idempotent: normalize(normalize(x)) == normalize(x).
"""

from __future__ import annotations

import re
from functools import cache

from bitexto.translate.errors import InputError
from bitexto.translate.normal_form import normalize

__all__ = ["extract_text", "html_to_text", "is_fragment", "normalize", "prepare_text"]

# --- Input formats -------------------------------------------------------------------
# HTML becomes plain text with one paragraph per line before `normalize`; everything
# after it (normalize, segmentation, classification) is the same as for pasted text.

# lxml refuses a str that declares its own encoding; the text is already decoded.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@cache
def _extraction_config():
    from trafilatura.settings import use_config

    config = use_config()
    # A pasted fragment ("<p>Hola.</p>") is as much an article as a whole page: the
    # size thresholds exist to reject scraped junk, which is not our input.
    config.set("DEFAULT", "MIN_FILE_SIZE", "1")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def html_to_text(html: str) -> str:
    """The main text of an HTML page or fragment, one paragraph or heading per line.

    trafilatura finds the article in the page (navigation, scripts, styles, comments and
    footers go) and decodes entities; the page's title is put back as the first line when
    trafilatura took it out of the text as metadata. Only the given string is read:
    nothing is ever fetched.

    Raises:
        InputError: the HTML holds no readable text.
    """
    import lxml.etree
    import lxml.html
    import trafilatura

    source = _XML_DECLARATION.sub("", html, count=1)
    try:
        # Parsing here, not in trafilatura, because trafilatura rejects a one-element
        # fragment; document_fromstring always wraps it in <html><body>.
        tree = lxml.html.document_fromstring(source)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    extracted = None
    if tree is not None:
        extracted = trafilatura.bare_extraction(
            tree, favor_recall=True, include_comments=False, include_tables=True,
            with_metadata=True, config=_extraction_config(),
        )
    lines = [line.strip() for line in (extracted.text or "").splitlines()] if extracted else []
    lines = [line for line in lines if line]
    if not lines:
        raise InputError(
            "No article text could be found in this HTML. Paste the article as plain text, "
            "or save the page as HTML again with its content."
        )
    title = (extracted.title or "").strip()
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines)


# A selection copied from a browser: the clipboard's HTML wraps it in these markers.
_FRAGMENT_MARKER = re.compile(r"<!--\s*StartFragment\s*-->", re.IGNORECASE)
_WHOLE_PAGE = re.compile(r"<head[\s>]|<!doctype", re.IGNORECASE)


def is_fragment(html: str) -> bool:
    """A reader's selection (clipboard HTML, or markup without a page around it) rather
    than a whole saved page."""
    return bool(_FRAGMENT_MARKER.search(html)) or not _WHOLE_PAGE.search(html)


def extract_text(raw: str, media_type: str = "text/plain") -> str:
    """Plain text of an input in the given media type, before normalisation.

    A whole HTML page goes through trafilatura, which finds the article in it. A
    fragment is the reader's selection: every paragraph of it is kept, one line per
    block as a paste gives (translate.html_fragment); trafilatura would drop some of
    its lines (measured on real selections: 11% of the article's lines).
    """
    if media_type == "text/html":
        if is_fragment(raw):
            from bitexto.translate.html_fragment import read_html

            return read_html(raw).text
        return html_to_text(raw)
    return raw


def prepare_text(raw: str, media_type: str = "text/plain") -> str:
    """What the pipeline calls on user input: extract, then normalise."""
    return normalize(extract_text(raw, media_type))
