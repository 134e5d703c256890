"""Many articles at once: the same analysis as `analyse_article`, batched across the engine.

    translate_many(texts_or_items, engine=None, *, group_sentences=400, workers=1, ...)
        -> Iterator[BatchResult], in input order
    run_batch(items, output, ...) -> BatchStats     # resume, write, count: the CLI's core

Engines have a cost per call (Apertium starts a process pipeline, Argos fills token
batches), so translate_many segments several articles, translates the sentences of a
whole group of them in ONE engine call (translate.pipeline.translate_documents), then
summarises and extracts quotes per article exactly as analyse_article does. A group holds
at most `group_sentences` sentences (one article larger than that forms its own group).

A bad article (empty, binary, not Spanish, too long, no body text) becomes a failed
BatchResult carrying the user-facing message; the batch goes on. When the engine fails
on a group, each article of the group is retried alone so that one article's failure
does not take its neighbours with it. An engine that is not available at all stops the
batch (EngineUnavailable is raised).

With `workers > 1` groups are analysed in a pool of processes, each creating its own
engine once; results are still yielded in input order. Workers are forked from this
process when that is safe (Linux, one thread), after it has loaded the analysis' models
once; otherwise they are spawned and each loads everything again (see _pool_context).
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import multiprocessing.context
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping, Protocol

from bitexto.articles import DEFAULT_ALGORITHM, DEFAULT_SUMMARY_LENGTH, ArticleResult
from bitexto.batch_inputs import BatchItem, clean_id, item_from_text, media_type_of
from bitexto.settings import Settings
from summarize import Summary, extract_quotes, summarize
from translate.language import analyse_documents
from summarize.length import resolve_length
from summarize.summary import canonical_algorithm
from translate.clean import prepare_text
from translate.document import AlignedDocument
from translate.engines import Engine, create_engine
from translate.errors import EngineFailure, InputError
from translate.pipeline import segment_article, translate_documents

# Apertium translates at most 400 sentences per process (CHUNK_SENTENCES): a group of
# that size is one process; Argos batches by tokens inside any group size.
DEFAULT_GROUP_SENTENCES = 400
# A worker is sent a unit of articles expected to fill about one group. Sentences are
# only known after segmenting (in the worker), so the parent sizes units in characters,
# from the characters per sentence seen so far; this is the first guess.
INITIAL_CHARS_PER_SENTENCE = 150.0
UNIT_FILL = 0.9  # aim a little under a group, so a unit rarely spills into a second call
IN_FLIGHT_PER_WORKER = 2

logger = logging.getLogger(__name__)

ItemLike = str | BatchItem | Mapping


@dataclass
class BatchResult:
    """One article's outcome: `article` when it succeeded, `error` (a message) when not."""

    id: str
    hash: str
    article: ArticleResult | None = None
    error: str | None = None
    # The engine or the code failed, not the article: trying again may succeed.
    retryable: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def sentences(self) -> int:
        return sum(1 for _ in self.article.document.sentences()) if self.article else 0

    def to_dict(self) -> dict:
        """The record written per article: id, hash, status, then the analysis or the error.

        `text` is the normalised article text that every offset refers to.
        """
        record: dict = {"id": self.id, "hash": self.hash, "status": "ok" if self.ok else "failed"}
        if self.article is None:
            record["error"] = self.error
            return record
        return {**record, **self.article.to_dict()}


@dataclass(frozen=True)
class _Options:
    summary_length: int | str
    algorithm: str
    group_sentences: int
    settings: Settings
    with_speakers: bool = False


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
    options = _Options(summary_length, algorithm, group_sentences, settings, with_speakers)
    batch_items = (as_item(item, position) for position, item in enumerate(items, 1))
    if workers <= 1:
        if engine is None or isinstance(engine, str):
            engine = create_engine(engine, settings)
        return _analyse_stream(batch_items, engine, options)
    if not (engine is None or isinstance(engine, str)):
        raise ValueError("with workers > 1, pass the engine by name: each worker process creates its own")
    return _analyse_in_pool(batch_items, engine, options, workers)


def check_summary_options(summary_length: int | str, algorithm: str) -> None:
    """Raise InputError for options that would fail every article."""
    canonical_algorithm(algorithm)
    resolve_length(summary_length, 1)


