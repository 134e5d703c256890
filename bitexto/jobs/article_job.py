"""The article job: analyse a pasted or uploaded article and store it in the article store.

The article's id is the job's id, and the row is written with INSERT OR IGNORE in one
statement: a retried job, or one two workers both finished, is stored exactly once,
and a reader never sees half an article.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bitexto.articles import analyse_article
from bitexto.jobs import ARTICLE_JOB, Job
from bitexto.settings import Settings
from summarize.length import resolve_length
from summarize.summary import canonical_algorithm
from translate.engines import Engine, ProgressCallback
from webapp.newsletter_service import remember_speakers
from webapp.store import connect, init_db


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
    at once and loads a model only when there is work.
    """

    engine: Callable[[], Engine]
    database: Path
    settings: Settings
    _ready: bool = field(default=False, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __call__(self, job: Job, on_progress: ProgressCallback) -> str:
        if job.kind != ARTICLE_JOB:
            # Retried, not failed: during a rolling upgrade a newer worker may know it.
            raise ValueError(f"this worker cannot run {job.kind!r} jobs")
        self._ensure_store()
        article_id = article_id_for(job)
        if self._stored(article_id):
            return article_id  # finished by an earlier attempt that died before saying so
        options = job.payload["options"]
        engine = self.engine()
        result = analyse_article(
            job.payload["text"], engine, summary_length=options["summary_length"],
            algorithm=options["algorithm"], settings=self.settings, on_progress=on_progress,
        ).to_dict()
        # The same after-step as webapp.service.create_article: the newsletter snippet reads
        # the quoted speakers' English from the translation cache, never from the engine.
        remember_speakers(result, engine)
        self._store(article_id, job.payload["text"], options, result)
        return article_id

    def _ensure_store(self) -> None:
        with self._lock:
            if not self._ready:
                init_db(self.database)
                self._ready = True

    def _stored(self, article_id: str) -> bool:
        db = connect(self.database)
        try:
            return db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None
        finally:
            db.close()

    def _store(self, article_id: str, text: str, options: dict, result: dict) -> None:
        db = connect(self.database)
        try:
            with db:
                db.execute(
                    "INSERT OR IGNORE INTO articles (id, created_at, text, options, result) VALUES (?, ?, ?, ?, ?)",
                    (article_id, time.time(), text, json.dumps(options),
                     json.dumps(result, ensure_ascii=False)),
                )
        finally:
            db.close()
