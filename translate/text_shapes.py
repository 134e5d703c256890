"""Small shape tests on one line of text, shared by the block classifiers."""

from __future__ import annotations

import re

_ACCENT_FREE = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
# "DiputadosFrente", "InicioMundo": a lowercase letter glued to a capital inside a word,
# what a row of links pastes as when the page separates them only with styles.
_GLUED_LINKS = re.compile(r"[a-záéíóúñ][A-ZÁÉÍÓÚÑ]")
_SENTENCE_END = ".…:;!?"
_CLOSERS = "»”’›\"')]} "


def plain(text: str) -> str:
    """Lowercased, accents removed: what wording rules match, so one pattern covers
    "Suscríbete", "SUSCRIBETE" and "suscribete"."""
    return text.lower().translate(_ACCENT_FREE)


def words(text: str) -> list[str]:
    return text.split()


def glued_link_count(text: str) -> int:
    return len(_GLUED_LINKS.findall(text))


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)
