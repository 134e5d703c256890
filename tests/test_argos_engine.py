"""ArgosEngine on a real (tiny, random-weight) Argos package: install → load → translate.

The English is gibberish by construction; these tests check the contract: alignment,
counts, chunking, progress, retries of degenerate outputs, and that nothing reaches the
network or the home directory.
"""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bitexto.settings import Settings
from bitexto.translate.options import TranslateOptions

from bitexto.translate import quality
from bitexto.translate.document import EngineInfo
from bitexto.translate.engines import argos
from bitexto.translate.engines.argos import ArgosEngine
from bitexto.translate.errors import EngineUnavailable
from bitexto.translate.models import install_package, list_packages
from bitexto.translate.testing import SPANISH_TRAINING_TEXT, rewrite_package

# Session fixtures (tiny_package, corrupt_variants) come from a plugin module shared by
# the Argos tests, so the tiny package is built once per session.
pytest_plugins = ("argos_fixtures",)
pytest.register_assert_rewrite("argos_fixtures")
from argos_fixtures import fast_settings, network_audit  # noqa: E402

SENTENCES = [line for line in SPANISH_TRAINING_TEXT.splitlines() if line.strip()]


@pytest.fixture
def engine(tiny_package):
    install_package(tiny_package)
    return ArgosEngine(fast_settings())


class SpyTranslator:
    """Wraps the real CTranslate2 translator and records every translate_batch call."""

    def __init__(self, real):
        self.real = real
        self.calls = []
        self.results = []

    def translate_batch(self, source, **options):
        self.calls.append((source, options))
        self.results.append(self.real.translate_batch(source, **options))
        return self.results[-1]


def spy_on(engine):
    engine.load()
    spy = SpyTranslator(engine._translator)
    engine._translator = spy
    return spy


def test_translates_with_same_count_and_order(engine):
    sources = SENTENCES[:5] + ["", "   "] + SENTENCES[5:8]
    targets = engine.translate(sources)
    assert len(targets) == len(sources)
    assert all(isinstance(target, str) for target in targets)
    assert targets[5] == targets[6] == ""
    assert all(target.strip() and target == target.strip()
               for i, target in enumerate(targets) if i not in (5, 6))
    assert engine.info == EngineInfo(name="argos", model="Argos es→en", version="0.0-test")


def test_each_output_belongs_to_its_own_sentence(engine):
    """Batching must not mix sentences up: alone or in any order, same output."""
    sources = SENTENCES[:12]
    together = engine.translate(sources)
    reversed_run = engine.translate(list(reversed(sources)))
    alone = [engine.translate([source])[0] for source in sources[:4]]
    assert list(reversed(reversed_run)) == together
    assert alone == together[:4]
    assert len(set(together)) > 1


def test_two_hundred_sentences_go_in_chunks_with_progress(engine, tiny_package):
    engine = ArgosEngine(fast_settings(argos_chunk_sentences=64))
    spy = spy_on(engine)
    sources = [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(200)]
    progress = []
    targets = engine.translate(sources, on_progress=lambda done, total: progress.append((done, total)))
    assert len(targets) == 200 and all(targets)
    assert progress == [(64, 200), (128, 200), (192, 200), (200, 200)]
    first_pass = [(source, options) for source, options in spy.calls
                  if "repetition_penalty" not in options]
    assert [len(source) for source, _ in first_pass] == [64, 64, 64, 8]
    for _, options in first_pass:
        assert options["beam_size"] == 2 and options["max_decoding_length"] == 12
        assert options["batch_type"] == "tokens" and options["max_batch_size"] == 512
        assert options["num_hypotheses"] == 1 and options["replace_unknowns"] is True
        assert options["length_penalty"] == 0.2


