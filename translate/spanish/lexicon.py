"""Every Spanish word list bitexto knows, read from `lexicon/*.txt`: one list a file.

A file starts with its header, then one entry a line (blank lines and `#` comments ignored):

    # purpose: Verbs Spanish news use to report speech or writing.
    # form: lemma
    # means: verb-of-saying

`form` is the normal form every entry has, checked when the list is read:

- folded    — as `fold` gives it (lowercase, vowels without accents, ñ kept): what most
              wording is compared in;
- lowercase — lowercase, accents kept ("él", "según");
- lemma     — a spaCy lemma: lowercase, accents kept, one word;
- written   — as it appears in text, case and all ("EFE", "EE.UU.");
- pattern   — one regular-expression alternative a line, matched against folded text;
              `{name}` inside a line stands for the entries of list `name`;
- mapping F — `spanish = english` a line, the Spanish side in form F.

`means` is what the list stands for: two lists that mean the same may not share an entry
(tests/test_lexicon.py). Read a list with `words`, `entries`, `mapping`, `alternation` or
`pattern`; each file is read once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from bitexto.translate.spanish.fold import fold

FOLDER = Path(__file__).resolve().parent / "lexicon"
FORMS = ("folded", "lowercase", "lemma", "written", "pattern", "mapping")
_HEADER = re.compile(r"#\s*(purpose|form|means)\s*:\s*(.+)")
_REFERENCE = re.compile(r"\{([a-z0-9_]+)\}")
_ESCAPE = re.compile(r"\\.")


class LexiconError(ValueError):
    """A lexicon file that breaks its own header's promise."""


@dataclass(frozen=True)
class WordList:
    name: str
    purpose: str
    form: str  # one of FORMS
    key_form: str | None  # a mapping's Spanish side
    means: str | None
    entries: tuple[str, ...]  # in file order; for a mapping, the "spanish = english" lines


def list_names() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.txt"))


@functools.cache
def word_list(name: str) -> WordList:
    path = FOLDER / f"{name}.txt"
    if not path.is_file():
        raise LexiconError(f"no lexicon list {name!r} in {FOLDER}")
    header: dict[str, str] = {}
    entries: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            found = _HEADER.fullmatch(stripped)
            if found and not entries:
                header[found.group(1)] = found.group(2).strip()
            continue
        entries.append(stripped)
    form, _, key_form = header.get("form", "").partition(" ")
    if "purpose" not in header or form not in FORMS:
        raise LexiconError(f"{path.name}: the header must state its purpose and a form among {FORMS}")
    if form == "mapping" and key_form not in FORMS[:4]:
        raise LexiconError(f"{path.name}: a mapping states the form of its Spanish side (mapping folded, …)")
    result = WordList(name, header["purpose"], form, key_form or None, header.get("means"), tuple(entries))
    for entry in entries:
        problem = entry_problem(result, entry)
        if problem:
            raise LexiconError(f"{path.name}: {entry!r} {problem}")
    return result


def entry_problem(word_list: WordList, entry: str) -> str | None:
    """Why `entry` breaks the list's normal form, or None."""
    form = word_list.form
    if form == "mapping":
        spanish, equals, english = entry.partition("=")
        if not equals or not spanish.strip() or not english.strip():
            return "is not `spanish = english`"
        entry, form = spanish.strip(), word_list.key_form
    if form == "folded" and fold(entry) != entry:
        return f"is not folded (fold gives {fold(entry)!r})"
    if form in ("lowercase", "lemma") and entry.lower() != entry:
        return "is not lowercase"
    if form == "lemma" and " " in entry:
        return "is not one word"
    if form == "pattern":
        literal = _REFERENCE.sub("", _ESCAPE.sub("", entry))
        if fold(literal) != literal:
            return "holds letters that are not folded"
        try:
            re.compile(_REFERENCE.sub("x", entry))
        except re.error as error:
            return f"is not a regular expression ({error})"
    return None


def entries(name: str) -> tuple[str, ...]:
    """The list's entries in file order (for a mapping, its Spanish sides)."""
    found = word_list(name)
    if found.form == "mapping":
        return tuple(mapping(name))
    return found.entries


@functools.cache
def words(name: str) -> frozenset[str]:
    return frozenset(entries(name))


@functools.cache
def mapping(name: str) -> dict[str, str]:
    found = word_list(name)
    if found.form != "mapping":
        raise LexiconError(f"{name} is a list of {found.form} words, not a mapping")
    pairs = (entry.partition("=") for entry in found.entries)
    return {spanish.strip(): english.strip() for spanish, _, english in pairs}


@functools.cache
def alternation(name: str) -> str:
    """The list as one non-capturing regular-expression group, longest entries first.

    Word lists are escaped; a pattern list's lines are alternatives as written, with
    `{other}` references expanded."""
    found = word_list(name)
    if found.form == "pattern":
        alternatives = [_REFERENCE.sub(lambda ref: alternation(ref.group(1)), line) for line in found.entries]
    else:
        alternatives = [re.escape(entry) for entry in sorted(entries(name), key=len, reverse=True)]
    if not alternatives:
        raise LexiconError(f"{name} is empty")
    return "(?:" + "|".join(alternatives) + ")"


@functools.cache
def pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(alternation(name), flags)
