"""The article job: analyse a pasted or uploaded article and store it in the article store.

The article's id is the job's id, and the row is written by one insert that does
nothing when the id is taken: a retried job, or one two workers both finished, is
stored exactly once, and a reader never sees half an article.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bitexto.articles import analyse_article
from bitexto.database import Database
from bitexto.jobs import ARTICLE_JOB, Job
from bitexto.settings import Settings
from summarize.length import resolve_length
from summarize.summary import canonical_algorithm
from translate.engines import Engine, ProgressCallback
from webapp.newsletter_service import remember_speakers
from webapp.store import article_exists, insert_article, open_store


def article_payload(text: str, *, summary_length: str | int, algorithm: str, source_format: str) -> dict:
    """The payload of an article job, its summary options checked now (InputError) so that
    a typo fails the request, not a job minutes later."""
    resolve_length(summary_length, 1)
    canonical_algorithm(algorithm)
    return {"text": text, "options": {"summary_length": str(summary_length), "algorithm": algorithm,
                                      "format": source_format}}


def article_id_for(job: Job) -> str:
    return job.id


@dataclass
class ArticleJobRunner:
    """Runs article jobs: `runner(job, on_progress) → article id`.

    `engine` is called for the engine on the first job that needs it, so a worker starts
    at once and loads a model only when there is work. `database` is the article store's
    location (a SQLite path or a postgresql:// URL).
    """

    engine: Callable[[], Engine]
    database: str | Path
    settings: Settings
    _store: Database | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __call__(self, job: Job, on_progress: ProgressCallback) -> str:
        if job.kind != ARTICLE_JOB:
            # Retried, not failed: during a rolling upgrade a newer worker may know it.
            raise ValueError(f"this worker cannot run {job.kind!r} jobs")
        store = self._article_store()
        article_id = article_id_for(job)
        if article_exists(store, article_id):
            return article_id  # finished by an earlier attempt that died before saying so
        options = job.payload["options"]
        engine = self.engine()
        result = analyse_article(
            job.payload["text"], engine, summary_length=options["summary_length"],
            algorithm=options["algorithm"], settings=self.settings, on_progress=on_progress,
            with_speakers=True,
        ).to_dict()
        # As in webapp.service.create_article: the newsletter snippet reads the quoted
        # speakers' English from the translation cache, never from the engine.
        remember_speakers(result, engine)
        insert_article(store, article_id, job.payload["text"], options, result)
        return article_id

    def _article_store(self) -> Database:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.database)
            return self._store
