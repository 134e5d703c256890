"""The example article the home page opens on.

It is analysed like any pasted article (through the service, so its sentences land in the
translation cache) and stored once per engine and summary defaults; later visits, and
later processes on the same database, reuse that stored article and its permalink.
"""

from __future__ import annotations

import json
import threading

from flask import current_app

from bitexto import store
from bitexto.resources import SEED_ARTICLE
from bitexto.results import StoredArticle
from bitexto.webapp import service
from bitexto.webapp.store import get_db

DEFAULT_ALGORITHM = "default"

_lock = threading.Lock()


def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def seed_article() -> StoredArticle:
    """The stored example article for the current engine, analysing it the first time."""
    app = current_app._get_current_object()
    engine = service.get_engine(app).info.to_dict()
    options = {"summary_length": str(app.config["DEFAULT_SUMMARY_LENGTH"]), "algorithm": DEFAULT_ALGORITHM,
               "format": "text"}
    remembered = app.extensions.setdefault("bitexto_seed", {})
    key = json.dumps([engine, options], sort_keys=True)
    with _lock:
        article_id = remembered.get(key) or store.stored_article_id(get_db(), seed_text(), options, engine)
        if article_id is None:
            article_id = service.create_article(
                seed_text(), summary_length=options["summary_length"], algorithm=DEFAULT_ALGORITHM,
            ).id
        remembered[key] = article_id
    return store.fetch_article(get_db(), article_id)
