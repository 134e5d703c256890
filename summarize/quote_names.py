"""Capitalised name sequences in Spanish text, and resolving a short mention to a full name.

A name run is a sequence of capitalised words separated only by spaces, with lowercase
connectors allowed between them ("Comisión Militar Central de Corea del Norte",
"Putin y Kim"). Capitalised sentence openers ("El", "Solo", "Finalmente") are not names:
function words are dropped, and so is a sentence-initial word that the article also
writes in lowercase elsewhere.

`NameIndex` holds the runs of the article's own text (body and headline blocks) so a
mention can be completed from an earlier, fuller one: "Putin" → "Vladimir Putin",
"la comisión" → "Comisión Militar Central de Corea del Norte".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bitexto.summarize.quote_cues import FUNCTION_WORDS, NAME_CONNECTORS, plain

TOKEN = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_MAX_CONNECTORS = 2
_SENTENCE_BREAK = re.compile(r"[.!?…:;\n\x1f«»“”\"]")
# A speaker's given names plus surname rarely exceed this many words.
_MAX_PERSON_WORDS = 4
# Capitalised articles inside Arabic names; the surname after them may be written in
# lowercase ("Nabil El hadi").
SURNAME_ARTICLES = frozenset({"el", "al"})


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def has_connector(self) -> bool:
        return any(not word[:1].isupper() for word in self.words)


def tokens(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match]:
    hi = len(text) if hi is None else hi
    return list(TOKEN.finditer(text, lo, hi))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def name_runs(text: str, lo: int, hi: int, lowercase_words: frozenset[str] = frozenset()) -> list[NameRun]:
    """Name runs inside text[lo:hi], in order (see the module docstring)."""
    found = tokens(text, lo, hi)
    runs: list[NameRun] = []
    index = 0
    while index < len(found):
        if not is_capitalised(found[index].group()):
            index += 1
            continue
        members = [found[index]]
        cursor = index + 1
        while cursor < len(found):
            # Up to two connectors, then a capitalised word, all separated by spaces only.
            step = cursor
            while (
                step < len(found)
                and step - cursor < _MAX_CONNECTORS
                and found[step].group() in NAME_CONNECTORS
                and _spaces_only(text, found[step - 1].end(), found[step].start())
            ):
                step += 1
            if (
                step < len(found)
                and is_capitalised(found[step].group())
                and (_spaces_only(text, found[step - 1].end(), found[step].start())
                     or _after_initial(text, found[step - 1], found[step].start()))
            ):
                members.extend(found[cursor : step + 1])
                cursor = step + 1
            else:
                break
        if cursor < len(found) and _lowercase_surname(text, members, found[cursor]):
            members.append(found[cursor])
            cursor += 1
        run = _clean_run(text, lo, members, lowercase_words)
        if run is not None:
            runs.append(run)
        index = cursor
    return runs


def _lowercase_surname(text: str, members: list[re.Match], following: re.Match) -> bool:
    """A name never ends on its article: the lowercase word after "El"/"Al" is the surname."""
    last, word = members[-1].group(), following.group()
    return (
        len(members) >= 2
        and is_capitalised(last)
        and last.lower() in SURNAME_ARTICLES
        and word.islower()
        and word not in FUNCTION_WORDS
        and _spaces_only(text, members[-1].end(), following.start())
    )


def _after_initial(text: str, previous: re.Match, start: int) -> bool:
    """ "Manuel M. Villalba": a one-letter initial and its period stay inside the name."""
    word = previous.group()
    return len(word) == 1 and word.isupper() and text[previous.end() : start] == ". "


def _spaces_only(text: str, start: int, end: int) -> bool:
    return start < end and text[start:end].strip(" ") == ""


def _clean_run(
    text: str, lo: int, members: list[re.Match], lowercase_words: frozenset[str]
) -> NameRun | None:
    """Drop capitalised function words, sentence openers and photo credits at the front of a run."""
    while members:
        word = members[0].group()
        lowered = word.lower()
        opens_sentence = _opens_sentence(text, lo, members[0].start())
        # A photo credit in capitals glued to the name that follows it ("EFE Marta
        # Gil", "JUAN PÉREZ EFE La Guardia Civil").
        credit = _shouting(word) and any(not _shouting(m.group()) for m in members[1:])
        if (
            lowered in FUNCTION_WORDS
            or lowered in NAME_CONNECTORS
            or not is_capitalised(word)
            or lowered.endswith("mente")
            or (opens_sentence and lowered in lowercase_words)
            or credit
        ):
            members = members[1:]
            continue
        break
    while members and not is_capitalised(members[-1].group()) and not (
        len(members) >= 2 and members[-2].group().lower() in SURNAME_ARTICLES and is_capitalised(members[-2].group())
    ):
        members = members[:-1]
    if not members or (len(members) > 1 and all(_shouting(m.group()) for m in members)):
        return None  # nothing left, or a credit line in capitals ("JESÚS HELLÍN")
    words = tuple(m.group() + "." if _is_initial(text, m) and m is not members[-1] else m.group() for m in members)
    return NameRun(members[0].start(), members[-1].end(), words)


def _shouting(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _is_initial(text: str, match: re.Match) -> bool:
    word = match.group()
    return len(word) == 1 and word.isupper() and text[match.end() : match.end() + 1] == "."


def _opens_sentence(text: str, lo: int, pos: int) -> bool:
    before = text[max(lo, pos - 4) : pos].strip(" ¿¡(—–-")
    return pos <= lo or before == "" or bool(_SENTENCE_BREAK.search(before[-1:]))


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the text writes in lowercase somewhere: capitalised at a sentence start they are not names."""
    return frozenset(m.group() for m in TOKEN.finditer(text) if m.group()[:1].islower())


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
                self._by_head.setdefault(plain(run.words[0]), []).append(run)

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
        earlier = [run for run in self.runs if run.start < position and plain(run.words[0]) in heads]
        return earlier[-1].text if earlier else None

    def organisation(self, head: str, position: int) -> str | None:
        """The latest earlier multi-word name headed by `head` ("comisión" → "Comisión Militar …")."""
        earlier = [run for run in self._by_head.get(plain(head), []) if run.start < position]
        return earlier[-1].text if earlier else None
