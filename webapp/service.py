"""The thin layer between the routes and the library: engine, cache, analyse, store."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from bitexto import articles
from bitexto.analysis import load_language_model
from bitexto.cache import CachedEngine, load_cached_engine
from bitexto.results import StoredArticle
from bitexto.translate.document import AlignedDocument
from bitexto.translate.errors import BitextoError
from bitexto.webapp import metrics
from bitexto.webapp.store import database_for, get_db

_lock = threading.Lock()


def engine_state(app: Flask) -> dict:
    return app.extensions.setdefault("bitexto_engine", {"engine": None, "error": None})


def get_engine(app: Flask | None = None) -> CachedEngine:
    """The app's engine behind the translation cache, loaded on first use."""
    app = app or current_app._get_current_object()
    state = engine_state(app)
    with _lock:
        if state["engine"] is None:
            state["engine"] = load_cached_engine(app.config["BITEXTO"], database_for(app))
            state["error"] = None
        return state["engine"]


def warm_up(app: Flask) -> threading.Thread:
    """Load the engine and the language model in the background, so that the first
    reader does not wait for them."""

    def load():
        try:
            get_engine(app)
            load_language_model()
        except BitextoError as error:
            engine_state(app)["error"] = error.message

    thread = threading.Thread(target=load, name="bitexto-warm-up", daemon=True)
    thread.start()
    return thread


def engine_label(app: Flask | None = None) -> dict:
    """What the page's engine badge shows: the engine in use, or why there is none yet."""
    app = app or current_app._get_current_object()
    state = engine_state(app)
    if state["engine"] is not None:
        return {**state["engine"].info.to_dict(), "loaded": True}
    return {"name": app.config["BITEXTO"].engine, "loaded": False, "error": state["error"]}


def read_page(text: str, source_format: str = "text") -> AlignedDocument:
    """The pasted article read as a page, once (InputError when it cannot be analysed)."""
    return articles.read_page(text, source_format, current_app.config["BITEXTO"])


def create_article(text: str, *, summary_length: str | int, algorithm: str, source_format: str = "text",
                   glossary=None, prepared: AlignedDocument | None = None) -> StoredArticle:
    """Analyse and store an article (`text` as sent: plain text, or HTML when
    `source_format` is html; `prepared`: its page, if read already)."""
    stored = articles.create_article(
        get_db(), get_engine(), text, summary_length=summary_length, algorithm=algorithm,
        source_format=source_format, settings=current_app.config["BITEXTO"], glossary=glossary, prepared=prepared)
    metrics.count_sentences(sum(1 for _ in stored.result.document.sentences()))
    return stored
