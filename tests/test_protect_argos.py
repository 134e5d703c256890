"""Protection markers through the real Argos engine on the tiny random-weight package.

Its English is gibberish, so what is tested is the mechanism: a marker is one token
outside the vocabulary, CTranslate2's replace_unknowns copies it back where the model
writes <unk>, decoding keeps it whole, and a sentence whose marker did not come back is
retranslated without protection and flagged."""

import pytest

from bitexto.translate.blocks import build_blocks
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines.argos import ArgosEngine, decode_with_markers, encode_with_markers
from bitexto.translate.models import install_package
from bitexto.translate.pipeline import translate_documents
from bitexto.translate.protect import Keep, MarkerStyle, mask, restore
from bitexto.translate.quality import NAME_NOT_KEPT

pytest_plugins = ("argos_fixtures",)
from argos_fixtures import fast_settings  # noqa: E402


@pytest.fixture
def engine(tiny_package):
    install_package(tiny_package)
    engine = ArgosEngine(fast_settings(), retry_degenerate=False)
    engine.load()
    return engine


def test_a_marker_is_one_token_outside_the_vocabulary(engine):
    tokens = encode_with_markers(engine._tokenizer, "El ministro ⟦0⟧ dijo que ⟦1⟧, no.")
    assert tokens.count("▁⟦0⟧") == 1 and tokens.count("⟦1⟧") + tokens.count("▁⟦1⟧") == 1
    assert tokens[:2] == engine._tokenizer.encode("El ministro")
    assert decode_with_markers(engine._tokenizer, tokens) == "El ministro ⟦0⟧ dijo que ⟦1⟧, no."


def test_replace_unknowns_copies_the_marker_and_the_name_is_restored(engine):
    masked = mask("Kim Jong Un", [Keep(0, 11, "Kim Jong Un", "name", "PER")], MarkerStyle())
    source = encode_with_markers(engine._tokenizer, masked.text)
    # Forcing <unk> as the first word stands in for a trained model writing it.
    result = engine._translator.translate_batch([source], target_prefix=[["<unk>"]],
                                                replace_unknowns=True, max_decoding_length=4)
    tokens = result[0].hypotheses[0]
    assert tokens[0] == "▁⟦0⟧"
    english = decode_with_markers(engine._tokenizer, tokens)
    assert restore(english, masked, MarkerStyle()).startswith("Kim Jong Un")


def test_engine_keeps_alignment_with_markers_in_the_batch(engine):
    plain = engine.translate(["El ministro dijo que no.", "La ministra habló."])
    with_markers = engine.translate(["El ministro dijo que no.", "La ministra ⟦0⟧ habló.", "La ministra habló."])
    assert with_markers[0] == plain[0] and with_markers[2] == plain[1]


def test_a_name_the_model_dropped_is_retranslated_and_flagged(engine):
    text = "La diputada Ana Luna votó en contra de la ley."
    document = AlignedDocument(text=text, blocks=build_blocks(text))
    translate_documents([document], engine)
    sentence = next(document.sentences())
    unprotected = engine.translate([text])[0]
    if "⟦" in engine.translate(["La diputada ⟦0⟧ votó en contra de la ley."])[0]:
        assert "Ana Luna" in sentence.target and NAME_NOT_KEPT not in sentence.flags
    else:
        assert sentence.target == unprotected and NAME_NOT_KEPT in sentence.flags
