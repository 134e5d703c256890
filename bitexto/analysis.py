"""The one analysis path: articles in, one outcome per article out, in input order.

Every surface calls it — the paste form, the JSON API, jobs and their groups, `bitexto
batch`, the LibreTranslate routes and the CLI; a single article is a list of one
(`analyse_article`). For each article, once:

1. its page is read (HTML parsed, lines classified, sentences segmented, metadata);
2. it is summarised and its quotes are found, on the Spanish (they need no English);

and for each group of articles (at most `group_sentences` sentences), once:

3. the Spanish parse of all their blocks, in one batched pipe (bitexto.translate.parsing),
   read by the quotes' speakers and by the names kept as written;
4. ONE engine call for all their sentences and their quoted speakers;
5. each quote's English located in its sentence, each speaker's English set.

A bad article (empty, binary, not Spanish, too long, no body text) becomes a failed
outcome with the message for the user, and the others go on; when the engine fails on a
group, each article of it is tried alone, so that one article cannot take its neighbours
with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from bitexto.results import ArticleResult
from bitexto.settings import Settings
from bitexto.summarize import ALGORITHMS, Quote, Summary, extract_quotes, summarize
from bitexto.summarize.quotes import locate_english
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine, ProgressCallback, create_engine
from bitexto.translate.errors import BitextoError, EngineFailure, InputError
from bitexto.translate.glossary import Glossary
from bitexto.translate.parsing import parse_documents
from bitexto.translate.pipeline import read_article, text_document, translate_documents
from bitexto.translate.spanish.name_english import is_kept_name
from bitexto.translate.spanish.parse import Analysis, load_model

logger = logging.getLogger(__name__)

# The summary algorithms a surface may offer, in the registry's order.
SUMMARY_ALGORITHMS: tuple[str, ...] = tuple(ALGORITHMS)
DEFAULT_SUMMARY_LENGTH = "3"
DEFAULT_ALGORITHM = "default"
# Apertium translates at most 400 sentences per process: a group of that size is one
# process; Argos batches by tokens inside any group size.
DEFAULT_GROUP_SENTENCES = 400


@dataclass
class ArticleInput:
    """One article to analyse: its text as sent (plain text or HTML) and an id for the
    caller. `error` is set when reading it already failed; `prepared` is its page, when
    the caller has read it already (the paste form counts sentences before queueing)."""

    id: str
    text: str | None
    hash: str = ""
    media_type: str = "text/plain"
    error: str | None = None
    prepared: AlignedDocument | None = None


@dataclass
class ArticleOutcome:
    """One article's outcome: `article` when it succeeded, `error` (a message) when not."""

    id: str
    hash: str
    article: ArticleResult | None = None
    error: str | None = None
    # The engine or the code failed, not the article: trying again may succeed.
    retryable: bool = False
    # What stopped it, for a caller that raises it again (its HTTP status with it).
    cause: BitextoError | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    def raise_error(self) -> None:
        """Raise what stopped this article: an InputError, or an EngineFailure when retryable."""
        if self.cause is not None:
            raise self.cause
        raise (EngineFailure if self.retryable else InputError)(self.error)

    @property
    def sentences(self) -> int:
        return sum(1 for _ in self.article.document.sentences()) if self.article else 0

    def to_dict(self) -> dict:
        """The record written per article: id, hash, status, then the analysis or the error."""
        record: dict = {"id": self.id, "hash": self.hash, "status": "ok" if self.ok else "failed"}
        if self.article is None:
            record["error"] = self.error
            return record
        return {**record, **self.article.to_dict()}


@dataclass(frozen=True)
class AnalysisOptions:
    """`article=False` takes the inputs as texts to translate, not news articles
    (LibreTranslate's /translate): lines and sentences only — no checks of an article,
    no page reading, no summary, no quotes. `summary_length=None` reads and translates an
    article without summarising it (`bitexto translate`: a page with no body text is
    translated all the same)."""

    summary_length: int | str | None = DEFAULT_SUMMARY_LENGTH
    algorithm: str = DEFAULT_ALGORITHM
    translate: bool = True
    glossary: Glossary | None = None
    group_sentences: int = DEFAULT_GROUP_SENTENCES
    settings: Settings = field(default_factory=Settings.from_env)
    article: bool = True


