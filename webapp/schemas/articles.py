"""Request bodies of bitexto's own API: an article, and a batch of articles."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from bitexto.translate.errors import InputTooLarge
from bitexto.webapp.schemas.fields import (
    Algorithm, ApiKey, ArticleText, GlossaryValue, RequestModel, SummaryLength, TextFormat, Upload, format_option,
    shorten,
)

MAX_NAME_CHARS = 200


class ArticleRequest(RequestModel):
    """An article to analyse, as JSON or a form."""

    text: ArticleText = None
    format: TextFormat = None
    summary_length: SummaryLength = None
    algorithm: Algorithm = "default"
    glossary: GlossaryValue = None
    api_key: ApiKey = None


class ArticleUpload(ArticleRequest):
    """A form: the article in `text`, or uploaded as `file` (.txt or .html; UTF-8 or Windows-1252)."""

    file: Upload = None


def article_name_option(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip() \
            or len(str(value)) > MAX_NAME_CHARS:
        raise ValueError(f"`id` must be a non-empty string or number of at most {MAX_NAME_CHARS} characters.")
    return str(value)


def optional_article_name(value: object) -> object:
    return None if value is None else article_name_option(value)


def batch_format_option(value: object) -> str:
    return format_option(value) or "text"


def batch_text_option(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("`text` must be a string holding the article.")
    return value


class BatchArticle(RequestModel):
    """One article of a batch."""

    # In the order they are checked: the first problem is the one reported.
    text: Annotated[str, BeforeValidator(batch_text_option), Field(description="The Spanish article.")]
    id: Annotated[str | None, BeforeValidator(optional_article_name),
                  Field(description="Your id for it, unique in the batch (default: its position, from 1).")] = None
    format: Annotated[Literal["text", "html"], BeforeValidator(batch_format_option),
                      Field(description="Format of the text: text or html (converted to text first).")] = "text"

    @model_validator(mode="before")
    @classmethod
    def is_an_object(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError('must be an object: {"id": …, "text": …}.')
        return data


class BatchRequest(RequestModel):
    """Many articles, each analysed by its own background job, with the same summary options."""

    articles: list[BatchArticle] = Field(
        description="The articles (at most BITEXTO_BATCH_MAX_ARTICLES, 1,000 by default).")
    summary_length: SummaryLength = None
    algorithm: Algorithm = "default"
    api_key: ApiKey = None

    @field_validator("articles", mode="before")
    @classmethod
    def a_bounded_list(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, list) or not value:
            raise ValueError('`articles` must be a non-empty JSON list of {"id", "text"} objects.')
        limit = (info.context or {}).get("BATCH_MAX_ARTICLES")
        if limit is not None and len(value) > limit:
            # Not a ValueError, so pydantic lets it through: too many articles is a 413.
            raise InputTooLarge(f"A batch holds at most {limit:,} articles; this one has {len(value):,}. "
                                "Split it into several batches.")
        return value

    @model_validator(mode="after")
    def named_and_unique(self) -> "BatchRequest":
        seen: set[str] = set()
        for position, article in enumerate(self.articles):
            # Unnamed articles are named by their position, from 1.
            article.id = article.id if article.id is not None else str(position + 1)
            if article.id in seen:
                raise ValueError(f"articles[{position}]: the id {shorten(article.id)!r} appears twice in the batch.")
            seen.add(article.id)
        return self
