"""Summary length: a sentence count (3, "3") or a share of the body ("20%"), as in sumy's CLI."""

from __future__ import annotations

import math
import re

from bitexto.translate.errors import InputError

# Three sentences: the classic news lead (and the Lead-3 baseline summaries are judged by).
DEFAULT_LENGTH = 3

_COUNT = re.compile(r"\d+")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")

_HELP = "a number of sentences such as 3, or a percentage of the article such as 20%"


def resolve_length(length: int | str, available: int) -> int:
    """How many sentences to return for `length` when `available` body sentences exist.

    A count above `available` is clamped to it; a percentage is rounded half up and is
    at least 1 sentence. Zero, negative, non-numeric values and percentages above 100%
    raise InputError.
    """
    if isinstance(length, bool) or not isinstance(length, (int, str)):
        raise InputError(f"Summary length must be {_HELP}; got {length!r}.")
    if isinstance(length, int):
        count = length
    else:
        text = length.strip()
        percent = _PERCENT.fullmatch(text)
        if percent:
            share = float(percent.group(1).replace(",", "."))
            if not 0 < share <= 100:
                raise InputError(f"Summary length {length!r} must be a percentage between 1% and 100%.")
            # floor(x + 0.5): round half up, not Python's round-half-to-even.
            return min(available, max(1, math.floor(available * share / 100 + 0.5)))
        if not _COUNT.fullmatch(text):
            raise InputError(f"Summary length must be {_HELP}; got {length!r}.")
        count = int(text)
    if count < 1:
        raise InputError(f"Summary length must be at least 1 sentence; got {length!r}.")
    return min(count, available)
