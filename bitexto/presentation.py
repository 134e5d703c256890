"""Small helpers that every surface uses to show an article: its title, inert Markdown.

They live in the core (no Flask) so that the web app's page and downloads and the
newsletter snippet derive the same title and escape Markdown the same way.
"""

from __future__ import annotations

import re

TITLE_CHARS = 100

# Backslash-escape what Markdown (or the HTML a Markdown viewer lets through) would
# interpret, so article text shows as written: "<script>" stays text, "|" stays in its cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def article_titles(blocks: list[dict], headline: str | None = None) -> tuple[str, str]:
    """The article's title, (Spanish, English): the block of the page's headline (meta,
    never a kicker above it), else its first headline, else its first sentence."""
    joined = lambda block: " ".join(s["source"] for s in block["sentences"])  # noqa: E731
    chosen = next((b for b in blocks if headline and b["kind"] == "headline" and b["sentences"]
                   and joined(b) == headline), None)
    chosen = chosen or next((b for b in blocks if b["kind"] == "headline" and b["sentences"]), None)
    chosen = chosen or next((b for b in blocks if b["kind"] == "body" and b["sentences"]), None)
    if chosen is None:
        return "", ""
    sentences = chosen["sentences"] if chosen["kind"] == "headline" else chosen["sentences"][:1]
    source = " ".join(s["source"] for s in sentences)
    target = " ".join(s.get("target") or "" for s in sentences)
    return shorten_title(source), shorten_title(target)


def shorten_title(text: str) -> str:
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[:TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def engine_name(info: dict | None) -> str:
    """The engine as people read it, e.g. "Argos es→en 1.0"; "" for an untranslated article."""
    if not info:
        return ""
    return f"{info.get('model') or ''} {info.get('version') or ''}".strip() or str(info.get("name") or "")


def inert_markdown(text: str | None) -> str:
    """Article text made inert for Markdown, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def attributed_to(quote: dict) -> str | None:
    """Who said a quote as the article tells it: the speaker's name, else the words of an
    article that names nobody ("un portavoz del ministerio", "la ministra de Vivienda")."""
    return quote.get("speaker") or quote.get("speaker_description") or None
