"""Hypothesis: quotation extraction never raises and its offsets always round-trip.

Documents are built with normalize + build_blocks directly (segment_article would
refuse empty or non-Spanish text before extraction is reached).
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bitexto.summarize.quote_marks import find_quoted_spans
from bitexto.summarize.quotes import extract_quotes
from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument, EngineInfo

KNOWN_FLAGS = {"malformed", "multi_sentence", "target_not_located"}
PIECES = list("«»“”‘’‹›\"'„abcdeABCDE .,:;!?…\n") + [
    "dijo ", "que ", "como ", "según ", "Putin ", "él ", "el ", " y ", "O’Brien", "l’Hospitalet",
    "la comisión ", "Comisión Militar ", ", añadió.", "Para ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(raw: str, all_body: bool) -> AlignedDocument:
    text = normalize(raw)
    blocks = build_blocks(text)
    if all_body:  # exercise extraction on every block, not only those classified body
        for block in blocks:
            block.kind = "body"
    return AlignedDocument(text=text, blocks=blocks)


def _check_offsets(document: AlignedDocument, quotes) -> None:
    text = document.text
    ids = {s.id for s in document.sentences()}
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text
        assert quote.sentence_id in ids and quote.sentence_id in quote.sentence_ids
        assert set(quote.flags) <= KNOWN_FLAGS
        assert quote.speaker is None or quote.speaker.strip()
        assert 0.0 <= quote.score <= 1.0


@FUZZ
@given(texts, st.booleans())
def test_untranslated_never_raises_and_round_trips(raw, all_body):
    document = _document(raw, all_body)
    quotes = extract_quotes(document, sentence_scores={})
    _check_offsets(document, quotes)
    assert all(q.target is None for q in quotes)


@FUZZ
@given(texts, st.data())
def test_translated_targets_are_pieces_of_their_english(raw, data):
    document = _document(raw, all_body=True)
    for sentence in document.sentences():
        sentence.target = data.draw(texts)
    document.engine = EngineInfo("test", "random", "0")
    quotes = extract_quotes(document, sentence_scores={})
    _check_offsets(document, quotes)
    for quote in quotes:
        english = " ".join(document.sentence(sid).target for sid in quote.sentence_ids if document.sentence(sid).target)
        if quote.target is None:
            assert "target_not_located" in quote.flags and not english.strip()
        else:
            assert quote.target in english


@FUZZ
@given(texts, st.sampled_from(["es", "en"]))
def test_scanner_spans_are_ordered_and_inside_the_paragraph(raw, language):
    padded = "xx " + raw + " yy"
    lo, hi = 3, 3 + len(raw)
    spans = find_quoted_spans(padded, lo, hi, language)
    previous_end = lo
    for span in spans:
        assert lo <= span.start < span.end <= hi
        assert previous_end <= span.outer_start <= span.start
        assert span.outer_end <= hi
        assert any(char.isalnum() for char in padded[span.start : span.end])
        previous_end = span.end
