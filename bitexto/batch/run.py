"""Resume, write, count: what `bitexto batch` runs over translate_many."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Protocol

from bitexto.analysis import DEFAULT_ALGORITHM, DEFAULT_SUMMARY_LENGTH, ArticleInput, ArticleOutcome
from bitexto.analysis import DEFAULT_GROUP_SENTENCES
from bitexto.batch.many import translate_many
from bitexto.settings import Settings
from bitexto.translate.engines import Engine


class BatchOutput(Protocol):
    def is_done(self, item: ArticleInput) -> bool: ...
    def write(self, result: ArticleOutcome) -> None: ...
    def close(self) -> None: ...


@dataclass
class BatchStats:
    total: int | None = None
    done: int = 0
    failed: int = 0
    skipped: int = 0
    sentences: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.done + self.failed + self.skipped

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds > 0 else 0.0


def pending_items(items: Iterable[ArticleInput], output: BatchOutput, stats: BatchStats,
                  progress: Callable[[BatchStats], None]) -> Iterator[ArticleInput]:
    """The items still to do: those already in `output` (same id and content) are counted
    as skipped; an id seen twice is a failure (the output could hold only one of them)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            stats.failed += 1
            stats.failures.append((item.id, "The same id appears twice in the input; "
                                            "only its first article was processed."))
            progress(stats)
            continue
        seen.add(item.id)
        if output.is_done(item):
            stats.skipped += 1
            progress(stats)
            continue
        yield item


def write_result(result: ArticleOutcome, output: BatchOutput, stats: BatchStats,
                 progress: Callable[[BatchStats], None]) -> None:
    output.write(result)
    if result.ok:
        stats.done += 1
        stats.sentences += result.sentences
    else:
        stats.failed += 1
        stats.failures.append((result.id, result.error))
    progress(stats)


def run_batch(
    items: Iterable[ArticleInput],
    output: BatchOutput,
    *,
    engine: Engine | str | None = None,
    workers: int = 1,
    group_sentences: int = DEFAULT_GROUP_SENTENCES,
    summary_length: int | str = DEFAULT_SUMMARY_LENGTH,
    algorithm: str = DEFAULT_ALGORITHM,
    settings: Settings | None = None,
    total: int | None = None,
    on_progress: Callable[[BatchStats], None] | None = None,
) -> BatchStats:
    """Analyse every item not already in `output`, writing each result as it comes.

    An item is skipped when the output holds a successful result with the same id and
    content hash; failed or edited articles are done again. An id seen twice in one run
    is a failure (the output could hold only one of them) and is not written.
    """
    stats = BatchStats(total=total)
    progress = on_progress or (lambda _stats: None)
    try:
        for result in translate_many(pending_items(items, output, stats, progress), engine,
                                     group_sentences=group_sentences, summary_length=summary_length,
                                     algorithm=algorithm, settings=settings, workers=workers):
            write_result(result, output, stats, progress)
    finally:
        output.close()
        stats.finished = time.monotonic()
    return stats
