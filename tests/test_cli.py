"""The command line, through click's runner and once as a real subprocess."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bitexto.cli import SEED_ARTICLE, main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def test_translate_json_follows_the_contract(run):
    result = run("translate", str(SEED_ARTICLE), "--engine", "apertium", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["engine"]["name"] == "apertium"
    assert len(data["blocks"]) == 24
    kinds = [block["kind"] for block in data["blocks"]]
    assert kinds.count("caption") == 3 and kinds[-1] == "credit"


def test_side_by_side_shows_both_languages_and_the_engine(run):
    result = run("translate", "-", "--engine", "apertium", "--width", "100",
                 input="El perro de mi vecino ladra todas las noches. Nadie en el barrio puede dormir bien.")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Engine: Apertium")
    assert "lower quality" in lines[0]
    rows = [line for line in lines if "│" in line]
    assert any("perro" in row.split("│")[0] and "dog" in row.split("│")[1] for row in rows)
    assert all(len(row) <= 100 for row in rows)


@pytest.mark.parametrize(
    "payload, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (b"The government approved on Tuesday a reform that affects millions of workers.", "not Spanish"),
    ],
)
def test_bad_input_is_a_clear_error_not_a_traceback(run, tmp_path, payload, message):
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    result = run("translate", str(path), "--engine", "apertium")
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_huge_paste_is_refused_with_the_limit(run, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("El gato duerme en la casa. " * 200_000, encoding="utf-8")  # ~5 MB
    result = run("translate", str(path), "--engine", "apertium")
    assert result.exit_code == 1
    assert "limit" in result.output


def test_long_line_without_punctuation_translates(run, tmp_path):
    words = ("el gobierno de la ciudad anuncia nuevas medidas para el transporte público " * 300)[:20_000]
    path = tmp_path / "line.txt"
    path.write_text(words, encoding="utf-8")
    result = run("translate", str(path), "--engine", "apertium", "--json")
    assert result.exit_code == 0, result.output
    sentences = [s for b in json.loads(result.output)["blocks"] for s in b["sentences"]]
    assert len(sentences) > 10
    assert all("forced_split" in s["flags"] for s in sentences)
    assert all(s["target"] for s in sentences)


def test_models_list_without_packages_points_to_install(run):
    result = run("models", "list")
    assert result.exit_code == 0
    assert "bitexto models install" in result.output


def test_console_entry_point_runs_as_a_process():
    result = subprocess.run(
        [sys.executable, "-m", "bitexto", "translate", "--engine", "apertium", "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["engine"]["name"] == "apertium"
