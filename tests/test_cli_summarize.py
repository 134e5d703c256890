"""`bitexto summarize`: the bilingual summary and key quotes from the command line."""

import json

import pytest
from click.testing import CliRunner

from bitexto.cli import SEED_ARTICLE, main


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_json():
    result = run("summarize", str(SEED_ARTICLE), "--engine", "apertium", "--json", "--length", "4")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_shape(seed_json):
    assert set(seed_json) == {"engine", "summary", "quotes"}
    assert seed_json["engine"]["name"] == "apertium"
    assert len(seed_json["summary"]) == 4
    for item in seed_json["summary"]:
        assert set(item) == {"id", "source", "target"} and item["target"]
    for quote in seed_json["quotes"]:
        assert {"id", "text", "target", "speaker", "sentence_id", "start", "end",
                "marks", "flags", "key"} <= set(quote)


def test_seed_key_quotes_have_speakers_and_english_spans(seed_json):
    gold = json.loads((SEED_ARTICLE.parent.parent / "tests" / "data" /
                       "000_957073114899cdb1.gold.json").read_text(encoding="utf-8"))
    wanted = {(q["text"], q["speaker"]) for q in gold["quotes"] if q["key"]}
    key = [q for q in seed_json["quotes"] if q["key"]]
    assert {(q["text"], q["speaker"]) for q in key} == wanted
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for quote in key:
        assert quote["target"] and quote["target"] != quote["text"]
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_summary_ids_are_in_document_order(seed_json):
    numbers = [int(item["id"][1:]) for item in seed_json["summary"]]
    assert numbers == sorted(numbers)


def test_terminal_view_shows_both_languages_and_speakers():
    result = run("summarize", str(SEED_ARTICLE), "--engine", "apertium", "--width", "120")
    assert result.exit_code == 0, result.output
    assert "Summary (default, 3 sentences)" in result.output
    assert "Key quotes" in result.output
    assert "Koo Byoungsam" in result.output and "malformed" in result.output
    assert "«muy cerca de un acuerdo»" in result.output


def test_no_translation_is_spanish_only():
    result = run("summarize", str(SEED_ARTICLE), "--no-translation", "--json", "--algorithm", "lexrank")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["engine"] is None
    assert all(item["target"] is None for item in data["summary"])
    assert all(q["target"] is None for q in data["quotes"])


@pytest.mark.parametrize("args, message", [
    (("--algorithm", "magic"), "lexrank"),
    (("--length", "0"), "length"),
    (("--length", "-1"), "length"),
    (("--length", "abc"), "length"),
])
def test_bad_options_are_clear_errors(args, message):
    result = run("summarize", str(SEED_ARTICLE), "--no-translation", *args)
    assert result.exit_code == 1
    assert message in result.output.lower()
    assert "Traceback" not in result.output


def test_an_article_without_body_sentences_is_a_clear_error():
    furniture = ("Haga clic aquí para descargar la aplicación de noticias gratis\n"
                 "Suscríbete a nuestro boletín para recibir las noticias de la mañana\n"
                 "Síguenos en las redes sociales para no perderte ninguna novedad\n")
    result = run("summarize", "-", "--no-translation", input=furniture)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "body" in result.output.lower() or "sentences" in result.output.lower()
