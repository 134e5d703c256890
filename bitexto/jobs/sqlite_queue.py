"""The default job queue: a `jobs` table in the app's SQLite file.

Safe for any number of threads and processes on one machine: a claim runs inside
`BEGIN IMMEDIATE` (SQLite's write lock, taken before reading), so two workers never
claim the same job, and every report is one conditional UPDATE that only applies to
the claim it names. Times are this machine's clock, which all its processes share.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bitexto.jobs.model import (
    DEFAULT_LEASE_SECONDS,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETENTION_SECONDS,
    INTERRUPTED_REASON,
    Job,
    JobState,
    new_job_id,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    progress_done INTEGER NOT NULL DEFAULT 0,
    progress_total INTEGER NOT NULL DEFAULT 0,
    article_id TEXT,
    error TEXT,
    token TEXT,
    lease_until REAL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    queued_at REAL NOT NULL  -- its place in line (then rowid): a retried job goes to the back
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, queued_at);
"""

COLUMNS = ("id, kind, state, payload, attempts, max_attempts, progress_done, progress_total, "
           "article_id, error, token, created_at, updated_at")
PURGE_INTERVAL = 60.0
LOOKUP_CHUNK = 500  # SQLite limits the bound parameters of one query
# A claim still held: the job is running under this token and its lease has not run out.
HELD = "id = ? AND state = 'running' AND token = ?"


