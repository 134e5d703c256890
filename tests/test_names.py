"""Names kept as written (bitexto.translate.spanish.name_english + translate.protect through the pipeline), on Apertium.

The words of an English translation can only be checked on a real engine: Apertium is
installed with the project. The Argos mechanism is tested on the tiny package in
tests/test_protect_argos.py.
"""

import pytest

from names_cases import CASES
from bitexto.translate.engines.apertium import ApertiumEngine, PLACEHOLDER_WORDS
from bitexto.translate.spanish.parse import analyse_spans
from bitexto.translate.spanish.name_english import names_in
from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument
from bitexto.translate.pipeline import translate_document


@pytest.fixture(scope="module")
def engine():
    return ApertiumEngine()


def _english(text, engine):
    # Not translate_article: its language check calls some one-line cases Extremaduran.
    clean = normalize(text)
    document = translate_document(AlignedDocument(text=clean, blocks=build_blocks(clean)), engine)
    return " ".join(s.target for s in document.sentences())


@pytest.mark.parametrize("sentence, names, english", CASES, ids=[c[0][:40] for c in CASES])
def test_names_kept_and_the_rest_translated(engine, sentence, names, english):
    out = _english(sentence, engine)
    for name in names:
        assert name in out, out
    for words in english:
        assert words in out, out


def test_the_case_list_is_large_enough():
    assert len(CASES) >= 40
    assert sum(len(names) for _, names, _ in CASES) >= 35


def test_unprotected_apertium_loses_these_names(engine):
    """The cases are worth testing: Apertium alone translates the names' words."""
    raw = engine.translate(["El líder norcoreano Kim Jong Un visitó la frontera el lunes.",
                            "La entrevista la firmó el periodista Víctor Castellanos."])
    assert "Kim Jong Un" not in raw[0] and "Víctor Castellanos" not in raw[1]


@pytest.mark.parametrize("sentence, placeholder", [
    ("Según Kim Jong Un, la guerra terminó.", "Juan"),
    ("Víctor Castellanos dijo que vendría.", "Juan"),
    ("El ministro vio a Raúl Espina en el estadio.", "Juan"),
])
def test_words_around_a_protected_name_translate_as_for_a_known_name(engine, sentence, placeholder):
    """A protected name leaves the grammar as a name Apertium knows would: no "It said"
    after a subject name, "según" still "according to"."""
    protected = _english(sentence, engine)
    with_known_name = engine.translate([sentence.replace("Kim Jong Un", placeholder)
                                        .replace("Víctor Castellanos", placeholder)
                                        .replace("Raúl Espina", placeholder)])[0]
    name = next(n for n in ("Kim Jong Un", "Víctor Castellanos", "Raúl Espina") if n in sentence)
    assert protected == with_known_name.replace(placeholder, name)
    assert "It said" not in protected


def test_placeholder_words_come_back_unchanged(engine):
    words = [w for pool in PLACEHOLDER_WORDS.values() for w in pool]
    out = engine.translate([f"Según {w}, el hijo de {w} vio a {w}." for w in words])
    for word, english in zip(words, out):
        assert english.count(word) == 3, english


def test_the_seed_keeps_its_names(engine):
    from pathlib import Path

    seed = (Path(__file__).resolve().parent.parent / "seeds" / "000_957073114899cdb1.txt").read_text()
    out = _english(seed, engine)
    for name in ("Kim Jong Un", "Vladimir Putin", "Dmitry Peskov"):
        assert name in out


def _names(text):
    return [(n.text, n.english) for n in names_in(analyse_spans(text, [(0, len(text))]), text, 0, len(text))]


def test_titles_and_sentence_openers_are_not_part_of_a_name():
    assert ("Christiane Martel", "Christiane Martel") in _names("Según la Dra. Christiane Martel, no.")
    assert all(not n.startswith(("Según", "Dra")) for n, _ in _names("Según la Dra. Christiane Martel, no."))


def test_a_capitalised_verb_opening_a_sentence_is_not_a_name():
    assert _names('"Ayudamos tanto a los pacientes", relata la directora.') == []
    assert _names("Imagínese...") == []


def test_exonyms_carry_their_english_and_descriptions_are_left_to_the_engine():
    names = dict(_names("La ministra viajó de Ciudad de México a Rusia con el Ministerio de Sanidad."))
    assert names.get("Ciudad de México") == "Mexico City"
    assert names.get("Rusia") == "Russia"
    assert "Ministerio de Sanidad" not in names