def test_retries_exactly_the_flagged_sentences_with_penalties(engine):
    """On the random model some outputs loop; exactly those are retried, with penalties."""
    spy = spy_on(engine)
    sources = [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(60)]
    targets = engine.translate(sources)
    assert len(spy.calls[0][0]) == len(sources)  # one chunk: the first call is the first pass
    first_outputs = [engine._decode(result.hypotheses[0], "") for result in spy.results[0]]
    flagged = {i for i, (source, target) in enumerate(zip(sources, first_outputs, strict=True))
               if quality.degenerate_flags(source, target)}
    assert engine.last_retried == flagged
    retry_calls = [options for _, options in spy.calls if "repetition_penalty" in options]
    if flagged:
        assert len(retry_calls) == 1
        assert retry_calls[0]["repetition_penalty"] == pytest.approx(1.2)
        assert retry_calls[0]["no_repeat_ngram_size"] == 3
        assert len(spy.calls[1][0]) == len(flagged)
    for i in engine.last_retry_kept:
        assert quality.degenerate_flags(sources[i], targets[i]) == []
    for i in set(range(len(sources))) - engine.last_retry_kept:
        assert targets[i] == first_outputs[i]
    assert flagged, "the random tiny model is expected to loop on some sentences"


class ScriptedResult:
    def __init__(self, tokens):
        self.hypotheses = [tokens]


class ScriptedTranslator:
    """First pass: sentence 1 loops. Retry: clean or still looping, as configured."""

    def __init__(self, retry_tokens):
        self.retry_tokens = retry_tokens
        self.calls = []

    def translate_batch(self, source, **options):
        self.calls.append((len(source), options))
        if "repetition_penalty" in options:
            return [ScriptedResult(self.retry_tokens) for _ in source]
        return [ScriptedResult(["▁the"] * 4 if k == 1 else ["▁fine", "▁words"])
                for k in range(len(source))]


@pytest.mark.parametrize("retry_tokens, kept", [
    (["▁clean", "▁words"], True),
    (["▁loop"] * 4, False),
])
def test_a_retry_is_kept_only_when_it_is_clean(engine, retry_tokens, kept):
    engine.load()
    engine._translator = ScriptedTranslator(retry_tokens)
    targets = engine.translate(["Uno dos tres.", "El gobierno anunció el plan.", "Otra frase."])
    assert engine.last_retried == {1}
    assert engine._translator.calls[1][0] == 1
    assert engine.last_retry_kept == ({1} if kept else set())
    assert targets[1] == ("clean words" if kept else "the the the the")
    assert getattr(targets[1], "flags", ()) == (("retranslated",) if kept else ())
    assert targets[0] == targets[2] == "fine words"


def test_retries_can_be_switched_off(tiny_package):
    install_package(tiny_package)
    engine = ArgosEngine(fast_settings(), retry_degenerate=False)
    spy = spy_on(engine)
    engine.translate(SENTENCES)
    assert len(spy.calls) == 1 and engine.last_retried == set()


def test_blank_input_never_loads_the_model(engine):
    progress = []
    assert engine.translate(["", " ", "\n\t"], on_progress=lambda d, t: progress.append((d, t))) \
        == ["", "", ""]
    assert not engine.loaded
    assert progress == [(3, 3)]
    assert engine.translate([]) == []


def test_freed_decoding_memory_goes_back_to_the_os_after_each_call(engine, monkeypatch):
    # glibc keeps what CTranslate2's threads free; without a trim a server's RSS climbs
    # article after article (bench: +105 MB over 300 articles, none of it in use).
    argos.release_freed_memory()
    assert callable(argos._malloc_trim)  # found in this machine's glibc
    trims = []
    monkeypatch.setattr(argos, "_malloc_trim", lambda pad: trims.append(pad) or 1)

    engine.translate(SENTENCES[:3])
    engine.translate(["", " "])  # nothing ran: nothing to give back

    assert trims == [0]


@pytest.mark.enable_socket
def test_no_network_during_load_and_translate(tiny_package):
    """With real sockets allowed (pytest-socket would otherwise mask an attempt), the
    audit hook sees no socket created, resolved or connected."""
    install_package(tiny_package)
    with network_audit.record() as events:
        engine = ArgosEngine(fast_settings())
        engine.load()
        targets = engine.translate(SENTENCES[:10])
    assert len(targets) == 10
    assert events == []



