"""The Argos Translate engine: an installed es→en package driven directly through CTranslate2.

argostranslate's own translate() is not used: it runs a sentence splitter that
downloads models at translate time (MiniSBD, stanza, spaCy) and feeds CTranslate2 one
~32-token batch at a time. bitexto already has sentences, so this engine tokenises them
with the package's SentencePiece model and sends them to `Translator.translate_batch`
in large token-bounded batches, chunked to bound memory. Sentence i in is sentence i out.

Outputs that look degenerate (quality.degenerate_flags: looping subwords or phrases,
Spanish copied through) are re-translated once with a repetition penalty; the retry is
kept only when it is clean.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any, Sequence

from bitexto.translate.options import TranslateOptions
from bitexto.translate import quality
from bitexto.translate.document import EngineInfo
from bitexto.translate.engines.base import ProgressCallback, Translation
from bitexto.translate.errors import EngineFailure, EngineUnavailable
from bitexto.translate.protect import MARKER_PATTERN, MarkerStyle

MODEL_LABEL = "Argos es→en"
INSTALL_HELP = (
    "Install it with: bitexto models install --from FILE.argosmodel "
    "(the file translate-es_en-1_0.argosmodel from the Argos package index)."
)
LENGTH_PENALTY = 0.2  # what argostranslate uses
# Retry settings for degenerate outputs: discourage re-emitting tokens and forbid any
# trigram from appearing twice, which breaks "pro plan pro plan pro plan" style loops.
RETRY_REPETITION_PENALTY = 1.2
RETRY_NO_REPEAT_NGRAM_SIZE = 3

logger = logging.getLogger(__name__)


class ArgosEngine:
    """Translates Spanish sentences with the installed Argos es→en package.

    Protected spans arrive as markers (translate.protect.MARKER, "⟦0⟧"): each is passed to
    the model as one token outside its vocabulary, which it reads as <unk>; the <unk> it
    writes back is replaced by the source token it attends to most (CTranslate2's
    `replace_unknowns`), i.e. the marker, which the pipeline then restores.
    """

    placeholders = MarkerStyle()

    def __init__(self, options: TranslateOptions | None = None, *, retry_degenerate: bool = True):
        """`retry_degenerate=False` skips the second pass (benchmarks on random-weight
        models, where nearly every output loops and would be retried)."""
        self.options = options or TranslateOptions()
        self.retry_degenerate = retry_degenerate
        self.package, self.notes = choose_package(self.options)
        self.info = EngineInfo(name="argos", model=MODEL_LABEL,
                               version=str(self.package.package_version))
        # Indexes (into the last translate() call's input) that were re-translated, and
        # those whose retry replaced the first output.
        self.last_retried: set[int] = set()
        self.last_retry_kept: set[int] = set()
        self._translator: Any = None
        self._tokenizer: Any = None
        self._load_lock = threading.Lock()

    @property
    def package_path(self) -> Path:
        return Path(self.package.package_path)

    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def load(self) -> None:
        """Load the CTranslate2 model and the tokenizer (once; later calls do nothing)."""
        with self._load_lock:
            if self._translator is not None:
                return
            import ctranslate2

            tokenizer = getattr(self.package, "tokenizer", None)
            if tokenizer is None:
                raise EngineUnavailable(
                    f"The Argos package at {self.package_path} has no sentencepiece.model. "
                    + INSTALL_HELP)
            try:
                tokenizer.encode("prueba")  # loads the SentencePiece model now, not mid-article
                translator = ctranslate2.Translator(
                    str(self.package_path / "model"),
                    device="cpu",
                    compute_type=self.options.argos_compute_type,
                    inter_threads=self.options.argos_inter_threads,
                    intra_threads=self.options.argos_intra_threads,
                )
            except (RuntimeError, ValueError, OSError) as error:
                raise EngineUnavailable(
                    f"The Argos es→en package {self.info.version} at {self.package_path} "
                    f"could not be loaded ({error}). Reinstall it. " + INSTALL_HELP
                ) from error
            self._tokenizer = tokenizer
            self._translator = translator

    def translate(
        self, sentences: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> list[str]:
        """English for each Spanish sentence: same count, same order; blank in → "" out."""
        texts = list(sentences)
        total = len(texts)
        results = [""] * total
        pending = [i for i, text in enumerate(texts) if text and text.strip()]
        retried: set[int] = set()
        kept: set[int] = set()
        done = total - len(pending)
        if pending:
            self.load()
        chunk_size = max(1, self.options.argos_chunk_sentences)
        for start in range(0, len(pending), chunk_size):
            indexes = pending[start:start + chunk_size]
            outputs = self._run_model([texts[i] for i in indexes])
            flagged = [k for k, i in enumerate(indexes)
                       if self.retry_degenerate and quality.degenerate_flags(texts[i], outputs[k])]
            if flagged:
                retries = self._run_model([texts[indexes[k]] for k in flagged], retry=True)
                for k, retry in zip(flagged, retries, strict=True):
                    retried.add(indexes[k])
                    if not quality.degenerate_flags(texts[indexes[k]], retry):
                        outputs[k] = Translation(retry, ("retranslated",))
                        kept.add(indexes[k])
            for k, i in enumerate(indexes):
                results[i] = outputs[k]
            done += len(indexes)
            if on_progress is not None:
                on_progress(done, total)
        if not pending and total and on_progress is not None:
            on_progress(total, total)
        self.last_retried, self.last_retry_kept = retried, kept
        if pending:
            release_freed_memory()
        return results

    def _run_model(self, texts: list[str], retry: bool = False) -> list[str]:
        """One translate_batch call over `texts` (non-blank); returns one string per text."""
        encoded = [encode_with_markers(self._tokenizer, text) for text in texts]
        # SentencePiece can normalise some inputs (control characters) to nothing.
        nonempty = [k for k, tokens in enumerate(encoded) if tokens]
        outputs = [""] * len(texts)
        if not nonempty:
            return outputs
        prefix_token = getattr(self.package, "target_prefix", "") or ""
        options: dict[str, Any] = dict(
            max_batch_size=self.options.argos_max_batch_tokens,
            batch_type="tokens",
            beam_size=self.options.argos_beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_decoding_length=self.options.argos_max_decoding_length,
        )
        if prefix_token:
            options["target_prefix"] = [[prefix_token]] * len(nonempty)
        if retry:
            options.update(repetition_penalty=RETRY_REPETITION_PENALTY,
                           no_repeat_ngram_size=RETRY_NO_REPEAT_NGRAM_SIZE)
        try:
            batch = self._translator.translate_batch([encoded[k] for k in nonempty], **options)
        except (RuntimeError, ValueError) as error:
            raise EngineFailure(f"The Argos model failed while translating: {error}") from error
        if len(batch) != len(nonempty):
            raise EngineFailure(
                f"The Argos model returned {len(batch)} translations for {len(nonempty)} sentences.")
        for k, result in zip(nonempty, batch, strict=True):
            outputs[k] = self._decode(result.hypotheses[0], prefix_token)
        return outputs

    def _decode(self, tokens: list[str], prefix_token: str) -> str:
        # As argostranslate does: detokenise, drop the target prefix, then the space
        # SentencePiece puts before the first word. The prefix is also dropped as a
        # token because detokenising can mangle it (argos turns "_" into spaces).
        if prefix_token and tokens[:1] == [prefix_token]:
            tokens = tokens[1:]
        value = decode_with_markers(self._tokenizer, tokens)
        if prefix_token and value.startswith(prefix_token):
            value = value[len(prefix_token):]
        return value.strip()


WORD_START = "▁"  # SentencePiece's mark for a token that starts a word


def encode_with_markers(tokenizer: Any, text: str) -> list[str]:
    """SentencePiece tokens of `text`, each protection marker kept whole as one token."""
    tokens: list[str] = []
    position = 0
    for match in MARKER_PATTERN.finditer(text):
        before = text[position:match.start()]
        if before.strip():
            tokens.extend(tokenizer.encode(before))
        spaced = not before or before[-1].isspace() or not tokens
        tokens.append((WORD_START if spaced else "") + match.group())
        position = match.end()
    rest = text[position:]
    if rest.strip() or not tokens:
        pieces = tokenizer.encode(rest)
        if tokens and pieces and not rest[:1].isspace() and pieces[0].startswith(WORD_START):
            # Glued to the marker ("⟦0⟧, dijo"): no word start, or decoding would add a space.
            if pieces[0] == WORD_START:
                pieces.pop(0)
            else:
                pieces[0] = pieces[0][len(WORD_START):]
        tokens.extend(pieces)
    return tokens


def decode_with_markers(tokenizer: Any, tokens: list[str]) -> str:
    """Detokenised text; a marker token (copied from the source) comes back as written."""
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            text = tokenizer.decode(run)
            if parts and run[0].startswith(WORD_START):
                text = " " + text.lstrip()
            parts.append(text)
            run.clear()

    for token in tokens:
        marker = MARKER_PATTERN.search(token)
        if marker is None:
            run.append(token)
            continue
        flush()
        parts.append((" " if parts and token.startswith(WORD_START) else "") + marker.group())
    flush()
    return "".join(parts)


_malloc_trim: Any = None


def release_freed_memory() -> None:
    """Hand memory that translate_batch freed back to the OS (Linux with glibc only).

    CTranslate2's worker threads free hundreds of MB of decoding buffers after each call,
    but glibc keeps them cached in its arenas, so a long-running process's RSS creeps up
    article after article although the memory in use stays flat (bench soak, 300
    articles: malloc in use 182 MB throughout, RSS 499 → 603 MB between articles 50 and
    300, 272 MB after one malloc_trim). malloc_trim(0) returns those free pages; it
    costs milliseconds against seconds for the translate call. Elsewhere it does nothing.
    """
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                trim = ctypes.CDLL("libc.so.6").malloc_trim
                trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
                _malloc_trim = trim
            except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
                pass
    if _malloc_trim:
        _malloc_trim(0)


def choose_package(options: TranslateOptions) -> tuple[Any, list[str]]:
    """The installed es→en package to use, and notes for the user about the choice.

    The version in options.argos_version wins; otherwise the newest installed version
    that is not known to be broken.
    """
    from bitexto.translate.models import BROKEN_VERSIONS, installed_packages

    candidates = [p for p in installed_packages(options)
                  if (p.from_code, p.to_code) == ("es", "en")
                  and getattr(p, "type", "translate") == "translate"]
    if not candidates:
        raise EngineUnavailable(
            f"No Argos es→en translation package is installed in {options.data_dir}. "
            + INSTALL_HELP)
    wanted = str(options.argos_version)
    notes = []
    exact = [p for p in candidates if str(p.package_version) == wanted]
    if exact:
        chosen = exact[0]
    else:
        chosen = max(candidates, key=lambda p: (str(p.package_version) not in BROKEN_VERSIONS,
                                                _version_key(str(p.package_version))))
        notes.append(f"Argos es→en {wanted} is not installed; using {chosen.package_version} instead.")
    chosen_version = str(chosen.package_version)
    if chosen_version in BROKEN_VERSIONS:
        notes.append(f"Argos es→en {chosen_version} {BROKEN_VERSIONS[chosen_version]}.")
    for note in notes:
        # A broken version deserves a warning; a substitute version is shown in info.
        (logger.warning if chosen_version in BROKEN_VERSIONS else logger.info)(note)
    return chosen, notes


def _version_key(version: str) -> tuple:
    try:
        from packaging.version import Version

        return (1, Version(version))
    except Exception:
        # Not a PEP 440 version (e.g. "0.0-test" is; "nightly" is not): order after them.
        return (0, version)
