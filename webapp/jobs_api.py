"""The jobs API: analyse an article in the background and follow its progress.

    POST /api/v1/jobs        the same body as POST /api/v1/articles → 202 {"id", "state", "url"}
    GET  /api/v1/jobs/<id>   {"id", "state", "progress": {"done", "total"}, "article_id",
                              "article_url", "error", "attempts", "created_at", "updated_at"}

The blueprint is nested in the API blueprint (webapp.api.bp): its routes are API routes
for everything that treats the API as one (the OpenAPI check, CSRF exemption, errors).
Options are checked when the job is submitted (400/415/422 at once); what only the
analysis can tell (not Spanish, too long) fails the job, with its reason in `error`.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.exceptions import NotFound

from bitexto.jobs import Job
from bitexto.webapp import api, jobs_service
from bitexto.webapp.limits import require_api_key
from bitexto.webapp.openapi import JOBS, KEYED, api_spec, request_body, responses
from bitexto.webapp.schemas import ArticleRequest, ArticleUpload, JobCreated, shorten
from bitexto.webapp.schemas import Job as JobBody

bp = Blueprint("jobs", __name__)
NESTED_NAME = f"{api.bp.name}.{bp.name}"  # its name in app.blueprints once nested


def nest_in(parent: Blueprint) -> None:
    """Make the jobs routes part of `parent`, once: a blueprint cannot change after its
    first registration, and the test suite builds many apps."""
    if not getattr(bp, "_bitexto_nested", False):
        parent.register_blueprint(bp)
        bp._bitexto_nested = True


@bp.post("/api/v1/jobs")
@require_api_key
@api_spec.validate(json=ArticleRequest, form=ArticleUpload, tags=[JOBS], security=KEYED, resp=responses(
    202, JobCreated, "Queued (the job's URL in Location).", 400, 403, 413, 415, 422, 429))
def create_job():
    """Analyse an article in the background

    Takes the same body as POST /api/v1/articles and answers at once; follow the job at `url`
    until it is done (then its article is stored under `article_id`) or failed (with the reason
    in `error`). Summary options are checked now; what only the analysis can tell (not Spanish,
    too long) fails the job.
    """
    article: ArticleRequest = request_body()
    text, source_format = api.article_text(article)
    job = jobs_service.submit_article(
        text,
        summary_length=api.summary_length_or_default(article.summary_length),
        algorithm=article.algorithm,
        source_format=source_format,
    )
    url = job_url(job.id)
    return accepted({"id": job.id, "state": job.state.value, "url": url}, url)


def accepted(body: dict, url: str):
    """202 Accepted: `body` as JSON, and `url` (where to follow the work) in Location."""
    response = jsonify(body)
    response.status_code = 202
    response.headers["Location"] = url
    return response


@bp.get("/api/v1/jobs/<job_id>")
@require_api_key
@api_spec.validate(tags=[JOBS], security=KEYED,
                   path_parameter_descriptions={"job_id": "The id returned when the job was created."},
                   resp=responses(200, JobBody, "The job.", 403, 404, not_found="No such job."))
def get_job(job_id: str):
    """A job's state and progress"""
    job = jobs_service.get_job(job_id)
    if job is None:
        raise NotFound(f"No job with id {shorten(job_id)!r}.")
    return jsonify(job_body(job))


def job_url(job_id: str) -> str:
    return f"/api/v1/jobs/{job_id}"


def job_body(job: Job) -> dict:
    return {
        "id": job.id,
        "state": job.state.value,
        "progress": {"done": job.progress_done, "total": job.progress_total},
        "article_id": job.article_id,
        "article_url": f"/a/{job.article_id}" if job.article_id else None,
        "error": job.error,
        "attempts": job.attempts,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
    }
