import pytest

from bitexto.translate.errors import InputError, InputTooLarge
from bitexto.translate.inputs import check_article, decode_text, detect_language

SPANISH = "El Gobierno aprobó el martes una reforma que afecta a millones de trabajadores del país."


def test_utf8_and_bom_decode():
    assert decode_text("Año nuevo".encode("utf-8")) == ("Año nuevo", "utf-8")
    assert decode_text("\ufeffAño".encode("utf-8"))[0] == "Año"


def test_latin1_file_is_decoded_not_rejected():
    text, encoding = decode_text("El niño comió piñas en Cádiz.".encode("latin-1"))
    assert text == "El niño comió piñas en Cádiz."
    assert encoding == "cp1252"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(0, 32)) * 20])
def test_binary_is_rejected(data):
    with pytest.raises(InputError, match="binary"):
        decode_text(data)


@pytest.mark.parametrize("text", ["", "   \n\t \r\n", "\u00a0\u00a0"])
def test_empty_article_is_rejected(text):
    with pytest.raises(InputError, match="empty"):
        check_article(text, max_chars=1000)


def test_too_long_article_is_413():
    with pytest.raises(InputTooLarge, match="limit") as info:
        check_article(SPANISH * 100, max_chars=1000)
    assert info.value.status == 413


def test_english_text_is_rejected_with_language_name():
    english = "The government approved on Tuesday a reform that affects millions of workers."
    with pytest.raises(InputError, match="English"):
        check_article(english, max_chars=10_000)


def test_gibberish_is_rejected():
    with pytest.raises(InputError):
        check_article("qwz xkcd vbnm plk zzzt qqqq wxyz " * 5, max_chars=10_000)


def test_spanish_passes_and_short_text_is_not_guessed():
    check_article(SPANISH, max_chars=10_000)
    assert detect_language(SPANISH) == "es"
    assert detect_language("Hola") is None
