"""One process: articles segmented and summarised one by one, translated a group at a time.

A group's sentences go to the engine in ONE call (translate.pipeline.translate_documents);
quotes are then extracted per article exactly as analyse_article does. A bad article
becomes a failed BatchResult; when the engine fails on a group, each article of it is
retried alone so that one article's failure does not take its neighbours with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from bitexto.articles import ArticleResult
from bitexto.batch.inputs import BatchItem, clean_id, item_from_text, media_type_of
from bitexto.settings import Settings
from bitexto.summarize import Summary, extract_quotes, summarize
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine
from bitexto.translate.errors import EngineFailure, InputError
from bitexto.translate.parsing import parse_documents
from bitexto.translate.pipeline import read_page_source, segment_article, translate_documents
from bitexto.translate.spanish.parse import Analysis

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
class BatchOptions:
    summary_length: int | str
    algorithm: str
    group_sentences: int
    settings: Settings
    with_speakers: bool = False


def as_item(item: ItemLike, position: int) -> BatchItem:
    if isinstance(item, BatchItem):
        return item
    if isinstance(item, str):
        return item_from_text(str(position), item)
    if isinstance(item, Mapping):
        item_id = clean_id(str(item["id"])) if item.get("id") not in (None, "") else str(position)
        return item_from_text(item_id, item["text"], media_type_of(item))
    raise TypeError(f"cannot translate a {type(item).__name__}: give a str, a BatchItem or a mapping")


@dataclass
class _Slot:
    """An article on its way through a group: segmented and summarised, or already failed."""

    item: BatchItem
    document: AlignedDocument | None = None
    analysis: Analysis | None = None  # its Spanish parse, made once for the group
    summary: Summary | None = None
    error: str | None = None
    retryable: bool = False

    def fail(self, message: str, *, retryable: bool) -> None:
        self.document, self.error, self.retryable = None, message, retryable

    @property
    def sentence_count(self) -> int:
        return sum(1 for _ in self.document.sentences()) if self.document else 0


def analyse_stream(items: Iterable[BatchItem], engine: Engine, options: BatchOptions) -> Iterator[BatchResult]:
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


def _prepare(item: BatchItem, options: BatchOptions) -> _Slot:
    """Extract (HTML), check, segment and summarise, as analyse_article does before translating."""
    slot = _Slot(item, error=item.error)
    if slot.error is not None:
        return slot
    try:
        source = read_page_source(item.text, item.media_type)
        slot.document = segment_article(source.text, options.settings.translate, hints=source.hints,
                                        source_meta=source.meta)
        slot.summary = summarize(slot.document, length=options.summary_length, algorithm=options.algorithm)
    except InputError as error:
        slot.fail(error.message, retryable=False)
    except Exception as error:  # a batch must survive one pathological article
        logger.exception("article %s could not be prepared", item.id)
        slot.fail(_unexpected(error), retryable=True)
    return slot


def _finish_group(group: list[_Slot], engine: Engine, options: BatchOptions) -> list[BatchResult]:
    """Translate the group's articles in one engine call, then extract quotes per article."""
    _translate_group([slot for slot in group if slot.error is None], engine, options.with_speakers,
                     options.settings.load_glossary())
    results = []
    for slot in group:
        if slot.error is None:
            try:
                quotes = extract_quotes(slot.document, slot.analysis)
            except Exception as error:  # as in _prepare: one article must not stop the batch
                logger.exception("quotes of article %s failed", slot.item.id)
                slot.fail(_unexpected(error), retryable=True)
            else:
                article = ArticleResult(document=slot.document, summary=slot.summary, quotes=quotes)
                results.append(BatchResult(slot.item.id, slot.item.hash, article=article))
                continue
        results.append(BatchResult(slot.item.id, slot.item.hash, error=slot.error, retryable=slot.retryable))
    return results


def _translate_group(ready: list[_Slot], engine: Engine, with_speakers: bool, glossary=None) -> None:
    """One engine call for the group (with the quoted speakers' names when asked, as
    analyse_article's with_speakers does); on an engine failure, each article alone."""
    if not ready:
        return
    # One batched Spanish parse for the group's names and quotes.
    for slot, analysis in zip(ready, parse_documents([slot.document for slot in ready]), strict=True):
        slot.analysis = analysis
    speakers = sorted({quote.speaker for slot in ready for quote in extract_quotes(slot.document, slot.analysis)
                       if quote.speaker}) if with_speakers else []
    try:
        translate_documents([slot.document for slot in ready], engine, extra=speakers, glossary=glossary,
                            analyses=[slot.analysis for slot in ready])
        return
    except EngineFailure as error:
        if len(ready) == 1:
            ready[0].fail(error.message, retryable=True)
            return
    # Find the article the engine chokes on: translate each one alone.
    for slot in ready:
        try:
            translate_documents([slot.document], engine, glossary=glossary, analyses=[slot.analysis])
        except EngineFailure as error:
            slot.fail(error.message, retryable=True)


def _unexpected(error: Exception) -> str:
    return f"Unexpected error ({type(error).__name__}): {error}"
