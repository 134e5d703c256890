"""The article page's "Embed in newsletter" section and the snippet's preview page.

GET /a/<id>/newsletter.html   the e-mail snippet as a page of its own, shown by the section
                              in a sandboxed <iframe>. Options: nl_lang, nl_quotes,
                              nl_layout, nl_source (prefixed because `lang` picks the UI
                              language) and the page's summary options, length and algorithm.

The section itself is `templates/_newsletter_embed.html`; it calls `newsletter_embed(view)`
for the snippet, its plain-text alternative and the preview's URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask import Blueprint, abort, make_response, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from bitexto import store
from bitexto.articles import summary_of
from bitexto.results import StoredArticle
from bitexto.translate.errors import InputError
from bitexto.webapp.article_view import ArticleView
from bitexto.webapp.newsletter_service import NewsletterOptions, article_url, read_options, render_stored
from bitexto.webapp.store import get_db

if TYPE_CHECKING:
    from bitexto.summarize import Summary

bp = Blueprint("newsletter", __name__)

PREFIX = "nl_"
# The preview holds e-mail HTML: inline styles and nothing else. It may be framed by the
# article page only, and stays script-free even when opened on its own (sandbox).
PREVIEW_POLICY = "; ".join([
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox allow-popups allow-popups-to-escape-sandbox",
])


@dataclass(frozen=True)
class Embed:
    html: str
    text: str
    options: NewsletterOptions
    preview_url: str
    error: str | None
    is_open: bool


@bp.get("/a/<article_id>/newsletter.html")
def preview(article_id: str):
    article = _load(article_id)
    options = read_options(request.args, PREFIX)  # a bad option is a 422 error page
    snippet = render_stored(article, options, format="html", permalink=article_url(article_id),
                            summary=_summary(article, request.args.get("length"), request.args.get("algorithm")))
    page = render_template("newsletter/preview.html", snippet=Markup(snippet),  # built escaped by bitexto.newsletter
                           lang="es" if options.lang == "es" else "en")
    response = make_response(page)
    response.headers["Content-Security-Policy"] = PREVIEW_POLICY
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@bp.app_template_global()
def newsletter_embed(view: ArticleView) -> Embed:
    """The section's content for the article on the page, with the summary it shows.

    A bad option is reported in the section and the defaults are used, as the summary
    panel does with a bad length.
    """
    error = None
    try:
        options = read_options(request.args, PREFIX)
    except InputError as exc:
        error, options = exc.message, NewsletterOptions()
    permalink = article_url(view.id)
    # The page's own article and summary: the page reads its article once.
    html = render_stored(view.article, options, format="html", permalink=permalink, summary=view.chosen_summary)
    text = render_stored(view.article, options, format="text", permalink=permalink, summary=view.chosen_summary)
    query = {f"{PREFIX}{name}": value for name, value in (
        ("lang", options.lang), ("quotes", options.quotes), ("layout", options.layout),
        ("source", options.source)) if value != ""}
    preview_url = url_for("newsletter.preview", article_id=view.id, length=view.summary_length,
                          algorithm=view.summary_algorithm, **query)
    return Embed(html=html, text=text, options=options, preview_url=preview_url, error=error,
                 is_open=any(name.startswith(PREFIX) for name in request.args))


def _load(article_id: str) -> StoredArticle:
    article = store.fetch_article(get_db(), article_id)
    if article is None:
        abort(404, _("There is no article at this address. It may have been mistyped."))
    return article


def _summary(article: StoredArticle, length: str | None, algorithm: str | None) -> Summary:
    """The summary the page shows for these options."""
    try:
        summary, _length, _algorithm = summary_of(article, length, algorithm)
    except InputError:
        summary = article.result.summary  # as the page does: the stored summary
    return summary
