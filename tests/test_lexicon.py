"""The lexicon: every Spanish word list is a data file that keeps its header's promise, and
the one fold that compares Spanish words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from bitexto.translate.spanish import lexicon
from bitexto.translate.spanish.fold import fold

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("translate", "summarize", "bitexto", "webapp", "bench")


@pytest.mark.parametrize("name", lexicon.list_names())
def test_every_list_keeps_its_normal_form_and_has_no_duplicates(name):
    found = lexicon.word_list(name)  # raises LexiconError on an entry out of its form
    assert found.purpose and found.entries
    assert len(set(found.entries)) == len(found.entries), [e for e in found.entries if found.entries.count(e) > 1]
    assert lexicon.alternation(name)  # every list compiles to a pattern


def test_lists_that_mean_the_same_share_no_entry():
    by_meaning: dict[str, list[str]] = {}
    for name in lexicon.list_names():
        if lexicon.word_list(name).means:
            by_meaning.setdefault(lexicon.word_list(name).means, []).append(name)
    shared = []
    for names in by_meaning.values():
        for position, first in enumerate(names):
            for second in names[position + 1:]:
                both = lexicon.words(first) & lexicon.words(second)
                if both:
                    shared.append((first, second, sorted(both)))
    assert shared == []


def test_every_list_is_read_by_the_code():
    """A list no module names is dead knowledge: remove it or use it."""
    source = "\n".join(path.read_text(encoding="utf-8") for folder in SOURCE_FOLDERS
                       for path in (ROOT / folder).rglob("*.py"))
    lists = "\n".join(path.read_text(encoding="utf-8") for path in lexicon.FOLDER.glob("*.txt"))
    unread = [name for name in lexicon.list_names()
              if not re.search(rf"[\"']{name}[\"']", source) and "{" + name + "}" not in lists]
    assert unread == []


def test_an_entry_out_of_its_form_is_refused_with_the_reason():
    folded = lexicon.WordList("x", "test", "folded", None, None, ())
    assert "not folded" in lexicon.entry_problem(folded, "Añade")
    assert lexicon.entry_problem(folded, "añade") is None  # ñ is kept by the fold
    lemma = lexicon.WordList("x", "test", "lemma", None, None, ())
    assert "one word" in lexicon.entry_problem(lemma, "decir que")
    pattern = lexicon.WordList("x", "test", "pattern", None, None, ())
    assert "not folded" in lexicon.entry_problem(pattern, r"Publicado\s+por")
    assert lexicon.entry_problem(pattern, r"publicado\s+por \S+") is None  # escapes are not letters
    assert "regular expression" in lexicon.entry_problem(pattern, "(?:abierto")
    mapping = lexicon.WordList("x", "test", "mapping", "folded", None, ())
    assert "spanish = english" in lexicon.entry_problem(mapping, "sin traducción")


def test_a_pattern_list_expands_the_lists_it_names():
    months = lexicon.alternation("months")
    assert months in lexicon.alternation("date_stamp_words") or lexicon.alternation("weekdays") in \
        lexicon.alternation("date_stamp_words")
    assert re.fullmatch(lexicon.alternation("date_stamp_words"), "miercoles")


def test_fold_lowers_and_drops_accents_but_keeps_the_enye():
    assert fold("Añade un COMENTARIO") == "añade un comentario"
    assert fold("Miércoles, PINGÜINO") == "miercoles, pinguino"
    assert fold("Tamaño") != fold("Tamano")


@given(st.text())
def test_fold_keeps_offsets_and_is_idempotent(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded
