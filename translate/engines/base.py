"""The one small interface every translation engine implements."""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

from bitexto.translate.document import EngineInfo

# Called as on_progress(done, total) with sentence counts while an engine works.
ProgressCallback = Callable[[int, int], None]


class Translation(str):
    """An English string that also carries what the engine noticed about it.

    Engines return plain strings or Translations; `flags` (e.g. "unknown_words",
    "retranslated") end up on the sentence beside the pipeline's own quality flags.
    """

    flags: tuple[str, ...] = ()

    def __new__(cls, text: str, flags: tuple[str, ...] = ()):
        translation = super().__new__(cls, text)
        translation.flags = tuple(flags)
        return translation


class Engine(Protocol):
    info: EngineInfo

    def translate(
        self, sentences: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> list[str]:
        """Translate Spanish sentences to English: same number of strings, same order."""
        ...
