"""The query string of GET /api/v1/articles/<id>/newsletter."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from pydantic import Field, model_validator

from bitexto import newsletter
from bitexto.webapp import newsletter_service
from bitexto.webapp.schemas.fields import RequestModel


class NewsletterQuery(RequestModel):
    """The snippet's options; the article page's preview reads the same ones (prefixed)."""

    format: Literal[tuple(newsletter.FORMATS)] = Field(
        "html", description="html (e-mail), md (Markdown) or text (plain text).")
    quotes: int = Field(newsletter.DEFAULT_QUOTES, ge=0, le=newsletter.MAX_QUOTES,
                        description="How many key quotes, highest-scoring first.")
    lang: Literal[tuple(newsletter.LANGUAGES)] = Field(
        "both", description="The content's languages: both (English first), en or es.")
    layout: Literal[tuple(newsletter.LAYOUTS)] = Field(
        "stacked", description="With both languages: Spanish below English, or side by side.")
    source: str = Field("", max_length=newsletter.MAX_SOURCE_CHARS,
                        description="The publication, named in the credit line.")

    @model_validator(mode="before")
    @classmethod
    def read_like_the_page(cls, data: Any) -> Any:
        # One reading of the options for the API and the article page, with its messages
        # (an InputError passes through pydantic untouched: a 422).
        return dataclasses.asdict(newsletter_service.read_options(data))
