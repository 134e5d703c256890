"""A glossary given with one request (the article API, LibreTranslate's /translate)."""

from __future__ import annotations

from werkzeug.exceptions import UnprocessableEntity

from bitexto.glossaries import Glossary, GlossaryError, request_glossary


def glossary_option(value: object) -> Glossary | None:
    """The request's `glossary` (bitexto.glossaries.request_glossary), or None; a 422 naming
    the problem when it is unusable."""
    try:
        return request_glossary(value)
    except GlossaryError as error:
        raise UnprocessableEntity(f"Invalid glossary: {error}") from None
