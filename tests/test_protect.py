"""Placeholders in and out (translate.protect), the pipeline's restore-or-flag, and the cache
keyed on what the engine received. Engines here are small fakes that state their style."""

import pytest

from bitexto.cache import CachedEngine, TranslationCache
from bitexto.translate.blocks import build_blocks
from bitexto.translate.document import AlignedDocument, EngineInfo
from bitexto.translate.glossary import Glossary
from bitexto.translate.pipeline import translate_documents
from bitexto.translate.protect import Keep, MarkerStyle, WordStyle, mask, restore
from bitexto.translate.quality import FLAGS, NAME_NOT_KEPT, TERM_NOT_KEPT


class EchoEngine:
    """Returns its input upper-cased except the placeholders: an engine that "translates"."""

    info = EngineInfo("echo", "echo", "1")
    placeholders = MarkerStyle()

    def __init__(self, drop_markers=False):
        self.calls = []
        self.drop_markers = drop_markers

    def translate(self, sentences, on_progress=None):
        self.calls.append(list(sentences))
        out = []
        for s in sentences:
            text = s.replace("⟦", "").replace("⟧", "") if self.drop_markers else s
            out.append("EN " + text)
        return out


def _document(text):
    return AlignedDocument(text=text, blocks=build_blocks(text))


def test_mask_and_restore_with_markers():
    source = "El ministro Raúl Espina habló con Sanidad."
    keeps = [Keep(12, 23, "Raúl Espina", "name", "PER"), Keep(34, 41, "Ministry of Health", "term")]
    masked = mask(source, keeps, MarkerStyle())
    assert masked.text == "El ministro ⟦0⟧ habló con ⟦1⟧."
    assert restore("The minister ⟦0⟧ spoke with ⟦1⟧.", masked, MarkerStyle()) == \
        "The minister Raúl Espina spoke with Ministry of Health."
    assert restore("The minister spoke with ⟦1⟧.", masked, MarkerStyle()) is None
    assert restore("⟦0⟧ ⟦0⟧ and ⟦1⟧", masked, MarkerStyle()) is None


def test_word_placeholders_avoid_words_of_the_sentence():
    style = WordStyle({"PER": ("Juan", "Pedro")}, fallback=("Google", "Nokia"))
    source = "Juan vio a Ana Luna y a Pedro Roca."
    masked = mask(source, [Keep(11, 19, "Ana Luna", "name", "PER"), Keep(24, 34, "Pedro Roca", "name", "PER")], style)
    assert masked.text == "Juan vio a Google y a Nokia."
    english = masked.text.replace("vio a", "saw").replace(" y a ", " and ")
    assert restore(english, masked, style) == "Juan saw Ana Luna and Pedro Roca."
    assert restore("Juan saw Googles and Nokia.", masked, style) is None  # not on a word boundary


def test_overlaps_prefer_the_glossary_then_the_longest():
    keeps = [Keep(0, 8, "Ana Luna", "name", "PER"), Keep(4, 8, "Moon", "term")]
    masked = mask("Ana Luna canta.", keeps, MarkerStyle())
    assert [k.kind for _, k in masked.slots] == ["term"]


def test_pipeline_keeps_a_name_through_the_engine():
    engine = EchoEngine()
    document = _document("La diputada Ana Luna votó en contra.")
    translate_documents([document], engine)
    sentence = next(document.sentences())
    assert "⟦0⟧" in engine.calls[0][0] and "Ana Luna" not in engine.calls[0][0]
    assert sentence.target == "EN La diputada Ana Luna votó en contra."
    assert NAME_NOT_KEPT not in sentence.flags


def test_a_lost_name_is_retranslated_unprotected_and_flagged():
    engine = EchoEngine(drop_markers=True)
    document = _document("La diputada Ana Luna votó en contra.")
    translate_documents([document], engine)
    sentence = next(document.sentences())
    assert engine.calls[1] == ["La diputada Ana Luna votó en contra."]
    assert sentence.target == "EN La diputada Ana Luna votó en contra."
    assert NAME_NOT_KEPT in sentence.flags and NAME_NOT_KEPT in FLAGS


def test_a_lost_glossary_term_is_flagged_as_such():
    engine = EchoEngine(drop_markers=True)
    document = _document("el acuerdo de sanidad llegó tarde.")
    translate_documents([document], engine, glossary=Glossary.from_pairs([("sanidad", "health care")]),
                        keep_names=False)
    assert TERM_NOT_KEPT in next(document.sentences()).flags


def test_an_engine_without_a_style_gets_the_sentences_unchanged():
    class Plain:
        info = EngineInfo("plain", "plain", "1")
        calls = []

        def translate(self, sentences, on_progress=None):
            self.calls.append(list(sentences))
            return list(sentences)

    engine = Plain()
    translate_documents([_document("La diputada Ana Luna votó.")], engine)
    assert engine.calls == [["La diputada Ana Luna votó."]]


@pytest.fixture
def cache(tmp_path):
    return TranslationCache(tmp_path / "cache.sqlite3")


def test_cache_never_serves_an_unprotected_translation_for_a_protected_sentence(cache):
    engine = EchoEngine()
    cached = CachedEngine(engine, cache)
    text = "La diputada Ana Luna votó en contra."
    translate_documents([_document(text)], cached, keep_names=False)
    translate_documents([_document(text)], cached)
    assert engine.calls == [[text], ["La diputada ⟦0⟧ votó en contra."]]
    again = _document(text)
    translate_documents([again], cached)
    assert len(engine.calls) == 2 and next(again.sentences()).target == "EN " + text


def test_cache_keys_on_the_glossary(cache):
    engine = EchoEngine()
    cached = CachedEngine(engine, cache)
    text = "el plan de sanidad llegó tarde."
    plain = _document(text)
    translate_documents([plain], cached, keep_names=False)
    glossed = _document(text)
    translate_documents([glossed], cached, keep_names=False,
                        glossary=Glossary.from_pairs([("sanidad", "health care")]))
    assert len(engine.calls) == 2
    assert next(glossed.sentences()).target == "EN el plan de health care llegó tarde."
    assert next(plain.sentences()).target == "EN " + text
