"""Locating each quotation in the English side: hand-written translations, then Apertium."""

import pytest

from bitexto.summarize.quote_marks import find_quoted_spans
from bitexto.summarize.quotes import extract_quotes
from bitexto.translate.blocks import build_blocks
from bitexto.translate.clean import normalize
from bitexto.translate.document import AlignedDocument, EngineInfo
from bitexto.translate.engines.apertium import ApertiumEngine
from bitexto.translate.pipeline import translate_document

FAKE_ENGINE = EngineInfo("test", "hand-written", "1")


def translated(spanish: str, english: list[str]) -> AlignedDocument:
    """A body-only document whose sentences get the given English, one per sentence."""
    clean = normalize(spanish)
    blocks = build_blocks(clean)
    for block in blocks:
        block.kind = "body"
    document = AlignedDocument(text=clean, blocks=blocks)
    sentences = list(document.sentences())
    assert len(sentences) == len(english), [s.source for s in sentences]
    for sentence, target in zip(sentences, english):
        sentence.target = target
    document.engine = FAKE_ENGINE
    return document


def targets(document: AlignedDocument) -> list[tuple[str | None, list[str]]]:
    return [(q.target, q.flags) for q in extract_quotes(document, sentence_scores={})]


def test_kth_quote_pairs_with_kth_english_span():
    doc = translated(
        "El ministro dijo que «habrá un acuerdo antes del verano» y que «no se subirán los impuestos».",
        ["The minister said that «there will be a deal before summer» and that «taxes will not go up»."],
    )
    assert targets(doc) == [("there will be a deal before summer", []), ("taxes will not go up", [])]


def test_engine_changes_the_kind_of_marks():
    doc = translated(
        "«No habrá más recortes», aseguró la presidenta. Dijo que ‘nadie quedará atrás en esta crisis’.",
        ['"There will be no more cuts," the president said.', "She said that 'nobody will be left behind in this crisis'."],
    )
    # The straight apostrophes do not pair on the English side: not located, whole sentence.
    assert targets(doc) == [
        ("There will be no more cuts,", []),
        ("She said that 'nobody will be left behind in this crisis'.", ["target_not_located"]),
    ]


def test_lexical_overlap_when_the_engine_drops_marks():
    doc = translated(
        "La OTAN pidió «2.000 soldados más» y Francia prometió «una respuesta rápida y coordinada».",
        ["NATO asked for 2,000 more soldiers and France promised «a rapid and coordinated response»."],
    )
    assert targets(doc) == [
        ("NATO asked for 2,000 more soldiers and France promised «a rapid and coordinated response».", ["target_not_located"]),
        ("a rapid and coordinated response", []),
    ]


def test_scare_quotes_still_count_when_pairing_by_position():
    doc = translated(
        "Los defensores del «procés» dijeron que «la independencia sigue siendo el objetivo».",
        ["The defenders of the «process» said that «independence is still the goal»."],
    )
    assert targets(doc) == [("independence is still the goal", [])]


def test_multi_sentence_quote_spans_english_sentences():
    doc = translated(
        "«Esto no es una crisis. Es una catástrofe», advirtió el científico Pedro Ruiz.",
        ["«This is not a crisis.", "It is a catastrophe», warned the scientist Pedro Ruiz."],
    )
    (quote,) = extract_quotes(doc, sentence_scores={})
    assert quote.target == "This is not a crisis. It is a catastrophe"
    assert quote.flags == ["multi_sentence"]


def test_malformed_quote_mirrors_como_as_like():
    doc = translated(
        "El portavoz, Luis Martín, calificó la medida como un ataque a la democracia «.",
        ["The spokesman, Luis Martín, described the measure as an attack on democracy «."],
    )
    assert targets(doc) == [("an attack on democracy", ["malformed"])]


def test_malformed_quote_mirrors_the_rank_of_the_cue():
    doc = translated(
        "Dijo que la reforma es algo que nadie pidió «.",
        ["He said that the reform is something that nobody asked for «."],
    )
    (quote,) = extract_quotes(doc, sentence_scores={})
    assert quote.text == "la reforma es algo que nadie pidió"
    assert quote.target == "the reform is something that nobody asked for"


def test_no_english_marks_gives_the_whole_sentence_flagged():
    doc = translated(
        "«No vamos a permitir que nadie se quede atrás», dijo el presidente.",
        ["We will not let anyone be left behind, the president said."],
    )
    assert targets(doc) == [("We will not let anyone be left behind, the president said.", ["target_not_located"])]


def test_empty_english_side():
    doc = translated("«No vamos a permitir que nadie se quede atrás», dijo el presidente.", [""])
    assert targets(doc) == [(None, ["target_not_located"])]


def test_english_scanner_accepts_apostrophe_closing_a_curly_single_quote():
    text = "Russia ‘lists to arrive to an agreement' in the war, says Lavrov's team"
    spans = find_quoted_spans(text, language="en")
    assert [text[s.start : s.end] for s in spans] == ["lists to arrive to an agreement"]
    assert find_quoted_spans("Lavrov's team and O'Brien's", language="en") == []


@pytest.fixture(scope="module")
def apertium():
    return ApertiumEngine()


APERTIUM_CASES = [
    "El ministro de Economía, Juan Pérez, dijo: «Vamos a bajar los impuestos a las familias».",
    "La alcaldesa Ana Gómez declaró que la ciudad “no puede esperar más para tener metro”.",
    'El entrenador afirmó que el equipo "jugó el mejor partido de la temporada".',
    "Los vecinos dijeron que la obra es ‘un desastre para el barrio entero’.",
    "El escritor escribió que ‹la memoria es un país extranjero› en su última novela.",
    "«Nos dijeron ‘esperen un poco’ y nunca volvieron», relató una vecina.",
    "«Esto no es una crisis. Es una catástrofe que llevamos años anunciando», advirtió el científico Pedro Ruiz.",
    "El ministro dijo que «habrá acuerdo pronto» y que «no se subirán los impuestos este año».",
    "El portavoz, Luis Martín, calificó la medida como un ataque a la democracia «.",
]


@pytest.mark.parametrize("spanish", APERTIUM_CASES)
def test_apertium_targets_are_located(apertium, spanish):
    clean = normalize(spanish)
    blocks = build_blocks(clean)
    for block in blocks:
        block.kind = "body"
    document = translate_document(AlignedDocument(text=clean, blocks=blocks), apertium)
    quotes = extract_quotes(document, sentence_scores={})
    assert quotes
    for quote in quotes:
        english = " ".join(document.sentence(sid).target for sid in quote.sentence_ids)
        assert quote.target and quote.target in english
        assert "target_not_located" not in quote.flags
        # The content between the marks, never the marks themselves.
        assert quote.target[0] not in "«»“”‹›\"" and quote.target[-1] not in "«»“”‹›\""
