"""summarize.summary: every algorithm, lengths, errors, alignment with the translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from bitexto.summarize.length import resolve_length
from bitexto.summarize.summary import ALGORITHMS, Summary, canonical_algorithm, sentence_scores, summarize
from bitexto.translate.document import AlignedDocument, Block, Sentence
from bitexto.translate.errors import InputError
from bitexto.translate.pipeline import segment_article, translate_article

ALL = sorted(ALGORITHMS)


SEED = Path(__file__).parent.parent / "seeds" / "000_957073114899cdb1.txt"


@pytest.fixture(scope="module")
def seed_source() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_document(seed_source) -> AlignedDocument:
    return segment_article(seed_source)


@pytest.fixture(scope="module")
def translated_seed(seed_source) -> AlignedDocument:
    return translate_article(seed_source, engine="apertium")


def body_ids(document: AlignedDocument) -> list[str]:
    return [s.id for b in document.blocks if b.kind == "body" for s in b.sentences]


def document_order(document: AlignedDocument) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(document.sentences())}


def make_document(*blocks: tuple[str, list[str]]) -> AlignedDocument:
    """A document from (kind, sentences) blocks, with consistent ids and offsets."""
    text_parts: list[str] = []
    built: list[Block] = []
    offset = 0
    number = 0
    for block_number, (kind, sentences) in enumerate(blocks, start=1):
        block_start = offset
        objects = []
        for sentence in sentences:
            number += 1
            objects.append(Sentence(id=f"s{number}", source=sentence, start=offset, end=offset + len(sentence)))
            text_parts.append(sentence + " ")
            offset += len(sentence) + 1
        built.append(Block(id=f"b{block_number}", kind=kind, start=block_start, end=offset - 1, sentences=objects))
        text_parts[-1] = text_parts[-1][:-1] + "\n"
    return AlignedDocument(text="".join(text_parts), blocks=built)


# --- Every algorithm on the seed -------------------------------------------------------


@pytest.mark.parametrize("algorithm", ALL)
def test_every_algorithm_returns_body_sentences_in_document_order(seed_document, algorithm):
    summary = summarize(seed_document, 3, algorithm)

    assert summary.algorithm == algorithm
    assert summary.length == 3
    assert len(summary.ids) == 3 == len(set(summary.ids))
    assert set(summary.ids) <= set(body_ids(seed_document))
    order = document_order(seed_document)
    assert [order[i] for i in summary.ids] == sorted(order[i] for i in summary.ids)


@pytest.mark.parametrize("algorithm", ALL)
def test_summary_sentences_are_the_documents_own_objects(seed_document, algorithm):
    summary = summarize(seed_document, "20%", algorithm)

    own = {id(s) for s in seed_document.sentences()}
    assert all(id(s) in own for s in summary.sentences)
    assert summary.to_dict()["sentences"] == [
        {"id": s.id, "source": s.source, "target": None} for s in summary.sentences
    ]


def test_lead_is_the_first_body_sentences(seed_document):
    assert summarize(seed_document, 4, "lead").ids == body_ids(seed_document)[:4]


def test_captions_and_related_headlines_never_summarised_even_when_central(seed_document):
    # The seed's first caption (s7) nearly repeats its lead; s6 and s15 are related
    # headlines, s26 boilerplate, s35 a credit: none may appear at any length.
    furniture = {s.id for b in seed_document.blocks if b.kind != "body" for s in b.sentences}
    assert {"s6", "s7", "s15", "s26", "s35"} <= furniture
    for algorithm in ALL:
        assert not furniture & set(summarize(seed_document, "100%", algorithm).ids)


# --- Translated documents ---------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["default", "lexrank", "edmundson", "lead"])
def test_english_side_is_the_aligned_target(translated_seed, algorithm):
    summary = summarize(translated_seed, 3, algorithm)

    data = summary.to_dict()
    assert data["algorithm"] == algorithm
    for entry, sentence in zip(data["sentences"], summary.sentences, strict=True):
        aligned = translated_seed.sentence(entry["id"])
        assert sentence is aligned
        assert entry["source"] == aligned.source
        assert entry["target"] == aligned.target
        assert entry["target"]  # Apertium filled it in


def test_translation_does_not_change_the_choice(seed_document, translated_seed):
    # Ranking reads the Spanish side only, so both documents get the same summary.
    for algorithm in ("default", "textrank", "luhn"):
        assert summarize(seed_document, 4, algorithm).ids == summarize(translated_seed, 4, algorithm).ids


# --- Length -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "available", "expected"),
    [
        (3, 10, 3),
        ("3", 10, 3),
        (" 5 ", 10, 5),
        (50, 10, 10),  # clamped to the body
        ("50", 10, 10),
        ("20%", 10, 2),
        ("25%", 10, 3),  # 2.5 rounds half up
        ("24%", 10, 2),
        ("1%", 10, 1),  # a percentage gives at least one sentence
        ("100%", 7, 7),
        ("12.5%", 16, 2),
        ("12,5 %", 16, 2),
        (1, 1, 1),
    ],
)
def test_resolve_length(length, available, expected):
    assert resolve_length(length, available) == expected


@pytest.mark.parametrize("length", [0, -1, "0", "-1", "abc", "", "3 sentences", "0%", "150%", "%", 2.5, True, None])
def test_invalid_lengths_raise_input_error(seed_document, length):
    with pytest.raises(InputError) as caught:
        summarize(seed_document, length)
    message = caught.value.message
    assert "length" in message.lower()
    assert caught.value.status == 422


def test_percentage_message_names_the_range(seed_document):
    with pytest.raises(InputError, match="between 1% and 100%"):
        summarize(seed_document, "150%")


def test_length_as_percentage_of_body_sentences(seed_document):
    body = len(body_ids(seed_document))
    summary = summarize(seed_document, "20%")
    assert summary.length == len(summary.ids) == int(body * 0.2 + 0.5)


def test_length_larger_than_body_is_clamped(seed_document):
    summary = summarize(seed_document, 1000, "default")
    assert summary.length == len(body_ids(seed_document))
    assert summary.ids == body_ids(seed_document)


# --- Errors ---------------------------------------------------------------------------------


def test_unknown_algorithm_names_the_valid_ones(seed_document):
    with pytest.raises(InputError) as caught:
        summarize(seed_document, 3, "bert")
    message = caught.value.message
    assert "'bert'" in message
    for name in ALGORITHMS:
        assert name in message


@pytest.mark.parametrize(("spelling", "name"), [("Lex-Rank", "lexrank"), ("text_rank", "textrank"), (" KL ", "kl")])
def test_algorithm_names_accept_sumy_cli_spellings(spelling, name):
    assert canonical_algorithm(spelling) == name


def test_document_without_body_sentences():
    document = make_document(
        ("headline", ["Putin agradece a Corea del Norte"]),
        ("caption", ["El presidente ruso, en Moscú.", "(Reuters)"]),
        ("credit", ["Associated Press contribuyó a este informe."]),
    )
    with pytest.raises(InputError, match="no body text to summarise"):
        summarize(document)
    assert sentence_scores(document) == {}


@pytest.mark.parametrize("algorithm", ALL)
def test_degenerate_bodies_still_give_the_requested_count(algorithm):
    one = make_document(("headline", ["Una ley nueva"]), ("body", ["El Congreso aprobó la ley de vivienda."]))
    wordless = make_document(("body", ["2019.", "1.234,5.", "—"]), ("body", ["El Gobierno aprobó la ley."]))
    fragments = make_document(("body", ["¡Ay!", "Sí.", "No."]))

    assert summarize(one, "50%", algorithm).ids == ["s2"]
    assert len(summarize(wordless, 2, algorithm).ids) == 2
    assert summarize(fragments, 5, algorithm).ids == ["s1", "s2", "s3"]


# --- Summary object ---------------------------------------------------------------------------


def test_summary_to_dict_shape():
    sentence = Sentence(id="s4", source="Hola.", start=0, end=5, target="Hello.")
    summary = Summary(algorithm="lead", length=1, sentences=[sentence])
    assert summary.to_dict() == {
        "algorithm": "lead",
        "sentences": [{"id": "s4", "source": "Hola.", "target": "Hello."}],
    }


def test_sentence_scores_cover_body_sentences_only(seed_document):
    scores = sentence_scores(seed_document)
    assert list(scores) == body_ids(seed_document)
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert max(scores.values()) == 1.0 and min(scores.values()) == 0.0
