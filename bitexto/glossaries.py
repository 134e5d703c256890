"""Glossaries the user gives with one request: the web form's box, an API's `glossary` field.

The glossary itself (terms kept or given their English) is the core's
(bitexto.translate.glossary); BITEXTO_GLOSSARY, the one applied to every translation, is
read by bitexto.settings.
"""

from __future__ import annotations

from bitexto.translate.glossary import Glossary, GlossaryError

__all__ = ["Glossary", "GlossaryError", "parse_glossary", "request_glossary"]


def parse_glossary(text: str) -> Glossary | None:
    """The web form's glossary box (one "término = translation" a line), or None when empty."""
    return Glossary.parse(text) if text.strip() else None


def request_glossary(value: object) -> Glossary | None:
    """A request's `glossary`: a JSON object {"término": "translation"}, a list of [term,
    translation] pairs, or text with one "término = translation" a line; None when empty.
    Raises GlossaryError naming the problem."""
    if value is None or value == {} or value == [] or value == "":
        return None
    return Glossary.parse(value) if isinstance(value, str) else Glossary.from_mapping(value)
