"""What a page says about its article: headline, authors, date of publication, site.

`page_meta(blocks, title_block, source)` reads it from the classified blocks — the
headline is the block translate.page_context took for the title (never a section name,
breadcrumb or kicker), the authors come from the byline blocks, the date from the first
dateline — and lets what an HTML source declares (`source`, see translate.html_fragment:
an <h1>, rel="author", <time datetime>, the page's own metadata read by trafilatura)
take precedence, since markup is not guesswork.

The result is the `meta` of an AlignedDocument:
    {"headline": str | None, "authors": [str], "published": ISO 8601 | None,
     "published_text": str | None, "site": str | None}
"""

from __future__ import annotations

from typing import Sequence

from bitexto.translate import bylines
from bitexto.translate.document import Block
from bitexto.translate.spanish.dates import parse_date

META_KEYS = ("headline", "authors", "published", "published_text", "site")
_MAX_AUTHOR_LINE_WORDS = 12


def empty_meta() -> dict:
    return {"headline": None, "authors": [], "published": None, "published_text": None, "site": None}


def page_meta(text: str, blocks: Sequence[Block], title_block: int | None, source: dict | None = None) -> dict:
    meta = empty_meta()
    if title_block is not None and title_block < len(blocks):
        block = blocks[title_block]
        meta["headline"] = text[block.start:block.end]
    authors: list[str] = []
    for block in blocks:
        line = text[block.start:block.end]
        if block.kind == "byline" and len(line.split()) <= _MAX_AUTHOR_LINE_WORDS:
            for name in bylines.authors_of(line):
                if name not in authors:
                    authors.append(name)
    meta["authors"] = authors
    for block in blocks:
        if block.kind == "dateline":
            line = text[block.start:block.end]
            meta["published_text"] = line
            meta["published"] = parse_date(line)
            break
    else:  # "Por Ana Gil 4 mayo, 2022": the date printed in the byline
        for block in blocks:
            line = text[block.start:block.end]
            if block.kind == "byline" and parse_date(line):
                meta["published_text"], meta["published"] = line, parse_date(line)
                break
    for key, value in (source or {}).items():
        if key in META_KEYS and value:
            meta[key] = value
    if meta["published_text"] and not meta["published"]:
        meta["published"] = parse_date(meta["published_text"])
    return meta
