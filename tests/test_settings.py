"""One settings table for every surface: parsed from the environment, documented in the
README and in `bitexto serve --help`, handed to the core as plain options."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitexto.cli import main
from bitexto.jobs import JobSettings
from bitexto.settings import SETTINGS, Settings, settings_markdown
from bitexto.translate.options import TranslateOptions
from bitexto.webapp.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def test_the_settings_object_has_exactly_the_tables_names():
    assert [field.name for field in fields(Settings)] == [setting.name for setting in SETTINGS]


def test_the_core_options_are_the_translation_settings():
    translation = [setting.name for setting in SETTINGS if setting.section == "translation"]
    assert translation == [field.name for field in fields(TranslateOptions)]
    options = Settings.from_env({"BITEXTO_ENGINE": "apertium", "BITEXTO_MAX_CHARS": "99"}).translate
    assert isinstance(options, TranslateOptions)
    assert (options.engine, options.max_chars) == ("apertium", 99)


def test_values_are_parsed_by_type_with_clear_errors(tmp_path):
    settings = Settings.from_env({"BITEXTO_WARM_UP": "off", "BITEXTO_REQUIRE_API_KEYS": "yes",
                                  "BITEXTO_JOB_LEASE_SECONDS": "2.5", "BITEXTO_WORKERS": "3",
                                  "BITEXTO_DATA_DIR": str(tmp_path), "BITEXTO_QUEUE": " "})
    assert (settings.warm_up, settings.require_api_keys, settings.job_lease_seconds, settings.workers) == (
        False, True, 2.5, 3)
    assert settings.queue is None and settings.data_dir == tmp_path
    for variable, value, message in [("BITEXTO_WORKERS", "many", "must be a whole number"),
                                     ("BITEXTO_JOB_LEASE_SECONDS", "-1", "must not be negative"),
                                     ("BITEXTO_WARM_UP", "maybe", "must be one of")]:
        with pytest.raises(ValueError, match=f"{variable} {message}"):
            Settings.from_env({variable: value})


def test_the_web_config_and_the_job_settings_come_from_the_same_table(tmp_path):
    settings = Settings.from_env({"BITEXTO_DATA_DIR": str(tmp_path), "BITEXTO_MAX_REQUEST_BYTES": "1234",
                                  "BITEXTO_JOB_SENTENCES": "7", "BITEXTO_RATE_LIMIT": "5 per minute"})
    config = load_config(settings)
    assert config["MAX_CONTENT_LENGTH"] == 1234 and config["RATELIMIT_DEFAULT"] == "5 per minute"
    assert config["JOBS"] == JobSettings.from_settings(settings) and config["JOBS"].long_sentences == 7
    assert config["DATABASE"] == tmp_path / "instance" / "bitexto.sqlite3"
    with pytest.raises(ValueError, match="postgresql://"):
        Settings.from_env({"BITEXTO_DATABASE_URL": "mysql://x"}).database_location()


def test_the_readme_table_is_the_settings_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- settings table: python -m bitexto.settings -->")
    end = readme.index("<!-- end of settings table -->")
    assert readme[start:end].split("\n", 1)[1].strip() == settings_markdown()


def test_serve_help_lists_every_setting():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for setting in SETTINGS:
        assert setting.variable in result.output


def test_only_the_settings_module_reads_bitexto_variables():
    """Nobody parses BITEXTO_* on their own any more (the table is the only reader)."""
    readers = []
    for path in sorted(p for package in ("translate", "summarize", "bitexto", "webapp")
                       for p in (ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"BITEXTO_[A-Z_]+", node.value) and path.name != "settings.py":
                readers.append(f"{path.relative_to(ROOT)}: {node.value}")
    assert readers == []
