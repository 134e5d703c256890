#!/usr/bin/env python3
"""How much faster bitexto's Argos engine is than argostranslate's own translate path.

    python bench/translate_bench.py [--data PATH.jsonl] [--articles 20] [--soak 200]
                                    [--max-decoding-length 48] [--quick] [--sweep]

A benchmark, not a test: it prints numbers and ratios and asserts nothing about time.
It builds (once, cached in bench/.cache/) an Argos es→en package with the dimensions of
the real model — Transformer base, 6+6 layers, d_model 512, 8 heads, FFN 2048, 32k
SentencePiece vocabulary, int8 — but random weights, installs it into a temporary
BITEXTO_DATA_DIR, and times in one run, on the seed article and on a batch of articles:

  (a) argostranslate's own path (get_translation_from_codes(...).translate(text)), with
      its sentence splitter replaced by bitexto's segmenter (MiniSBD/stanza would
      download models) and its cache cleared before every article: the best a user of
      argos gets;
  (b) bitexto's ArgosEngine (segment the article, then engine.translate(sentences));
  (c) one raw ctranslate2 translate_batch call over all pre-tokenised sentences, with
      (b)'s thread settings: the compute floor.

All three decode with beam 4, length penalty 0.2 and the same bounded decoding length.
Random weights almost never emit the end token, so every sentence decodes to exactly
that bound (printed as a check); argos does not pass max_decoding_length, so its
Translator is wrapped to inject it, otherwise it would decode 256 tokens per sentence.

Memory is measured in fresh subprocesses (argostranslate's import of torch and stanza
would otherwise pollute the numbers). `--sweep` times (b) under other thread and
batching settings, each in its own subprocess, and prints a table.

Timings on shared 2-core machines vary by up to 30% between runs: read the ratios,
which compare paths measured in the same run, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ on sys.path, not the repository root.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

CACHE_DIR = REPO_ROOT / "bench" / ".cache"
SEED_ARTICLE = REPO_ROOT / "seeds" / "000_957073114899cdb1.txt"
PACKAGE_VERSION = "0.0-bench"
PACKAGE_SIZE = "base"
PACKAGE_SEED = 0
PACKAGES_KEPT_IN_CACHE = 3
TARGET_VOCAB = 32000
BEAM_SIZE = 4  # argostranslate's default (ARGOS_BEAM_SIZE); bitexto's default too
# argostranslate hard-codes 0.2; translate.engines.argos.LENGTH_PENALTY is the same.
LENGTH_PENALTY = 0.2

# Targets from the brief; printed next to the measured figures, never asserted.
TARGET_SEED_A_OVER_B = 5.0
TARGET_BATCH_A_OVER_B = 8.0
TARGET_B_OVER_C = 1.15
TARGET_PEAK_RSS_MB = 800.0

SOAK_REPORT_EVERY = 50
# Before each measurement, wait while other processes use more than this share of the
# CPUs, sampled over QUIET_SAMPLE_SECONDS (see wait_for_quiet).
QUIET_SHARE = 0.10
QUIET_SAMPLE_SECONDS = 2.0
SWEEP_THREADS = ((1, 2), (2, 1), (1, 0))  # (inter_threads, intra_threads)
SWEEP_BATCH_TOKENS = (512, 1024, 2048)
SWEEP_CHUNK_SENTENCES = (64, 128, 256)


@dataclass(frozen=True)
class RunPlan:
    """How much work one invocation does; --quick shrinks it."""

    articles: int
    soak: int
    seed_runs: int
    batch_argos_runs: int
    batch_runs: int
    sweep_sentences: int
    sweep_runs: int
    sweep_chunks: tuple[int, ...]


def make_plan(args: argparse.Namespace) -> RunPlan:
    if args.quick:
        return RunPlan(articles=args.articles or 5, soak=args.soak or 50, seed_runs=1,
                       batch_argos_runs=1, batch_runs=1, sweep_sentences=150, sweep_runs=1,
                       sweep_chunks=(128,))
    return RunPlan(articles=args.articles or 20, soak=args.soak or 200, seed_runs=3,
                   batch_argos_runs=1, batch_runs=2, sweep_sentences=300, sweep_runs=2,
                   sweep_chunks=SWEEP_CHUNK_SENTENCES)


def log(message: str) -> None:
    """Progress goes to stderr so stdout holds only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- Articles --------------------------------------------------------------------------


def read_jsonl_articles(path: Path) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text") if isinstance(record, dict) else None
            if not isinstance(text, str) or not text.strip():
                raise SystemExit(f"{path}:{number}: expected a JSON object with a \"text\" field")
            texts.append(text)
    if not texts:
        raise SystemExit(f"{path} holds no articles")
    return texts


def seed_article() -> str:
    """The repository's seed article, or the bundled Spanish text if it is missing."""
    if SEED_ARTICLE.is_file():
        return SEED_ARTICLE.read_text(encoding="utf-8")
    from bitexto.translate.testing import SPANISH_TRAINING_TEXT

    return SPANISH_TRAINING_TEXT


def perturbed_copies(text: str, count: int, seed: int = 0) -> list[str]:
    """`count` variants of one article: sentences shuffled within each paragraph.

    Without --data the batch and the soak are made of the seed article; varying it
    keeps every copy distinct, as real articles would be.
    """
    from bitexto.translate.segment import split_sentences

    rng = random.Random(seed)
    paragraphs = text.split("\n")
    copies = [text]
    while len(copies) < count:
        shuffled = []
        for paragraph in paragraphs:
            sentences = [paragraph[start:end] for start, end in split_sentences(paragraph)]
            rng.shuffle(sentences)
            shuffled.append(" ".join(sentences))
        copies.append("\n".join(shuffled))
    return copies[:count]


def cycled(items: list[str], count: int) -> list[str]:
    return [items[i % len(items)] for i in range(count)]


@dataclass
class Workload:
    seed: str
    batch: list[str]
    soak: list[str]
    training_corpus: str
    source: str


def load_workload(data: Path | None, plan: RunPlan) -> Workload:
    seed = seed_article()
    if data is None:
        copies = perturbed_copies(seed, max(plan.articles, plan.soak))
        return Workload(seed=seed, batch=copies[:plan.articles], soak=copies[:plan.soak],
                        training_corpus=seed, source=f"{SEED_ARTICLE.name} (perturbed copies)")
    texts = read_jsonl_articles(data)
    return Workload(seed=seed, batch=cycled(texts, plan.articles), soak=cycled(texts, plan.soak),
                    training_corpus="\n".join(texts), source=f"{data} ({len(texts)} articles)")


