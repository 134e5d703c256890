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

from bitexto.analysis import AnalysisOptions, ArticleInput, ArticleOutcome, analyse_articles
from bitexto.database import Database
from bitexto.jobs.model import ARTICLE_JOB, DEFAULT_LONG_CHARS, Job, JobQueue
from bitexto.jobs.worker import Worker
from bitexto.settings import Settings
from bitexto.summarize.length import resolve_length
from bitexto.summarize.summary import canonical_algorithm
from bitexto.translate.document import AlignedDocument
from bitexto.translate.engines import Engine, ProgressCallback
from bitexto.translate.errors import EngineFailure, InputError
from bitexto.translate.glossary import Glossary
from bitexto.store import article_exists, insert_article, open_store


# Longer articles run alone, with progress: the web app's "long article" threshold.
GROUP_MAX_CHARS = DEFAULT_LONG_CHARS
GROUP_SIZE = 16  # jobs analysed together at most: about one Apertium call of short news


def article_payload(text: str, *, summary_length: str | int, algorithm: str, source_format: str,
                    glossary=None, prepared: AlignedDocument | None = None) -> dict:
    """The payload of an article job, its summary options checked now (InputError) so that
    a typo fails the request, not a job minutes later. A glossary travels as its pairs; a
    page the submitter has read already (`prepared`) travels too, so it is read once."""
    resolve_length(summary_length, 1)
    canonical_algorithm(algorithm)
    payload = {"text": text, "options": {"summary_length": str(summary_length), "algorithm": algorithm,
                                         "format": source_format}}
    if glossary:
        payload["glossary"] = [list(entry) for entry in glossary.entries]
        payload["options"]["glossary"] = glossary.fingerprint
    if prepared is not None:
        payload["prepared"] = {"text": prepared.text, **prepared.to_dict()}
    return payload


def _job_glossary(job: Job) -> Glossary | None:
    pairs = job.payload.get("glossary")
    return Glossary.from_pairs(pairs) if pairs else None


def _job_input(job: Job) -> ArticleInput:
    prepared = job.payload.get("prepared")
    return ArticleInput(id=job.id, text=job.payload["text"], media_type=media_type(job.payload["options"]),
                        prepared=AlignedDocument.from_dict(prepared, prepared["text"]) if prepared else None)


def media_type(options: dict) -> str:
    """The media type of a job's text: its payload's format (html, else plain text)."""
    return "text/html" if options.get("format") == "html" else "text/plain"


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
        (outcome,) = analyse_articles([_job_input(job)], self.engine(), self._options(options, _job_glossary(job)),
                                      on_progress)
        return self._save(store, job, outcome)

    def groupable(self, job: Job) -> bool:
        """Short article jobs are analysed in groups; a long one alone, with progress, and
        so is one with its own glossary (a group shares one engine call)."""
        return (job.kind == ARTICLE_JOB and len(job.payload.get("text", "")) <= GROUP_MAX_CHARS
                and not job.payload.get("glossary"))

    def run_group(self, jobs: list[Job], on_progress: Callable[[Job, int, int], None]) -> dict[str, str | BaseException]:
        """Analyse several article jobs with one engine call for all their sentences (as
        `bitexto batch` does); per job id, its stored article id or what stopped it.
        Progress is reported per job once its article is stored."""
        store = self._article_store()
        outcomes: dict[str, str | BaseException] = {}
        by_options: dict[tuple[str, str], list[Job]] = {}
        for job in jobs:
            if article_exists(store, article_id_for(job)):
                outcomes[job.id] = article_id_for(job)  # finished by an attempt that died before saying so
            else:
                options = job.payload["options"]
                by_options.setdefault((options["summary_length"], options["algorithm"]), []).append(job)
        if not by_options:
            return outcomes
        engine = self.engine()
        for options, same in by_options.items():
            results = analyse_articles([_job_input(job) for job in same], engine, self._options(same[0].payload["options"]))
            for job, result in zip(same, results, strict=True):
                try:
                    outcomes[job.id] = self._save(store, job, result)
                except (InputError, EngineFailure) as error:
                    outcomes[job.id] = error
                    continue
                on_progress(job, result.sentences, result.sentences)
        return outcomes

    def _options(self, options: dict, glossary: Glossary | None = None) -> AnalysisOptions:
        return AnalysisOptions(options["summary_length"], options["algorithm"],
                               glossary=glossary or self.settings.load_glossary(), settings=self.settings)

    @staticmethod
    def _save(store: Database, job: Job, outcome: ArticleOutcome) -> str:
        """Store the job's article once (its id is the job's) and return the id; raise what stopped it."""
        if outcome.article is None:
            outcome.raise_error()
        insert_article(store, article_id_for(job), job.payload["text"], job.payload["options"], outcome.article)
        return article_id_for(job)

    def _article_store(self) -> Database:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.database)
            return self._store


def article_worker(queue: JobQueue, runner: ArticleJobRunner, *, group_size: int = GROUP_SIZE,
                   **options) -> Worker:
    """A worker for article jobs: long ones alone with progress, short ones in groups."""
    return Worker(queue, runner, group_handler=runner.run_group, groupable=runner.groupable,
                  group_size=group_size, **options)