def as_item(item: ItemLike, position: int) -> BatchItem:
    if isinstance(item, BatchItem):
        return item
    if isinstance(item, str):
        return item_from_text(str(position), item)
    if isinstance(item, Mapping):
        item_id = clean_id(str(item["id"])) if item.get("id") not in (None, "") else str(position)
        return item_from_text(item_id, item["text"], media_type_of(item))
    raise TypeError(f"cannot translate a {type(item).__name__}: give a str, a BatchItem or a mapping")


# --- One process: group, translate, finish ---------------------------------------------


@dataclass
class _Slot:
    """An article on its way through a group: segmented and summarised, or already failed."""

    item: BatchItem
    document: AlignedDocument | None = None
    summary: Summary | None = None
    error: str | None = None
    retryable: bool = False

    def fail(self, message: str, *, retryable: bool) -> None:
        self.document, self.error, self.retryable = None, message, retryable

    @property
    def sentence_count(self) -> int:
        return sum(1 for _ in self.document.sentences()) if self.document else 0


def _analyse_stream(items: Iterable[BatchItem], engine: Engine, options: _Options) -> Iterator[BatchResult]:
    group: list[_Slot] = []
    group_sentences = 0
    for item in items:
        slot = _prepare(item, options)
        # Close the group before it would overflow, so an engine call stays bounded.
        if group and group_sentences + slot.sentence_count > options.group_sentences:
            yield from _finish_group(group, engine, options)
            group, group_sentences = [], 0
        group.append(slot)
        group_sentences += slot.sentence_count
    if group:
        yield from _finish_group(group, engine, options)


def _prepare(item: BatchItem, options: _Options) -> _Slot:
    """Extract (HTML), check, segment and summarise, as analyse_article does before translating."""
    slot = _Slot(item, error=item.error)
    if slot.error is not None:
        return slot
    try:
        text = prepare_text(item.text, item.media_type) if item.media_type == "text/html" else item.text
        slot.document = segment_article(text, options.settings)
        slot.summary = summarize(slot.document, length=options.summary_length, algorithm=options.algorithm)
    except InputError as error:
        slot.fail(error.message, retryable=False)
    except Exception as error:  # a batch must survive one pathological article
        logger.exception("article %s could not be prepared", item.id)
        slot.fail(_unexpected(error), retryable=True)
    return slot


def _finish_group(group: list[_Slot], engine: Engine, options: _Options) -> list[BatchResult]:
    """Translate the group's articles in one engine call, then extract quotes per article."""
    _translate_group([slot for slot in group if slot.error is None], engine, options.with_speakers)
    results = []
    for slot in group:
        if slot.error is None:
            try:
                quotes = extract_quotes(slot.document)
            except Exception as error:  # as in _prepare: one article must not stop the batch
                logger.exception("quotes of article %s failed", slot.item.id)
                slot.fail(_unexpected(error), retryable=True)
            else:
                article = ArticleResult(document=slot.document, summary=slot.summary, quotes=quotes)
                results.append(BatchResult(slot.item.id, slot.item.hash, article=article))
                continue
        results.append(BatchResult(slot.item.id, slot.item.hash, error=slot.error, retryable=slot.retryable))
    return results


def _translate_group(ready: list[_Slot], engine: Engine, with_speakers: bool) -> None:
    """One engine call for the group (with the quoted speakers' names when asked, as
    analyse_article's with_speakers does); on an engine failure, each article alone."""
    if not ready:
        return
    analyse_documents([slot.document for slot in ready])  # one batched Spanish parse for the group's quotes
    speakers = sorted({quote.speaker for slot in ready for quote in extract_quotes(slot.document)
                       if quote.speaker}) if with_speakers else []
    try:
        translate_documents([slot.document for slot in ready], engine, extra=speakers)
        return
    except EngineFailure as error:
        if len(ready) == 1:
            ready[0].fail(error.message, retryable=True)
            return
    # Find the article the engine chokes on: translate each one alone.
    for slot in ready:
        try:
            translate_documents([slot.document], engine)
        except EngineFailure as error:
            slot.fail(error.message, retryable=True)


def _unexpected(error: Exception) -> str:
    return f"Unexpected error ({type(error).__name__}): {error}"


# --- Several processes -----------------------------------------------------------------

_worker_engine: Engine | None = None


