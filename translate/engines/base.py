"""The one small interface every translation engine implements."""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

from translate.document import EngineInfo

# Called as on_progress(done, total) with sentence counts while an engine works.
ProgressCallback = Callable[[int, int], None]


class Engine(Protocol):
    info: EngineInfo

    def translate(
        self, sentences: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> list[str]:
        """Translate Spanish sentences to English: same number of strings, same order."""
        ...