class SQLiteQueue:
    def __init__(self, path: Path, *, lease_seconds: float = DEFAULT_LEASE_SECONDS,
                 max_attempts: int = DEFAULT_MAX_ATTEMPTS, retention_seconds: float = DEFAULT_RETENTION_SECONDS):
        self.path = Path(path)
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.retention_seconds = retention_seconds
        self._next_purge = 0.0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        # A connection per call: callers are web threads, worker threads and heartbeat
        # threads, and sqlite3 connections must not cross threads. isolation_level=None
        # lets `_write` choose BEGIN IMMEDIATE itself.
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.row_factory = sqlite3.Row
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.close()

    def submit(self, kind: str, payload: dict) -> Job:
        [job] = self.submit_many(kind, [payload])
        return job

    def submit_many(self, kind: str, payloads: list[dict]) -> list[Job]:
        now = time.time()
        job_ids = [new_job_id() for _ in payloads]
        with self._write() as db:  # one transaction: all of them or none
            db.executemany(
                "INSERT INTO jobs (id, kind, state, payload, max_attempts, created_at, updated_at, queued_at) "
                "VALUES (?, ?, 'queued', ?, ?, ?, ?, ?)",
                [(job_id, kind, json.dumps(payload, ensure_ascii=False), self.max_attempts, now, now, now)
                 for job_id, payload in zip(job_ids, payloads)],
            )
        return self.get_many(job_ids)

    def get(self, job_id: str) -> Job | None:
        [job] = self.get_many([job_id])
        return job

    def get_many(self, job_ids: list[str]) -> list[Job | None]:
        found: dict[str, Job] = {}
        db = self._connect()
        try:
            for begin in range(0, len(job_ids), LOOKUP_CHUNK):
                chunk = job_ids[begin:begin + LOOKUP_CHUNK]
                rows = db.execute(f"SELECT {COLUMNS} FROM jobs WHERE id IN ({', '.join('?' * len(chunk))})",
                                  chunk).fetchall()
                found.update((row["id"], _job(row, with_token=False)) for row in rows)
        finally:
            db.close()
        return [found.get(job_id) for job_id in job_ids]

    def claim(self, token: str) -> Job | None:
        now = time.time()
        with self._write() as db:
            if self.retention_seconds and now >= self._next_purge:
                # Finished jobs past their retention; at most once a minute per process.
                self._next_purge = now + PURGE_INTERVAL
                db.execute("DELETE FROM jobs WHERE state IN ('done', 'failed') AND updated_at < ?",
                           (now - self.retention_seconds,))
            # Jobs whose worker died too often are given up before anything is claimed.
            for row in db.execute(
                "SELECT id, attempts FROM jobs WHERE state = 'running' AND lease_until < ? "
                "AND attempts >= max_attempts", (now,)
            ).fetchall():
                db.execute(
                    "UPDATE jobs SET state = 'failed', error = ?, token = NULL, lease_until = NULL, "
                    "payload = '{}', updated_at = ? WHERE id = ?",
                    (INTERRUPTED_REASON % row["attempts"], now, row["id"]),
                )
            rows = db.execute(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, token = ?, lease_until = ?, "
                "progress_done = 0, progress_total = 0, updated_at = ? "
                "WHERE id = (SELECT id FROM jobs WHERE state = 'queued' "
                "            OR (state = 'running' AND lease_until < ?) ORDER BY queued_at, rowid LIMIT 1) "
                f"RETURNING {COLUMNS}",
                (token, now + self.lease_seconds, now, now),
            ).fetchall()  # all rows before COMMIT: a pending RETURNING blocks it
        return _job(rows[0], with_token=True) if rows else None

    def renew(self, job_id: str, token: str) -> bool:
        now = time.time()
        return self._update(
            f"UPDATE jobs SET lease_until = ?, updated_at = ? WHERE {HELD}",
            (now + self.lease_seconds, now, job_id, token),
        )

    def progress(self, job_id: str, token: str, done: int, total: int) -> bool:
        now = time.time()
        return self._update(
            "UPDATE jobs SET progress_done = ?, progress_total = ?, lease_until = ?, updated_at = ? "
            f"WHERE {HELD}",
            (done, total, now + self.lease_seconds, now, job_id, token),
        )

    def complete(self, job_id: str, token: str, article_id: str) -> bool:
        # Whoever finishes first wins, even a worker whose lease was taken over: its
        # article is the same one. The text is in the article store now; drop the copy.
        return self._update(
            "UPDATE jobs SET state = 'done', article_id = ?, error = NULL, token = NULL, lease_until = NULL, "
            "payload = '{}', progress_done = MAX(progress_done, progress_total), updated_at = ? "
            "WHERE id = ? AND state != 'done'",
            (article_id, time.time(), job_id),
        )

    def fail(self, job_id: str, token: str, error: str) -> bool:
        return self._update(
            "UPDATE jobs SET state = 'failed', error = ?, token = NULL, lease_until = NULL, payload = '{}', "
            f"updated_at = ? WHERE {HELD}",
            (error, time.time(), job_id, token),
        )

    def retry(self, job_id: str, token: str, error: str) -> JobState | None:
        now = time.time()
        with self._write() as db:
            row = db.execute(f"SELECT attempts, max_attempts FROM jobs WHERE {HELD}", (job_id, token)).fetchone()
            if row is None:
                return None
            if row["attempts"] >= row["max_attempts"]:
                db.execute(
                    "UPDATE jobs SET state = 'failed', error = ?, token = NULL, lease_until = NULL, "
                    "payload = '{}', updated_at = ? WHERE id = ?", (error, now, job_id))
                return JobState.FAILED
            # Back in line (behind the jobs already waiting), with the error kept visible.
            db.execute(
                "UPDATE jobs SET state = 'queued', error = ?, token = NULL, lease_until = NULL, "
                "queued_at = ?, updated_at = ? WHERE id = ?", (error, now, now, job_id))
            return JobState.QUEUED

    def close(self) -> None:
        """Nothing to release: connections live for one call."""

    def _update(self, sql: str, params: tuple) -> bool:
        with self._write() as db:
            return db.execute(sql, params).rowcount == 1


def _job(row: sqlite3.Row, *, with_token: bool) -> Job:
    return Job(
        id=row["id"],
        kind=row["kind"],
        state=JobState(row["state"]),
        payload=json.loads(row["payload"]),
        attempts=row["attempts"],
        max_attempts=row["max_attempts"],
        progress_done=row["progress_done"],
        progress_total=row["progress_total"],
        article_id=row["article_id"],
        error=row["error"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        token=row["token"] if with_token else None,
    )
