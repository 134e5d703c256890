"""Small helpers that every surface uses to show an article: engine names, inert Markdown.

They live below the surfaces (no Flask) so that the web app's page and downloads, the
batch's files and the newsletter snippet name the engine and escape Markdown the same way.
"""

from __future__ import annotations

import re

from bitexto.translate.document import EngineInfo

# Backslash-escape what Markdown (or the HTML a Markdown viewer lets through) would
# interpret, so article text shows as written: "<script>" stays text, "|" stays in its cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def engine_name(info: EngineInfo | None) -> str:
    """The engine as people read it, e.g. "Argos es→en 1.0"; "" for an untranslated article."""
    if info is None:
        return ""
    return info.label or info.name


def inert_markdown(text: str | None) -> str:
    """Article text made inert for Markdown, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))
