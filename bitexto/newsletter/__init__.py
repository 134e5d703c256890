"""Newsletter snippets of analysed articles (bitexto.newsletter.snippet renders them) and
the quoted speakers' English they show (bitexto.newsletter.speakers)."""

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
from bitexto.newsletter.speakers import (
    english_speakers,
    quoted_speakers,
    remember_speakers,
    stored_speaker_names,
    translate_speakers,
)

__all__ = [
    "DEFAULT_QUOTES", "FORMATS", "LANGUAGES", "LAYOUTS", "MAX_QUOTES", "MAX_SOURCE_CHARS", "check_options", "english_speakers",
    "quoted_speakers", "remember_speakers", "render_newsletter", "stored_speaker_names", "translate_speakers",
]