# --- The benchmark package ---------------------------------------------------------------


def training_text_for(corpus: str) -> str:
    """SentencePiece training text that reaches the real model's 32k vocabulary.

    The output projection (vocabulary × d_model per decoding step) is a large share of
    decoding cost, so a smaller vocabulary would make every path look faster. A corpus
    too small for 32k pieces (the seed article alone gives ~4k) is padded with
    pseudo-Spanish words made of its own syllables; the real text is repeated so its
    words still become whole pieces.
    """
    from bitexto.translate.testing import SPANISH_TRAINING_TEXT

    text = corpus + "\n" + SPANISH_TRAINING_TEXT
    if reachable_vocabulary(text) >= TARGET_VOCAB:
        return text
    return "\n".join([text] * 10 + [pseudo_word_text(text)])


def reachable_vocabulary(text: str) -> int:
    from bitexto.translate.testing import train_sentencepiece

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        _model, pieces = train_sentencepiece(text, TARGET_VOCAB)
    return len(pieces)


def pseudo_word_text(text: str, words: int = 60000, lines: int = 30000, seed: int = 0) -> str:
    vowels = "aeiouáéíóúü"
    syllable = re.compile(rf"[^{vowels}]*[{vowels}]+(?:[^{vowels}]+$)?")
    syllables = sorted({s for word in re.findall(r"[^\W\d_]+", text.lower())
                        for s in syllable.findall(word)})
    rng = random.Random(seed)
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                         for _ in range(words)})
    return "\n".join(" ".join(rng.choice(vocabulary) for _ in range(12)) + "."
                     for _ in range(lines))


