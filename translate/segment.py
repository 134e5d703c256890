"""Split normalised article text into blocks (lines) and sentences, with exact offsets.

Public API
----------
split_blocks(text) -> list[tuple[int, int]]
    One span per non-empty line, trimmed of surrounding whitespace.
segment_sentences(text, start=0, end=None) -> list[SentenceSpan]
    Sentence spans inside text[start:end]; each SentenceSpan(start, end, forced) has
    `forced=True` when it is a piece of an over-long sentence that was cut at a
    weaker boundary (the pipeline flags those sentences "forced_split").
split_sentences(text, start=0, end=None) -> list[tuple[int, int]]
    The same spans without the flag.
MAX_SENTENCE_CHARS
    Upper bound on the length of any returned sentence.

Guarantees for any input string: nothing raises; spans are non-empty, in order,
disjoint, start and end on non-whitespace, never cross a "\\n", lie inside
[start, end), and together cover every non-whitespace character of the region.

How a sentence boundary is found
--------------------------------
A boundary is a run of terminal marks (. ! ? … and "...") plus any closing quotes or
brackets glued to it (or after a space for unambiguous closers such as » ” ’ › ), then
whitespace, then something that can start a sentence. Because whitespace must follow,
URLs, e-mail addresses, domains, decimals (3,5 / 1.234,56 / 4.000), times (10.30 h)
and ordinals (1.º, 2.ª) are never split. Vetoes:

- the next word starts lowercase (after any opening ¿ ¡ « “ ( …): "etc. y", "… y luego",
  "¿vienes? y se fue" continue the sentence; a , ; : or % next also continues it;
- inside ¿…? and ¡…! (up to the closing mark) nothing splits;
- a single "." after an abbreviation that never ends a sentence (Sr., Dra., núm., …),
  after the first half of a two-part abbreviation (a. C., EE. UU., p. m.), after a
  single-letter initial or initials (John F. Kennedy, J. K. Rowling, J.R.R.), or after
  an enumeration number at line start ("1. Primero", "IV. Conclusiones").

Then pieces made only of punctuation (a closing » left alone, a stray "…") are merged
into the sentence before them, and pieces longer than MAX_SENTENCE_CHARS are cut at
the last "; ", ": ", ", " in their second half, else the last whitespace, else a hard
cut. Everything is a linear scan: no regex with nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from bitexto.translate.spanish import lexicon

MAX_SENTENCE_CHARS = 600


class SentenceSpan(NamedTuple):
    start: int
    end: int
    forced: bool = False


# --- Data ----------------------------------------------------------------------------


_TERMINAL_RUN = re.compile(r"[.!?…‼⁇⁈⁉]+")
# Closing marks that can only close: glued to the terminal or after a space.
_STRICT_CLOSERS = frozenset("»”’›)]}")
# Marks that open as often as they close: part of the sentence only when glued to it.
_GLUED_CLOSERS = frozenset("\"'")
# Skipped when looking for the first letter of the next sentence.
_OPENERS = frozenset("¿¡«“‘‹\"'([{—–-―")
# A following character that continues the sentence.
_CONTINUERS = frozenset(",;:%")
_ENUMERATION = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6})\.")
_LOOKAROUND_LIMIT = 64  # longest token inspected around a period


# --- Blocks --------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int):
    """(line_start, line_end) of each line of text[start:end], newline excluded."""
    pos = start
    while pos <= end:
        newline = text.find("\n", pos, end)
        if newline == -1:
            yield pos, end
            return
        yield pos, newline
        pos = newline + 1


def split_blocks(text: str) -> list[tuple[int, int]]:
    """One span per line with any non-whitespace content, trimmed of whitespace."""
    blocks = []
    for line_start, line_end in _lines(text, 0, len(text)):
        start, end = _trim(text, line_start, line_end)
        if start < end:
            blocks.append((start, end))
    return blocks


# --- Sentences -----------------------------------------------------------------------


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end]; see the module docstring for the rules."""
    return [(span.start, span.end) for span in segment_sentences(text, start, end)]


def segment_sentences(text: str, start: int = 0, end: int | None = None) -> list[SentenceSpan]:
    """Sentence spans inside text[start:end], flagged `forced` when cut for length."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    spans: list[SentenceSpan] = []
    for line_start, line_end in _lines(text, start, end):
        for piece_start, piece_end in _sentences_in_line(text, line_start, line_end):
            spans.extend(_bounded(text, piece_start, piece_end))
    return spans


def _sentences_in_line(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    lo, hi = _trim(text, lo, hi)
    if lo >= hi:
        return []
    cuts = list(_boundaries(text, lo, hi))
    pieces = []
    piece_start = lo
    for cut in cuts + [hi]:
        span = _trim(text, piece_start, cut)
        if span[0] < span[1]:
            pieces.append(span)
        piece_start = cut
    return _merge_punctuation_only(text, pieces)


def _merge_punctuation_only(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece with no letter or digit (a lone », a stray …) joins a neighbour."""
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None  # leading punctuation-only piece waiting for a home
    for start, end in pieces:
        if not any(char.isalnum() for char in text[start:end]):
            if merged:
                merged[-1] = (merged[-1][0], end)
            elif pending_start is None:
                pending_start = start
            continue
        if pending_start is not None:
            start, pending_start = pending_start, None
        merged.append((start, end))
    if pending_start is not None:
        # The whole line is punctuation: it is still one sentence.
        merged.append((pending_start, pieces[-1][1]))
    return merged


