"""translate.markup on Apertium: HTML text translated, tags and attributes kept, inline tags
around the English of their own words, translate="no" honoured."""

import pytest

from bitexto.translate.engines.apertium import ApertiumEngine
from bitexto.translate.markup import Segment, Span, _place, html_segments, translate_html


@pytest.fixture(scope="module")
def engine():
    return ApertiumEngine()


def test_nested_inline_tags_follow_their_words_when_english_reorders(engine):
    assert translate_html("<p>El <b>perro <i>negro</i></b> come.</p>", engine) == \
        "<p>The <b><i>black</i> dog</b> eats.</p>"


def test_tags_over_a_whole_sentence_keep_their_nesting(engine):
    assert translate_html("<p><b><i>El perro come.</i></b> <b>El</b> <i>gato</i> duerme.</p>", engine) == \
        "<p><b><i>The dog eats.</i></b> <b>The</b> <i>cat</i> sleeps.</p>"


def test_empty_anchors_stay_empty(engine):
    out = translate_html('<p><a id="top"></a>El perro come.</p>', engine)
    assert out == '<p><a id="top"></a>The dog eats.</p>'


def test_translate_no_is_kept_as_written(engine):
    out = translate_html('<p>El <span translate="no">Banco Mundial</span> dijo que el perro come.</p>'
                         '<div class="notranslate">El perro &amp; <b>gato</b></div><pre>a &lt; b</pre>', engine)
    assert out == ('<p>The <span translate="no">Banco Mundial</span> said that the dog eats.</p>'
                   '<div class="notranslate">El perro &amp; <b>gato</b></div><pre>a &lt; b</pre>')


def test_line_breaks_inside_a_paragraph_do_not_split_its_sentence(engine):
    out = translate_html("<p>El perro\n   come\tpescado.</p>", engine)
    assert out == "<p>" + engine.translate(["El perro come pescado."])[0] + "</p>"


def test_a_span_whose_words_cannot_be_found_wraps_its_sentence_not_nothing():
    segment = Segment("Uno dos tres. Cuatro.", [Span(4, 7, "<b>", "</b>")])
    segment.english = "One two three. Four."
    offsets = [(0, 13, 0, 14), (14, 21, 15, 20)]
    _place(segment, offsets, {0: "zwei"})  # the span's own English is nowhere in the sentence
    assert segment.rendered() == "<b>One two three.</b> Four."


def test_segments_are_cut_at_block_tags_and_keep_inline_spans():
    pieces = html_segments("<div><p>Hola <b>mundo</b>.</p><p>Adiós.</p></div>")
    segments = [p for p in pieces if isinstance(p, Segment)]
    assert [s.text for s in segments] == ["Hola mundo.", "Adiós."]
    assert [(s.start, s.end, s.open) for s in segments[0].spans] == [(5, 10, "<b>")]
