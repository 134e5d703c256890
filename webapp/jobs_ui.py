"""Long articles through the paste form: queued as a job, followed on a progress page.

    GET /jobs/<id>   the job's page: a progress bar while it runs (webapp/static/jobs.js
                     polls /api/v1/jobs/<id>; without JavaScript the page refreshes
                     itself), its reason if it failed, and a 303 to the article when done.

An article is long when it has more than BITEXTO_JOB_CHARS characters or
BITEXTO_JOB_SENTENCES sentences (20,000 and 150 by default): a reader would otherwise
wait on a blank page for a minute.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for
from flask_babel import gettext as _

from bitexto.jobs import JobState
from bitexto.translate.document import AlignedDocument
from bitexto.webapp import jobs_service
from bitexto.webapp.jobs_api import job_url
from bitexto.webapp.submission import Submission

bp = Blueprint("jobs_ui", __name__)

NO_JS_REFRESH_SECONDS = 2


def is_long(text: str, prepared: AlignedDocument) -> bool:
    """Whether the form should queue an article (`text` as sent, `prepared` its page)
    instead of analysing it while the reader waits."""
    settings = jobs_service.job_settings(current_app)
    if len(text) > settings.long_chars:
        return True
    return sum(1 for _sentence in prepared.sentences()) > settings.long_sentences


def queue_article(submission: Submission, glossary=None, prepared: AlignedDocument | None = None) -> Response:
    """Queue the form's article, with the page the form has read (the job does not read
    it again), and send the reader to its progress page."""
    job = jobs_service.submit_article(
        submission.text,
        summary_length=submission.length or current_app.config["DEFAULT_SUMMARY_LENGTH"],
        algorithm=submission.algorithm or "default",
        source_format=submission.source_format,
        glossary=glossary,
        prepared=prepared,
    )
    return redirect(url_for("jobs_ui.job_page", job_id=job.id), code=303)


@bp.get("/jobs/<job_id>")
def job_page(job_id: str):
    job = jobs_service.get_job(job_id)
    if job is None:
        abort(404, _("There is no translation job at this address. It may have been mistyped."))
    if job.state == JobState.DONE:
        return redirect(url_for("ui.article", article_id=job.article_id), code=303)
    return render_template("job.html", job=job, status_url=job_url(job.id),
                           refresh_seconds=NO_JS_REFRESH_SECONDS)
