"""The glossary on every surface: the CLI (--glossary, BITEXTO_GLOSSARY), the article API
and LibreTranslate's /translate (a per-request object; 422 when unusable)."""

import json

import pytest
from click.testing import CliRunner

from bitexto.cli import main

pytest_plugins = ("api_fixtures",)

ARTICLE = "El paro bajó en marzo según Sanidad. El alcalde Raúl Espina lo celebró."


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text("término,translation\nparo,joblessness\nSanidad,Ministry of Health\n", encoding="utf-8")
    return path


def _english(output):
    return " ".join(s["target"] for b in json.loads(output)["blocks"] for s in b["sentences"])


def test_cli_translate_applies_the_glossary_file(glossary_file):
    result = CliRunner().invoke(main, ["translate", "-", "--engine", "apertium", "--json",
                                       "--glossary", str(glossary_file)], input=ARTICLE)
    assert result.exit_code == 0, result.output
    english = _english(result.output)
    assert "joblessness" in english and "Ministry of Health" in english and "Raúl Espina" in english


def test_cli_reads_bitexto_glossary(glossary_file, monkeypatch):
    monkeypatch.setenv("BITEXTO_GLOSSARY", str(glossary_file))
    result = CliRunner().invoke(main, ["translate", "-", "--engine", "apertium", "--json"], input=ARTICLE)
    assert result.exit_code == 0 and "joblessness" in _english(result.output)


def test_cli_bad_glossary_is_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("paro,unemployment\nParo,jobless\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["summarize", "-", "--engine", "apertium", "--glossary", str(bad)],
                                input=ARTICLE)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "twice with different English" in errors[0]


def test_libretranslate_translate_takes_a_glossary(client):
    response = client.post("/translate", json={"q": ARTICLE, "source": "es", "target": "en",
                                               "glossary": {"paro": "joblessness"}})
    assert response.status_code == 200, response.get_data(as_text=True)
    text = response.get_json()["translatedText"]
    assert "joblessness" in text and "Raúl Espina" in text


def test_libretranslate_bad_glossary_is_422(client):
    response = client.post("/translate", json={"q": ARTICLE, "source": "es", "target": "en",
                                               "glossary": {"": "nothing"}})
    assert response.status_code == 422
    assert "Spanish term is empty" in response.get_data(as_text=True)


def test_article_api_takes_a_glossary(client):
    response = client.post("/api/v1/articles", json={"text": ARTICLE, "glossary": {"Sanidad": "Ministry of Health"}})
    assert response.status_code == 201, response.get_data(as_text=True)
    english = " ".join(s["target"] for b in response.get_json()["blocks"] for s in b["sentences"])
    assert "Ministry of Health" in english
    bad = client.post("/api/v1/articles", json={"text": ARTICLE, "glossary": "paro = a\nparo = b"})
    assert bad.status_code == 422


def test_batch_and_newsletter_take_a_glossary(glossary_file, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(article), "--out", str(out), "--engine", "apertium",
                                       "--glossary", str(glossary_file)])
    assert result.exit_code == 0, result.output
    assert "joblessness" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["newsletter", str(article), "--format", "text", "--engine", "apertium",
                                       "--glossary", str(glossary_file)])
    assert result.exit_code == 0, result.output
    assert "joblessness" in result.output or "Ministry of Health" in result.output


def test_batch_with_queue_refuses_a_local_glossary(glossary_file, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(article), "--out", str(tmp_path / "o.jsonl"), "--queue",
                                       "--glossary", str(glossary_file)])
    assert result.exit_code == 2 and "--glossary" in result.output


def test_a_quoted_full_name_is_shown_as_written():
    from bitexto.analysis import speaker_english

    assert speaker_english("Raúl Espina", "Raúl Spine") == "Raúl Espina"
    assert speaker_english("la ministra", "The minister") == "the minister"  # a description stays lower case
    assert speaker_english("Fiscalía", "Prosecution") == "Prosecution"  # one word may be a body English names
    assert speaker_english("la portavoz", "") == "la portavoz"  # no English: as written
