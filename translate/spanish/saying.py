"""Verbs of saying: the one list (`lexicon/verbs_of_saying.txt`) and how a word or a token is one.

`is_saying_verb(token)` reads the parse: a verb whose lemma is a verb of saying, in any
tense or person ("dijo", "ha asegurado", "advertirá", "insistían"). The small model's
lemmatizer misses some rarer forms and sometimes tags a post-quotation "dijo" as a noun
or a name, so the surface form is asked too.

`is_saying_form(word)` reads a word alone (no parse): regular verbs are matched by their
Snowball stem (sumy's Spanish stemmer) plus a verb-like ending, so nouns sharing the stem
("declaraciones", "señal", "afirmación") are not cues; forms the stemmer leaves irregular
(dijo → "dij", sostuvo → "sostuv") are listed apart. Nouns never count ("las
declaraciones", "la respuesta").
"""

from __future__ import annotations

import functools
import re

from sumy.nlp.stemmers import Stemmer

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.parse import Token

# Endings a conjugated or participial form can have after its stem; nouns sharing a
# stem usually end otherwise ("-ción", "-es", "-al", "-ario").
_VERB_ENDING = re.compile(
    r"(?:ó|ió|a|an|e|en|aron|ieron|aba|aban|ía|ían|ará|arán|erá|erán|irá|irán|aría|arían|"
    r"ería|erían|iría|irían|ado|ada|ido|ida|ando|iendo|é|í|amos|emos|imos|ara|aran|iera|ieran)$"
)
# Derivational endings of nouns and adjectives built on a verb's stem.
_NOUN_ENDING = re.compile(r"(?:ción|ciones|sión|siones|miento|mientos|encia|ancia|ista|dora?|ante|ente)$")
_SHORTEST_FORM = 4


@functools.cache
def _stemmer() -> Stemmer:
    return Stemmer("spanish")


@functools.lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return _stemmer()(word)


def _regular_forms(lemma: str) -> list[str]:
    """Infinitive and common forms: the stemmer does not map them all alike
    (denunciar → "denunci" but denunció → "denunc")."""
    base, ending = lemma[:-2], lemma[-2:]
    if ending == "ar":
        suffixes = ("ar", "ó", "a", "an", "aron", "aba", "aban", "ado", "ará", "ando")
    else:
        suffixes = (ending, "ió", "e", "en", "ieron", "ía", "ían", "ido", ending[0] + "rá", "iendo")
    return [base + suffix for suffix in suffixes]


def _third_person(lemma: str) -> tuple[str, ...]:
    base, ending = lemma[:-2], lemma[-2:]
    if ending == "ar":
        return (base + "a", base + "an", base + "ó", base + "aron")
    return (base + "e", base + "en", base + "ió", base + "ieron")


@functools.cache
def _lemmas() -> frozenset[str]:
    return lexicon.words("verbs_of_saying")


@functools.cache
def _folded_lemmas() -> frozenset[str]:
    # The lemmatizer sometimes keeps a stressed form's accent ("continúa" → "continúar").
    return frozenset(fold(lemma) for lemma in _lemmas())


@functools.cache
def _stems() -> frozenset[str]:
    return frozenset(_stem(form) for lemma in _lemmas() if lemma.endswith(("ar", "er", "ir"))
                     for form in _regular_forms(lemma))


@functools.cache
def _third_person_forms() -> frozenset[str]:
    return frozenset(form for lemma in _lemmas() if lemma.endswith(("ar", "er", "ir")) for form in _third_person(lemma))


@functools.lru_cache(maxsize=8192)
def is_saying_form(word: str) -> bool:
    """Whether `word` alone is a form of a verb of saying (dijo, afirman, ha asegurado…)."""
    lowered = word.lower()
    if lowered in lexicon.words("verbs_of_saying_lookalike_nouns"):
        return False
    if lowered in lexicon.words("verbs_of_saying_irregular_forms"):
        return True
    if len(lowered) < _SHORTEST_FORM or not lowered.isalpha() or _NOUN_ENDING.search(lowered):
        return False
    return _stem(lowered) in _stems() and bool(_VERB_ENDING.search(lowered))


def is_saying_lemma(lemma: str) -> bool:
    folded = fold(lemma)
    return (folded in _folded_lemmas() or lemma in lexicon.words("verbs_of_saying_lemma_slips")
            or (folded.endswith("se") and folded[:-2] in _folded_lemmas()))  # "preguntarse"


def is_saying_verb(token: Token) -> bool:
    """A verb (or an auxiliary-tagged verb) of saying on the parse, in any form."""
    if token.pos not in ("VERB", "AUX", "ADJ", "PROPN", "NOUN"):
        return False
    if token.pos in ("VERB", "AUX") and is_saying_lemma(token.lemma.lower()):
        return True
    # The model sometimes tags a sentence-final or post-quote "dijo" as a noun or a name;
    # the surface form decides then, and only a conjugated form counts.
    if token.text.islower() and token.text in _third_person_forms():
        return True
    return is_saying_form(token.text) and token.feature("VerbForm") != "Inf" and _looks_conjugated(token)


def _looks_conjugated(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") or token.text.lower().endswith(("ó", "ió", "aron", "ieron", "jo"))
