"""Words the UI shows for the library's codes: block kinds, quality flags, algorithms, engines.

Lazy strings, so each is translated in the language of the request that renders it.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import format_date, format_time
from flask_babel import lazy_gettext as _l

from bitexto.presentation import engine_name
from bitexto.translate.document import EngineInfo
from bitexto.analysis import SUMMARY_ALGORITHMS

BLOCK_KINDS = {
    "body": _l("Body text"),
    "headline": _l("Headline"),
    "related_headline": _l("Related headline"),
    "caption": _l("Photo caption"),
    "boilerplate": _l("Site boilerplate"),
    "credit": _l("Credit"),
    "byline": _l("Byline"),
    "dateline": _l("Dateline"),
}

# Sentence flags (translation quality) and quote flags (how sure the quote is).
FLAGS = {
    "unknown_words": _l("unknown words"),
    "untranslated": _l("untranslated"),
    "empty_translation": _l("empty translation"),
    "repetition": _l("repeated words"),
    "repeated_subword": _l("repeated word pieces"),
    "name_not_kept": _l("a name may be translated"),
    "term_not_kept": _l("a glossary term may not be applied"),
    "malformed": _l("unbalanced quotation marks"),
    "multi_sentence": _l("spans sentences"),
    "target_not_located": _l("not found in the English"),
}

_ALGORITHM_NAMES = {
    "default": _l("News (default)"),
    "lead": _l("Lead: the first sentences"),
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "sumbasic": "SumBasic",
    "kl": "KL-Sum",
    "reduction": "Reduction",
}

LOW_QUALITY_ENGINES = {"apertium"}


def block_kind(kind: str) -> str:
    return str(BLOCK_KINDS.get(kind, kind))


def flag(name: str) -> str:
    return str(FLAGS.get(name, name.replace("_", " ")))


def algorithms() -> list[tuple[str, str]]:
    """(name, label) for every summary algorithm, in the registry's order."""
    return [(name, str(_ALGORITHM_NAMES.get(name, name))) for name in SUMMARY_ALGORITHMS]


def engine(info: EngineInfo | None) -> str:
    """The engine badge text, e.g. "Argos es→en 1.0"."""
    return engine_name(info) or str(_l("not translated"))


def is_low_quality(info: EngineInfo | None) -> bool:
    return info is not None and info.name in LOW_QUALITY_ENGINES


def published_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time in the UI's locale ("April 21, 2022, 2:30 PM"), or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if len(value) <= len("2022-04-21"):
        return format_date(moment, "long")
    # The page's own wall-clock time, as printed on it: not converted to the server's zone.
    return f"{format_date(moment, 'long')}, {format_time(moment.replace(tzinfo=None), 'short', rebase=False)}"
