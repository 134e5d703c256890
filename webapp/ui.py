"""The reader's pages: paste an article, read it side by side, download it.

GET  /                  the paste form above the example article, already analysed
POST / and /articles    analyse a pasted text or uploaded file → 303 to its permalink
                        (a long one becomes a job: 303 to its progress page, webapp.jobs_ui)
GET  /example           the example article's permalink
GET  /a/<id>            an article; ?length=&algorithm= re-summarise it (no re-translation)
GET  /a/<id>.md|.json   downloads, with the same summary options
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from bitexto.admission import Refused
from bitexto.translate.errors import BitextoError
from bitexto import store
from bitexto.glossaries import GlossaryError, parse_glossary
from bitexto.results import StoredArticle
from bitexto.webapp import export, jobs_ui, labels, lanes, page_cache, seed, service
from bitexto.webapp.store import get_db
from bitexto.webapp.article_view import build_view
from bitexto.webapp.submission import Submission, read_form, read_upload

bp = Blueprint("ui", __name__)


@bp.app_context_processor
def form_choices():
    return {"algorithm_choices": labels.algorithms(),
            "default_length": current_app.config["DEFAULT_SUMMARY_LENGTH"]}


@bp.after_request
def vary_on_language(response):
    # The same URL renders in English or Spanish depending on these headers.
    response.vary.update(("Cookie", "Accept-Language"))
    return response


@bp.get("/")
def index():
    try:
        article = seed.seed_article()
    except BitextoError as error:
        # No engine yet (or a broken one): the form still works once one is installed,
        # and the message says how to install it.
        return render_template("index.html", view=None, engine_error=error.message,
                               form=Submission()), error.status
    view = build_view(article, request.args.get("length"), request.args.get("algorithm"))
    return render_template("index.html", view=view, form=Submission())


@bp.post("/")
@bp.post("/articles")
def create():
    submission = read_form(request)
    try:
        read_upload(submission, request)
        glossary = parse_glossary(submission.glossary)
        prepared = service.read_page(submission.text, submission.source_format)  # the one reading of the page
        if jobs_ui.is_long(submission.text, prepared):  # the reader follows a progress bar instead of waiting
            return jobs_ui.queue_article(submission, glossary, prepared)
        with lanes.admitted():  # a short article is translated now, if there is room
            stored = service.create_article(
                submission.text,
                summary_length=submission.length or current_app.config["DEFAULT_SUMMARY_LENGTH"],
                algorithm=submission.algorithm or "default",
                source_format=submission.source_format,
                glossary=glossary,
                prepared=prepared,
            )
    except BitextoError as error:
        return form_error(error.status, error.message, submission)
    except GlossaryError as error:
        return form_error(422, _("The glossary cannot be used: %(problem)s", problem=str(error)), submission)
    except Refused as refusal:
        # Not an error in the text: the form comes back with it, and says when to resend.
        page = render_template("error.html", status=refusal.status, message=lanes.form_message(refusal),
                               form=submission, busy=True)
        return page, refusal.status, lanes.retry_after_headers(refusal)
    return redirect(url_for("ui.article", article_id=stored.id), code=303)


@bp.get("/articles")
def articles():
    return redirect(url_for("ui.index"))


@bp.get("/example")
def example():
    return redirect(url_for("ui.article", article_id=seed.seed_article().id))


@bp.get("/a/<article_id>")
def article(article_id: str):
    def render() -> str:
        view = build_view(_load(article_id), request.args.get("length"), request.args.get("algorithm"))
        return render_template("article.html", view=view)

    return page_cache.rendered(render)


@bp.get("/a/<article_id>.md")
def article_markdown(article_id: str):
    view = build_view(_load(article_id), request.args.get("length"), request.args.get("algorithm"))
    return _download(export.to_markdown(view), "text/markdown; charset=utf-8", f"bitexto-{article_id}.md")


@bp.get("/a/<article_id>.json")
def article_json(article_id: str):
    view = build_view(_load(article_id), request.args.get("length"), request.args.get("algorithm"))
    body = json.dumps(export.to_json(view), ensure_ascii=False, indent=2)
    return _download(body, "application/json", f"bitexto-{article_id}.json")


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError):
    # The form is shown again with what was typed: an expired page must not eat an article.
    message = _("This form has expired or was not sent from this site. Check the text and send it again.")
    return form_error(400, message, read_form(request))


def form_error(status: int, message: str, submission: Submission):
    return render_template("error.html", status=status, message=message, form=submission), status


def _load(article_id: str) -> StoredArticle:
    article = store.fetch_article(get_db(), article_id)
    if article is None:
        abort(404, _("There is no article at this address. It may have been mistyped."))
    return article


def _download(body: str, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
