"""Articles and their results, and API keys, in the article store (bitexto.database).

The store is the SQLite file in the instance folder unless BITEXTO_DATABASE_URL names
a PostgreSQL database. The schema is created on first start and survives restarts;
the translation cache (bitexto.cache) lives in the same database.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from pathlib import Path

from bitexto.database import DEFAULT_TIMEOUT_SECONDS, Database, open_database
from bitexto.jobs.batches import BatchEntry
from bitexto.results import ArticleResult, StoredArticle

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    created_at DOUBLE PRECISION NOT NULL,
    text TEXT NOT NULL,
    options TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY,
    created_at DOUBLE PRECISION NOT NULL,
    options TEXT NOT NULL,
    entries TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL
);
"""


def open_store(location: str | Path, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Database:
    """The article store at `location` (a SQLite path or a postgresql:// URL), schema ready."""
    database = open_database(location, timeout=timeout)
    database.create_schema(SCHEMA)
    return database


def insert_article(database: Database, article_id: str, text: str, options: dict, result: ArticleResult) -> bool:
    """Store an article under `article_id` unless one is there already (a retried job):
    one statement, so a reader never sees half of it. True when this call stored it.
    `text` is the article as it was sent; `result` is stored with its to_dict()."""
    with database.session() as session:
        return session.execute(
            "INSERT INTO articles (id, created_at, text, options, result) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (article_id, time.time(), text, json.dumps(options),
             json.dumps(result.to_dict(), ensure_ascii=False)),
        ) == 1


def article_exists(database: Database, article_id: str) -> bool:
    with database.session() as session:
        return bool(session.query("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)))


def save_article(database: Database, text: str, options: dict, result: ArticleResult) -> str:
    """Store a new article under a fresh id, and return the id."""
    article_id = secrets.token_urlsafe(8)
    insert_article(database, article_id, text, options, result)
    return article_id


def fetch_article(database: Database, article_id: str) -> StoredArticle | None:
    """The stored article, its result read back with ArticleResult.from_dict (one query)."""
    with database.session() as session:
        rows = session.query(
            "SELECT id, created_at, text, options, result FROM articles WHERE id = ?", (article_id,))
    if not rows:
        return None
    row = rows[0]
    return StoredArticle(id=row["id"], created_at=row["created_at"], text=row["text"],
                         options=json.loads(row["options"]),
                         result=ArticleResult.from_dict(json.loads(row["result"])))


def stored_article_id(database: Database, text: str, options: dict, engine: dict | None) -> str | None:
    """The newest article stored from exactly `text` with these options and engine, if any."""
    with database.session() as session:
        rows = session.query(
            "SELECT id, options, result FROM articles WHERE text = ? ORDER BY created_at DESC", (text,))
    for row in rows:
        if json.loads(row["options"]) == options and json.loads(row["result"]).get("engine") == engine:
            return row["id"]
    return None


def check(database: Database) -> str | None:
    """None when the store can be read, else why not (for /health)."""
    try:
        with database.session() as session:
            session.query("SELECT 1 AS found FROM articles LIMIT 1")
    except Exception as error:  # whatever the driver raises, health reports it, never a 500
        return str(error)
    return None


def save_batch(database: Database, batch_id: str, options: dict, entries: list[BatchEntry]) -> None:
    with database.session() as session:
        session.execute(
            "INSERT INTO batches (id, created_at, options, entries) VALUES (?, ?, ?, ?)",
            (batch_id, time.time(), json.dumps(options),
             json.dumps([[entry.name, entry.job_id] for entry in entries], ensure_ascii=False)),
        )


def load_batch(database: Database, batch_id: str) -> dict | None:
    with database.session() as session:
        rows = session.query("SELECT id, created_at, options, entries FROM batches WHERE id = ?", (batch_id,))
    if not rows:
        return None
    row = rows[0]
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "options": json.loads(row["options"]),
        "entries": [BatchEntry(name, job_id) for name, job_id in json.loads(row["entries"])],
    }


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(location: str | Path, name: str) -> str:
    """A new random API key; only its hash is stored, so the key is shown once."""
    key = secrets.token_urlsafe(24)
    with open_store(location).session() as session:
        session.execute("INSERT INTO api_keys (key_hash, name, created_at) VALUES (?, ?, ?)",
                        (_hash_key(key), name, time.time()))
    return key


def api_key_name(database: Database, key: str) -> str | None:
    with database.session() as session:
        rows = session.query("SELECT name FROM api_keys WHERE key_hash = ?", (_hash_key(key),))
    return rows[0]["name"] if rows else None
