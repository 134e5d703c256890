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
from bitexto.newsletter.snippet import english_speakers, quoted_speakers, translate_speakers
from translate.document import EngineInfo
from translate.engines import Engine
from translate.errors import BitextoError

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
