"""How the core translates: plain values, given by the caller.

The core never reads the environment; the application (bitexto.settings) builds these
options from BITEXTO_* variables, a library user passes their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("bitexto", appauthor=False))


# The Argos thread and batching defaults come from `bench/translate_bench.py --sweep` on a
# 2-core machine with a base-size model: 2 inter / 1 intra threads, 512-token batches and
# 64-sentence chunks ran within 4% of the fastest setting at 554 MB peak RSS, where larger
# batches or chunks passed 800 MB for no gain.
@dataclass(frozen=True)
class TranslateOptions:
    data_dir: Path = field(default_factory=default_data_dir)  # Argos packages live in its argos/
    engine: str = "auto"
    argos_version: str = "1.0"
    argos_beam_size: int = 4
    argos_compute_type: str = "int8"
    argos_inter_threads: int = 2
    argos_intra_threads: int = 1
    argos_max_batch_tokens: int = 512
    argos_chunk_sentences: int = 64
    argos_max_decoding_length: int = 256
    apertium_pair: str = "spa-eng"
    # A run that takes longer is stuck (a hung process): 400 sentences take under a second.
    apertium_timeout_seconds: float = 30.0
    max_chars: int = 200_000