def package_cache_key(training_text: str) -> str:
    """Everything the package bytes depend on, so a stale cache is never reused."""
    import ctranslate2
    import sentencepiece

    generator = (REPO_ROOT / "translate" / "testing.py").read_bytes()
    parts = {
        "size": PACKAGE_SIZE,
        "seed": PACKAGE_SEED,
        "version": PACKAGE_VERSION,
        "training_text": hashlib.sha256(training_text.encode()).hexdigest(),
        "generator": hashlib.sha256(generator).hexdigest(),
        "ctranslate2": ctranslate2.__version__,
        "sentencepiece": sentencepiece.__version__,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def cached_package(training_text: str) -> tuple[Path, bool]:
    """The benchmark .argosmodel, built on first use; returns (path, was_cached)."""
    from bitexto.translate.testing import build_argos_package

    folder = CACHE_DIR / f"package-{package_cache_key(training_text)}"
    existing = sorted(folder.glob("*.argosmodel")) if folder.is_dir() else []
    if existing:
        folder.touch()  # marks it recently used for pruning
        return existing[0], True
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    # Built beside its final place and renamed, so an interrupted build leaves no
    # half-written package that a later run would take for a cached one.
    staging = Path(tempfile.mkdtemp(prefix="building-", dir=CACHE_DIR))
    try:
        build_argos_package(staging, version=PACKAGE_VERSION, size=PACKAGE_SIZE,
                            training_text=training_text, seed=PACKAGE_SEED)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    prune_package_cache(keep=folder)
    return next(folder.glob("*.argosmodel")), False


def prune_package_cache(keep: Path) -> None:
    """Each package is ~90 MB: keep only the few most recently used."""
    folders = sorted((p for p in CACHE_DIR.glob("package-*") if p.is_dir() and p != keep),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in folders[PACKAGES_KEPT_IN_CACHE - 1:]:
        shutil.rmtree(stale, ignore_errors=True)


def package_description(package_file: Path) -> str:
    """One line about the package: its build dimensions and what the file holds."""
    import zipfile

    from bitexto.translate.testing import SIZES

    with zipfile.ZipFile(package_file) as archive:
        names = archive.namelist()
        metadata = json.loads(archive.read(next(n for n in names if n.endswith("/metadata.json"))))
        model_bin = archive.getinfo(next(n for n in names if n.endswith("/model/model.bin")))
    dims = SIZES[PACKAGE_SIZE]
    vocab = metadata.get("bitexto_synthetic", {}).get("vocab_size")
    return (f"{dims.encoder_layers}+{dims.decoder_layers} layers, d_model {dims.d_model}, "
            f"{dims.heads} heads, FFN {dims.ffn}, vocabulary {vocab}, int8; "
            f"model.bin {model_bin.file_size / 1e6:.0f} MB, "
            f"package file {package_file.stat().st_size / 1e6:.0f} MB")


def bench_settings(data_dir: Path, max_decoding_length: int, **overrides):
    """bitexto settings for (b): the defaults (or BITEXTO_* from the environment),
    pointed at the temporary data dir and the benchmark package."""
    from bitexto.settings import Settings

    return Settings.from_env(data_dir=data_dir, argos_version=PACKAGE_VERSION,
                             argos_beam_size=BEAM_SIZE,
                             argos_max_decoding_length=max_decoding_length, **overrides)


def install_into(data_dir: Path, package_file: Path, max_decoding_length: int):
    from bitexto.translate.models import install_package

    settings = bench_settings(data_dir, max_decoding_length)
    install_package(package_file, options=settings.translate)
    return settings


# --- Measuring -----------------------------------------------------------------------------


def rss_mb() -> float:
    """Current resident set size (VmRSS), in MB."""
    return proc_status_mb("VmRSS")


def proc_status_mb(field_name: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    """Highest resident set size of this process so far (ru_maxrss is in kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def high_water_mb() -> float:
    """The kernel's VmHWM: the same peak, counted for this program image only."""
    return proc_status_mb("VmHWM")


def machine_busy_seconds() -> float:
    """CPU seconds all processes have spent busy since boot (from /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = stat.readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Measurement:
    seconds: float
    # Share of the machine's CPUs that other processes used meanwhile: with only two
    # cores, anything above a few percent means the timing is disturbed.
    others: float


def measure_once(work: Callable[[], object]) -> Measurement:
    busy, own = machine_busy_seconds(), time.process_time()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    others = (machine_busy_seconds() - busy) - (time.process_time() - own)
    return Measurement(seconds, max(0.0, others) / (seconds * (os.cpu_count() or 1)))


def others_share(interval: float) -> float:
    """Share of the machine's CPUs used by other processes over the next `interval` s."""
    busy, own = machine_busy_seconds(), time.process_time()
    time.sleep(interval)
    others = (machine_busy_seconds() - busy) - (time.process_time() - own)
    return max(0.0, others) / (interval * (os.cpu_count() or 1))


def wait_for_quiet(max_wait: float) -> None:
    """Hold the next measurement until other processes leave the CPUs alone (≤ max_wait s).

    Others' tests and browsers on this shared 2-core machine can take half of it for
    minutes; a measurement started then says more about them than about the paths.
    """
    deadline = time.monotonic() + max_wait
    share = others_share(QUIET_SAMPLE_SECONDS)
    if share <= QUIET_SHARE:
        return
    log(f"  other processes use {share:.0%} of the CPUs; waiting up to {max_wait:.0f} s")
    while time.monotonic() < deadline:
        share = others_share(QUIET_SAMPLE_SECONDS)
        if share <= QUIET_SHARE:
            return
    log(f"  still {share:.0%} busy with other processes; measuring anyway")


def best_time(runs: int, work: Callable[[], object]) -> Measurement:
    """The fastest of `runs` calls: the run least disturbed by the machine."""
    return min((measure_once(work) for _ in range(runs)), key=lambda m: m.seconds)


# --- (a) argostranslate's own path ------------------------------------------------------------


class LocalSentencizer:
    """argostranslate's sentencizer interface over bitexto's segmenter.

    argos' MiniSBD and stanza sentencizers download models at translate time; this one
    runs offline and yields exactly the sentences bitexto translates. It counts them so
    the report can check that (a) and (b) translated the same number.
    """

    sentences_seen = 0

    def __init__(self, pkg=None):
        self.pkg = pkg

    def split_sentences(self, text: str) -> list[str]:
        from bitexto.translate.segment import split_sentences

        sentences = [text[start:end] for start, end in split_sentences(text)]
        LocalSentencizer.sentences_seen += len(sentences)
        return sentences


class BoundedTranslator:
    """Stands in for a ctranslate2.Translator: injects max_decoding_length and records.

    argos calls translate_batch without max_decoding_length (CTranslate2 then decodes up
    to 256 tokens); the other paths are bounded, so argos must be too. Everything else
    argos passes (beam, length penalty, its 32-token batches) is left as it is.
    """

    def __init__(self, translator, max_decoding_length: int | None, constructor_options=None):
        self.translator = translator
        self.max_decoding_length = max_decoding_length
        self.constructor_options = dict(constructor_options or {})
        self.last_options: dict = {}
        self.calls = 0
        self.output_tokens: list[int] = []

    def translate_batch(self, source, **options):
        if self.max_decoding_length is not None:
            options["max_decoding_length"] = self.max_decoding_length
        self.last_options = {k: v for k, v in options.items() if k != "target_prefix"}
        self.calls += 1
        results = self.translator.translate_batch(source, **options)
        self.output_tokens.extend(len(result.hypotheses[0]) for result in results)
        return results

    def __getattr__(self, name):
        return getattr(self.translator, name)


@dataclass
class ArgosPath:
    translation: object  # an argostranslate CachedTranslation for es→en

    @property
    def translator(self) -> BoundedTranslator | None:
        """The (wrapped) Translator, once argos has built it on its first call."""
        return self.translation.underlying.translator

    def translate_articles(self, texts: list[str]) -> int:
        """Translate each article as a user of argos would; returns sentences translated."""
        LocalSentencizer.sentences_seen = 0
        for text in texts:
            # CachedTranslation answers a paragraph it saw in the previous call from
            # memory; real articles don't repeat, so start every article cold.
            self.translation.cache = {}
            self.translation.translate(text)
        return LocalSentencizer.sentences_seen


def offline_argos(settings, max_decoding_length: int):
    """argostranslate.translate, patched to run offline with bounded decoding."""
    import ctranslate2

    from bitexto.translate import argos_env

    argos_env.configure(settings.data_dir)
    # Imported only here: it loads torch, stanza and MiniSBD (seconds, and memory that
    # the subprocess measurements of bitexto must not include).
    import argostranslate.translate as argos_translate

    # PackageTranslation.__init__ picks its sentencizer class from these module names.
    for name in ("MiniSBDSentencizer", "StanzaSentencizer", "SpacySentencizerSmall"):
        setattr(argos_translate, name, LocalSentencizer)

    def make_translator(*args, **kwargs):
        return BoundedTranslator(ctranslate2.Translator(*args, **kwargs),
                                 max_decoding_length, constructor_options=kwargs)

    # PackageTranslation builds its Translator lazily as ctranslate2.Translator(...)
    # with argos' own thread and compute settings; keep those, wrap the result.
    argos_translate.ctranslate2 = types.SimpleNamespace(Translator=make_translator)
    argos_translate.get_installed_languages.cache_clear()
    return argos_translate


def argos_path(settings, max_decoding_length: int) -> ArgosPath:
    """argostranslate's es→en translation as get_translation_from_codes returns it."""
    argos_translate = offline_argos(settings, max_decoding_length)
    translation = argos_translate.get_translation_from_codes("es", "en")
    if translation is None:
        raise SystemExit("argostranslate does not see the installed es→en benchmark package")
    return ArgosPath(translation=translation)


def tuned_argos_path(default: ArgosPath, inter_threads: int, intra_threads: int,
                     max_decoding_length: int) -> ArgosPath:
    """argos as a user who sets ARGOS_INTER_THREADS / ARGOS_INTRA_THREADS would run it.

    A paragraph longer than one 32-token batch becomes several batches in one
    translate_batch call, which a second inter thread can decode in parallel; mlsum
    articles are one paragraph each, so this is the best argos does here.
    """
    import ctranslate2

    import argostranslate.settings as argos_settings
    import argostranslate.translate as argos_translate

    base = default.translation.underlying
    translation = argos_translate.PackageTranslation(base.from_lang, base.to_lang, base.pkg)
    options = dict(device=argos_settings.device, inter_threads=inter_threads,
                   intra_threads=intra_threads, compute_type=argos_settings.compute_type)
    # What PackageTranslation.hypotheses would build with those environment variables.
    translation.translator = BoundedTranslator(
        ctranslate2.Translator(str(base.pkg.package_path / "model"), **options),
        max_decoding_length, constructor_options=options)
    return ArgosPath(translation=argos_translate.CachedTranslation(translation))


# --- (b) bitexto's engine and (c) the raw floor --------------------------------------------------


def article_sentences(text: str, settings) -> list[str]:
    from bitexto.translate.pipeline import segment_article

    return [sentence.source for sentence in segment_article(text, settings.translate).sentences()]


def engine_translate_articles(engine, texts: list[str], *, per_article: bool) -> int:
    """Segment and translate articles with ArgosEngine; returns sentences translated.

    Segmentation is timed too, because argos' timing includes its sentence splitter.
    """
    settings = engine.settings
    if per_article:
        total = 0
        for text in texts:
            sentences = article_sentences(text, settings)
            engine.translate(sentences)
            total += len(sentences)
        return total
    sentences = [s for text in texts for s in article_sentences(text, settings)]
    engine.translate(sentences)
    return len(sentences)


@dataclass
class RawPath:
    """One translate_batch call over pre-tokenised sentences: no Python in between."""

    translator: object
    tokenizer: object
    settings: object
    output_tokens: list[int] = field(default_factory=list)

    def tokenize(self, sentences: list[str]) -> list[list[str]]:
        tokens = [self.tokenizer.encode(sentence, out_type=str) for sentence in sentences]
        return [t for t in tokens if t]

    def translate(self, tokenized: list[list[str]]) -> int:
        results = self.translator.translate_batch(
            tokenized,
            max_batch_size=self.settings.argos_max_batch_tokens,
            batch_type="tokens",
            beam_size=self.settings.argos_beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_decoding_length=self.settings.argos_max_decoding_length,
        )
        self.output_tokens = [len(result.hypotheses[0]) for result in results]
        return len(tokenized)


def raw_path(settings, package_dir: Path) -> RawPath:
    import ctranslate2
    import sentencepiece

    translator = ctranslate2.Translator(
        str(package_dir / "model"), device="cpu",
        compute_type=settings.argos_compute_type,
        inter_threads=settings.argos_inter_threads,
        intra_threads=settings.argos_intra_threads,
    )
    tokenizer = sentencepiece.SentencePieceProcessor(
        model_file=str(package_dir / "sentencepiece.model"))
    return RawPath(translator=translator, tokenizer=tokenizer, settings=settings)


def engine_output_tokens(engine, sentences: list[str]) -> list[int]:
    """Output lengths of the engine for `sentences`, by watching its translator once.

    Used on an untimed warm-up call only: the timed calls run the engine untouched.
    """
    watched = BoundedTranslator(engine._translator, None)
    engine._translator = watched
    try:
        engine.translate(sentences)
    finally:
        engine._translator = watched.translator
    return watched.output_tokens


# --- Subprocess measurements --------------------------------------------------------------------


# Runs each measurement command it reads (a JSON list per line) and answers with the
# command's exit code and stdout. Kept tiny on purpose: see ChildLauncher.
LAUNCHER_CODE = """
import json, subprocess, sys
for line in sys.stdin:
    done = subprocess.run(json.loads(line), stdout=subprocess.PIPE, text=True)
    print(json.dumps({"returncode": done.returncode, "stdout": done.stdout}), flush=True)
"""


class ChildLauncher:
    """Starts the measurement subprocesses from a small process started first.

    On Linux a program's ru_maxrss starts at the peak RSS of the process that forked and
    exec'd it (exec keeps the old address space's high-water mark). Launched straight
    from this process — which by then holds torch and three loaded models — every
    child would report this process's peak. A launcher started before anything heavy
    is loaded keeps that floor at its own ~10 MB.
    """

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", LAUNCHER_CODE],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, command: list[str]) -> tuple[int, str]:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise SystemExit("the measurement launcher exited unexpectedly")
        result = json.loads(answer)
        return result["returncode"], result["stdout"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def run_child(launcher: ChildLauncher, mode: str, data_dir: Path, workload_file: Path,
              max_decoding_length: int, overrides: dict | None = None, runs: int = 1) -> dict:
    """Run this script in a fresh Python process for one measurement; returns its JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode,
               "--data-dir", str(data_dir), "--workload", str(workload_file),
               "--max-decoding-length", str(max_decoding_length),
               "--overrides", json.dumps(overrides or {}), "--child-runs", str(runs)]
    returncode, stdout = launcher.run(command)
    if returncode != 0:
        raise SystemExit(f"child measurement {mode!r} failed with exit code {returncode}")
    return json.loads(stdout.strip().splitlines()[-1])


def child_memory(args: argparse.Namespace) -> dict:
    """bitexto's engine alone: RSS after load, peak after translating, RSS during a soak.

    The soak (one call per article, as the pipeline calls the engine) runs before the
    one long call over the whole batch, so the peak after the soak is the peak of
    normal use and the last peak is that of a very long document.
    """
    from bitexto.translate.engines.argos import ArgosEngine

    workload = json.loads(Path(args.workload).read_text(encoding="utf-8"))
    settings = bench_settings(Path(args.data_dir), args.max_decoding_length,
                              **json.loads(args.overrides))
    report = {"rss_start": rss_mb()}
    engine = ArgosEngine(settings.translate, retry_degenerate=False)
    engine.load()
    report.update(rss_load=rss_mb(), peak_load=peak_rss_mb())
    seed_sentences = article_sentences(workload["seed"], settings)
    engine.translate(seed_sentences)
    report.update(rss_seed=rss_mb(), peak_seed=peak_rss_mb())
    # The timed runs share a process with argostranslate, which loads torch and its
    # own OpenMP runtime; timing (b) here too shows whether that slowed (b) down.
    report["seed_seconds"] = best_time(args.child_runs,
                                       lambda: engine.translate(seed_sentences)).seconds
    report["soak"] = soak_points(engine, workload["soak"], settings)
    batch_sentences = [s for text in workload["batch"] for s in article_sentences(text, settings)]
    engine.translate(batch_sentences)
    report.update(batch_sentences=len(batch_sentences), rss_batch=rss_mb(),
                  peak=peak_rss_mb(), high_water=high_water_mb())
    return report


def soak_points(engine, texts: list[str], settings) -> list[dict]:
    """Translate article after article; RSS and peak every SOAK_REPORT_EVERY articles."""
    points = []
    for number, text in enumerate(texts, 1):
        engine.translate(article_sentences(text, settings))
        if number % SOAK_REPORT_EVERY == 0 or number == len(texts):
            points.append({"articles": number, "rss": rss_mb(), "peak": peak_rss_mb()})
            log(f"  soak: {number} articles, RSS {points[-1]['rss']:.0f} MB")
    return points


def child_argos_memory(args: argparse.Namespace) -> dict:
    """argostranslate's footprint on the seed article, for context."""
    workload = json.loads(Path(args.workload).read_text(encoding="utf-8"))
    settings = bench_settings(Path(args.data_dir), args.max_decoding_length)
    report = {"rss_start": rss_mb()}
    path = argos_path(settings, args.max_decoding_length)
    report["rss_import"] = rss_mb()
    path.translate_articles([workload["seed_text"]])
    report.update(rss=rss_mb(), peak=peak_rss_mb(), high_water=high_water_mb())
    return report


def child_sweep(args: argparse.Namespace) -> dict:
    """(b) with one set of thread/batching settings: the sweep articles translated one
    call per article (as the pipeline does) and as one long document."""
    from bitexto.translate.engines.argos import ArgosEngine

    workload = json.loads(Path(args.workload).read_text(encoding="utf-8"))
    articles = workload["sweep_articles"]
    sentences = [sentence for article in articles for sentence in article]
    settings = bench_settings(Path(args.data_dir), args.max_decoding_length,
                              **json.loads(args.overrides))
    engine = ArgosEngine(settings.translate, retry_degenerate=False)
    engine.load()
    rss_load = rss_mb()
    engine.translate(sentences[:4])  # warm-up: first-call allocations are not the cost
    per_article = best_time(args.child_runs, lambda: [engine.translate(a) for a in articles])
    long_call = best_time(args.child_runs, lambda: engine.translate(sentences))
    return {"per_article": per_article.seconds, "long_call": long_call.seconds,
            "others": max(per_article.others, long_call.others), "sentences": len(sentences),
            "articles": len(articles), "rss_load": rss_load, "peak": peak_rss_mb(),
            "high_water": high_water_mb()}


CHILD_MODES = {"memory": child_memory, "argos-memory": child_argos_memory, "sweep": child_sweep}


# --- Report ---------------------------------------------------------------------------------------


@dataclass
class Timing:
    workload: str  # "seed" or "batch"
    key: str  # "a", "b", "b_retry", "b_each", "c"
    path: str
    sentences: int
    seconds: float
    others: float  # CPU share other processes took during the best run
    runs: int

    @property
    def rate(self) -> float:
        return self.sentences / self.seconds if self.seconds else float("inf")


def print_timings(timings: list[Timing], batch_size: int) -> None:
    print(f"{'workload':<10} {'path':<56} {'sent.':>6} {'best s':>8} {'runs':>5} {'sent/s':>7} "
          f"{'others':>7}")
    for t in timings:
        workload = "seed" if t.workload == "seed" else f"batch {batch_size}"
        print(f"{workload:<10} {t.path:<56} {t.sentences:>6} {t.seconds:>8.2f} {t.runs:>5} "
              f"{t.rate:>7.2f} {t.others:>6.0%}")
    print("  others = share of the machine's CPUs that other processes used during the best run")
    print("  (time-weighted over articles for the batch rows timed article by article); more")
    print("  than a few percent means that row was slowed by something outside the benchmark.")
    print("  Batch rows for (a) and '(b) one call per article' are sums over the articles, each")
    print("  timed separately; 'runs' is then the runs per article.")


def verdict(value: float, target: float, at_least: bool) -> str:
    met = value >= target if at_least else value <= target
    return f"{'≥' if at_least else '≤'} {target:g}  {'met' if met else 'MISSED'}"


def print_ratio(label: str, value: float, target: float, at_least: bool) -> None:
    print(f"  {label:<54} {value:>7.2f}   target {verdict(value, target, at_least)}")


def print_header(args, plan: RunPlan, workload: Workload, package_file: Path, cached: bool,
                 settings) -> None:
    import ctranslate2

    shown = (package_file.relative_to(REPO_ROOT) if package_file.is_relative_to(REPO_ROOT)
             else package_file)
    print("bitexto translation benchmark — random-weight Argos package, real es→en dimensions")
    print(f"  package: {shown} ({'cached' if cached else 'built now'})")
    print(f"           {package_description(package_file)}")
    print(f"  data: {workload.source}; batch {plan.articles} articles, soak {plan.soak} articles"
          f"{' (quick mode)' if args.quick else ''}")
    print(f"  ctranslate2 {ctranslate2.__version__}, {os.cpu_count()} CPUs; beam {BEAM_SIZE}, "
          f"length penalty {LENGTH_PENALTY}, max_decoding_length {args.max_decoding_length} "
          "for all paths")
    print(f"  (b)/(c) settings: inter_threads {settings.argos_inter_threads}, intra_threads "
          f"{settings.argos_intra_threads}, max_batch_tokens {settings.argos_max_batch_tokens}, "
          f"chunk {settings.argos_chunk_sentences} sentences, compute {settings.argos_compute_type}")
    print("  (b) runs with retry_degenerate=False: random weights make nearly every output "
          "degenerate (looping),")
    print("  so retries would re-translate almost everything; '(b) + retries' on the seed "
          "shows that cost.")
    print()


def print_argos_check(argos: ArgosPath, raw: RawPath, engine_tokens: list[int],
                      argos_tokens: list[int]) -> None:
    options = argos.translator.last_options
    shown = ", ".join(f"{k}={options[k]!r}" for k in ("max_batch_size", "batch_type", "beam_size",
                                                     "length_penalty", "max_decoding_length")
                      if k in options)
    constructor = argos.translator.constructor_options
    print("Check — what argostranslate actually ran:")
    print(f"  Translator({', '.join(f'{k}={v!r}' for k, v in constructor.items())}) "
          f"→ compute type {argos.translator.compute_type}; bitexto's: {raw.translator.compute_type}")
    print(f"  translate_batch({shown})  [max_decoding_length injected by the benchmark]")
    print(f"  output tokens per sentence (warm-up): argos {mean_text(argos_tokens)}, "
          f"bitexto {mean_text(engine_tokens)}, raw {mean_text(raw.output_tokens)} "
          "— equal means every path decoded the same length")
    print()


def mean_text(values: list[int]) -> str:
    if not values:
        return "n/a"
    return f"{sum(values) / len(values):.1f} (min {min(values)}, max {max(values)})"


def memory_row(label: str, rss: float, peak: float | None = None) -> None:
    peak_text = f"   peak {peak:>6.0f}" if peak is not None else ""
    print(f"  {label:<50} RSS {rss:>6.0f}{peak_text}")


def print_memory(memory: dict, argos_memory: dict | None) -> None:
    print("Memory — bitexto ArgosEngine alone, in a fresh process (MB; peak = ru_maxrss):")
    memory_row("at start (imports)", memory["rss_start"])
    memory_row("after load", memory["rss_load"], memory["peak_load"])
    memory_row("after translating the seed", memory["rss_seed"], memory["peak_seed"])
    soak = memory["soak"]
    for point in soak:
        memory_row(f"soak: after {point['articles']} articles, one call each", point["rss"],
                   point["peak"])
    memory_row(f"then one call over the whole batch ({memory['batch_sentences']} sentences)",
               memory["rss_batch"], memory["peak"])
    if len(soak) >= 2:
        print(f"  RSS change over the soak after its first {soak[0]['articles']} articles: "
              f"{soak[-1]['rss'] - soak[0]['rss']:+.0f} MB")
    per_article_peak = soak[-1]["peak"] if soak else memory["peak_seed"]
    print(f"  peak RSS, articles one call each: {per_article_peak:.0f} MB   "
          f"target {verdict(per_article_peak, TARGET_PEAK_RSS_MB, False)}")
    print(f"  peak RSS, including the long call: {memory['peak']:.0f} MB "
          f"(VmHWM {memory['high_water']:.0f})   "
          f"target {verdict(memory['peak'], TARGET_PEAK_RSS_MB, False)}")
    print(f"  (b) on the seed in this process, without argostranslate loaded: "
          f"{memory['seed_seconds']:.2f} s (compare with the table above)")
    if argos_memory:
        print(f"  for comparison, argostranslate translating the seed in a fresh process: "
              f"RSS after import {argos_memory['rss_import']:.0f}, peak {argos_memory['peak']:.0f}")
    print()


# --- Main run ------------------------------------------------------------------------------------


def run_timings(args, plan: RunPlan, workload: Workload, settings, package_dir: Path,
                texts_for_argos: Callable[[list[str]], list[str]]):
    """Time (a), (b), (c) on the seed and the batch; returns timings and the argos check."""
    from bitexto.translate.engines.argos import ArgosEngine

    log("loading the paths")
    argos = argos_path(settings, args.max_decoding_length)
    engine = ArgosEngine(settings.translate, retry_degenerate=False)
    engine.load()
    retrying_engine = ArgosEngine(settings.translate, retry_degenerate=True)
    retrying_engine.load()
    raw = raw_path(settings, package_dir)
    tuned_threads = (settings.argos_inter_threads, settings.argos_intra_threads)
    tuned = tuned_argos_path(argos, *tuned_threads, args.max_decoding_length)

    seed_sentences = article_sentences(workload.seed, settings)
    batch_sentences = [s for text in workload.batch for s in article_sentences(text, settings)]
    seed_tokens, batch_tokens = raw.tokenize(seed_sentences), raw.tokenize(batch_sentences)
    seed_for_argos, batch_for_argos = texts_for_argos([workload.seed]), texts_for_argos(workload.batch)

    log("warm-up (first calls allocate; not timed)")
    warm_up = next(line for line in workload.seed.splitlines() if line.strip())
    argos.translate_articles([warm_up])
    tuned.translate_articles([warm_up])
    argos_tokens = list(argos.translator.output_tokens)
    engine_tokens = engine_output_tokens(engine, article_sentences(warm_up, settings))
    retrying_engine.translate(article_sentences(warm_up, settings))
    raw.translate(raw.tokenize(article_sentences(warm_up, settings)))

    timings: list[Timing] = []

    def timed(workload_name: str, key: str, label: str, runs: int,
              work: Callable[[], int]) -> None:
        log(f"{workload_name}: {label}")
        wait_for_quiet(args.max_wait)
        counts = []
        best = best_time(runs, lambda: counts.append(work()))
        timings.append(Timing(workload_name, key, label, counts[-1], best.seconds, best.others,
                              runs))

    tuned_label = f"(a) argostranslate, ARGOS_INTER/INTRA_THREADS={tuned_threads[0]}/{tuned_threads[1]}"
    # Each round runs every path once, so a slow spell of the machine hits all of
    # them rather than one.
    for _round in range(plan.seed_runs):
        timed("seed", "a", "(a) argostranslate translate(), its defaults", 1,
              lambda: argos.translate_articles(seed_for_argos))
        timed("seed", "a_tuned", tuned_label, 1, lambda: tuned.translate_articles(seed_for_argos))
        timed("seed", "b", "(b) bitexto ArgosEngine", 1,
              lambda: engine_translate_articles(engine, [workload.seed], per_article=True))
        timed("seed", "b_retry", "(b) + retries of degenerate outputs", 1,
              lambda: engine_translate_articles(retrying_engine, [workload.seed], per_article=True))
        timed("seed", "c", "(c) raw translate_batch, one call", 1,
              lambda: raw.translate(seed_tokens))
    retried = len(retrying_engine.last_retried)
    # Paths that take one article at a time are timed article by article, each after
    # a quiet check, interleaved, and added up: a minutes-long run cannot dodge other
    # processes on a shared machine, a 5-20 s one mostly can.
    by_article = {
        "a": ("(a) argostranslate translate(), its defaults",
              lambda i: argos.translate_articles([batch_for_argos[i]])),
        "a_tuned": (tuned_label, lambda i: tuned.translate_articles([batch_for_argos[i]])),
        "b_each": ("(b) bitexto ArgosEngine, one call per article",
                   lambda i: engine_translate_articles(engine, [workload.batch[i]],
                                                       per_article=True)),
    }
    timings.extend(time_article_by_article(by_article, len(workload.batch),
                                           plan.batch_argos_runs, args.max_wait))
    for _round in range(plan.batch_runs):
        timed("batch", "b", "(b) bitexto ArgosEngine, one call", 1,
              lambda: engine_translate_articles(engine, workload.batch, per_article=False))
        timed("batch", "c", "(c) raw translate_batch, one call", 1,
              lambda: raw.translate(batch_tokens))
    checks = {"argos": argos, "raw": raw, "engine_tokens": engine_tokens,
              "argos_tokens": argos_tokens, "retried": retried,
              "seed_sentences": len(seed_sentences)}
    return merge_rounds(timings), checks


def time_article_by_article(paths: dict[str, tuple[str, Callable[[int], int]]], articles: int,
                            runs: int, max_wait: float) -> list[Timing]:
    """Batch timings summed over articles: for each article, each path's best of `runs`."""
    totals = {key: [0.0, 0.0, 0] for key in paths}  # seconds, others × seconds, sentences
    for index in range(articles):
        log(f"batch: article {index + 1}/{articles}, paths {', '.join(paths)}")
        for key, (_label, work) in paths.items():
            wait_for_quiet(max_wait)
            counts = []
            best = best_time(runs, lambda: counts.append(work(index)))
            total = totals[key]
            total[0] += best.seconds
            total[1] += best.others * best.seconds
            total[2] += counts[-1]
    return [Timing("batch", key, label, totals[key][2], totals[key][0],
                   totals[key][1] / totals[key][0], runs)
            for key, (label, _work) in paths.items()]


def merge_rounds(timings: list[Timing]) -> list[Timing]:
    """One row per (workload, path): the best round, and how many rounds there were."""
    merged: dict[tuple[str, str], Timing] = {}
    for t in timings:
        best = merged.get((t.workload, t.key))
        if best is None:
            merged[(t.workload, t.key)] = t
        else:
            faster = t if t.seconds < best.seconds else best
            merged[(t.workload, t.key)] = Timing(
                t.workload, t.key, t.path, t.sentences, faster.seconds, faster.others,
                best.runs + t.runs)
    return sorted(merged.values(), key=lambda t: (t.workload != "seed", ROW_ORDER.index(t.key)))


ROW_ORDER = ["a", "a_tuned", "b", "b_retry", "b_each", "c"]


def normalized_texts(settings) -> Callable[[list[str]], list[str]]:
    """Argos gets the text bitexto segments (normalised), so both see the same sentences."""
    from bitexto.translate.pipeline import segment_article

    return lambda texts: [segment_article(text, settings.translate).text for text in texts]


def print_ratios(timings: list[Timing]) -> None:
    seconds = {(t.workload, t.key): t.seconds for t in timings}
    print("Ratios (same run; (a)/(b) is the speed-up over argos, (b)/(c) near 1 means "
          "little overhead over the floor):")
    print_ratio("seed   (a)/(b)  argostranslate ÷ bitexto",
                seconds["seed", "a"] / seconds["seed", "b"], TARGET_SEED_A_OVER_B, True)
    print_ratio("seed   (a)/(b)  argos with its threads tuned ÷ bitexto",
                seconds["seed", "a_tuned"] / seconds["seed", "b"], TARGET_SEED_A_OVER_B, True)
    print_ratio("seed   (b)/(c)  bitexto ÷ raw floor",
                seconds["seed", "b"] / seconds["seed", "c"], TARGET_B_OVER_C, False)
    print_ratio("batch  (a)/(b)  argostranslate ÷ bitexto (one call)",
                seconds["batch", "a"] / seconds["batch", "b"], TARGET_BATCH_A_OVER_B, True)
    print_ratio("batch  (b)/(c)  bitexto (one call) ÷ raw floor",
                seconds["batch", "b"] / seconds["batch", "c"], TARGET_B_OVER_C, False)
    print_ratio("batch  (a)/(b)  argos with its threads tuned ÷ bitexto",
                seconds["batch", "a_tuned"] / seconds["batch", "b"], TARGET_BATCH_A_OVER_B, True)
    # What the pipeline does today: one engine call per article.
    print_ratio("batch  (a)/(b)  with (b) one call per article",
                seconds["batch", "a"] / seconds["batch", "b_each"], TARGET_BATCH_A_OVER_B, True)
    print_ratio("batch  (b)/(c)  with (b) one call per article",
                seconds["batch", "b_each"] / seconds["batch", "c"], TARGET_B_OVER_C, False)
    print()


def print_sentence_check(timings: list[Timing], checks: dict) -> None:
    for workload in ("seed", "batch"):
        counts = {t.key: t.sentences for t in timings if t.workload == workload}
        if len(set(counts.values())) > 1:
            print(f"  NOTE: the paths translated different sentence counts on the {workload}: "
                  f"{counts} (raw drops sentences that tokenise to nothing)")
    print(f"  '(b) + retries' re-translated {checks['retried']} of {checks['seed_sentences']} "
          "seed sentences, the ones whose output quality.degenerate_flags flagged")
    print()


def write_workload_file(folder: Path, workload: Workload, plan: RunPlan, settings) -> Path:
    """What the child processes translate, so they need no access to --data."""
    from bitexto.translate.pipeline import segment_article

    # The sweep's articles: the batch's first ones, up to plan.sweep_sentences sentences.
    sweep_articles: list[list[str]] = []
    while (len(sweep_articles) < len(workload.batch)
           and sum(map(len, sweep_articles)) < plan.sweep_sentences):
        sweep_articles.append(article_sentences(workload.batch[len(sweep_articles)], settings))
    path = folder / "workload.json"
    path.write_text(json.dumps({
        "seed": workload.seed,
        "seed_text": segment_article(workload.seed, settings).text,
        "batch": workload.batch,
        "soak": workload.soak,
        "sweep_articles": sweep_articles,
    }), encoding="utf-8")
    return path


def run_sweep(args, plan: RunPlan, launcher: ChildLauncher, data_dir: Path, workload_file: Path,
              settings) -> None:
    configs = [(inter, intra, tokens, chunk) for inter, intra in SWEEP_THREADS
               for tokens in SWEEP_BATCH_TOKENS for chunk in plan.sweep_chunks]
    current = (settings.argos_inter_threads, settings.argos_intra_threads,
               settings.argos_max_batch_tokens, settings.argos_chunk_sentences)
    rows = []
    for number, (inter, intra, tokens, chunk) in enumerate(configs, 1):
        log(f"sweep {number}/{len(configs)}: inter {inter} intra {intra} tokens {tokens} chunk {chunk}")
        wait_for_quiet(args.max_wait)
        result = run_child(launcher, "sweep", data_dir, workload_file, args.max_decoding_length,
                           overrides={"argos_inter_threads": inter, "argos_intra_threads": intra,
                                      "argos_max_batch_tokens": tokens,
                                      "argos_chunk_sentences": chunk},
                           runs=plan.sweep_runs)
        rows.append(((inter, intra, tokens, chunk), result))
    print_sweep(rows, current, plan)


def print_sweep(rows: list, current: tuple, plan: RunPlan) -> None:
    first = rows[0][1]
    fastest_article = min(result["per_article"] for _config, result in rows)
    fastest_long = min(result["long_call"] for _config, result in rows)
    print(f"Sweep — (b) ArgosEngine on the batch's first {first['articles']} articles "
          f"({first['sentences']} sentences), each setting in a fresh process, best of "
          f"{plan.sweep_runs}:")
    print("  'per article' = one engine call per article, as the pipeline calls it;")
    print("  'long call' = all of them in one call, as for a very long document;")
    print(f"  peak = ru_maxrss after both (target ≤ {TARGET_PEAK_RSS_MB:.0f} MB).")
    print(f"  {'inter':>5} {'intra':>5} {'tokens':>6} {'chunk':>5} {'per article s':>13} "
          f"{'vs best':>7} {'long call s':>11} {'vs best':>7} {'others':>6} {'peak MB':>8}")
    for config, result in rows:
        inter, intra, tokens, chunk = config
        notes = ("  over target" if result["peak"] > TARGET_PEAK_RSS_MB else "") + (
            "  ← current default" if config == current else "")
        print(f"  {inter:>5} {intra:>5} {tokens:>6} {chunk:>5} {result['per_article']:>13.2f} "
              f"{result['per_article'] / fastest_article:>7.2f} {result['long_call']:>11.2f} "
              f"{result['long_call'] / fastest_long:>7.2f} {result['others']:>6.0%} "
              f"{result['peak']:>8.0f}{notes}")
    within = [(c, r) for c, r in rows if r["peak"] <= TARGET_PEAK_RSS_MB]
    for mode, label in (("per_article", "one call per article"), ("long_call", "one long call")):
        if within:
            config, best = min(within, key=lambda row: row[1][mode])
            print(f"  fastest {label} within the RSS target: inter {config[0]}, intra "
                  f"{config[1]}, tokens {config[2]}, chunk {config[3]} ({best[mode]:.2f} s, "
                  f"peak {best['peak']:.0f} MB)")
    print("  differences under ~10% are within this machine's run-to-run noise")
    print()


def main_run(args: argparse.Namespace) -> None:
    launcher = ChildLauncher()  # first, while this process is still small
    try:
        measure(args, launcher)
    finally:
        launcher.close()


def measure(args: argparse.Namespace, launcher: ChildLauncher) -> None:
    plan = make_plan(args)
    workload = load_workload(args.data, plan)
    log("preparing the benchmark package (cached in bench/.cache/)")
    training_text = training_text_for(workload.training_corpus)
    package_file, cached = cached_package(training_text)

    with tempfile.TemporaryDirectory(prefix="bitexto-bench-") as temp:
        # A throwaway BITEXTO_DATA_DIR: nothing is installed under the user's home.
        data_dir = Path(temp) / "data"
        settings = install_into(data_dir, package_file, args.max_decoding_length)
        from bitexto.translate.engines.argos import ArgosEngine

        package_dir = ArgosEngine(settings.translate).package_path
        workload_file = write_workload_file(Path(temp), workload, plan, settings)
        print_header(args, plan, workload, package_file, cached, settings)
        sys.stdout.flush()

        if not args.sweep_only:
            timings, checks = run_timings(args, plan, workload, settings, package_dir,
                                          normalized_texts(settings))
            print_argos_check(checks["argos"], checks["raw"], checks["engine_tokens"],
                              checks["argos_tokens"])
            print_timings(timings, plan.articles)
            print()
            print_sentence_check(timings, checks)
            print_ratios(timings)
            sys.stdout.flush()
            log("memory: bitexto engine in a fresh process (soak takes a while)")
            memory = run_child(launcher, "memory", data_dir, workload_file, args.max_decoding_length,
                               runs=plan.seed_runs)
            log("memory: argostranslate in a fresh process")
            argos_memory = run_child(launcher, "argos-memory", data_dir, workload_file,
                                     args.max_decoding_length)
            print_memory(memory, argos_memory)
            sys.stdout.flush()
        if args.sweep or args.sweep_only:
            run_sweep(args, plan, launcher, data_dir, workload_file, settings)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path,
                        help="JSONL of Spanish articles {\"id\", \"text\", ...} (default: the "
                             "seed article, perturbed)")
    parser.add_argument("--articles", type=int, help="articles in the batch (default 20; 5 with --quick)")
    parser.add_argument("--soak", type=int,
                        help="articles through the engine for the memory soak (default 200; 50 with --quick)")
    parser.add_argument("--max-decoding-length", type=int, default=48,
                        help="bounded decoding length for all paths (default 48)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions and articles, smaller sweep")
    parser.add_argument("--sweep", action="store_true",
                        help="also time (b) under other thread/batching settings")
    parser.add_argument("--sweep-only", action="store_true", help="run only the sweep")
    parser.add_argument("--max-wait", type=float, default=180, metavar="SECONDS",
                        help="before each measurement, wait up to this long for other "
                             "processes to leave the CPUs idle (default 180; 0 = never wait)")
    # Internal: one measurement in a fresh process (see run_child).
    parser.add_argument("--child", choices=sorted(CHILD_MODES), help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    parser.add_argument("--workload", help=argparse.SUPPRESS)
    parser.add_argument("--overrides", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--child-runs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name in ("articles", "soak", "max_decoding_length"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.data is not None and not args.data.is_file():
        parser.error(f"--data {args.data}: no such file")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(CHILD_MODES[args.child](args)), flush=True)
        return
    main_run(args)


if __name__ == "__main__":
    main()
