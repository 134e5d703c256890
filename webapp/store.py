"""The article store bound to the web app: one opened `Database` per app, for the request.

Everything the store does is bitexto.store; routes read and write through it with
`get_db()`, the current app's database.
"""

from __future__ import annotations

from flask import Flask, current_app

from bitexto import store
from bitexto.database import Database
from bitexto.store import open_store

EXTENSION = "bitexto_databases"


def get_db() -> Database:
    """The current app's article store."""
    return database_for(current_app._get_current_object())


def database_for(app: Flask) -> Database:
    """The app's article store (config["DATABASE"]), opened on first use."""
    opened = app.extensions.setdefault(EXTENSION, {})
    location = str(app.config["DATABASE"])
    if location not in opened:
        # A short wait for a connection: a request finds out at once that PostgreSQL
        # is down (503) instead of holding a server thread for half a minute.
        opened[location] = open_store(location, timeout=app.config["BITEXTO"].database_timeout_seconds)
    return opened[location]


def init_app(app: Flask) -> None:
    database_for(app)


def check() -> str | None:
    """None when the app's store can be opened and read, else why not (for /health)."""
    try:
        database = get_db()
    except Exception as error:  # whatever opening raises, health reports it, never a 500
        return str(error)
    return store.check(database)
