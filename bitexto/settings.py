"""Settings of bitexto: built-in defaults, overridden by BITEXTO_* environment variables.

One table (SETTINGS) documents every option; the README's configuration section lists
the same names. Command-line options, where they exist, override the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

ENV_PREFIX = "BITEXTO_"


def _default_data_dir() -> str:
    return platformdirs.user_data_dir("bitexto", appauthor=False)


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


# The Argos thread and batching defaults come from `bench/translate_bench.py --sweep` on a
# 2-core machine with a base-size model: 2 inter / 1 intra threads, 512-token batches and
# 64-sentence chunks ran within 4% of the fastest setting at 554 MB peak RSS, where larger
# batches or chunks passed 800 MB for no gain.
SETTINGS = (
    Setting("data_dir", None, "Where models and data live (default: the per-user data dir)."),
    Setting("engine", "auto", "Translation engine: auto, argos or apertium."),
    Setting("argos_version", "1.0", "Preferred Argos es→en package version."),
    Setting("argos_beam_size", 4, "Beam size for Argos decoding."),
    Setting("argos_compute_type", "int8", "CTranslate2 compute type on CPU."),
    Setting("argos_inter_threads", 2, "CTranslate2 batches decoded in parallel."),
    Setting("argos_intra_threads", 1, "CTranslate2 threads inside one batch (0 = all cores)."),
    Setting("argos_max_batch_tokens", 512, "Tokens per CTranslate2 batch."),
    Setting("argos_chunk_sentences", 64, "Sentences per translate_batch call (bounds memory)."),
    Setting("argos_max_decoding_length", 256, "Longest English output per sentence, in tokens."),
    Setting("apertium_pair", "spa-eng", "Apertium language pair."),
    Setting("max_chars", 200_000, "Longest article accepted, in characters."),
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    engine: str
    argos_version: str
    argos_beam_size: int
    argos_compute_type: str
    argos_inter_threads: int
    argos_intra_threads: int
    argos_max_batch_tokens: int
    argos_chunk_sentences: int
    argos_max_decoding_length: int
    apertium_pair: str
    max_chars: int

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        environ = os.environ if environ is None else environ
        values = {}
        for setting in SETTINGS:
            raw = environ.get(ENV_PREFIX + setting.name.upper())
            value = setting.default if raw in (None, "") else raw
            if isinstance(setting.default, int) and not isinstance(value, int):
                try:
                    value = int(value)
                except ValueError:
                    raise ValueError(
                        f"{ENV_PREFIX}{setting.name.upper()} must be a whole number, not {raw!r}"
                    ) from None
            values[setting.name] = value
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["data_dir"] = Path(values["data_dir"] or _default_data_dir()).expanduser()
        return cls(**values)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
