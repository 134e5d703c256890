import pytest

from bitexto.translate.numbers import english_numbers


@pytest.mark.parametrize(
    "spanish_style, english_style",
    [
        ("about 4.000 soldiers", "about 4,000 soldiers"),
        ("3,5 % more", "3.5% more"),
        ("10,000-12,000 troops", "10,000-12,000 troops"),
        ("1.234,56 euros", "1,234.56 euros"),
        ("4.000.000 people", "4,000,000 people"),
        ("0,250 grams", "0.250 grams"),
        ("it rose 1,5.", "it rose 1.5."),
        ("sent 3.000 troops.", "sent 3,000 troops."),
        ("12 %", "12%"),
    ],
)
def test_numbers_follow_english_conventions(spanish_style, english_style):
    assert english_numbers(spanish_style) == english_style


@pytest.mark.parametrize(
    "text",
    [
        "on 12.05.2024 at noon",  # a date, not a grouped number
        "version 1.2.3.4",
        "in 2024, the year",
        "A4.000 is a part number",
        "already 4,000 and 3.5%",
    ],
)
def test_other_dotted_tokens_and_english_numbers_stay(text):
    assert english_numbers(text) == text
