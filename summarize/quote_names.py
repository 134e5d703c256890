"""Resolving a short mention to the fullest name the article gives.

`NameIndex` holds the name runs of the article's own text (body and headline blocks; runs
from the name finder, bitexto.translate.spanish.names) so a mention can be completed from an
earlier, fuller one: "Putin" → "Vladimir Putin", "la comisión" → "Comisión Militar Central
de Corea del Norte".
"""

from __future__ import annotations

from collections import Counter

from bitexto.translate.spanish.fold import fold
from bitexto.translate.spanish.names import NameRun, is_capitalised

# A speaker's given names plus surname rarely exceed this many words.
_MAX_PERSON_WORDS = 4


class NameIndex:
    """Name runs of the article's own text, to complete short mentions from earlier ones."""

    def __init__(self, runs: list[NameRun]):
        self.runs = sorted(runs, key=lambda run: run.start)
        # Multi-word person-like runs (capitalised words only) by first and by last word,
        # and multi-word runs by their plain head word: only a longer run can complete a
        # mention, and lookups stay cheap on long texts that repeat a surname.
        self._counts = Counter(run.words for run in self.runs)
        self._by_edge_word: dict[str, list[NameRun]] = {}
        self._by_head: dict[str, list[NameRun]] = {}
        for run in self.runs:
            if not run.has_connector and 2 <= len(run.words) <= _MAX_PERSON_WORDS:
                for word in {run.words[0], run.words[-1]}:
                    self._by_edge_word.setdefault(word, []).append(run)
            if len(run.words) >= 2:
                self._by_head.setdefault(fold(run.words[0]), []).append(run)

    def full_name(self, mention: str, position: int) -> str:
        """The fullest earlier name ending (or starting) with `mention`'s words, else `mention`.

        Only capitalised words may be added ("Putin" → "Vladimir Putin", "Kim" → "Kim
        Jong Un"): "Rusia" must not grow into "Guerra de Rusia".
        """
        if " y " in mention:
            return " y ".join(self.full_name(part, position) for part in mention.split(" y "))
        words = tuple(mention.split())
        if not words or any(not is_capitalised(word) for word in (words[0], words[-1])):
            return mention
        # Among the earlier, longer runs that end or start with the mention, the one the
        # article writes most often, then the longest: a caption's photo credit glued to
        # a name once ("Ana Ruiz Pedro Sanz") loses to the name written alone.
        best, best_key = mention, (0, 0)
        candidates = self._by_edge_word.get(words[-1], []) + self._by_edge_word.get(words[0], [])
        for run in candidates:
            if run.start >= position or len(run.words) <= len(words):
                continue
            if run.words[-len(words) :] == words or run.words[: len(words)] == words:
                key = (self._counts[run.words], len(run.words))
                if key > best_key:
                    best, best_key = run.text, key
        return best

    def latest_headed_by(self, heads: frozenset[str], position: int) -> str | None:
        """The latest earlier name, of one word or more, whose first word is one of `heads` (plain)."""
        earlier = [run for run in self.runs if run.start < position and fold(run.words[0]) in heads]
        return earlier[-1].text if earlier else None

    def organisation(self, head: str, position: int) -> str | None:
        """The latest earlier multi-word name headed by `head` ("comisión" → "Comisión Militar …")."""
        earlier = [run for run in self._by_head.get(fold(head), []) if run.start < position]
        return earlier[-1].text if earlier else None
