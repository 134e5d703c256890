"""The Apertium engine, run for real (Debian's apertium-eng-spa, installed by `make test`)."""

import pytest

from bitexto.translate.engines.apertium import ApertiumEngine
from bitexto.translate.errors import EngineUnavailable


@pytest.fixture(scope="module")
def engine():
    return ApertiumEngine()


def test_one_translation_per_sentence_in_order(engine):
    sentences = ["Hola mundo.", "El perro come.", "Tres gatos duermen."]
    out = engine.translate(sentences)
    assert len(out) == 3
    assert "Hello" in out[0]
    assert "dog" in out[1].lower()
    assert "cats" in out[2].lower()


def test_alignment_survives_separator_like_characters(engine):
    # Characters that a line-based protocol or Apertium's stream format could misread:
    # newlines inside a sentence, Unicode line separators, stream-format brackets and
    # escapes, tags, and empty sentences in the middle of the batch.
    sentences = [
        "Uno [dos] tres.",
        "Cuatro ^cinco$ seis/siete.",
        "Ocho\nnueve\r\ndiez.",
        "",
        "Once\u2028doce\u0085trece.",
        "<b>catorce</b> {quince} «dieciséis» \\ @ # *.",
        "   ",
        "Fin del texto.",
    ]
    out = engine.translate(sentences)
    assert len(out) == len(sentences)
    assert out[3] == "" and out[6] == ""
    assert "two" in out[0] and "three" in out[0]
    assert "five" in out[1]
    assert "nine" in out[2] and "ten" in out[2]
    assert "fourteen" in out[5].lower() and "sixteen" in out[5]
    assert "end" in out[7].lower()


def test_a_sentence_translates_the_same_whatever_comes_before_it(engine):
    # A headline has no final period: it must not run into the next sentence.
    quote = "«Siempre honraremos a los héroes que dieron sus vidas por Rusia»."
    alone = engine.translate([quote])[0]
    after_headline = engine.translate(["Kim Jong Un asiste a la ceremonia", quote])
    after_verb = engine.translate(["Dijo algo", quote, "El ministro de", "Economía anunció"])
    assert after_headline[1] == after_verb[1] == alone
    assert "we will honour" in alone.lower()
    assert after_verb[2:] == [engine.translate(["El ministro de"])[0], engine.translate(["Economía anunció"])[0]]


def test_large_batch_reports_progress_per_chunk(engine):
    sentences = [f"El gato número {i} duerme." for i in range(900)]
    progress = []
    out = engine.translate(sentences, on_progress=lambda done, total: progress.append((done, total)))
    assert len(out) == 900
    assert all("cat" in t for t in out)
    assert progress[-1] == (900, 900)
    assert len(progress) >= 3
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_info_names_engine_and_package_version(engine):
    assert engine.info.name == "apertium"
    assert "spa-eng" in engine.info.model
    assert engine.info.version not in ("", "unknown")


def test_missing_pair_is_a_clear_error():
    with pytest.raises(EngineUnavailable, match="apt-get install"):
        ApertiumEngine(pair="spa-xxx")


def test_unknown_words_are_unmarked_and_flagged(engine):
    out = engine.translate(["Putin elogió a las tropas norcoreanas.", "El perro come.",
                            "Un asterisco * suelto.", "Las tropas llegaron a Kursk."])
    assert "*" not in out[0] and "norcoreanas" in out[0]
    assert out[0].flags == ("unknown_words",)
    assert out[1].flags == ()
    assert "*" in out[2] and out[2].flags == ()
    # A name Apertium does not know is copied on purpose: no flag.
    assert "Kursk" in out[3] and "*" not in out[3] and out[3].flags == ()


def test_generation_marks_are_removed_but_the_articles_own_hashtags_kept(engine):
    out = engine.translate(["Es importante tener en cuenta que llueve.",
                            "La conservación de la carne para su ahumado, secado o salazón.",
                            "El alcalde del distrito de Rivière-des-Prairies habló.",
                            "Usa #MeToo y escribe a @ONU."])
    assert "#" not in out[0] and "take" in out[0]
    assert "@" not in out[1] and "salazón" in out[1]
    assert "*" not in out[2] and "Rivière" in out[2]
    assert "#MeToo" in out[3] and "@" in out[3]
