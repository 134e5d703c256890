"""translate_many: many articles at once, through the one analysis path (bitexto.analysis)."""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from bitexto.analysis import (
    DEFAULT_ALGORITHM, DEFAULT_GROUP_SENTENCES, DEFAULT_SUMMARY_LENGTH, AnalysisOptions, ArticleInput,
    ArticleOutcome, analyse_articles, check_summary_options,
)
from bitexto.batch.inputs import clean_id, item_from_text, media_type_of
from bitexto.batch.pool import analyse_in_pool
from bitexto.settings import Settings
from bitexto.translate.engines import Engine, create_engine

ItemLike = str | ArticleInput | Mapping


def as_item(item: ItemLike, position: int) -> ArticleInput:
    if isinstance(item, ArticleInput):
        return item
    if isinstance(item, str):
        return item_from_text(str(position), item)
    if isinstance(item, Mapping):
        item_id = clean_id(str(item["id"])) if item.get("id") not in (None, "") else str(position)
        return item_from_text(item_id, item["text"], media_type_of(item))
    raise TypeError(f"cannot translate a {type(item).__name__}: give a str, an ArticleInput or a mapping")


def translate_many(
    items: Iterable[ItemLike],
    engine: Engine | str | None = None,
    *,
    group_sentences: int = DEFAULT_GROUP_SENTENCES,
    summary_length: int | str = DEFAULT_SUMMARY_LENGTH,
    algorithm: str = DEFAULT_ALGORITHM,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[ArticleOutcome]:
    """Analyse many articles, yielding one ArticleOutcome per input, in input order.

    `items` are strings (ids "1", "2", … by position), ArticleInputs, or mappings with
    "text" and optionally "id" and "format" ("text" or "html"). They are read lazily, so
    a generator of millions of articles is fine. `engine` is an Engine or an engine name
    (default: BITEXTO_ENGINE); with `workers > 1` it must be a name, since every worker
    process creates its own engine. Worker processes are forked when that is safe and
    spawned otherwise (see bitexto.batch.pool), so a script using workers > 1 needs the
    usual `if __name__ == "__main__":` guard.

    Raises, when called (before any work): InputError for a bad summary length or
    algorithm, EngineUnavailable when no engine can be created (one process), ValueError
    for an Engine object with workers > 1.
    """
    settings = settings or Settings.from_env()
    check_summary_options(summary_length, algorithm)
    if group_sentences < 1:
        raise ValueError("group_sentences must be at least 1")
    options = AnalysisOptions(summary_length, algorithm, glossary=settings.load_glossary(),
                              group_sentences=group_sentences, settings=settings)
    inputs = (as_item(item, position) for position, item in enumerate(items, 1))
    if workers <= 1:
        if engine is None or isinstance(engine, str):
            engine = create_engine(engine, settings.translate)
        return analyse_articles(inputs, engine, options)
    if not (engine is None or isinstance(engine, str)):
        raise ValueError("with workers > 1, pass the engine by name: each worker process creates its own")
    return analyse_in_pool(inputs, engine, options, workers)
