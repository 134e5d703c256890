"""translate_many: many articles at once, batched across the engine."""

from __future__ import annotations

from typing import Iterable, Iterator

from bitexto.articles import DEFAULT_ALGORITHM, DEFAULT_SUMMARY_LENGTH
from bitexto.batch.groups import BatchOptions, BatchResult, ItemLike, analyse_stream, as_item
from bitexto.batch.pool import analyse_in_pool
from bitexto.settings import Settings
from bitexto.summarize.length import resolve_length
from bitexto.summarize.summary import canonical_algorithm
from bitexto.translate.engines import Engine, create_engine

# Apertium translates at most 400 sentences per process (CHUNK_SENTENCES): a group of
# that size is one process; Argos batches by tokens inside any group size.
DEFAULT_GROUP_SENTENCES = 400


def translate_many(
    items: Iterable[ItemLike],
    engine: Engine | str | None = None,
    *,
    group_sentences: int = DEFAULT_GROUP_SENTENCES,
    summary_length: int | str = DEFAULT_SUMMARY_LENGTH,
    algorithm: str = DEFAULT_ALGORITHM,
    settings: Settings | None = None,
    workers: int = 1,
    with_speakers: bool = False,
) -> Iterator[BatchResult]:
    """Analyse many articles, yielding one BatchResult per input, in input order.

    `items` are strings (ids "1", "2", … by position), BatchItems, or mappings with
    "text" and optionally "id" and "format" ("text" or "html"). They are read lazily, so
    a generator of millions of articles is fine. `engine` is an Engine or an engine name
    (default: BITEXTO_ENGINE); with `workers > 1` it must be a name, since every worker
    process creates its own engine. Worker processes are forked when that is safe and
    spawned otherwise (see _pool_context), so a script using workers > 1 needs the usual
    `if __name__ == "__main__":` guard.

    Raises, when called (before any work): InputError for a bad summary length or
    algorithm, EngineUnavailable when no engine can be created (one process), ValueError
    for an Engine object with workers > 1.
    """
    settings = settings or Settings.from_env()
    check_summary_options(summary_length, algorithm)
    if group_sentences < 1:
        raise ValueError("group_sentences must be at least 1")
    options = BatchOptions(summary_length, algorithm, group_sentences, settings, with_speakers)
    batch_items = (as_item(item, position) for position, item in enumerate(items, 1))
    if workers <= 1:
        if engine is None or isinstance(engine, str):
            engine = create_engine(engine, settings.translate)
        return analyse_stream(batch_items, engine, options)
    if not (engine is None or isinstance(engine, str)):
        raise ValueError("with workers > 1, pass the engine by name: each worker process creates its own")
    return analyse_in_pool(batch_items, engine, options, workers)


def check_summary_options(summary_length: int | str, algorithm: str) -> None:
    """Raise InputError for options that would fail every article."""
    canonical_algorithm(algorithm)
    resolve_length(summary_length, 1)
