"""Which names of a Spanish sentence come out as written in English, and what they read.

People's names are never translated, but many are made of Spanish words an engine knows
("Kim Jong Un" → "Kim Jong A", "Víctor Castellanos" → "Víctor Spanish", "Luna" → "Moon").
The name finder (bitexto.translate.spanish.names) says where the names are.

Places and organisations are different: English spells many of them its own way
(`lexicon/exonyms.txt`: "España" → "Spain", "Ciudad de México" → "Mexico City"), and
descriptive ones are translated ("Ministerio de Sanidad" → "Ministry of Health"). So a
place or organisation is kept only when it is not an exonym and none of its words makes
the name a description (`lexicon/generic_name_words.txt`, `institution_words.txt`). The
lists are small on purpose: every other name is kept.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.names import (
    capitalised_inside_a_sentence, entity_name_spans, is_capitalised, is_name_shaped, particles, starts_sentence,
)

if TYPE_CHECKING:
    from bitexto.translate.spanish.parse import Analysis


@dataclass(frozen=True)
class Name:
    start: int  # code-point offsets into the document's text
    end: int
    text: str
    label: str
    english: str  # what the English must read: the name as written, or its exonym


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@functools.cache
def _exonyms() -> dict[str, str]:
    return {_key(spanish): english for spanish, english in lexicon.mapping("exonyms").items()}


def exonym(text: str) -> str | None:
    """The English name of a place or body English names its own way, else None."""
    return _exonyms().get(_key(text))


def names_in(analysis: Analysis, text: str, start: int, end: int) -> list[Name]:
    """The names inside text[start:end] that are kept as written, in text order."""
    tokens = analysis.tokens
    found: list[Name] = []
    for entity in entity_name_spans(analysis, text, start, end):
        span = tokens[entity.first:entity.last + 1]
        # A hyphenated compound ("Rivière-des-Prairies") is a name of several words.
        if len(span) == 1 and "-" not in span[0].text and exonym(span[0].text) is None:
            if entity.label != "PER":
                # A one-word place or organisation is either unknown to the engine, which
                # copies it anyway, or known to it: an exonym it translates ("Marsella"
                # → "Marseille") or a capitalised noun the model mistook for a name
                # ("la Constitución", "el Universo"). Either way the engine does better.
                continue
            if starts_sentence(tokens, span[0]) and not capitalised_inside_a_sentence(analysis, span[0].text):
                # One capitalised word opening a sentence is as likely a verb or a noun the
                # model mistook ("Imagínese", "Campo"): kept only if the article also writes
                # it capitalised where capitals mean a name.
                continue
        if any(not is_capitalised(t.text) and fold(t.text) not in particles() for t in span
               if any(char.isalpha() for char in t.text)):
            continue  # a lower-case content word: a description, not a name
        written = text[span[0].start:span[-1].end]
        english = english_name(written, entity.label)
        if english is None or any(n.start < span[-1].end and span[0].start < n.end for n in found):
            continue
        found.append(Name(span[0].start, span[-1].end, written, entity.label, english))
    return sorted(found, key=lambda n: n.start)


def english_name(written: str, label: str) -> str | None:
    """What a name reads in English, or None when the engine is to translate it."""
    english = exonym(written)
    if english is not None:
        return english
    words = fold(written).replace("-", " ").split()
    generic = lexicon.words("institution_words")
    if label != "PER":
        generic = generic | lexicon.words("generic_name_words")
    return None if any(word in generic for word in words) else written


def is_kept_name(speaker: str) -> bool:
    """A full name shown as written in English: two or more capitalised words and their
    particles, and not a place or body English names its own way."""
    return is_name_shaped(speaker, max_words=len(speaker.split())) and exonym(speaker) is None
