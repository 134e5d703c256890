"""Find quoted spans in one paragraph of text, Spanish or English, broken marks included.

`find_quoted_spans(text, lo, hi, language)` scans text[lo:hi] once with a stack of open
marks and returns the outermost quotations in order: «…», “…”, "…" (straight quotes pair
up in order), ‘…’, ‹…›, and for robustness ”…” and »…«. Inner quotations stay inside
the outer one's text. Broken marks are recovered rather than dropped, because a reader
still sees a quotation:

- a closing mark with no opening one (or an opening mark standing where a closing one
  belongs, as in "… como un acto contra la humanidad «.") ends a quotation whose start
  is guessed by `recover_start`: after a colon, after the "que"/"como" that follows a
  reporting verb, after the last "que"/"como", else at the start of the clause;
- an opening mark never closed in the paragraph runs to the paragraph's end (or to the
  next opening mark of the same kind, since Spanish never nests « inside «).

Both are flagged `malformed`. Apostrophes inside or after words (O’Brien, l’Hospitalet,
rock’n’roll) are not marks. English text (engine output) additionally lets a straight
apostrophe close a ‘ that the engine opened, as Apertium does ("‘lists to arrive'").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bitexto.translate.spanish.saying import is_saying_form
from bitexto.translate.segment import split_sentences

# Opening mark → the marks that close it properly.
_CLOSERS_OF = {"«": "»", "“": "”", "‘": "’", "‹": "›", '"': '"'}
# A closing mark in opening position opens a quotation closed by itself or its mirror.
_REVERSED_CLOSERS_OF = {"»": "»«", "”": "”“", "›": "›‹"}
_OPENING_MARKS = frozenset("«“‘‹")
_CLOSING_MARKS = frozenset("»”’›")
MARK_CHARS = frozenset(_CLOSERS_OF) | _CLOSING_MARKS | {"'"}
# Characters a quotation may start with besides letters and digits.
_QUOTE_STARTERS = frozenset("¿¡([—–-«“‘‹\"'$€£#@")
_TRAILING_PUNCTUATION = " ,;:."
_WORD = re.compile(r"\w+")

# The words after which a recovered quotation starts, by recovery cue, per language.
_RECOVERY_WORDS = {
    "es": {"que": ("que",), "como": ("como",)},
    "en": {"que": ("that",), "como": ("as", "like")},
}


@dataclass(frozen=True)
class QuotedSpan:
    """One outermost quotation: content offsets (marks excluded) and how it was found."""

    start: int
    end: int
    open_at: int | None  # offset of the opening mark; None when it was missing
    close_at: int | None  # offset of the closing mark; None when never closed
    marks: str  # the marks as written: "«»", "“”", "\"\"", or "«" for a lone mark
    malformed: bool = False
    # For a recovered start: the cue used (":", "que", "como" or "start"), how many
    # occurrences of that cue follow it before the mark, and where the search began.
    recovery: str | None = None
    recovery_rank: int = 0
    region_lo: int | None = None

    @property
    def outer_start(self) -> int:
        return self.open_at if self.open_at is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass
class _Open:
    char: str
    pos: int
    closers: str


def find_quoted_spans(
    text: str, lo: int = 0, hi: int | None = None, language: str = "es"
) -> list[QuotedSpan]:
    """The outermost quotations inside text[lo:hi] (one paragraph), in order."""
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, lo)
    scanner = _Scanner(text, lo, hi, language)
    return scanner.run()


class _Scanner:
    def __init__(self, text: str, lo: int, hi: int, language: str):
        self.text, self.lo, self.hi, self.language = text, lo, hi, language
        self.stack: list[_Open] = []
        self.spans: list[QuotedSpan] = []
        self.last_end = lo  # outer end of the previous quotation: a recovered start stays after it
        self._sentence_starts: list[int] | None = None  # computed on the first lone mark

    def run(self) -> list[QuotedSpan]:
        for pos in range(self.lo, self.hi):
            char = self.text[pos]
            if char in MARK_CHARS:
                self._mark(pos, char)
        if self.stack:
            self._unclosed(self.stack[0], self.hi)
        return self.spans

    # --- one mark ---------------------------------------------------------------------

    def _mark(self, pos: int, char: str) -> None:
        if char == '"':
            self._straight(pos)
        elif char == "'":
            # Only an English engine's stand-in for ’ closing an open ‘.
            if self.language == "en" and not self._between_letters(pos):
                self._close_matching(pos, lambda entry: entry.char == "‘")
        elif char in _OPENING_MARKS:
            self._opening_mark(pos, char)
        else:
            self._closing_mark(pos, char)

    def _straight(self, pos: int) -> None:
        closes = self._glued_after_text(pos) and self._followed_by_break(pos)
        if any(entry.char == '"' for entry in self.stack):
            self._close_matching(pos, lambda entry: entry.char == '"')
        elif not self.stack and self._in_closing_position(pos) and self._glued_after_text(pos):
            self._lone_closer(pos, '"')
        elif self.stack and self.stack[-1].char in "“«" and closes:
            # “…" : a typographic quotation closed with a straight mark.
            self._close_matching(pos, lambda entry: entry is self.stack[-1], malformed=True)
        else:
            self.stack.append(_Open('"', pos, '"'))

    def _opening_mark(self, pos: int, char: str) -> None:
        if char == "‘" and self._between_letters(pos):
            return  # a mistyped apostrophe: l‘Hospitalet
        if self._in_closing_position(pos):
            if any(entry.char == char for entry in self.stack):
                self._close_matching(pos, lambda entry: entry.char == char, malformed=True)
            elif not self.stack:
                self._lone_closer(pos, char)
            return
        for index, entry in enumerate(self.stack):
            if entry.char == char:
                # Same mark opened again: the earlier one was never closed.
                if index == 0:
                    self._unclosed(entry, pos)
                del self.stack[index:]
                break
        self.stack.append(_Open(char, pos, _CLOSERS_OF[char]))

    def _closing_mark(self, pos: int, char: str) -> None:
        if char == "’":
            if self._between_letters(pos):
                return  # apostrophe: O’Brien, rock’n’roll
            if not any("’" in entry.closers for entry in self.stack):
                return  # elision or possessive after a word (los 80’), never a lone quote
        if self._close_matching(pos, lambda entry: char in entry.closers):
            return
        if char == "”" and self.stack and self.stack[-1].char == '"' and self._glued_after_text(pos):
            # "…” : a straight quotation closed with a typographic mark.
            self._close_matching(pos, lambda entry: entry is self.stack[-1], malformed=True)
            return
        if char in _REVERSED_CLOSERS_OF and self._in_opening_position(pos):
            self.stack.append(_Open(char, pos, _REVERSED_CLOSERS_OF[char]))
        elif not self.stack:
            self._lone_closer(pos, char)

    def _close_matching(self, pos: int, matches, malformed: bool = False) -> bool:
        """Close the innermost open mark that `matches`; emit it when it was outermost."""
        for index in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[index]
            if matches(entry):
                del self.stack[index:]
                if index == 0:
                    self._emit_closed(entry, pos, malformed)
                return True
        return False

    # --- emitting spans ---------------------------------------------------------------

    def _emit_closed(self, entry: _Open, close_at: int, malformed: bool) -> None:
        start, end = _trim(self.text, entry.pos + 1, close_at, "")
        self.last_end = close_at + 1
        if _has_word(self.text, start, end):
            marks = entry.char + self.text[close_at]
            self.spans.append(QuotedSpan(start, end, entry.pos, close_at, marks, malformed))

    def _unclosed(self, entry: _Open, limit: int) -> None:
        start, end = _trim(self.text, entry.pos + 1, limit, _TRAILING_PUNCTUATION)
        self.last_end = limit
        if _has_word(self.text, start, end):
            self.spans.append(QuotedSpan(start, end, entry.pos, None, entry.char, True))

    def _lone_closer(self, pos: int, char: str) -> None:
        region_lo = max(self.last_end, self._sentence_start(pos))
        recovered, cue, rank = recover_start(self.text, region_lo, pos, self.language)
        start, end = _trim(self.text, recovered, pos, _TRAILING_PUNCTUATION, leading=" ,;:—–-")
        self.last_end = pos + 1
        if _has_word(self.text, start, end):
            self.spans.append(QuotedSpan(start, end, None, pos, char, True, cue, rank, region_lo))

    # --- context ----------------------------------------------------------------------

    def _sentence_start(self, pos: int) -> int:
        if self._sentence_starts is None:
            self._sentence_starts = [start for start, _ in split_sentences(self.text, self.lo, self.hi)]
        index = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[index] if index >= 0 else self.lo

    def _between_letters(self, pos: int) -> bool:
        return (
            pos > self.lo
            and pos + 1 < self.hi
            and self.text[pos - 1].isalnum()
            and self.text[pos + 1].isalnum()
        )

    def _in_closing_position(self, pos: int) -> bool:
        """Nothing a quotation could start with follows the mark (only ". , ;" or the end)."""
        text, hi = self.text, self.hi
        after = pos + 1
        while after < hi and text[after] == " ":
            after += 1
        if after >= hi:
            return True
        if text[after].isalnum() or text[after] in _QUOTE_STARTERS:
            return False
        if text[after] in ".…":
            # "«...y entonces»" opens a quotation; "«." and "« . Luego" do not.
            dots = after
            while dots < hi and text[dots] in ".…":
                dots += 1
            return not (after == pos + 1 and dots < hi and text[dots].isalnum())
        return True

    def _followed_by_break(self, pos: int) -> bool:
        """A space, punctuation or the end after the mark: where a quotation closes."""
        return pos + 1 >= self.hi or self.text[pos + 1].isspace() or self.text[pos + 1] in ".,;:)?!…"

    def _glued_after_text(self, pos: int) -> bool:
        return pos > self.lo and not self.text[pos - 1].isspace()

    def _in_opening_position(self, pos: int) -> bool:
        before_ok = pos == self.lo or self.text[pos - 1] in " \n(—–-"
        return before_ok and pos + 1 < self.hi and self.text[pos + 1].isalnum()


def recover_start(
    text: str, region_lo: int, mark: int, language: str = "es", prefer: tuple[str, int] | None = None
) -> tuple[int, str, int]:
    """Where a quotation ending at a lone closing mark most likely starts.

    Returns (offset, cue, rank): the cue that decided (":", "que", "como" or "start")
    and how many more occurrences of it lie between the chosen one and the mark. With
    `prefer=(cue, rank)` — the decision taken on the Spanish side — the same cue at the
    same rank from the end is used first, so the English side mirrors the Spanish one.
    """
    region_lo = min(max(0, region_lo), mark)
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, region_lo, mark)]
    if prefer is not None:
        found = _nth_from_end(text, words, region_lo, mark, language, *prefer)
        if found is not None:
            return found, prefer[0], prefer[1]
    colon = text.rfind(":", region_lo, mark)
    if colon != -1:
        return colon + 1, ":", text.count(":", colon + 1, mark)
    if language == "es":
        for index in range(len(words) - 1, -1, -1):
            if is_saying_form(words[index][2]):
                # The nearest reporting verb that a "que"/"como" follows ("dijo que …").
                for follower in words[index + 1 :]:
                    if follower[2] in ("que", "como"):
                        rank = sum(1 for w in words if w[0] > follower[0] and w[2] == follower[2])
                        return follower[1], follower[2], rank
    recovery_words = _RECOVERY_WORDS.get(language, _RECOVERY_WORDS["es"])
    for index in range(len(words) - 1, -1, -1):
        for cue, spellings in recovery_words.items():
            if words[index][2] in spellings:
                return words[index][1], cue, 0
    return region_lo, "start", 0


def _nth_from_end(
    text: str,
    words: list[tuple[int, int, str]],
    region_lo: int,
    mark: int,
    language: str,
    cue: str,
    rank: int,
) -> int | None:
    if cue == "start":
        return region_lo
    if cue == ":":
        positions = [i for i in range(region_lo, mark) if text[i] == ":"]
        return positions[-1 - rank] + 1 if rank < len(positions) else None
    spellings = _RECOVERY_WORDS.get(language, _RECOVERY_WORDS["es"]).get(cue, ())
    ends = [end for _, end, word in words if word in spellings]
    return ends[-1 - rank] if rank < len(ends) else None


def _trim(text: str, start: int, end: int, trailing: str, leading: str = "") -> tuple[int, int]:
    """Content bounds without surrounding spaces (and the given punctuation)."""
    while start < end and (text[start].isspace() or text[start] in leading):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def _has_word(text: str, start: int, end: int) -> bool:
    return any(char.isalnum() for char in text[start:end])
