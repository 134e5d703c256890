"""The JSON API: articles, health, metrics and the API's own documentation.

    POST /api/v1/articles           analyse and store an article → 201 {"id", "url", ...result}
    GET  /api/v1/articles/<id>      a stored article
    GET  /api/v1/articles/<id>/newsletter  the article as a newsletter snippet (html, md, text)
    GET  /health                    database and engine state
    GET  /metrics                   Prometheus metrics
    GET  /openapi.json, /docs       the API description, as JSON and as a page

Errors are raised (InputError, werkzeug exceptions) and rendered by webapp.errors as
{"error": message, "status": code}.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from flask import Blueprint, Flask, Response, current_app, jsonify, render_template
from prometheus_client import CONTENT_TYPE_LATEST
from spectree import Response as DescribedResponses
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound, UnsupportedMediaType

from bitexto.translate.errors import InputError
from bitexto.translation import decode_text
from bitexto import store
from bitexto.results import StoredArticle
from bitexto.webapp import metrics, newsletter_service, service
from bitexto.webapp.store import check as check_store
from bitexto.webapp.store import get_db
from bitexto.webapp.limits import require_api_key
from bitexto.webapp.openapi import (
    ARTICLES, KEYED, OPERATIONS, api_spec, app_version, endpoint_docs, openapi_document, request_body, responses,
)
from bitexto.webapp.glossary_input import glossary_option
from bitexto.webapp.schemas import Article, ArticleRequest, ArticleUpload, Health, shorten
from bitexto.webapp.schemas.newsletter import NewsletterQuery
from bitexto.webapp.submission import HTML_SUFFIXES, TEXT_SUFFIXES

bp = Blueprint("api", __name__)
ARTICLE_ID = {"article_id": "The id returned when the article was created."}


@bp.post("/api/v1/articles")
@require_api_key
@api_spec.validate(json=ArticleRequest, form=ArticleUpload, tags=[ARTICLES], security=KEYED, resp=responses(
    201, Article, "The analysed article (its API URL in Location).", 400, 403, 413, 415, 422, 429, 503))
def create_article():
    """Translate, summarise and store an article

    Segments the Spanish article into sentences, translates every sentence, picks a bilingual
    extractive summary and aligns the key quotes; the result is stored and readable at `url`.
    """
    article: ArticleRequest = request_body()
    text, source_format = article_text(article)
    stored = service.create_article(
        text, summary_length=summary_length_or_default(article.summary_length), algorithm=article.algorithm,
        source_format=source_format, glossary=glossary_option(article.glossary),
    )
    response = jsonify(article_body(stored))
    response.status_code = 201
    response.headers["Location"] = f"/api/v1/articles/{stored.id}"
    return response


@bp.get("/api/v1/articles/<article_id>")
@require_api_key
@api_spec.validate(tags=[ARTICLES], security=KEYED, path_parameter_descriptions=ARTICLE_ID,
                   resp=responses(200, Article, "The article as it was created.", 403, 404))
def get_article(article_id: str):
    """A stored article"""
    return jsonify(article_body(_stored_article(article_id)))


@bp.get("/api/v1/articles/<article_id>/newsletter")
@require_api_key
@api_spec.validate(query=NewsletterQuery, tags=[ARTICLES], security=KEYED, path_parameter_descriptions=ARTICLE_ID,
                   resp=responses(200, None, "The snippet (text/html, text/markdown or text/plain).", 403, 404, 422))
def get_newsletter(article_id: str):
    """A stored article as a newsletter snippet

    The headline, the bilingual summary (English first), the top key quotes with their speakers in
    both languages and a credit line naming the source and the engine. `html` is e-mail HTML:
    tables, inline styles only, no script, no images, 600 px wide, its only link the article's
    page; `text` is its plain-text alternative; `md` is Markdown.
    """
    return newsletter_service.api_response(_stored_article(article_id))


def _stored_article(article_id: str) -> StoredArticle:
    article = store.fetch_article(get_db(), article_id)
    if article is None:
        raise NotFound(f"No article with id {shorten(article_id)!r}.")
    return article


def article_body(article: StoredArticle) -> dict:
    """What the API returns for a stored article, on creation and on reading alike."""
    return {
        "id": article.id,
        "url": f"/a/{article.id}",
        "created_at": article.created_at,
        "options": article.options,
        **article.result.to_dict(),
    }


def article_text(article: ArticleRequest) -> tuple[str, str]:
    """The article's text as sent (the analysis reads HTML itself) and its source format."""
    text, source_format = article.text, article.format
    upload = getattr(article, "file", None)  # only a form (ArticleUpload) carries one
    if upload is not None:
        if text and text.strip():
            raise InputError("Send the article either in `text` or as a `file` upload, not both.")
        text, file_format = uploaded_text(upload)
        source_format = source_format or file_format
    if text is None:
        raise InputError("No article: send its text in the `text` field, or upload it as `file`.")
    return text, source_format or "text"


def uploaded_text(upload: FileStorage) -> tuple[str, str]:
    """Decoded text of an uploaded .txt/.html file and the format its name implies."""
    extension = PurePosixPath(upload.filename or "").suffix.lower()
    # The same file types as the paste form; a name without extension is taken as text.
    if extension not in TEXT_SUFFIXES | HTML_SUFFIXES | {""}:
        raise UnsupportedMediaType(
            f"Unsupported file type {shorten(extension)!r}: upload the article as a .txt or .html file."
        )
    text, _encoding = decode_text(upload.read())
    is_html = extension in HTML_SUFFIXES or upload.mimetype == "text/html"
    return text, "html" if is_html else "text"


def summary_length_or_default(value: int | str | None) -> int | str:
    return current_app.config["DEFAULT_SUMMARY_LENGTH"] if value is None else value


# --- Operations ----------------------------------------------------------------------


@bp.get("/health")
@api_spec.validate(tags=[OPERATIONS], resp=DescribedResponses(
    HTTP_200=(Health, "Healthy."), HTTP_503=(Health, "Database or engine unusable.")))
def health():
    """Liveness and readiness

    200 when the database answers and the engine is loaded or loadable; 503 otherwise.
    """
    problem = check_store()
    database = {"ok": problem is None, "error": problem}
    engine = service.engine_label()
    healthy = database["ok"] and not engine.get("error")
    body = {
        "status": "ok" if healthy else "unavailable",
        "version": app_version(),
        "engine": engine,
        "database": database,
    }
    return jsonify(body), 200 if healthy else 503


@bp.get("/metrics")
@api_spec.validate(tags=[OPERATIONS], resp=responses(200, None, "Prometheus text exposition format."))
def prometheus_metrics():
    """Prometheus metrics

    Requests by endpoint and status, latency histogram, sentences translated, translation
    cache hits and misses.
    """
    return Response(metrics.get_metrics().render(), content_type=CONTENT_TYPE_LATEST)


@bp.get("/openapi.json")
@api_spec.validate(tags=[OPERATIONS], resp=responses(200, None, "OpenAPI 3 document."))
def openapi_json():
    """This OpenAPI document"""
    return jsonify(openapi_document())


@bp.get("/docs")
@api_spec.validate(tags=[OPERATIONS], resp=responses(200, None, "HTML page."))
def docs():
    """This API's documentation as a web page"""
    document = openapi_document()
    return render_template("docs.html", info=document["info"], endpoints=endpoint_docs(document),
                           schemas=document["components"]["schemas"])


def init_metrics(app: Flask) -> None:
    metrics.init_app(app, loaded_engine=lambda: service.engine_state(app)["engine"])
