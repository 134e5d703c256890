"""The user's glossary: Spanish terms and the English they must always read.

    Sanidad → Ministry of Health
    Mossos d'Esquadra → Mossos d'Esquadra      (mapped to itself: do not translate)

Terms match on word boundaries, ignoring case but not accents, the longest term first
where two could match at one place. The English keeps the source's case where that makes
sense: a capitalised occurrence ("Sanidad" at a sentence start) capitalises a lower-case
translation, an all-capitals one (a headline) is written in capitals, and a term mapped
to itself is kept exactly as the article writes it.

Glossaries are read from CSV or TSV files (two columns; a header row naming the columns
is skipped), or from text with one "término = translation" a line, the web form's box.
Every problem is a GlossaryError with a message fit to show the user as it is.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from bitexto.translate.protect import Keep
from bitexto.translate.spanish import lexicon

MAX_BYTES = 1_000_000
MAX_ENTRIES = 10_000
MAX_TERM_CHARS = 200


class GlossaryError(ValueError):
    """A glossary that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Glossary:
    entries: tuple[tuple[str, str], ...]  # (Spanish term, English) in the order given
    _pattern: re.Pattern | None = field(default=None, compare=False, repr=False)
    _english: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[object, object]]) -> "Glossary":
        entries: dict[str, tuple[str, str]] = {}
        for number, pair in enumerate(pairs, start=1):
            try:
                term, english = pair
            except (TypeError, ValueError):
                raise GlossaryError(f"glossary entry {number}: give a term and its English") from None
            if not isinstance(term, str) or not isinstance(english, str):
                raise GlossaryError(f"glossary entry {number}: the term and its English must be text")
            term, english = " ".join(term.split()), " ".join(english.split())
            if not term:
                raise GlossaryError(f"glossary entry {number}: the Spanish term is empty")
            if not english:
                raise GlossaryError(f"glossary entry {number} ({term!r}): the English is empty")
            if len(term) > MAX_TERM_CHARS or len(english) > MAX_TERM_CHARS:
                raise GlossaryError(f"glossary entry {number}: longer than {MAX_TERM_CHARS} characters")
            key = term.lower()
            if key in entries and entries[key][1] != english:
                raise GlossaryError(
                    f"glossary entry {number}: {term!r} is given twice with different English "
                    f"({entries[key][1]!r} and {english!r})")
            entries[key] = (term, english)
            if len(entries) > MAX_ENTRIES:
                raise GlossaryError(f"the glossary has more than {MAX_ENTRIES:,} terms")
        return cls(tuple(entries.values()))

    @classmethod
    def from_mapping(cls, mapping: object) -> "Glossary":
        """From a JSON object {"término": "translation"} or a list of [term, translation] pairs."""
        if isinstance(mapping, dict):
            return cls.from_pairs(mapping.items())
        if isinstance(mapping, list):
            return cls.from_pairs(mapping)
        raise GlossaryError('the glossary must be an object {"término": "translation"}')

    @classmethod
    def parse(cls, text: str) -> "Glossary":
        """From CSV, TSV or "término = translation" lines (each line may use its own form)."""
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise GlossaryError(f"the glossary is larger than {MAX_BYTES // 1_000_000} MB")
        pairs = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            pair = _split_line(line)
            if pair is None:
                raise GlossaryError(
                    f"glossary line {number}: write the term and its English separated by a tab, "
                    "a comma or \" = \"")
            if not pairs and {pair[0].strip().lower(), pair[1].strip().lower()} <= lexicon.words("glossary_header_words"):
                continue  # a header row
            pairs.append(pair)
        return cls.from_pairs(pairs)

    @classmethod
    def from_file(cls, path: str | Path) -> "Glossary":
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise GlossaryError(f"{path}: the glossary is larger than {MAX_BYTES // 1_000_000} MB")
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise GlossaryError(f"{path}: cannot read the glossary ({error.strerror or error})") from None
        except UnicodeDecodeError:
            raise GlossaryError(f"{path}: the glossary is not UTF-8 text") from None
        try:
            return cls.parse(text)
        except GlossaryError as error:
            raise GlossaryError(f"{path}: {error}") from None

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def fingerprint(self) -> str:
        """Identifies the glossary's content (not the order of its entries)."""
        digest = hashlib.sha256("\n".join(f"{t.lower()}\t{e}" for t, e in sorted(self.entries)).encode())
        return digest.hexdigest()[:16]

    def keeps(self, sentence: str) -> list[Keep]:
        """Where the glossary's terms occur in `sentence`, with the English each must read."""
        if not self.entries:
            return []
        pattern, english = self._compiled()
        found = []
        for match in pattern.finditer(sentence):
            written = match.group()
            found.append(Keep(match.start(), match.end(), _cased(written, english[written.lower()]), "term"))
        return found

    def _compiled(self) -> tuple[re.Pattern, dict[str, str]]:
        if self._pattern is None:
            terms = sorted((t for t, _ in self.entries), key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)",
                                 re.IGNORECASE)
            object.__setattr__(self, "_pattern", pattern)
            object.__setattr__(self, "_english", {t.lower(): e for t, e in self.entries})
        return self._pattern, self._english


def _split_line(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        parts = line.split("\t")
    elif " = " in line or line.count("=") == 1:
        parts = line.split("=", 1) if " = " not in line else line.split(" = ", 1)
    elif "," in line or '"' in line:
        parts = next(csv.reader(io.StringIO(line)))
    else:
        return None
    parts = [part.strip() for part in parts]
    while len(parts) > 2 and not parts[-1]:
        parts.pop()
    return (parts[0], parts[1]) if len(parts) == 2 else None


def _cased(written: str, english: str) -> str:
    if written.lower() == english.lower():
        return written  # a do-not-translate term reads as the article writes it
    if len(written) > 1 and written.isupper() and not english.isupper():
        return english.upper()
    if written[:1].isupper() and english[:1].islower():
        return english[:1].upper() + english[1:]
    return english
