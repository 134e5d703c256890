"""Quotations of the seed article against its hand annotation, untranslated and through Apertium."""

import json
import re
from pathlib import Path

import pytest

from bitexto.summarize.quotes import DEFAULT_MAX_KEY, extract_quotes, position_scores
from bitexto.translate.pipeline import segment_article, translate_article

SEEDS = Path(__file__).parent.parent / "seeds"
DATA = Path(__file__).parent / "data"
SEED = "000_957073114899cdb1"
QUOTE_KEYS = {"id", "text", "target", "speaker", "speaker_mention", "speaker_description", "speaker_target", "sentence_id", "start", "end", "marks", "flags", "key"}


def _seed_text() -> str:
    return (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gold():
    return json.loads((DATA / f"{SEED}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def spanish_document():
    return segment_article(_seed_text())


@pytest.fixture(scope="module")
def english_document():
    return translate_article(_seed_text(), engine="apertium")


@pytest.fixture(scope="module")
def english_quotes(english_document):
    return extract_quotes(english_document)


def _key_quotes(gold):
    return [q for q in gold["quotes"] if q["key"]]


def test_seed_has_exactly_the_annotated_key_quotes(spanish_document, gold):
    quotes = extract_quotes(spanish_document)
    expected = [(q["text"], q["speaker"]) for q in _key_quotes(gold)]
    assert [(q.text, q.speaker) for q in quotes] == expected
    assert all(q.key for q in quotes)
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(expected) + 1)]


def test_seed_marks_and_malformed_flag(spanish_document, gold):
    quotes = {q.text: q for q in extract_quotes(spanish_document)}
    for annotated in _key_quotes(gold):
        quote = quotes[annotated["text"]]
        assert quote.marks == annotated["marks"]
        assert ("malformed" in quote.flags) == ("malformed" in annotated), quote.text


def test_related_headline_quotes_are_not_the_articles(spanish_document, gold):
    texts = {q.text for q in extract_quotes(spanish_document)}
    others = [q["text"] for q in gold["quotes"] if not q["key"]]
    assert others == ["golpeando", "lista para llegar a un acuerdo"]
    assert not texts & set(others)


def test_seed_offsets_and_sentences(spanish_document):
    for quote in extract_quotes(spanish_document):
        assert spanish_document.text[quote.start : quote.end] == quote.text
        sentence = spanish_document.sentence(quote.sentence_id)
        assert sentence.start <= quote.start < sentence.end
        assert quote.target is None  # untranslated
        assert "target_not_located" not in quote.flags


def test_seed_quotes_lie_on_their_annotated_lines(spanish_document, gold):
    # Annotation lines count non-empty lines from 1, like the document's blocks.
    blocks = spanish_document.blocks
    quotes = {q.text: q for q in extract_quotes(spanish_document)}
    for annotated in _key_quotes(gold):
        block = blocks[annotated["line"] - 1]
        quote = quotes[annotated["text"]]
        assert block.kind == "body"
        assert block.start <= quote.start < quote.end <= block.end


def test_to_dict_shape(spanish_document):
    for quote in extract_quotes(spanish_document):
        data = json.loads(json.dumps(quote.to_dict(), ensure_ascii=False))
        assert QUOTE_KEYS <= set(data) <= QUOTE_KEYS | {"score"}
        assert data["text"] == quote.text and data["key"] is True


def test_targets_are_pieces_of_the_english_sentences(english_document, english_quotes, gold):
    assert len(english_quotes) == len(_key_quotes(gold))
    for quote in english_quotes:
        english = " ".join(english_document.sentence(sid).target for sid in quote.sentence_ids)
        assert quote.target and quote.target.strip() == quote.target
        assert quote.target in english
        assert "target_not_located" not in quote.flags


def test_well_marked_targets_are_the_content_between_english_marks(english_document, english_quotes):
    checked = 0
    for quote in english_quotes:
        if quote.marks != "«»":
            continue
        english = english_document.sentence(quote.sentence_id).target
        between = [m.strip() for m in re.findall(r"«([^«»]*)»", english)]
        assert quote.target in between, (quote.target, english)
        checked += 1
    assert checked == 6


def test_malformed_target_mirrors_the_spanish_recovery(english_document, english_quotes):
    (quote,) = [q for q in english_quotes if "malformed" in q.flags]
    english = english_document.sentence(quote.sentence_id).target
    # Spanish "calificó … como un acto contra la humanidad «." → English "… as/like … «."
    mirrored = re.search(r"\b(?:as|like) (.+?) «", english)
    assert mirrored, english
    assert quote.target == mirrored.group(1)
    assert "humanity" in quote.target and "«" not in quote.target


def test_english_document_keeps_speakers_and_keys(english_quotes, gold):
    assert [(q.text, q.speaker, q.key) for q in english_quotes] == [
        (q["text"], q["speaker"], True) for q in _key_quotes(gold)
    ]


def test_scores_and_max_key(spanish_document):
    quotes = extract_quotes(spanish_document)
    assert DEFAULT_MAX_KEY >= len(quotes)
    assert all(0.0 <= q.score <= 1.0 for q in quotes)
    top = extract_quotes(spanish_document, max_key=3)
    keys = [q for q in top if q.key]
    assert len(keys) == 3
    assert min(q.score for q in keys) >= max(q.score for q in top if not q.key)
    assert not any(q.key for q in extract_quotes(spanish_document, max_key=0))


def test_sentence_scores_decide_between_comparable_quotes(spanish_document):
    # Putin's clause-long quotes tie on speaker and length: the sentence score decides.
    for sentence_id in ("s5", "s9", "s10"):
        boosted = extract_quotes(spanish_document, sentence_scores={sentence_id: 1.0}, max_key=1)
        (key,) = [q for q in boosted if q.key]
        assert key.sentence_id == sentence_id


def test_position_fallback_prefers_early_sentences(spanish_document):
    scores = position_scores(spanish_document)
    body_ids = [s.id for b in spanish_document.blocks if b.kind == "body" for s in b.sentences]
    assert list(scores) == body_ids
    values = [scores[i] for i in body_ids]
    assert values[0] == 1.0 and values == sorted(values, reverse=True)
