"""Opening the configured queue: SQLite (the default) or Redis."""

from __future__ import annotations

from pathlib import Path

from bitexto.database import is_postgres_url
from bitexto.jobs.model import (
    DEFAULT_LEASE_SECONDS,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETENTION_SECONDS,
    JobQueue,
    JobSettings,
)


def sqlite_queue_file(store_location: str | Path, instance_dir: Path) -> Path:
    """Where the default queue lives: in the article store's SQLite file, or beside it
    in the instance folder when the store is PostgreSQL."""
    if is_postgres_url(store_location):
        return Path(instance_dir) / "jobs.sqlite3"
    return Path(store_location)


def open_queue(
    url: str | None,
    database_path: Path,
    *,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    retention_seconds: float = DEFAULT_RETENTION_SECONDS,
) -> JobQueue:
    """The queue at `url` (redis://…), or the SQLite one in `database_path` when `url` is empty."""
    if not url:
        from bitexto.jobs.sqlite_queue import SQLiteQueue

        return SQLiteQueue(database_path, lease_seconds=lease_seconds, max_attempts=max_attempts,
                           retention_seconds=retention_seconds)
    if url.startswith(("redis://", "rediss://", "unix://")):
        from bitexto.jobs.redis_queue import RedisQueue

        return RedisQueue(url, lease_seconds=lease_seconds, max_attempts=max_attempts,
                          retention_seconds=retention_seconds)
    raise ValueError(f"BITEXTO_QUEUE must be empty (SQLite) or a redis:// URL, not {url!r}")


def open_configured_queue(settings: JobSettings, database_path: Path, url: str | None = None) -> JobQueue:
    return open_queue(url if url is not None else settings.queue_url, database_path,
                      lease_seconds=settings.lease_seconds, max_attempts=settings.max_attempts,
                      retention_seconds=settings.retention_seconds)
