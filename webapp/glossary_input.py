"""A glossary given with one request (the article API, LibreTranslate's /translate)."""

from __future__ import annotations

from werkzeug.exceptions import UnprocessableEntity

from bitexto.translate.glossary import Glossary, GlossaryError


def glossary_option(value: object) -> Glossary | None:
    """The request's `glossary`, or None; a 422 naming the problem when it is unusable.

    Either a JSON object {"término": "translation"}, a list of [term, translation] pairs,
    or text with one "término = translation" a line (the web form's box).
    """
    if value is None or value == {} or value == [] or value == "":
        return None
    try:
        return Glossary.parse(value) if isinstance(value, str) else Glossary.from_mapping(value)
    except GlossaryError as error:
        raise UnprocessableEntity(f"Invalid glossary: {error}") from None
