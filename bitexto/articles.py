"""One article, fully analysed: aligned translation, bilingual summary and quotes.

Every surface (CLI, web app, batch jobs) calls `analyse_article` and renders the
`ArticleResult`; none of them re-implements a step.
"""

from __future__ import annotations

from dataclasses import dataclass

from bitexto.database import Database
from bitexto.newsletter.speakers import remember_speakers
from bitexto.settings import Settings
from bitexto.store import insert_article, save_article
from bitexto.summarize import Quote, Summary, extract_quotes, summarize
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine, ProgressCallback, create_engine
from bitexto.translate.parsing import parse_document
from bitexto.translate.pipeline import read_page_source, segment_article, translate_documents

DEFAULT_SUMMARY_LENGTH = "3"
DEFAULT_ALGORITHM = "default"


@dataclass
class ArticleResult:
    document: AlignedDocument
    summary: Summary
    quotes: list[Quote]

    def to_dict(self) -> dict:
        """The analysis as JSON: `text` is the normalised article every offset refers to."""
        return {
            "text": self.document.text,
            **self.document.to_dict(),
            "summary": self.summary.to_dict(),
            "quotes": [quote.to_dict() for quote in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleResult":
        document = AlignedDocument.from_dict(data, data["text"])
        return cls(document=document, summary=Summary.from_dict(data["summary"], document),
                   quotes=[Quote.from_dict(quote) for quote in data["quotes"]])


def analyse_article(
    text: str,
    engine: Engine | str | None = None,
    *,
    translate: bool = True,
    summary_length: int | str = DEFAULT_SUMMARY_LENGTH,
    algorithm: str = DEFAULT_ALGORITHM,
    settings: Settings | None = None,
    on_progress: ProgressCallback | None = None,
    with_speakers: bool = False,
    media_type: str = "text/plain",
    glossary=None,
) -> ArticleResult:
    """Segment, translate (unless `translate=False`), summarise and extract quotes.

    `text` is in `media_type`: plain text, or HTML (a reader's selection keeps its
    markup's hints and the page's metadata; a whole page is reduced to its article).

    The summary options are checked before translating, so a bad option costs nothing.
    `with_speakers` also sends the quoted speakers' names through the engine, in the same
    call as the sentences: a caching engine (the web app's, a worker's) then knows their
    English when a newsletter snippet asks, without a second engine call per article.
    """
    settings = settings or Settings.from_env()
    source = read_page_source(text, media_type)
    document = segment_article(source.text, settings.translate, hints=source.hints, source_meta=source.meta)
    summary = summarize(document, length=summary_length, algorithm=algorithm)
    analysis = parse_document(document)
    if translate:
        if engine is None or isinstance(engine, str):
            engine = create_engine(engine, settings.translate)
        # Speakers come from the Spanish alone, so the untranslated document names them.
        speakers = sorted({who for q in extract_quotes(document, analysis) if (who := q.speaker or q.speaker_description)}
                          ) if with_speakers else []
        if glossary is None:
            glossary = settings.load_glossary()  # BITEXTO_GLOSSARY, for every surface
        translate_documents([document], engine, on_progress, extra=speakers, glossary=glossary, analyses=[analysis])
    quotes = extract_quotes(document, analysis)
    return ArticleResult(document=document, summary=summary, quotes=quotes)


def store_article(database: Database, text: str, options: dict, result: dict, engine: Engine,
                  article_id: str | None = None) -> str:
    """Store an analysed article (under `article_id`, or a fresh id) and return its id.

    The quoted speakers' English goes through the same caching engine first, so that a
    newsletter snippet of the article later finds it in the translation cache.
    """
    remember_speakers(result, engine)
    if article_id is None:
        return save_article(database, text, options, result)
    insert_article(database, article_id, text, options, result)
    return article_id
