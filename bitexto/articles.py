"""Stored articles: one pasted article analysed (bitexto.analysis) and kept in the store.

The surfaces that create an article (the paste form, the JSON API, the example article)
call `create_article`; reading one is `bitexto.store.fetch_article`, a typed
`StoredArticle`. A different summary of a stored article is computed from its stored,
already translated sentences (`summary_of`): nothing is translated again.
"""

from __future__ import annotations

from bitexto.analysis import AnalysisOptions, ArticleInput, analyse_articles, check_summary_options, read_input
from bitexto.database import Database
from bitexto.results import ArticleResult, StoredArticle
from bitexto.settings import Settings
from bitexto.store import fetch_article, save_article
from bitexto.summarize import Summary, summarize
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine
from bitexto.translate.errors import InputError
from bitexto.translate.glossary import Glossary


def media_type_of(source_format: str) -> str:
    return "text/html" if source_format == "html" else "text/plain"


def read_page(text: str, source_format: str, settings: Settings) -> AlignedDocument:
    """The pasted article read as a page (InputError when it cannot be analysed): what the
    paste form reads once, to decide whether it becomes a job, and then analyses."""
    return read_input(ArticleInput(id="paste", text=text, media_type=media_type_of(source_format)), settings)


def create_article(database: Database, engine: Engine, text: str, *, summary_length: str | int, algorithm: str,
                   source_format: str, settings: Settings, glossary: Glossary | None = None,
                   prepared: AlignedDocument | None = None) -> StoredArticle:
    """Analyse and store an article (`text` as sent: plain text, or HTML when
    `source_format` is html; `prepared` its page when the caller has read it already)."""
    check_summary_options(summary_length, algorithm)
    options = AnalysisOptions(summary_length, algorithm, glossary=glossary or settings.load_glossary(),
                              settings=settings)
    item = ArticleInput(id="new", text=text, media_type=media_type_of(source_format), prepared=prepared)
    (outcome,) = analyse_articles([item], engine, options)
    if outcome.article is None:
        outcome.raise_error()
    stored_options = {"summary_length": str(summary_length), "algorithm": algorithm, "format": source_format}
    if glossary:
        stored_options["glossary"] = glossary.fingerprint
    article_id = save_article(database, text, stored_options, outcome.article)
    return fetch_article(database, article_id)


def summary_of(article: StoredArticle, length: str | None, algorithm: str | None) -> tuple[Summary, str, str]:
    """The stored summary, or a new one for other options: (summary, length, algorithm).

    Raises InputError for a bad length or an unknown algorithm.
    """
    result: ArticleResult = article.result
    stored_length = str(article.options.get("summary_length", "3"))
    stored_algorithm = result.summary.algorithm
    length = (length or "").strip() or stored_length
    algorithm = (algorithm or "").strip() or stored_algorithm
    if (length, algorithm) == (stored_length, stored_algorithm):
        return result.summary, length, algorithm
    summary = summarize(result.document, length=length, algorithm=algorithm)
    return summary, length, summary.algorithm  # the canonical name: "LexRank" → "lexrank"
