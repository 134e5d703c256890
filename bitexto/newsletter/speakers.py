"""The quoted speakers' English: translated once when an article is stored, read back after.

Every surface that shows a stored article's snippet (the API, the article page, its
preview, `bitexto newsletter ID`) shows the same speakers' English: the article's own
engine translates them when the article is created (`remember_speakers`, through the
caching engine), and readers find them in the translation cache (`stored_speaker_names`),
never calling an engine.
"""

from __future__ import annotations

import logging

from bitexto.cache import TranslationCache, cache_key
from bitexto.newsletter.snippet import MAX_QUOTES, key_quotes
from bitexto.presentation import attributed_to
from bitexto.translate.document import EngineInfo
from bitexto.translate.engines import Engine
from bitexto.translate.errors import BitextoError
from bitexto.translate.spanish.name_english import is_kept_name

logger = logging.getLogger(__name__)


def remember_speakers(result: dict, engine: Engine) -> None:
    """Translate a new article's quoted speakers through the (caching) engine.

    A failure here costs only the speakers' English, never the article.
    """
    try:
        translate_speakers(result, engine)
    except BitextoError as error:
        logger.warning("quoted speakers not translated: %s", error.message)


def stored_speaker_names(result: dict, cache: TranslationCache) -> dict[str, str]:
    """The quoted speakers' English, as the article's own engine translated them.

    Read from the translation cache only. A speaker not found there (an article stored
    before this existed) is shown as written; most speakers are names, the same in both
    languages.
    """
    names = quoted_speakers(result)
    engine = result.get("engine")
    if not names or not engine:
        return {}
    info = EngineInfo(name=engine["name"], model=engine["model"], version=engine["version"])
    found = cache.lookup(info, names)
    return english_speakers(names, [found.get(cache_key(name), "") for name in names])


def quoted_speakers(result: dict, quotes: int = MAX_QUOTES) -> list[str]:
    """The distinct speakers of the quotes a snippet with `quotes` quotes shows, as written."""
    return sorted({attributed_to(q) for q in key_quotes(result, quotes) if attributed_to(q)})


def translate_speakers(result: dict, engine: Engine, *, quotes: int = MAX_QUOTES) -> dict[str, str]:
    """English for the quoted speakers: the `speakers` argument of `render_newsletter`.

    The analysis keeps speakers as written in Spanish ("la ministra de Vivienda"); names
    come back unchanged from the engine, descriptions come back translated.
    """
    names = quoted_speakers(result, quotes)
    if not names:
        return {}
    return english_speakers(names, engine.translate(names))


def english_speakers(names: list[str], english: list[str]) -> dict[str, str]:
    """{Spanish speaker: English} from an engine's output, in the speaker's case.

    A speaker that is a full name ("Raúl Espina": two or more capitalised words and their
    particles; one word may be a body, "Fiscalía", that English translates) is shown as written, as names are in the article's English (bitexto.translate.spanish.name_english): an
    engine alone would make it "Raúl Spine"."""
    return {name: name if is_kept_name(name) else _same_initial_case(name, str(en).strip())
            for name, en in zip(names, english, strict=True) if str(en).strip() or is_kept_name(name)}


def _same_initial_case(model: str, text: str) -> str:
    """"la directora" → "the director", not "The director": a description stays lower case."""
    if model[:1].islower() and text[:1].isupper():
        return text[:1].lower() + text[1:]
    return text
