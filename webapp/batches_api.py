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

from flask import Blueprint, current_app, jsonify
from werkzeug.exceptions import NotFound

from bitexto.jobs import Job
from bitexto.jobs.batches import batch_state, state_counts
from translate.clean import prepare_text
from translate.errors import InputError, InputTooLarge
from webapp import api, jobs_api, jobs_service
from webapp.limits import require_api_key
from webapp.payload import read_payload

bp = Blueprint("batches", __name__)
NESTED_NAME = f"{api.bp.name}.{bp.name}"
MAX_NAME_CHARS = 200
FORGOTTEN_JOB = "The job queue no longer knows this article's job."


def nest_in(parent: Blueprint) -> None:
    """Make the batch routes part of `parent`, once (see webapp.jobs_api.nest_in)."""
    if not getattr(bp, "_bitexto_nested", False):
        parent.register_blueprint(bp)
        bp._bitexto_nested = True


@bp.post("/api/v1/batches")
@require_api_key
def create_batch():
    payload = read_payload()
    articles = batch_articles(payload.get("articles"), current_app.config["BATCH_MAX_ARTICLES"])
    batch_id, entries = jobs_service.submit_batch(
        articles,
        summary_length=api.summary_length_option(payload.get("summary_length")),
        algorithm=api.algorithm_option(payload.get("algorithm")),
    )
    url = batch_url(batch_id)
    return jobs_api.accepted({
        "id": batch_id, "state": "queued", "url": url,
        "articles": [{"id": entry.name, "job_id": entry.job_id, "job_url": jobs_api.job_url(entry.job_id)}
                     for entry in entries],
    }, url)


@bp.get("/api/v1/batches/<batch_id>")
@require_api_key
def get_batch(batch_id: str):
    found = jobs_service.get_batch(batch_id)
    if found is None:
        raise NotFound(f"No batch with id {api._shorten(batch_id)!r}.")
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


def batch_articles(value: object, limit: int) -> list[tuple[str, str, str]]:
    """(name, text, source format) for each article of the request, or InputError."""
    if not isinstance(value, list) or not value:
        raise InputError('`articles` must be a non-empty JSON list of {"id", "text"} objects.')
    if len(value) > limit:
        raise InputTooLarge(f"A batch holds at most {limit:,} articles; this one has {len(value):,}. "
                            "Split it into several batches.")
    articles: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for position, item in enumerate(value):
        where = f"articles[{position}]"
        if not isinstance(item, dict):
            raise InputError(f'{where} must be an object: {{"id": …, "text": …}}.')
        text = item.get("text")
        if not isinstance(text, str):
            raise InputError(f"{where}: `text` must be a string holding the article.")
        name = _article_name(item.get("id"), position, where)
        if name in seen:
            raise InputError(f"{where}: the id {api._shorten(name)!r} appears twice in the batch.")
        seen.add(name)
        source_format = api.format_option(item.get("format")) or "text"
        if source_format == "html":
            text = prepare_text(text, "text/html")
        articles.append((name, text, source_format))
    return articles


def _article_name(value: object, position: int, where: str) -> str:
    if value is None:
        return str(position + 1)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip() \
            or len(str(value)) > MAX_NAME_CHARS:
        raise InputError(f"{where}: `id` must be a non-empty string or number of at most "
                         f"{MAX_NAME_CHARS} characters.")
    return str(value)
