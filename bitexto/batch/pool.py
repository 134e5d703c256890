"""Several processes: groups of articles analysed in a pool, results in input order.

Each worker process creates its own engine once. Workers are forked from this process
when that is safe (Linux, one thread), after it has loaded the analysis' models once;
otherwise they are spawned and each loads everything again (see _pool_context).
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import multiprocessing.context
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from bitexto.analysis import AnalysisOptions, ArticleInput, ArticleOutcome, analyse_articles
from bitexto.settings import Settings
from bitexto.translate.engines import Engine, create_engine

# A worker is sent a unit of articles expected to fill about one group. Sentences are
# only known after segmenting (in the worker), so the parent sizes units in characters,
# from the characters per sentence seen so far; this is the first guess.
INITIAL_CHARS_PER_SENTENCE = 150.0
UNIT_FILL = 0.9  # aim a little under a group, so a unit rarely spills into a second call
IN_FLIGHT_PER_WORKER = 2

logger = logging.getLogger(__name__)

_worker_engine: Engine | None = None


def _init_worker(engine_name: str | None, settings: Settings) -> None:
    global _worker_engine
    try:
        _worker_engine = create_engine(engine_name, settings.translate)
    except Exception as error:  # raised again with the first unit, where the parent sees it
        _worker_engine = error  # type: ignore[assignment]


def _analyse_unit(items: list[ArticleInput], options: AnalysisOptions) -> list[ArticleOutcome]:
    if isinstance(_worker_engine, Exception):
        raise _worker_engine
    return list(analyse_articles(items, _worker_engine, options))


def analyse_in_pool(items: Iterable[ArticleInput], engine_name: str | None, options: AnalysisOptions,
                     workers: int) -> Iterator[ArticleOutcome]:
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


def _warm_up(options: AnalysisOptions) -> None:
    """Analyse a small article so that forked workers inherit the loaded models."""
    try:
        list(analyse_articles([ArticleInput("warm-up", _WARM_UP_ARTICLE)], None,
                              AnalysisOptions(options.summary_length, options.algorithm, translate=False,
                                              settings=options.settings)))
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

    def units(self, items: Iterable[ArticleInput]) -> Iterator[list[ArticleInput]]:
        unit: list[ArticleInput] = []
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

    def seen(self, results: list[ArticleOutcome]) -> list[ArticleOutcome]:
        for result in results:
            if result.article is not None:
                self.chars += len(result.article.document.text)
                self.sentences += result.sentences
        return results
