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
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound, UnsupportedMediaType

from summarize import ALGORITHMS
from translate.clean import prepare_text
from translate.errors import InputError
from translate.inputs import decode_text
from bitexto import store
from webapp import metrics, newsletter_service, service
from webapp.store import check as check_store
from webapp.store import get_db
from webapp.limits import require_api_key
from webapp.openapi import app_version, endpoint_docs, openapi_document
from webapp.glossary_input import glossary_option
from webapp.payload import Payload, read_payload
from webapp.submission import HTML_SUFFIXES, TEXT_SUFFIXES

bp = Blueprint("api", __name__)

FORMATS = ("text", "html")
LENGTH_HELP = "a number of sentences such as 3, or a percentage of the article such as 20%"
# Longer option values are certainly wrong; cutting them short keeps error messages
# readable and keeps huge digit strings away from int().
MAX_OPTION_CHARS = 32


@bp.post("/api/v1/articles")
@require_api_key
def create_article():
    payload = read_payload()
    text, source_format = article_text(payload)
    summary_length = summary_length_option(payload.get("summary_length"))
    algorithm = algorithm_option(payload.get("algorithm"))
    glossary = glossary_option(payload.get("glossary"))
    article_id, _result = service.create_article(
        text, summary_length=summary_length, algorithm=algorithm, source_format=source_format,
        glossary=glossary,
    )
    response = jsonify(article_body(store.fetch_article(get_db(), article_id)))
    response.status_code = 201
    response.headers["Location"] = f"/api/v1/articles/{article_id}"
    return response


@bp.get("/api/v1/articles/<article_id>")
@require_api_key
def get_article(article_id: str):
    return jsonify(article_body(_stored_article(article_id)))


@bp.get("/api/v1/articles/<article_id>/newsletter")
@require_api_key
def get_newsletter(article_id: str):
    """The article as a newsletter snippet: ?format=html|md|text&quotes=&lang=&layout=&source=."""
    return newsletter_service.api_response(_stored_article(article_id))


def _stored_article(article_id: str) -> dict:
    article = store.fetch_article(get_db(), article_id)
    if article is None:
        raise NotFound(f"No article with id {_shorten(article_id)!r}.")
    return article


def article_body(article: dict) -> dict:
    """What the API returns for a stored article, on creation and on reading alike."""
    return {
        "id": article["id"],
        "url": f"/a/{article['id']}",
        "created_at": article["created_at"],
        "options": article["options"],
        **article["result"],
    }


def article_text(payload: Payload) -> tuple[str, str]:
    """The article's text (HTML already turned into text) and its source format."""
    text = payload.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError("`text` must be a string holding the article.")
    source_format = format_option(payload.get("format"))
    upload = payload.file("file")
    if upload is not None:
        if text and text.strip():
            raise InputError("Send the article either in `text` or as a `file` upload, not both.")
        text, file_format = uploaded_text(upload)
        source_format = source_format or file_format
    if text is None:
        raise InputError("No article: send its text in the `text` field, or upload it as `file`.")
    source_format = source_format or "text"
    if source_format == "html":
        text = prepare_text(text, "text/html")
    return text, source_format


def uploaded_text(upload: FileStorage) -> tuple[str, str]:
    """Decoded text of an uploaded .txt/.html file and the format its name implies."""
    extension = PurePosixPath(upload.filename or "").suffix.lower()
    # The same file types as the paste form; a name without extension is taken as text.
    if extension not in TEXT_SUFFIXES | HTML_SUFFIXES | {""}:
        raise UnsupportedMediaType(
            f"Unsupported file type {_shorten(extension)!r}: upload the article as a .txt or .html file."
        )
    text, _encoding = decode_text(upload.read())
    is_html = extension in HTML_SUFFIXES or upload.mimetype == "text/html"
    return text, "html" if is_html else "text"


def format_option(value: object) -> str | None:
    """The requested format (text or html), or None when not given: an upload's type then decides."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lower() in FORMATS:
        return value.strip().lower()
    raise InputError(f"Unknown format {_shorten(value)!r}: use one of {', '.join(FORMATS)}.")


def summary_length_option(value: object) -> int | str:
    if value is None or value == "":
        return current_app.config["DEFAULT_SUMMARY_LENGTH"]
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (
        isinstance(value, str) and len(value) > MAX_OPTION_CHARS
    ):
        raise InputError(f"Summary length must be {LENGTH_HELP}; got {_shorten(value)!r}.")
    return value  # summarize.length checks the value itself, before any translation


def algorithm_option(value: object) -> str:
    if value is None or value == "":
        return "default"
    if not isinstance(value, str) or len(value) > MAX_OPTION_CHARS:
        raise InputError(f"Unknown summary algorithm {_shorten(value)!r}. Choose one of: {', '.join(ALGORITHMS)}.")
    return value


def _shorten(value: object, limit: int = MAX_OPTION_CHARS) -> object:
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    if not isinstance(value, (str, int, float, bool)) and value is not None:
        return type(value).__name__
    return value


# --- Operations ----------------------------------------------------------------------


@bp.get("/health")
def health():
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
def prometheus_metrics():
    return Response(metrics.get_metrics().render(), content_type=CONTENT_TYPE_LATEST)


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    document = openapi_document()
    return render_template("docs.html", info=document["info"], endpoints=endpoint_docs(document),
                           schemas=document["components"]["schemas"])


def init_metrics(app: Flask) -> None:
    metrics.init_app(app, loaded_engine=lambda: service.engine_state(app)["engine"])
