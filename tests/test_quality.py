"""The degenerate-output detector: catches loops and leaked Spanish, leaves good English alone."""

import pytest

from bitexto.translate.quality import FLAGS, degenerate_flags


@pytest.mark.parametrize("source, target", [
    ("La economía crece.", "The mainstreamainstream economy grows."),
    ("Los precios suben.", "Prices riseriseriserise."),
    ("El gobierno lo negó.", "The governmentgovernment denied it."),
])
def test_repeated_subword_is_flagged(source, target):
    assert "repeated_subword" in degenerate_flags(source, target)


@pytest.mark.parametrize("word", [
    "couscous", "hotshots", "beriberi", "Mississippi", "bookkeeper", "assesses", "successes",
    "intermittent", "reiterate", "banana", "murmur", "Tennessee", "possesses", "addressees",
    "nonnegotiable", "barbarian", "rococo", "hubbub", "papaya", "coconut", "understanding",
    "internationalization", "senselessness", "metamathematics", "Baden-Baden", "Bora Bora",
])
def test_real_english_words_are_not_repeated_subwords(word):
    target = f"They talked about {word} at length yesterday."
    assert degenerate_flags("Hablaron largamente ayer.", target) == []


def test_a_repeated_chunk_that_is_in_the_source_is_a_name_not_a_loop():
    assert degenerate_flags("Llegó Kasakasa.", "Kasakasa arrived.") == []


@pytest.mark.parametrize("target", [
    "The president the president the president said no.",
    "He said that that that it was fine.",
    "Prices rose in in in March.",
    "The talks will resume in Geneva in Geneva in Geneva in Geneva.",
    "of the war of the war of the war",
])
def test_repeated_words_and_phrases_are_flagged(target):
    assert "repetition" in degenerate_flags("El presidente dijo que no.", target)


@pytest.mark.parametrize("target", [
    "He said that that was fine.",
    "Very, very few people came.",
    "Bora Bora is an island; Baden-Baden is a town.",
    "The vote was 3-3, then 4-4 and finally 5-4.",
    "Step by step, day by day, the city rebuilt.",
])
def test_double_words_and_ordinary_english_are_not_repetition(target):
    assert "repetition" not in degenerate_flags("Dijo que eso estaba bien.", target)


def test_repetition_that_is_in_the_source_is_not_flagged():
    assert degenerate_flags("«¡No, no, no!», gritó.", '"No, no, no!" he shouted.') == []


@pytest.mark.parametrize("source, target", [
    ("El gobierno anunció un nuevo plan de vivienda.",
     "El gobierno anunció un nuevo plan de vivienda."),
    ("La policía detuvo a tres hombres en Sevilla.",
     "La policia detuvo a tres hombres en Sevilla"),
    ("Miles de personas se manifestaron en Barcelona.",
     "Thousands de las personas que se manifestaron en la ciudad."),
])
def test_untranslated_spanish_is_flagged(source, target):
    assert "untranslated" in degenerate_flags(source, target)


@pytest.mark.parametrize("source, target", [
    ("Real Madrid 3 Barcelona 1", "Real Madrid 3 Barcelona 1"),
    ("Madrid, 12 de mayo (EFE)", "Madrid, 12 May (EFE)"),
    ("Entrevista con Pedro de la Rosa en Los Ángeles.",
     "Interview with Pedro de la Rosa in Los Angeles."),
    ("El Niño trae lluvias a El Salvador.", "El Niño brings rain to El Salvador."),
    ("La Liga empieza el sábado.", "La Liga starts on Saturday."),
    ("El presidente habló con la prensa.", "The president spoke to the press."),
])
def test_names_and_good_translations_are_not_untranslated(source, target):
    assert "untranslated" not in degenerate_flags(source, target)


def test_empty_translation_of_real_text_is_flagged():
    assert degenerate_flags("El gobierno anunció un plan.", "   ") == ["empty_translation"]
    assert degenerate_flags("El gobierno anunció un plan.", "") == ["empty_translation"]


def test_blank_source_has_no_flags():
    assert degenerate_flags("", "") == []
    assert degenerate_flags("  \n", "") == []


def test_a_good_translation_has_no_flags():
    source = ("El presidente ruso, Vladimir Putin, agradeció el lunes a Corea del Norte por "
              "enviar tropas.")
    target = "Russian President Vladimir Putin thanked North Korea on Monday for sending troops."
    assert degenerate_flags(source, target) == []


def test_flags_are_from_the_documented_set():
    flags = degenerate_flags("El gobierno anunció el plan.",
                             "El gobierno anunció el plan plan plan mainstreamainstream.")
    assert flags and set(flags) <= set(FLAGS)
