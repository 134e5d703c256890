"""The thin layer between the routes and the library: engine, cache, analyse, store."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from bitexto.articles import analyse_article, store_article
from bitexto.cache import CachedEngine, load_cached_engine
from bitexto.translate.errors import BitextoError
from bitexto.translate.spanish.parse import load_model as load_language_model
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


def create_article(text: str, *, summary_length: str | int, algorithm: str, source_format: str = "text",
                   glossary=None) -> tuple[str, dict]:
    """Analyse and store an article (`text` as sent: plain text, or HTML when
    `source_format` is html); returns its id and the stored result."""
    settings = current_app.config["BITEXTO"]
    engine = get_engine()
    result = analyse_article(
        text, engine, summary_length=summary_length, algorithm=algorithm, settings=settings, with_speakers=True,
        media_type="text/html" if source_format == "html" else "text/plain", glossary=glossary,
    ).to_dict()
    metrics.count_sentences(sum(len(block["sentences"]) for block in result["blocks"]))
    options = {"summary_length": str(summary_length), "algorithm": algorithm, "format": source_format}
    if glossary:
        options["glossary"] = glossary.fingerprint
    return store_article(get_db(), text, options, result, engine), result
