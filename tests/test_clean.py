"""translate.clean.normalize: pasted text → the canonical string offsets refer to."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitexto.translate.clean import extract_text, html_to_text, normalize, prepare_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Newlines of every origin become "\n".
        ("uno\r\ndos\r\ntres", "uno\ndos\ntres"),
        ("uno\rdos", "uno\ndos"),
        ("uno\r\n\r\ndos", "uno\n\ndos"),
        ("uno\u2028dos\u2029tres", "uno\ndos\ntres"),
        ("uno\x0bdos\x0ctres\x85cuatro", "uno\ndos\ntres\ncuatro"),
        # Unicode spaces and tabs become ordinary spaces.
        ("10\u00a0000 euros", "10 000 euros"),
        ("50\u202f%", "50 %"),
        ("a\u2009b\u3000c\u2003d", "a b c d"),
        ("col1\tcol2", "col1 col2"),
        # Invisible characters go.
        ("\ufeffEl titular", "El titular"),
        ("pa\u200bla\u200cbra\u200d", "palabra"),
        ("extraor\u00addinario", "extraordinario"),
        ("\u200eizquierda\u200f", "izquierda"),
        ("a\x00b\x07c\x1bd\x7fe\x9ff", "abcdef"),
        ("\u2060unido\u2060", "unido"),
        # NFC: a decomposed accent is the same text as the composed one.
        ("Pe\u0301rez y man\u0303ana", "Pérez y mañana"),
        ("cafe\u00ad\u0301", "café"),
        # Trailing spaces of each line go; leading ones and inner runs stay.
        ("uno   \ndos\u00a0\n  tres  ", "uno\ndos\n  tres"),
        ("a  b", "a  b"),
        ("", ""),
        ("\n\n", "\n\n"),
    ],
)
def test_normalize_examples(raw, expected):
    assert normalize(raw) == expected


def test_normalize_keeps_ordinary_spanish_text_unchanged(seed_text):
    assert normalize(seed_text) == seed_text


def test_normalize_output_has_no_invisible_or_exotic_characters():
    raw = "\ufeff¿Qué\u00a0pasó?\r\n\u200b«Nada»\u00ad.\t\r"
    result = normalize(raw)
    assert result == "¿Qué pasó?\n«Nada».\n"
    for char in result:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
        assert char in (" ", "\n") or not char.isspace()


def test_normalize_is_linear_on_long_runs_of_spaces():
    # A regex like " +$" would backtrack quadratically here.
    raw = (" " * 50_000 + "x") * 4
    assert normalize(raw) == raw


def test_html_goes_through_html_to_text_and_text_passes_through():
    # HTML extraction itself is tested in test_clean_html.py.
    assert html_to_text("<p>Hola</p>") == "Hola"
    assert prepare_text("<p>Hola&nbsp;mundo</p>", media_type="text/html") == "Hola mundo"
    assert extract_text("Hola\r\n") == "Hola\r\n"
    assert prepare_text("Hola\u00a0mundo\r\n") == "Hola mundo\n"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_is_idempotent(raw):
    once = normalize(raw)
    assert normalize(once) == once


_PASTE_ALPHABET = st.sampled_from(
    list("aeéñ ,.?!¿¡«»“”\"'\n\r\t0123456789")
    + ["\u00a0", "\u202f", "\u200b", "\ufeff", "\u00ad", "\u0301", "\u0303", "\u2028", "\x0b", "\x85", " \r\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PASTE_ALPHABET, max_size=60).map("".join))
def test_normalize_properties_on_paste_like_text(raw):
    result = normalize(raw)
    assert normalize(result) == result
    assert "\r" not in result and "\t" not in result
    assert unicodedata.is_normalized("NFC", result)
    assert all(not line.endswith(" ") for line in result.split("\n"))
    # Only invisible characters, spaces and line breaks may be lost or changed.
    assert unicodedata.normalize("NFD", _visible(result)) == unicodedata.normalize("NFD", _visible(raw))


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
