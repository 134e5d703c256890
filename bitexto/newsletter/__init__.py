"""Newsletter snippets of analysed articles (bitexto.newsletter.snippet renders them)."""

from bitexto.newsletter.snippet import (
    DEFAULT_QUOTES,
    FORMATS,
    LANGUAGES,
    LAYOUTS,
    MAX_QUOTES,
    MAX_SOURCE_CHARS,
    check_options,
    render_newsletter,
)

__all__ = ["DEFAULT_QUOTES", "FORMATS", "LANGUAGES", "LAYOUTS", "MAX_QUOTES", "MAX_SOURCE_CHARS", "check_options",
           "render_newsletter"]
