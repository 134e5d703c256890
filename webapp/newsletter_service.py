"""The web app's side of bitexto.newsletter: options from a query, a stored article's snippet.

Used by the API route (GET /api/v1/articles/<id>/newsletter), the article page's
"Embed in newsletter" section and its preview, and `bitexto newsletter ID`. All of them
show the same snippet for the same options: the quoted speakers' English is stored with
the quotes when the article is analysed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from flask import Response, current_app, request, url_for

from bitexto.newsletter import DEFAULT_QUOTES, MAX_QUOTES, check_options, render_newsletter
from bitexto.results import StoredArticle
from bitexto.translate.errors import InputError

if TYPE_CHECKING:
    from bitexto.summarize import Summary

MEDIA_TYPES = {"html": "text/html", "md": "text/markdown", "text": "text/plain"}


@dataclass(frozen=True)
class NewsletterOptions:
    format: str = "html"
    quotes: int = DEFAULT_QUOTES
    lang: str = "both"
    layout: str = "stacked"
    source: str = ""


def read_options(args: Mapping[str, str], prefix: str = "") -> NewsletterOptions:
    """Options from a query string (names optionally prefixed); InputError for a bad one.

    The article page prefixes them (`nl_lang`) because its own `lang` picks the UI language.
    """
    defaults = NewsletterOptions()
    options = NewsletterOptions(
        format=args.get(f"{prefix}format", "").strip().lower() or defaults.format,
        quotes=quotes_option(args.get(f"{prefix}quotes", "")),
        lang=args.get(f"{prefix}lang", "").strip().lower() or defaults.lang,
        layout=args.get(f"{prefix}layout", "").strip().lower() or defaults.layout,
        source=args.get(f"{prefix}source", ""),
    )
    check_options(format=options.format, quotes=options.quotes, lang=options.lang, layout=options.layout)
    return options


def quotes_option(value: str) -> int:
    value = (value or "").strip()
    if not value:
        return DEFAULT_QUOTES
    # ASCII digits only: int() would also take "٣" or " 3_0 ".
    if len(value) > 2 or not (value.isascii() and value.isdigit()):
        raise InputError(f"The number of quotes must be a whole number from 0 to {MAX_QUOTES}; got {value[:32]!r}.")
    return int(value)


def render_stored(article: StoredArticle, options: NewsletterOptions, *, format: str | None = None,
                  permalink: str | None = None, summary: Summary | None = None) -> str:
    """A stored article's snippet; `format` overrides the options' one, `summary` the stored one."""
    return render_newsletter(
        article.result, format=format or options.format, quotes=options.quotes, lang=options.lang,
        layout=options.layout, source=options.source, permalink=permalink, summary=summary,
    )


def article_url(article_id: str) -> str:
    """The article page's absolute URL: the one link a snippet may hold."""
    return url_for("ui.article", article_id=article_id, _external=True)


def api_response(article: StoredArticle) -> Response:
    """GET /api/v1/articles/<id>/newsletter: the snippet in the asked format, as is."""
    options = read_options(request.args)
    body = render_stored(article, options, permalink=article_url(article.id))
    return Response(body, mimetype=MEDIA_TYPES[options.format])
