"""The pieces the request bodies are made of: one base model and the shared option fields.

A field's checks are pydantic "before" validators raising ValueError with the message
the client reads; webapp.openapi turns the ValidationError into the body model's
`refusal` (422 InputError for bitexto's own API, 400 for the LibreTranslate endpoints).
"""

from __future__ import annotations

from typing import Annotated, Any, Callable, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from werkzeug.datastructures import FileStorage

from bitexto.analysis import SUMMARY_ALGORITHMS
from bitexto.translate.errors import InputError

FORMATS = ("text", "html")
LENGTH_HELP = "a number of sentences such as 3, or a percentage of the article such as 20%"
# Longer option values are certainly wrong; cutting them short keeps error messages
# readable and keeps huge digit strings away from int().
MAX_OPTION_CHARS = 32


class RequestModel(BaseModel):
    """The fields of a request (a JSON or form body, or a query string), checked as a whole."""

    # Unknown fields are ignored, as they always were: clients send extras (LibreTranslate's
    # `alternatives`, a form's submit button).
    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True)

    # What a refused value raises: its class decides the status.
    refusal: ClassVar[Callable[[str], Exception]] = InputError
    # LibreTranslate also reads fields from the query string, under the body's.
    reads_query_string: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def absent_required_fields_are_none(cls, data: Any) -> Any:
        """A missing required field reaches its own validator as None, so the client reads
        that field's message (e.g. "missing q parameter"), not a generic one."""
        if isinstance(data, dict):
            absent = {name: None for name, field in cls.model_fields.items() if field.is_required()}
            return {**absent, **data}
        return data


def shorten(value: object, limit: int = MAX_OPTION_CHARS) -> object:
    """A value as an error message shows it: long strings cut, odd types named."""
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    if not isinstance(value, (str, int, float, bool)) and value is not None:
        return type(value).__name__
    return value


def format_option(value: object) -> str | None:
    """The requested format (text or html), or None when not given: an upload's type then decides."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lower() in FORMATS:
        return value.strip().lower()
    raise ValueError(f"Unknown format {shorten(value)!r}: use one of {', '.join(FORMATS)}.")


def summary_length_option(value: object) -> int | str | None:
    """The length as sent (summarize.length checks the value itself), or None when not given."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (
        isinstance(value, str) and len(value) > MAX_OPTION_CHARS
    ):
        raise ValueError(f"Summary length must be {LENGTH_HELP}; got {shorten(value)!r}.")
    return value


def algorithm_option(value: object) -> str:
    if value is None or value == "":
        return "default"
    if not isinstance(value, str) or len(value) > MAX_OPTION_CHARS:
        raise ValueError(f"Unknown summary algorithm {shorten(value)!r}. Choose one of: {', '.join(SUMMARY_ALGORITHMS)}.")
    return value


def article_text_option(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("`text` must be a string holding the article.")
    return value


def api_key_option(value: object) -> str | None:
    # webapp.limits reads the key itself (before any validation); a key that is not a
    # string is no key there, so it is none here either.
    return value if isinstance(value, str) else None


def upload_option(value: object) -> FileStorage | None:
    """The uploaded file, or None: a browser form with no file chosen still sends the
    part (with no filename), and a plain text field called `file` is no upload."""
    if isinstance(value, FileStorage) and value.filename:
        return value
    return None


ArticleText = Annotated[str | None, BeforeValidator(article_text_option),
                        Field(description="The Spanish article.")]
TextFormat = Annotated[Literal["text", "html"] | None, BeforeValidator(format_option),
                       Field(description="Format of the text: plain text or HTML (converted to text first).")]
SummaryLength = Annotated[
    int | str | None, BeforeValidator(summary_length_option),
    Field(description='Summary length: a number of sentences (3) or a share of the article ("20%").',
          examples=[3, "20%"]),
]
Algorithm = Annotated[str, BeforeValidator(algorithm_option),
                      Field(description=f"Summary algorithm: one of {', '.join(SUMMARY_ALGORITHMS)}.")]
ApiKey = Annotated[str | None, BeforeValidator(api_key_option),
                   Field(description="API key (also accepted as an Authorization: Bearer or X-API-Key header).")]
Upload = Annotated[
    FileStorage | None, BeforeValidator(upload_option),
    WithJsonSchema({"type": "string", "format": "binary"}),
    Field(description="A .txt or .html file (also .text, .md, .htm, .xhtml; UTF-8 or Windows-1252)."),
]
# Checked as a glossary by webapp.glossary_input (its errors name the bad entry): here
# only its shape is declared.
GlossaryValue = Annotated[
    Any,
    WithJsonSchema({"oneOf": [
        {"type": "object", "additionalProperties": {"type": "string"}, "description": '{"término": "translation"}'},
        {"type": "array", "items": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}},
        {"type": "string", "description": 'one "término = translation" a line'},
    ]}),
    Field(description="Terms with their English for this request; a term given as itself is never translated."),
]
