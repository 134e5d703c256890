"""Numbers in the English text follow English conventions.

Spanish writes "4.000 soldados" and "3,5 %"; English readers expect "4,000" and "3.5%".
Engines often copy numbers through unchanged, so every translation passes through
`english_numbers`. A number is read by its shape, the way a reader would: a separator
followed by exactly three digits groups thousands (in either language, so
"10,000-12,000" stays as it is); any other single separator marks decimals.
Babel writes the value back in the English locale.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_decimal

NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)+(?!\w)")
SPACED_PERCENT = re.compile(r"(\d)[ \u00a0\u202f]+%")


def _read_number(token: str) -> tuple[Decimal, int] | None:
    """(value, decimal places) of a Spanish- or English-formatted number, None if unclear."""
    separators = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    kinds = set(separators)
    if len(kinds) == 2:
        decimal_mark = separators[-1]
        if separators.count(decimal_mark) != 1:
            return None
        integer_part, fraction = token.rsplit(decimal_mark, 1)
        integer_groups = re.split(r"[.,]", integer_part)
        if not _valid_grouping(integer_groups):
            return None
        return Decimal("".join(integer_groups) + "." + fraction), len(fraction)
    if len(separators) > 1:
        return (Decimal("".join(groups)), 0) if _valid_grouping(groups) else None
    whole, fraction = groups
    if len(fraction) == 3 and _valid_grouping(groups):
        return Decimal(whole + fraction), 0
    return Decimal(f"{whole}.{fraction}"), len(fraction)


def _valid_grouping(groups: list[str]) -> bool:
    first, rest = groups[0], groups[1:]
    return (
        1 <= len(first) <= 3
        and not (first == "0" and rest)
        and all(len(group) == 3 for group in rest)
    )


def _english(match: re.Match) -> str:
    token = match.group(0)
    reading = _read_number(token)
    if reading is None:
        return token
    value, places = reading
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale="en")


def english_numbers(text: str) -> str:
    """Rewrite the numbers of an English translation in English notation."""
    text = NUMBER.sub(_english, text)
    return SPACED_PERCENT.sub(r"\1%", text)
