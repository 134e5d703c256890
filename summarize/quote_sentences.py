"""Which sentence of a block holds an offset: a bisect over sentence starts.

Quotations are located in their sentences many times over (speaker cues, English
alignment, flags); a linear scan per lookup would be quadratic on long paragraphs.
"""

from __future__ import annotations

import bisect

from bitexto.translate.document import Sentence


class SentenceLocator:
    """Sentences of one block (in order, disjoint), looked up by offset."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [sentence.start for sentence in sentences]

    def index_at(self, pos: int) -> int:
        """Index of the last sentence starting at or before `pos` (0 before the first)."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def at(self, pos: int) -> Sentence:
        return self.sentences[self.index_at(pos)]

    def touched(self, start: int, end: int) -> list[Sentence]:
        """Sentences overlapping [start, end)."""
        if end <= start or not self.sentences:
            return []
        first, last = self.index_at(start), self.index_at(end - 1)
        return [s for s in self.sentences[first : last + 1] if s.start < end and start < s.end]
