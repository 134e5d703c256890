"""Cheap checks that flag a translation as degenerate, sentence by sentence.

Neural models sometimes loop (Argos es→en 1.9: "mainstreamainstream", argos-translate
issues #504/#522) or copy the Spanish through untranslated. These heuristics only look
at the source and target strings, so they work for every engine; the Argos engine uses
them to decide which sentences to re-translate, and the pipeline uses them to flag
sentences for the reader. They are deliberately conservative: a flag that fires on good
English erodes trust in every other flag.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold

# A protected name or glossary term whose placeholder the engine did not give back: the
# sentence was translated again without protection (translate.pipeline), so the name or
# term may be translated or misspelt there; the flag tells the reader to check it.
NAME_NOT_KEPT = "name_not_kept"
TERM_NOT_KEPT = "term_not_kept"
PROTECTION_FLAGS = (NAME_NOT_KEPT, TERM_NOT_KEPT)
FLAGS = ("empty_translation", "repeated_subword", "repetition", "untranslated", *PROTECTION_FLAGS)

_WORD = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# A chunk of 4+ letters immediately repeated inside one word ("mainstreamainstream").
_REPEATED_CHUNK = re.compile(r"([^\W\d_]{4,})\1", re.IGNORECASE)
# Real words (English, or loanwords common in the news) that contain such a chunk.
_LEGIT_REDUPLICATIONS = frozenset({
    "couscous", "hotshot", "hotshots", "beriberi", "mahimahi", "chowchow", "froufrou",
    "wikiwiki", "bulbul", "tuktuk", "tuktuks", "wagga",
})
_LONGEST_REPEATED_PHRASE = 4
_REPEATS_TO_FLAG = 3

_MIN_SPANISH_WORDS_IN_TARGET = 3
_MIN_SPANISH_SHARE_IN_TARGET = 0.2
_MIN_WORDS_TO_JUDGE_COPY = 3
# Share of words (accents ignored) the target has in common with the source, in order.
_COPY_SIMILARITY = 0.8


def degenerate_flags(source: str, target: str) -> list[str]:
    """Flags among FLAGS that describe what is wrong with `target` as a translation of `source`.

    An empty list means nothing suspicious was found (not that the translation is good).
    """
    if not _WORD.search(source or ""):
        return []
    if not (target or "").strip():
        return ["empty_translation"]
    flags = []
    if _has_repeated_subword(source, target):
        flags.append("repeated_subword")
    if _has_repetition(target) and not _has_repetition(source):
        flags.append("repetition")
    if _looks_untranslated(source, target):
        flags.append("untranslated")
    return flags


def _has_repeated_subword(source: str, target: str) -> bool:
    source_words = {word.lower() for word in _LETTER_WORD.findall(source)}
    for word in _LETTER_WORD.findall(target):
        lowered = word.lower()
        # A word the source has too is a name or a loanword, not a decoding loop.
        if lowered in _LEGIT_REDUPLICATIONS or lowered in source_words:
            continue
        if _REPEATED_CHUNK.search(lowered):
            return True
    return False


def _has_repetition(text: str) -> bool:
    """The same word or 2–4-word phrase at least three times in a row."""
    words = [word.lower() for word in _WORD.findall(text)]
    for size in range(1, _LONGEST_REPEATED_PHRASE + 1):
        span = size * _REPEATS_TO_FLAG
        for start in range(len(words) - span + 1):
            phrase = words[start:start + size]
            if all(words[start + k * size:start + (k + 1) * size] == phrase
                   for k in range(1, _REPEATS_TO_FLAG)):
                return True
    return False


def _looks_untranslated(source: str, target: str) -> bool:
    # Only Spanish words can be "left in Spanish"; a line of names and numbers
    # ("Real Madrid 3 Barcelona 1") legitimately comes out unchanged.
    if (len(_LETTER_WORD.findall(source)) >= _MIN_WORDS_TO_JUDGE_COPY
            and _has_spanish_word(source) and _has_spanish_word(target)
            and _similarity(source, target) >= _COPY_SIMILARITY):
        return True
    return _mostly_spanish_words(target)


def _has_spanish_word(text: str) -> bool:
    return any(word.lower() in lexicon.words("spanish_only_words") for word in _LETTER_WORD.findall(text))


def _mostly_spanish_words(target: str) -> bool:
    words = _LETTER_WORD.findall(target)
    if not words:
        return False
    spanish = 0
    for index, word in enumerate(words):
        if word.lower() not in lexicon.words("spanish_only_words"):
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        # Particles of names ("Pedro de la Rosa", "Los Angeles") precede a capital.
        if following[:1].isupper():
            continue
        spanish += 1
    return (spanish >= _MIN_SPANISH_WORDS_IN_TARGET
            and spanish / len(words) >= _MIN_SPANISH_SHARE_IN_TARGET)


def _similarity(source: str, target: str) -> float:
    """Word-level similarity: characters would call "12 de mayo" and "12 May" similar."""
    def words(text: str) -> list[str]:
        return _WORD.findall(fold(text))

    return SequenceMatcher(None, words(source), words(target), autojunk=False).ratio()
