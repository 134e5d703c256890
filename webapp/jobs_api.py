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
from webapp import api, jobs_service
from webapp.limits import require_api_key
from webapp.payload import read_payload

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
def create_job():
    payload = read_payload()
    text, source_format = api.article_text(payload)
    job = jobs_service.submit_article(
        text,
        summary_length=api.summary_length_option(payload.get("summary_length")),
        algorithm=api.algorithm_option(payload.get("algorithm")),
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
def get_job(job_id: str):
    job = jobs_service.get_job(job_id)
    if job is None:
        raise NotFound(f"No job with id {api._shorten(job_id)!r}.")
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
