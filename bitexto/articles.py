"""One article, fully analysed: aligned translation, bilingual summary and quotes.

Every surface (CLI, web app, batch jobs) calls `analyse_article` and renders the
`ArticleResult`; none of them re-implements a step.
"""

from __future__ import annotations

from dataclasses import dataclass

from bitexto.settings import Settings
from summarize import Quote, Summary, extract_quotes, summarize
from translate.document import AlignedDocument
from translate.engines import Engine, ProgressCallback, create_engine
from translate.pipeline import segment_article, translate_document

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
) -> ArticleResult:
    """Segment, translate (unless `translate=False`), summarise and extract quotes.

    The summary options are checked before translating, so a bad option costs nothing.
    """
    settings = settings or Settings.from_env()
    document = segment_article(text, settings)
    summary = summarize(document, length=summary_length, algorithm=algorithm)
    if translate:
        if engine is None or isinstance(engine, str):
            engine = create_engine(engine, settings)
        translate_document(document, engine, on_progress)
    quotes = extract_quotes(document)
    return ArticleResult(document=document, summary=summary, quotes=quotes)
