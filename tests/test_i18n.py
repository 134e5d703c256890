"""The UI catalogues: every UI string is extracted, translated into Spanish, and current."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bitexto.webapp.i18n import CATALOGUES, compile_catalogues

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None,
            "lazy_ngettext": (1, 2)}


def extracted_ids() -> set:
    with open(ROOT / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        ids.add(message if isinstance(message, str) else tuple(message))
    return ids


def catalogue(language: str):
    with open(CATALOGUES / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def ids_of(catalog) -> set:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


@pytest.fixture(scope="module")
def ui_strings():
    return extracted_ids()


def test_the_extraction_finds_the_ui_strings(ui_strings):
    # Guards the test itself: an extraction that finds nothing would pass everything below.
    assert "Try the example" in ui_strings  # a template
    assert "unknown words" in ui_strings  # python, lazy
    assert ("%(num)s sentence", "%(num)s sentences") in ui_strings  # a plural
    assert len(ui_strings) > 50


def test_every_ui_string_is_translated_into_spanish(ui_strings):
    spanish = catalogue("es")
    untranslated = []
    for msgid in sorted(ui_strings, key=str):
        message = spanish.get(msgid if isinstance(msgid, str) else msgid[0])
        strings = [] if message is None else (
            [message.string] if isinstance(message.string, str) else list(message.string))
        if message is None or not all(s.strip() for s in strings) or not strings:
            untranslated.append(msgid)
    assert not untranslated, f"missing or empty in es/messages.po: {untranslated}"


@pytest.mark.parametrize("language", ["es", "en"])
def test_catalogues_have_no_stale_fuzzy_or_obsolete_entries(ui_strings, language):
    catalog = catalogue(language)
    assert ids_of(catalog) == ui_strings, "run pybabel extract/update (see webapp/i18n.py)"
    assert not [m.id for m in catalog if m.id and m.fuzzy], "fuzzy entries are not used: review them"
    assert not catalog.obsolete, "obsolete (#~) entries: delete them"


def test_the_template_matches_the_code(ui_strings):
    with open(CATALOGUES / "messages.pot", "rb") as handle:
        template = read_po(handle)
    assert ids_of(template) == ui_strings


def test_spanish_keeps_every_placeholder():
    # babel's checkers: python-format placeholders must match between msgid and msgstr.
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalogue("es").check()]
    assert not problems


def test_compiling_writes_mo_files_only_when_the_po_is_newer(tmp_path):
    written = compile_catalogues(CATALOGUES, tmp_path)
    assert sorted(p.parent.parent.name for p in written) == ["en", "es"]
    with open(tmp_path / "es" / "LC_MESSAGES" / "messages.mo", "rb") as handle:
        compiled = read_mo(handle)
    assert compiled.get("Try the example").string == "Ver el ejemplo"
    assert compile_catalogues(CATALOGUES, tmp_path) == []
