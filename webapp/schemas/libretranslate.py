"""Request bodies of the LibreTranslate-compatible endpoints, with LibreTranslate's messages.

A refused value is a 400, as LibreTranslate answers it; fields may also come in the query string.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field
from werkzeug.exceptions import BadRequest

from bitexto.webapp.schemas.fields import FORMATS, ApiKey, GlossaryValue, RequestModel, Upload

SOURCE, TARGET, AUTO = "es", "en", "auto"
# LibreTranslate's batch limit is a server option; this one bounds the work of a list q.
BATCH_LIMIT = 1000


def shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 32 else text[:32] + "…"


def texts_option(q: object) -> str | list[str]:
    if q is None or q == "" or q == []:
        raise ValueError("Invalid request: missing q parameter")
    if isinstance(q, str):
        return q
    if isinstance(q, list) and all(isinstance(item, str) for item in q):
        if len(q) > BATCH_LIMIT:
            raise ValueError(f"Invalid request: request ({len(q)}) exceeds text limit ({BATCH_LIMIT})")
        return q
    raise ValueError("Invalid request: q must be a string or a list of strings")


def language_option(name: str):
    def check(value: object) -> str:
        if value is None or value == "":
            raise ValueError(f"Invalid request: missing {name} parameter")
        if not isinstance(value, str):
            raise ValueError(f"Invalid request: {name} must be a language code such as es")
        return value.strip().lower()
    return check


def source_option(value: object) -> str:
    source = language_option("source")(value)
    if source not in (SOURCE, AUTO):
        raise ValueError(f"{shown(source)} is not supported as a source language: bitexto translates Spanish (es)")
    return source


def target_option(value: object) -> str:
    target = language_option("target")(value)
    if target != TARGET:
        raise ValueError(f"{shown(target)} is not supported as a target language: bitexto translates into English (en)")
    return target


def format_option(value: object) -> str:
    text_format = value or "text"
    if text_format not in FORMATS:
        raise ValueError(f"{shown(text_format)} format is not supported")
    return text_format


Texts = Annotated[str | list[str], BeforeValidator(texts_option)]
Source = Annotated[Literal["es", "auto"], BeforeValidator(source_option)]
Target = Annotated[Literal["en"], BeforeValidator(target_option)]


class LibreTranslateBody(RequestModel):
    refusal = BadRequest
    reads_query_string = True


class TranslateRequest(LibreTranslateBody):
    """Text(s) to translate from Spanish into English."""

    q: Texts = Field(description="Text(s) to translate.")
    source: Source = Field(description="Source language.")
    target: Target = Field(description="Target language.")
    format: Annotated[Literal["text", "html"], BeforeValidator(format_option)] = Field(
        "text", description="Format of the text: plain text, or HTML whose markup is kept around the "
        "translated text.")
    glossary: GlossaryValue = None
    api_key: ApiKey = None


class TranslateFileRequest(LibreTranslateBody):
    """A file to translate (a multipart form): .txt, .html (markup kept) or .docx (formatting kept)."""

    file: Upload = None
    source: Source = Field(description="Source language.")
    target: Target = Field(description="Target language.")
    glossary: GlossaryValue = None
    api_key: ApiKey = None


class DetectRequest(LibreTranslateBody):
    """Text whose language to detect."""

    q: Texts = Field(description="Text(s) whose language to detect.")
    api_key: ApiKey = None
