"""`bitexto models …` and `bitexto translate` with a real (tiny, random-weight) Argos package."""

import json

import pytest
from click.testing import CliRunner

from bitexto.cli import SEED_ARTICLE, main

pytest_plugins = ("argos_fixtures",)


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def installed(run, tiny_package, monkeypatch):
    # Short decoding keeps the random-weight model quick; it never emits an end token.
    monkeypatch.setenv("BITEXTO_ARGOS_MAX_DECODING_LENGTH", "8")
    monkeypatch.setenv("BITEXTO_ARGOS_BEAM_SIZE", "1")
    result = run("models", "install", "--from", str(tiny_package))
    assert result.exit_code == 0, result.output
    return result


def test_install_then_list(run, installed, data_dir):
    assert "Installed Argos es→en 0.0-test" in installed.output
    listed = run("models", "list")
    assert "es→en  0.0-test" in listed.output
    assert str(data_dir) in listed.output


def test_auto_engine_uses_the_installed_argos_package(run, installed):
    result = run("translate", str(SEED_ARTICLE), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["engine"] == {"name": "argos", "model": "Argos es→en", "version": "0.0-test"}
    assert len(data["blocks"]) == 24
    sentences = [s for block in data["blocks"] for s in block["sentences"]]
    assert all(isinstance(s["target"], str) for s in sentences)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert all(s["source"] in text for s in sentences)


def test_side_by_side_names_argos_without_the_apertium_warning(run, installed):
    result = run("translate", str(SEED_ARTICLE), "--width", "120")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == "Engine: Argos es→en 0.0-test"


def test_asking_for_argos_without_a_package_does_not_fall_back(run):
    result = run("translate", str(SEED_ARTICLE), "--engine", "argos")
    assert result.exit_code == 1
    assert "bitexto models install" in result.output


def test_a_wrong_checksum_is_refused_and_nothing_is_installed(run, tiny_package):
    result = run("models", "install", "--from", str(tiny_package), "--sha256", "0" * 64)
    assert result.exit_code == 1
    assert "SHA-256" in result.output and "Download it again" in result.output
    assert "No Argos package installed" in run("models", "list").output
