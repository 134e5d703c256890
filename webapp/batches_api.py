"""The batch API: many articles in one request, each analysed by its own background job.

    POST /api/v1/batches       {"articles": [{"id"?, "text", "format"?}, …], "summary_length"?,
                                "algorithm"?} → 202 {"id", "state", "url", "articles": [{"id",
                                "job_id", "job_url"}]}
    GET  /api/v1/batches/<id>  {"id", "state", "counts", "progress", "articles": [{"id", "job_id",
                                "state", "progress", "article_id", "article_url", "error"}]}

The request is checked as a whole (shape, ids, summary options: 400/413/415/422 before
anything is queued); what only the analysis can tell (empty, not Spanish, too long)
fails that article's job alone, with its reason, and the rest of the batch goes on.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.exceptions import NotFound

from bitexto.jobs import Job
from bitexto.jobs.batches import batch_state, state_counts
from bitexto.webapp import api, jobs_api, jobs_service
from bitexto.webapp.limits import require_api_key
from bitexto.webapp.openapi import JOBS, KEYED, api_spec, request_body, responses
from bitexto.webapp.schemas import Batch, BatchCreated, BatchRequest, shorten

bp = Blueprint("batches", __name__)
NESTED_NAME = f"{api.bp.name}.{bp.name}"
FORGOTTEN_JOB = "The job queue no longer knows this article's job."


def nest_in(parent: Blueprint) -> None:
    """Make the batch routes part of `parent`, once (see webapp.jobs_api.nest_in)."""
    if not getattr(bp, "_bitexto_nested", False):
        parent.register_blueprint(bp)
        bp._bitexto_nested = True


@bp.post("/api/v1/batches")
@require_api_key
@api_spec.validate(json=BatchRequest, tags=[JOBS], security=KEYED, resp=responses(
    202, BatchCreated, "Queued (the batch's URL in Location).", 400, 403, 413, 415, 422, 429))
def create_batch():
    """Analyse many articles in the background

    One job per article, processed by the running workers (on any number of machines with the
    Redis queue). The request is checked as a whole; an article that only its analysis can
    refuse (empty, not Spanish, too long) fails alone, with its reason, and the rest go on. A
    large batch may need a larger BITEXTO_MAX_REQUEST_BYTES.
    """
    batch: BatchRequest = request_body()
    batch_id, entries = jobs_service.submit_batch(
        batch_articles(batch),
        summary_length=api.summary_length_or_default(batch.summary_length),
        algorithm=batch.algorithm,
    )
    url = batch_url(batch_id)
    return jobs_api.accepted({
        "id": batch_id, "state": "queued", "url": url,
        "articles": [{"id": entry.name, "job_id": entry.job_id, "job_url": jobs_api.job_url(entry.job_id)}
                     for entry in entries],
    }, url)


@bp.get("/api/v1/batches/<batch_id>")
@require_api_key
@api_spec.validate(tags=[JOBS], security=KEYED,
                   path_parameter_descriptions={"batch_id": "The id returned when the batch was created."},
                   resp=responses(200, Batch, "The batch.", 403, 404, not_found="No such batch."))
def get_batch(batch_id: str):
    """A batch's state, and each article's"""
    found = jobs_service.get_batch(batch_id)
    if found is None:
        raise NotFound(f"No batch with id {shorten(batch_id)!r}.")
    batch, jobs = found
    counts = state_counts(jobs)
    return jsonify({
        "id": batch["id"],
        "state": batch_state(jobs),
        "created_at": batch["created_at"],
        "options": batch["options"],
        "counts": counts,
        "progress": {"done": counts["done"] + counts["failed"], "total": len(jobs)},
        "articles": [article_entry(entry.name, entry.job_id, job) for entry, job in zip(batch["entries"], jobs)],
    })


def batch_url(batch_id: str) -> str:
    return f"/api/v1/batches/{batch_id}"


def article_entry(name: str, job_id: str, job: Job | None) -> dict:
    if job is None:
        return {"id": name, "job_id": job_id, "state": "failed", "progress": {"done": 0, "total": 0},
                "article_id": None, "article_url": None, "error": FORGOTTEN_JOB}
    body = jobs_api.job_body(job)
    return {"id": name, "job_id": job_id,
            **{key: body[key] for key in ("state", "progress", "article_id", "article_url", "error")}}


def batch_articles(batch: BatchRequest) -> list[tuple[str, str, str]]:
    """(name, text, source format) for each article of the request, as sent: the job reads
    the page once, its HTML's evidence with it."""
    return [(article.id, article.text, article.format) for article in batch.articles]