def test_uses_the_data_dir_not_home_and_restores_the_environment(engine, data_dir):
    before = {name: os.environ.get(name) for name in
              ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")}
    engine.translate(SENTENCES[:2])
    assert Path(engine.package_path).is_relative_to(data_dir)
    assert {name: os.environ.get(name) for name in before} == before
    for base in (Path(os.environ["HOME"]) / ".local" / "share", Path(os.environ["XDG_DATA_HOME"]),
                 Path(os.environ["XDG_CACHE_HOME"]), Path(os.environ["XDG_CONFIG_HOME"])):
        assert not (base / "argos-translate").exists()


def test_another_data_dir_in_the_same_process_sees_its_own_packages(
        engine, tiny_package, tmp_path, monkeypatch):
    assert len(list_packages()) == 1
    other = TranslateOptions(data_dir=tmp_path / "other")
    assert list_packages(other) == []
    with pytest.raises(EngineUnavailable, match="bitexto models install --from"):
        ArgosEngine(other)
    monkeypatch.setenv("BITEXTO_DATA_DIR", str(tmp_path / "other"))
    assert list_packages(Settings.from_env().translate) == []


def test_without_a_package_the_engine_says_how_to_install_one():
    with pytest.raises(EngineUnavailable, match=r"bitexto models install --from FILE\.argosmodel"):
        ArgosEngine(fast_settings())


def _install_as(tiny_package, tmp_path, version):
    copy = rewrite_package(tiny_package, tmp_path / f"v{version}.argosmodel",
                           metadata_changes={"package_version": version},
                           folder=f"translate-es_en-{version.replace('.', '_')}")
    install_package(copy)


def test_prefers_the_configured_version(tiny_package, tmp_path):
    install_package(tiny_package)
    _install_as(tiny_package, tmp_path, "0.2")
    assert ArgosEngine(fast_settings(argos_version="0.0-test")).info.version == "0.0-test"
    engine = ArgosEngine(fast_settings(argos_version="0.2"))
    assert engine.info.version == "0.2" and engine.notes == []


def test_falls_back_to_an_installed_version_and_avoids_the_broken_one(tiny_package, tmp_path):
    _install_as(tiny_package, tmp_path, "0.2")
    with pytest.warns(UserWarning, match="1.9"):
        _install_as(tiny_package, tmp_path, "1.9")
    engine = ArgosEngine(fast_settings())  # prefers 1.0, which is not installed
    assert engine.info.version == "0.2"
    assert "1.0 is not installed; using 0.2" in engine.notes[0]
    chosen_broken = ArgosEngine(fast_settings(argos_version="1.9"))
    assert chosen_broken.info.version == "1.9"
    assert any("repeated subwords" in note for note in chosen_broken.notes)


def test_target_prefix_from_metadata_is_passed_to_the_model(tiny_package, tmp_path):
    vocabulary_piece = "▁de"
    prefixed = rewrite_package(tiny_package, tmp_path / "prefixed.argosmodel",
                               metadata_changes={"target_prefix": vocabulary_piece})
    install_package(prefixed)
    engine = ArgosEngine(fast_settings())
    spy = spy_on(engine)
    targets = engine.translate(SENTENCES[:3])
    assert len(targets) == 3
    assert spy.calls[0][1]["target_prefix"] == [[vocabulary_piece]] * 3


def test_a_damaged_installed_model_is_reported_as_unavailable(engine):
    (engine.package_path / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(EngineUnavailable, match="could not be loaded"):
        engine.translate(["Hola."])


def test_importing_the_engine_and_models_stays_light(tmp_path):
    """argostranslate.translate pulls torch, stanza and spaCy (seconds, a socket): never import it."""
    code = (
        "import sys, json\n"
        "from translate.models import list_packages\n"
        "import translate.engines.argos\n"
        "list_packages()\n"
        "heavy = ('argostranslate.translate', 'argostranslate.sbd', 'torch', 'stanza', 'spacy', 'minisbd')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    env = dict(os.environ, BITEXTO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_metadata_of_the_tiny_package(tiny_package):
    with zipfile.ZipFile(tiny_package) as archive:
        metadata = json.loads(archive.read("translate-es_en-0_0-test/metadata.json"))
    assert (metadata["from_code"], metadata["to_code"], metadata["package_version"]) == \
        ("es", "en", "0.0-test")
    assert metadata["type"] == "translate"