def _init_worker(engine_name: str | None, settings: Settings) -> None:
    global _worker_engine
    try:
        _worker_engine = create_engine(engine_name, settings)
    except Exception as error:  # raised again with the first unit, where the parent sees it
        _worker_engine = error  # type: ignore[assignment]


def _analyse_unit(items: list[BatchItem], options: _Options) -> list[BatchResult]:
    if isinstance(_worker_engine, Exception):
        raise _worker_engine
    return list(_analyse_stream(items, _worker_engine, options))


def _analyse_in_pool(items: Iterable[BatchItem], engine_name: str | None, options: _Options,
                     workers: int) -> Iterator[BatchResult]:
    context = _pool_context()
    if context.get_start_method() == "fork":
        _warm_up(options)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(engine_name, options.settings))
    pending: collections.deque[Future] = collections.deque()
    sizing = _UnitSizing(options.group_sentences)
    try:
        for unit in sizing.units(items):
            pending.append(pool.submit(_analyse_unit, unit, options))
            # Bounded look-ahead: memory stays flat however long the input is.
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from sizing.seen(pending.popleft().result())
        while pending:
            yield from sizing.seen(pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Analysed once in the parent before forking: it loads what the first article of every
# worker would otherwise load again (language identifier, character table, stemmer, cues).
_WARM_UP_ARTICLE = (
    "El Gobierno aprobó el martes una reforma laboral que afecta a millones de trabajadores "
    "de todo el país. «Es un día histórico para el empleo», dijo la ministra en Madrid. "
    "Los sindicatos pidieron más tiempo para estudiar el texto antes de la votación."
)


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork when it is safe, spawn otherwise.

    A spawned worker starts from nothing: it imports the analysis again and, with its
    first article, loads the language identifier and the character table, about 1
    CPU-second per worker. With Apertium that is what a second worker could gain: one
    Apertium call already keeps ~1.9 of 2 cores busy, so the only parallel gain is the
    Python share. Forked from a parent that loaded all that once, workers start warm.
    Forking is unsafe in a process running other threads (a web server's threads, a
    loaded CTranslate2 pool: locks they hold would stay locked in the child), so it is
    used only on Linux, while this process runs one Python thread and has not loaded
    CTranslate2. (numpy's OpenBLAS pool is fork-safe: it handles fork itself.) In pool
    mode the parent never creates the engine, so workers inherit no model from it.
    """
    if sys.platform == "linux" and threading.active_count() == 1 and "ctranslate2" not in sys.modules:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _warm_up(options: _Options) -> None:
    """Analyse a small article so that forked workers inherit the loaded models."""
    try:
        document = segment_article(_WARM_UP_ARTICLE, options.settings)
        summarize(document, length=options.summary_length, algorithm=options.algorithm)
        extract_quotes(document)
    except Exception:  # only an optimisation: each worker then loads what is missing itself
        logger.debug("warm-up before forking the workers failed", exc_info=True)


class _UnitSizing:
    """Cuts the item stream into units of about one group, learning chars per sentence."""

    def __init__(self, group_sentences: int):
        self.group_sentences = group_sentences
        self.chars = 0
        self.sentences = 0

    @property
    def unit_chars(self) -> float:
        per_sentence = self.chars / self.sentences if self.sentences else INITIAL_CHARS_PER_SENTENCE
        return self.group_sentences * per_sentence * UNIT_FILL

    def units(self, items: Iterable[BatchItem]) -> Iterator[list[BatchItem]]:
        unit: list[BatchItem] = []
        size = 0
        for item in items:
            length = len(item.text or "")
            if unit and size + length > self.unit_chars:
                yield unit
                unit, size = [], 0
            unit.append(item)
            size += length
        if unit:
            yield unit

    def seen(self, results: list[BatchResult]) -> list[BatchResult]:
        for result in results:
            if result.article is not None:
                self.chars += len(result.article.document.text)
                self.sentences += result.sentences
        return results


# --- Resume, write, count: what `bitexto batch` runs --------------------------------------


class BatchOutput(Protocol):
    def is_done(self, item: BatchItem) -> bool: ...
    def write(self, result: BatchResult) -> None: ...
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


def pending_items(items: Iterable[BatchItem], output: BatchOutput, stats: BatchStats,
                  progress: Callable[[BatchStats], None]) -> Iterator[BatchItem]:
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


def write_result(result: BatchResult, output: BatchOutput, stats: BatchStats,
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
    items: Iterable[BatchItem],
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
