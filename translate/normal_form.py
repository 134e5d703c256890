"""The canonical form of pasted text: the one string every offset of a document refers to.

`normalize` is idempotent: normalize(normalize(x)) == normalize(x). Its own module so that
the readers of each input format (translate.clean, translate.html_fragment) can share it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Windows (\r\n) and old Mac (\r) newlines, Word's manual line break (\v), form feed,
# NEL and the Unicode line/paragraph separators all mean "new line" to a reader.
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# Characters kept although they are control characters: the newline is structure.
_KEPT_CONTROLS = {"\n"}


def _scanned_code_points():
    yield from range(0x20000)  # BMP (surrogates included) and plane 1
    yield from range(0xE0000, 0xF0000)  # plane 14: language tags, variation selectors


@cache
def _char_table() -> dict[int, str | None]:
    """str.translate table: drop invisible characters, turn every space into " ".

    Built from the Unicode database on first use, so it follows whatever Unicode
    version Python ships. Only planes 0, 1 and 14 hold Cc/Cf/Zs characters (planes 2-13
    are ideographs or unassigned, 15-16 private use), so only those are scanned.
    Dropped: control characters (Cc) except "\\n", format characters (Cf: zero-width
    spaces and joiners, BOM, soft hyphen, bidi marks) and lone surrogates (Cs), which
    a pasted page can carry but no reader sees. Spaces (Zs: NBSP, narrow NBSP, thin,
    ideographic…) and the tab become an ordinary space.
    """
    table: dict[int, str | None] = {}
    for code in _scanned_code_points():
        char = chr(code)
        category = unicodedata.category(char)
        if char in _KEPT_CONTROLS:
            continue
        if char == "\t" or category == "Zs":
            if char != " ":
                table[code] = " "
        elif category in ("Cc", "Cf", "Cs"):
            table[code] = None
        elif char.isspace():
            # Remaining Unicode whitespace outside Zs/Cc (none today) reads as a space.
            table[code] = " "
    return table


def normalize(text: str) -> str:
    """Canonical form of pasted plain text; all downstream offsets refer to its result.

    - every kind of line break becomes "\\n";
    - NBSP, narrow NBSP and other Unicode spaces, and tabs, become " ";
    - zero-width characters, BOM, soft hyphens and other control/format characters go;
    - NFC composition (so "e" + combining acute and "é" are the same text);
    - trailing spaces of each line go (leading ones stay: blocks are trimmed anyway).
    """
    text = _LINE_BREAK.sub("\n", text)
    text = text.translate(_char_table())
    text = unicodedata.normalize("NFC", text)
    # rstrip per line rather than a regex: " +$" backtracks quadratically on long
    # runs of spaces that are not at a line end.
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))
