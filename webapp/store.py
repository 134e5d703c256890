"""Articles and their results in a real SQLite file in the instance folder.

The schema is created on first start and survives restarts; the translation cache
(translate.cache) lives in the same file.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
from pathlib import Path

from flask import Flask, current_app, g

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    text TEXT NOT NULL,
    options TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at REAL NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    db.row_factory = sqlite3.Row
    return db


def init_db(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_error=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    init_db(Path(app.config["DATABASE"]))
    app.teardown_appcontext(close_db)


def save_article(text: str, options: dict, result: dict) -> str:
    article_id = secrets.token_urlsafe(8)
    db = get_db()
    with db:
        db.execute(
            "INSERT INTO articles (id, created_at, text, options, result) VALUES (?, ?, ?, ?, ?)",
            (article_id, time.time(), text, json.dumps(options), json.dumps(result, ensure_ascii=False)),
        )
    return article_id


def load_article(article_id: str) -> dict | None:
    row = get_db().execute(
        "SELECT id, created_at, text, options, result FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "text": row["text"],
        "options": json.loads(row["options"]),
        "result": json.loads(row["result"]),
    }


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(database: Path, name: str) -> str:
    """A new random API key; only its hash is stored, so the key is shown once."""
    key = secrets.token_urlsafe(24)
    init_db(database)
    with connect(database) as db:
        db.execute("INSERT INTO api_keys VALUES (?, ?, ?)", (_hash_key(key), name, time.time()))
    return key


def api_key_name(key: str) -> str | None:
    row = get_db().execute("SELECT name FROM api_keys WHERE key_hash = ?", (_hash_key(key),)).fetchone()
    return row["name"] if row else None