def read_input(item: ArticleInput, settings: Settings) -> AlignedDocument:
    """The article's page, read once: raises InputError for an article that cannot be analysed."""
    if item.error is not None:
        raise InputError(item.error)
    return read_article(item.text or "", item.media_type, settings.translate)


def analyse_articles(items: Iterable[ArticleInput], engine: Engine | None, options: AnalysisOptions,
                     on_progress: ProgressCallback | None = None) -> Iterator[ArticleOutcome]:
    """One outcome per input, in input order (see the module docstring). `engine` may be
    None only when `options.translate` is false."""
    group: list[_Slot] = []
    group_sentences = 0
    for item in items:
        slot = _prepare(item, options)
        # Close the group before it would overflow, so an engine call stays bounded.
        if group and group_sentences + slot.sentence_count > options.group_sentences:
            yield from _finish_group(group, engine, options, on_progress)
            group, group_sentences = [], 0
        group.append(slot)
        group_sentences += slot.sentence_count
    if group:
        yield from _finish_group(group, engine, options, on_progress)


def analyse_article(text: str, engine: Engine | str | None = None, *, translate: bool = True,
                    summary_length: int | str | None = DEFAULT_SUMMARY_LENGTH, algorithm: str = DEFAULT_ALGORITHM,
                    settings: Settings | None = None, on_progress: ProgressCallback | None = None,
                    media_type: str = "text/plain", glossary: Glossary | None = None) -> ArticleResult:
    """One article through the one path: its result, or the InputError/EngineFailure that
    stopped it. `engine` is an Engine or a name (default BITEXTO_ENGINE); `summary_length`
    None: no summary."""
    settings = settings or Settings.from_env()
    if summary_length is not None:
        check_summary_options(summary_length, algorithm)
    if translate and (engine is None or isinstance(engine, str)):
        engine = create_engine(engine, settings.translate)
    if glossary is None:
        glossary = settings.load_glossary()  # BITEXTO_GLOSSARY, for every surface
    options = AnalysisOptions(summary_length, algorithm, translate, glossary, settings=settings)
    item = ArticleInput(id="1", text=text, media_type=media_type)
    (outcome,) = analyse_articles([item], engine if translate else None, options, on_progress)
    if outcome.article is None:
        outcome.raise_error()
    return outcome.article


def load_language_model() -> None:
    """Load the Spanish model now (a server's warm-up), not with the first article."""
    load_model()


def check_summary_options(summary_length: int | str, algorithm: str) -> None:
    """Raise InputError for summary options that would fail every article."""
    from bitexto.summarize.length import resolve_length
    from bitexto.summarize.summary import canonical_algorithm

    canonical_algorithm(algorithm)
    resolve_length(summary_length, 1)


# --- the steps ------------------------------------------------------------------------


@dataclass
class _Slot:
    """An article on its way through a group."""

    item: ArticleInput
    document: AlignedDocument | None = None
    analysis: Analysis | None = None
    summary: Summary | None = None  # None for a text that is not an article
    quotes: list[Quote] = field(default_factory=list)
    error: str | None = None
    retryable: bool = False
    cause: BitextoError | None = None

    def fail(self, message: str, *, retryable: bool, cause: BitextoError | None = None) -> None:
        self.document, self.error, self.retryable, self.cause = None, message, retryable, cause

    @property
    def sentence_count(self) -> int:
        return sum(1 for _ in self.document.sentences()) if self.document else 0


def _prepare(item: ArticleInput, options: AnalysisOptions) -> _Slot:
    slot = _Slot(item)
    if not options.article:
        slot.document = text_document(item.text or "", item.media_type)
        return slot
    try:
        slot.document = item.prepared or read_input(item, options.settings)
        if options.summary_length is not None:
            slot.summary = summarize(slot.document, length=options.summary_length, algorithm=options.algorithm)
    except InputError as error:
        slot.fail(error.message, retryable=False, cause=error)
    except Exception as error:  # a batch must survive one pathological article
        logger.exception("article %s could not be prepared", item.id)
        slot.fail(_unexpected(error), retryable=True)
    return slot


