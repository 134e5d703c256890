"""A persistent translation cache: a re-pasted or edited article only translates what changed.

Keyed by engine name, model, model version and the sentence with its whitespace
normalised, so a new model version never serves an old model's English. Stored in a
SQLite file (WAL mode, so readers never wait for the one writer).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Sequence

from translate.engines.base import Engine, ProgressCallback, Translation

SCHEMA = """
CREATE TABLE IF NOT EXISTS translation_cache (
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    flags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (engine, model, version, source)
)
"""


def cache_key(sentence: str) -> str:
    return " ".join(sentence.split())


class TranslationCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not cross threads.
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30)
            self._local.db = db
        return db

    def lookup(self, engine, sentences: Sequence[str]) -> dict[str, Translation]:
        keys = sorted({cache_key(s) for s in sentences})
        found: dict[str, Translation] = {}
        db = self._connection()
        for begin in range(0, len(keys), 500):  # SQLite limits bound parameters per query
            chunk = keys[begin:begin + 500]
            rows = db.execute(
                "SELECT source, target, flags FROM translation_cache WHERE engine=? AND model=? "
                f"AND version=? AND source IN ({','.join('?' * len(chunk))})",
                (engine.name, engine.model, engine.version, *chunk),
            )
            for source, target, flags in rows:
                found[source] = Translation(target, tuple(json.loads(flags)))
        return found

    def store(self, engine, pairs: dict[str, str]) -> None:
        with self._connection() as db:
            db.executemany(
                "INSERT OR REPLACE INTO translation_cache VALUES (?, ?, ?, ?, ?, ?)",
                [(engine.name, engine.model, engine.version, source, str(target),
                  json.dumps(list(getattr(target, "flags", ())))) for source, target in pairs.items()],
            )


class CachedEngine:
    """Wraps an engine: cached sentences come from the cache, the rest go to the engine."""

    def __init__(self, engine: Engine, cache: TranslationCache):
        self.engine = engine
        self.cache = cache
        self.info = engine.info
        self.hits = 0
        self.misses = 0

    def translate(
        self, sentences: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> list[str]:
        keys = [cache_key(s) for s in sentences]
        known = self.cache.lookup(self.info, [k for k in keys if k])
        missing = sorted({k for k in keys if k and k not in known})
        cached_count = sum(1 for k in keys if k in known or not k)
        self.hits += sum(1 for k in keys if k in known)
        self.misses += len(missing)

        def progress(done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(cached_count + done * (len(keys) - cached_count) // max(total, 1), len(keys))

        if missing:
            fresh = self.engine.translate(missing, on_progress=progress)
            new = dict(zip(missing, fresh, strict=True))
            self.cache.store(self.info, new)
            known.update(new)
        elif on_progress is not None:
            on_progress(len(keys), len(keys))
        return [known[k] if k else "" for k in keys]
