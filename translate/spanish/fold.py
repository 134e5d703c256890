"""The one way bitexto compares Spanish words: `fold`.

Lower case, accents taken off the vowels (á→a, ü→u), ñ kept: "Añade", "AÑADE" and "añade"
fold alike, "año" never becomes "ano". Every other character is kept as it is, one code
point for one, so a position in the folded text is the same position in the text.
"""

from __future__ import annotations

import functools
import unicodedata

_TILDE = "\u0303"


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:  # "İ" lowers to two code points: keep offsets instead
        return char
    decomposed = unicodedata.normalize("NFD", lowered)
    if len(decomposed) == 1 or decomposed[0] == "n" and decomposed[1:] == _TILDE:
        return lowered
    base = decomposed[0]
    return base if base.isascii() and base.isalpha() else lowered


def fold(text: str) -> str:
    """`text` lowercased, with the accents of its vowels removed and its ñ kept; same length."""
    return "".join(_fold_char(char) for char in text)


def folded(word: str) -> bool:
    """Whether `word` is already in folded form."""
    return fold(word) == word
