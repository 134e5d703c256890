"""Small shape tests on one line of text, shared by the block classifiers."""

from __future__ import annotations

import re

# "DiputadosFrente", "InicioMundo": a lowercase letter glued to a capital inside a word,
# what a row of links pastes as when the page separates them only with styles.
_GLUED_LINKS = re.compile(r"[a-záéíóúñ][A-ZÁÉÍÓÚÑ]")
_SENTENCE_END = ".…:;!?"
_CLOSERS = "»”’›\"')]} "


def words(text: str) -> list[str]:
    return text.split()


def glued_link_count(text: str) -> int:
    return len(_GLUED_LINKS.findall(text))


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)
