"""A persistent translation cache: a re-pasted or edited article only translates what changed.

Keyed by engine name, model, model version and the sentence with its whitespace
normalised, so a new model version never serves an old model's English. The sentence is
the one the engine received: with names and glossary terms behind placeholders
(translate.protect), so an English made without protection, or with another glossary,
is never served for a protected sentence. Stored in the
article store's database (bitexto.database: the SQLite file, or PostgreSQL shared by
every worker).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from bitexto.database import Database, open_database
from bitexto.settings import Settings
from bitexto.translate.engines import create_engine
from bitexto.translate.engines.base import Engine, ProgressCallback, Translation

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
LOOKUP_CHUNK = 500  # SQLite limits the bound parameters of one query


def cache_key(sentence: str) -> str:
    return " ".join(sentence.split())


class TranslationCache:
    def __init__(self, database: Database | str | Path):
        self.database = open_database(database) if isinstance(database, (str, Path)) else database
        self.database.create_schema(SCHEMA)

    def lookup(self, engine, sentences: Sequence[str]) -> dict[str, Translation]:
        keys = sorted({cache_key(s) for s in sentences})
        found: dict[str, Translation] = {}
        with self.database.session() as session:
            for begin in range(0, len(keys), LOOKUP_CHUNK):
                chunk = keys[begin:begin + LOOKUP_CHUNK]
                rows = session.query(
                    "SELECT source, target, flags FROM translation_cache WHERE engine = ? AND model = ? "
                    f"AND version = ? AND source IN ({', '.join('?' * len(chunk))})",
                    (engine.name, engine.model, engine.version, *chunk),
                )
                for row in rows:
                    found[row["source"]] = Translation(row["target"], tuple(json.loads(row["flags"])))
        return found

    def store(self, engine, pairs: dict[str, str]) -> None:
        with self.database.session() as session:
            session.executemany(
                "INSERT INTO translation_cache (engine, model, version, source, target, flags) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (engine, model, version, source) "
                "DO UPDATE SET target = excluded.target, flags = excluded.flags",
                [(engine.name, engine.model, engine.version, source, str(target),
                  json.dumps(list(getattr(target, "flags", ()))))
                 # In key order: two workers storing overlapping sentences then lock rows
                 # in the same order and cannot deadlock each other (PostgreSQL).
                 for source, target in sorted(pairs.items())],
            )


class CachedEngine:
    """Wraps an engine: cached sentences come from the cache, the rest go to the engine."""

    def __init__(self, engine: Engine, cache: TranslationCache):
        self.engine = engine
        self.cache = cache
        self.info = engine.info
        # The pipeline protects names the wrapped engine's way; the placeholders are part
        # of the sentences cached, so the wrapped engine's style must be the one used.
        self.placeholders = getattr(engine, "placeholders", None)
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


def load_cached_engine(settings: Settings, database: Database | str | Path) -> CachedEngine:
    """The configured engine, its model loaded now, behind the store's translation cache."""
    engine = create_engine(settings.engine, settings.translate)
    if hasattr(engine, "load"):
        engine.load()
    return CachedEngine(engine, TranslationCache(database))
