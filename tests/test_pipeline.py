"""The whole pipeline on the seed article with the real Apertium engine."""

import json
from pathlib import Path

import pytest

from bitexto.translate.pipeline import segment_article, translate_article

GOLD_BLOCK_COUNT = 24
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_document():
    text = (SEEDS / "000_957073114899cdb1.txt").read_text(encoding="utf-8")
    return translate_article(text, engine="apertium")


def test_seed_contract(seed_document):
    data = json.loads(json.dumps(seed_document.to_dict()))
    # "meta" joined the contract with the page metadata (headline, authors, published, site).
    assert set(data) == {"engine", "meta", "blocks"}
    assert set(data["meta"]) == {"headline", "authors", "published", "published_text", "site"}
    assert data["engine"]["name"] == "apertium"
    assert data["engine"]["model"] and data["engine"]["version"]
    assert len(data["blocks"]) == GOLD_BLOCK_COUNT
    sentence_ids = []
    for block in data["blocks"]:
        assert set(block) >= {"id", "kind", "sentences"}
        for sentence in block["sentences"]:
            assert set(sentence) == {"id", "source", "target", "start", "end", "flags"}
            assert seed_document.text[sentence["start"]:sentence["end"]] == sentence["source"]
            assert sentence["target"].strip()
            sentence_ids.append(sentence["id"])
    assert len(sentence_ids) == len(set(sentence_ids))


def test_numbers_are_english_in_apertium_output(seed_document):
    english = " ".join(s.target for s in seed_document.sentences())
    assert "4,000" in english and "4.000" not in english
    assert "10,000-12,000" in english


def test_percent_and_thousands_through_apertium():
    document = translate_article(
        "El paro bajó un 3,5 % en marzo. Unas 4.000 personas encontraron trabajo en la región.",
        engine="apertium",
    )
    targets = [s.target for s in document.sentences()]
    assert "3.5%" in targets[0]
    assert "4,000" in targets[1]


def test_segment_only_has_no_engine():
    document = segment_article("El Gobierno aprobó la ley. La oposición votó en contra del texto final.")
    assert document.engine is None
    assert all(s.target is None for s in document.sentences())
    assert document.to_dict()["engine"] is None


def test_engine_flags_reach_the_sentence(seed_document):
    flagged = [s for s in seed_document.sentences() if "unknown_words" in s.flags]
    assert flagged, "Apertium leaves some words of the seed untranslated"
    assert all("*" not in s.target for s in flagged)