def _finish_group(group: list[_Slot], engine: Engine | None, options: AnalysisOptions,
                  on_progress: ProgressCallback | None) -> list[ArticleOutcome]:
    ready = [slot for slot in group if slot.error is None]
    if options.article:
        _read_quotes(ready)
    if options.translate and any(slot.sentence_count for slot in ready):
        _translate(ready, engine, options.glossary, on_progress)
    outcomes = []
    for slot in group:
        if slot.error is None:
            locate_english(slot.document, slot.quotes)
            article = ArticleResult(document=slot.document, summary=slot.summary, quotes=slot.quotes)
            outcomes.append(ArticleOutcome(slot.item.id, slot.item.hash, article=article))
        else:
            outcomes.append(ArticleOutcome(slot.item.id, slot.item.hash, error=slot.error, retryable=slot.retryable,
                                           cause=slot.cause))
    return outcomes


def _read_quotes(ready: list[_Slot]) -> None:
    """One batched Spanish parse for the group; each article's quotes found once."""
    if not ready:
        return
    for slot, analysis in zip(ready, parse_documents([slot.document for slot in ready]), strict=True):
        slot.analysis = analysis
        try:
            slot.quotes = extract_quotes(slot.document, analysis)
        except Exception as error:  # as in _prepare: one article must not stop the others
            logger.exception("quotes of article %s failed", slot.item.id)
            slot.fail(_unexpected(error), retryable=True)
    ready[:] = [slot for slot in ready if slot.error is None]


def _translate(ready: list[_Slot], engine: Engine, glossary: Glossary | None,
               on_progress: ProgressCallback | None) -> None:
    """One engine call for the group's sentences and its quoted speakers; on an engine
    failure, each article alone, so that the one the engine chokes on fails alone."""
    speakers = sorted({who for slot in ready for quote in slot.quotes if (who := _who(quote))})
    try:
        english = translate_documents([slot.document for slot in ready], engine, on_progress, extra=speakers,
                                      glossary=glossary, analyses=_analyses(ready))
    except EngineFailure as error:
        if len(ready) == 1:
            ready[0].fail(error.message, retryable=True, cause=error)
            return
        for slot in ready:
            _translate_alone(slot, engine, glossary)
        return
    _set_speakers_english(ready, dict(zip(speakers, english, strict=True)))


def _translate_alone(slot: _Slot, engine: Engine, glossary: Glossary | None) -> None:
    speakers = sorted({who for quote in slot.quotes if (who := _who(quote))})
    try:
        english = translate_documents([slot.document], engine, extra=speakers, glossary=glossary,
                                      analyses=_analyses([slot]))
    except EngineFailure as error:
        slot.fail(error.message, retryable=True, cause=error)
        return
    _set_speakers_english([slot], dict(zip(speakers, english, strict=True)))


def _analyses(slots: list[_Slot]) -> list[Analysis] | None:
    """The group's parses, when the quotes needed them (a text's is made by the translation)."""
    analyses = [slot.analysis for slot in slots]
    return None if None in analyses else analyses


def _who(quote: Quote) -> str | None:
    """Who said it as the article tells it: the speaker's name, else the words of an
    article that names nobody ("un portavoz del ministerio")."""
    return quote.speaker or quote.speaker_description or None


def _set_speakers_english(slots: list[_Slot], english: dict[str, str]) -> None:
    for slot in slots:
        for quote in slot.quotes:
            who = _who(quote)
            if who:
                quote.speaker_target = speaker_english(who, english.get(who, ""))


def speaker_english(speaker: str, engine_english: str) -> str:
    """A speaker in English: a full name as written (as names are in the article's
    English: an engine alone would make "Raúl Espina" "Raúl Spine"), a role or a body
    as the engine translates it, in the speaker's case ("la directora" → "the director")."""
    if is_kept_name(speaker):
        return speaker
    english = engine_english.strip()
    if not english:
        return speaker
    if speaker[:1].islower() and english[:1].isupper():
        return english[:1].lower() + english[1:]
    return english


def _unexpected(error: Exception) -> str:
    return f"Unexpected error ({type(error).__name__}): {error}"