def _question_exclamation_zones(text: str, lo: int, hi: int) -> bytearray:
    """Mask of positions inside ¿…? or ¡…! (the closing mark itself is outside).

    Each closing mark pairs with the nearest opening mark after the previous closing
    mark, so one forgotten ? does not glue the rest of the paragraph together.
    """
    mask = bytearray(hi - lo)
    for opener, closer in (("¿", "?"), ("¡", "!")):
        previous_close = lo - 1
        close_at = text.find(closer, lo, hi)
        while close_at != -1:
            open_at = text.rfind(opener, previous_close + 1, close_at)
            if open_at != -1:
                mask[open_at - lo : close_at - lo] = b"\x01" * (close_at - open_at)
            previous_close = close_at
            close_at = text.find(closer, close_at + 1, hi)
    return mask


def _boundaries(text: str, lo: int, hi: int):
    """Positions (exclusive ends) where a sentence ends inside the line text[lo:hi]."""
    inside_question = _question_exclamation_zones(text, lo, hi)
    for match in _TERMINAL_RUN.finditer(text, lo, hi):
        run_start, run_end = match.span()
        if inside_question[run_start - lo]:
            continue
        cut = _absorb_closers(text, run_end, hi)
        if cut >= hi or not text[cut].isspace():
            continue  # end of line (no cut needed) or glued to more text: 3.5, x.com
        next_start = cut
        while next_start < hi and text[next_start].isspace():
            next_start += 1
        if next_start >= hi or _continues_sentence(text, next_start, hi):
            continue
        if text[run_start:run_end] == "." and _period_is_not_final(text, lo, run_start, next_start, hi):
            continue
        yield cut


def _absorb_closers(text: str, pos: int, hi: int) -> int:
    """End of the closing quotes/brackets that belong to a terminal ending at pos."""
    while pos < hi:
        if text[pos] in _STRICT_CLOSERS or text[pos] in _GLUED_CLOSERS:
            pos += 1
            continue
        after_spaces = pos
        while after_spaces < hi and text[after_spaces] == " ":
            after_spaces += 1
        if after_spaces > pos and after_spaces < hi and text[after_spaces] in _STRICT_CLOSERS:
            pos = after_spaces + 1
            continue
        break
    return pos


def _continues_sentence(text: str, pos: int, hi: int) -> bool:
    """Whether what starts at pos continues the current sentence (lowercase, comma…)."""
    if text[pos] in _CONTINUERS:
        return True
    limit = min(hi, pos + 4)
    while pos < limit and text[pos] in _OPENERS:
        pos += 1
    return pos < hi and text[pos].islower()


def _token_before(text: str, lo: int, end: int) -> tuple[int, str] | None:
    """(start, token) of the whitespace-free token ending at `end`, openers stripped."""
    start = end
    floor = max(lo, end - _LOOKAROUND_LIMIT)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    if start == floor and start > lo and not text[start - 1].isspace():
        return None  # too long to be an abbreviation
    token_start = start
    while token_start < end and text[token_start] in _OPENERS:
        token_start += 1
    return start, text[token_start:end]


def _token_after(text: str, pos: int, hi: int) -> str:
    end = pos
    limit = min(hi, pos + _LOOKAROUND_LIMIT)
    while end < limit and not text[end].isspace():
        end += 1
    return text[pos:end]


def _is_initials(token: str) -> bool:
    """J. / J.K. / J.R.R.: one to three single capital letters, each with a period."""
    parts = token[:-1].split(".")
    return 1 <= len(parts) <= 3 and all(len(part) == 1 and part.isupper() for part in parts)


def _period_is_not_final(text: str, lo: int, period: int, next_start: int, hi: int) -> bool:
    """Whether a lone "." at `period`, followed by text at next_start, ends nothing."""
    found = _token_before(text, lo, period + 1)
    if found is None:
        return False
    token_start, token = found
    lowered = token.lower()
    if token_start == lo and _ENUMERATION.fullmatch(token):
        return True
    # "a. C.," and "EE. UU.)" still pair: trailing punctuation is not part of the token.
    following = _token_after(text, next_start, hi).lower().rstrip(",;:!?)]}»”’\"'")
    if f"{lowered} {following}" in lexicon.words("abbreviations_two_tokens"):
        return True
    previous_found = _token_before(text, lo, _skip_space_back(text, lo, token_start))
    if previous_found is not None and f"{previous_found[1].lower()} {lowered}" in lexicon.words("abbreviations_two_tokens"):
        return False  # "a. C." as a whole can close a sentence, unlike a lone initial
    if lowered in lexicon.words("abbreviations_never_final"):
        return True
    return _is_initials(token)


def _skip_space_back(text: str, lo: int, pos: int) -> int:
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


# --- Over-long sentences -------------------------------------------------------------


def _bounded(text: str, start: int, end: int) -> list[SentenceSpan]:
    """The span itself, or pieces of at most MAX_SENTENCE_CHARS flagged as forced."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [SentenceSpan(start, end)]
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _best_cut(text, start, start + MAX_SENTENCE_CHARS)
        piece_start, piece_end = _trim(text, start, cut)
        pieces.append(SentenceSpan(piece_start, piece_end, True))
        start, end = _trim(text, cut, end)
    if start < end:
        pieces.append(SentenceSpan(start, end, True))
    return pieces


def _best_cut(text: str, start: int, limit: int) -> int:
    """Where to end a forced piece that starts at `start` and may not pass `limit`.

    The cut is an exclusive end in (start, limit]; text[start] is not whitespace.
    """
    half = start + (limit - start) // 2
    for separator in ("; ", ": ", ", "):
        found = text.rfind(separator, half, limit)
        if found != -1:
            return found + 1
    # limit < the sentence's end, so text[limit] exists; a space there is the best cut.
    for position in range(limit, start, -1):
        if text[position].isspace():
            return position
    for separator in (";", ":", ","):
        found = text.rfind(separator, start, limit)
        if found != -1:
            return found + 1
    # No space at all: a hard cut, moved back so a combining mark stays with its base.
    cut = limit
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut
