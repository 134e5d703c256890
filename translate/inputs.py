"""Checks on what users hand us, before any work is done: bytes → text, size, language."""

from __future__ import annotations

import functools

from babel import Locale

from bitexto.translate.errors import InputError, InputTooLarge

# Below this many letters language identification is guesswork; such texts pass.
MIN_LETTERS_FOR_LANGUAGE_CHECK = 40
LANGUAGE_SAMPLE_CHARS = 20_000
SPANISH = "es"
NO_LANGUAGE = "zxx"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode an uploaded or piped article; returns (text, encoding used)."""
    if b"\x00" in data[:65536] or _control_ratio(data[:65536]) > 0.05:
        raise InputError("This looks like a binary file, not text. Paste or upload the article as plain text.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise InputError("The text is neither UTF-8 nor Windows-1252/Latin-1. Save it as UTF-8 and try again.")


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


def check_article(text: str, max_chars: int) -> None:
    """Raise InputError unless `text` is a non-empty Spanish article within the size limit."""
    if not text.strip():
        raise InputError("The article is empty: paste the text of a Spanish news article.")
    if len(text) > max_chars:
        raise InputTooLarge(
            f"The article has {len(text):,} characters; the limit is {max_chars:,}. "
            "Split it into smaller parts (or raise BITEXTO_MAX_CHARS)."
        )
    language = detect_language(text)
    if language == NO_LANGUAGE:
        raise InputError("This does not look like text in any language. Paste a Spanish news article.")
    if language not in (None, SPANISH):
        name = Locale("en").languages.get(language, language)
        raise InputError(
            f"This text looks like {name} ({language}), not Spanish. "
            "bitexto translates Spanish articles into English."
        )


def detect_language(text: str) -> str | None:
    """ISO 639 code of the text's language, or None when the text is too short to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_FOR_LANGUAGE_CHECK:
        return None
    language, _ = _identifier().classify(sample)
    return language


def rank_languages(text: str) -> list[tuple[str, float]]:
    """Every language py3langid knows with its probability for `text`, most likely first.

    Unlike `detect_language` this always answers, however short the text: callers that
    report confidences (the LibreTranslate /detect endpoint) decide what to trust.
    """
    return _identifier().rank(text[:LANGUAGE_SAMPLE_CHARS])


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
