"""One canonical error body for the API, one error page for the UI.

Errors are raised where they happen (core: BitextoError and its subclasses; web layer:
werkzeug HTTPExceptions) and rendered here, at the edge.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from bitexto.database import database_errors
from bitexto.translate.errors import BitextoError

logger = logging.getLogger(__name__)
STORE_UNAVAILABLE = "The article store is unavailable right now; please try again in a moment."
STORE_FULL = ("The article store's disk is full, so nothing was saved. Stored articles can still be "
              "read; the operator needs to free some space before new ones can be added.")

# Paths whose clients expect JSON, including LibreTranslate-compatible ones.
JSON_PREFIXES = ("/api/", "/translate", "/languages", "/detect", "/health", "/metrics", "/openapi.json")


def error_body(status: int, message: str) -> dict:
    """The API's error shape; `error` is also what LibreTranslate clients read."""
    return {"error": message, "status": status}


def wants_json() -> bool:
    return request.path.startswith(JSON_PREFIXES) or request.accept_mimetypes.best == "application/json"


def render_error(status: int, message: str):
    if wants_json():
        return jsonify(error_body(status, message)), status
    return render_template("error.html", status=status, message=message), status


def is_disk_full(error: Exception) -> bool:
    """SQLite's SQLITE_FULL ("database or disk is full") or PostgreSQL's disk_full (53100)."""
    if getattr(error, "sqlite_errorname", None) == "SQLITE_FULL":
        return True
    return getattr(error, "sqlstate", None) == "53100"


def init_app(app: Flask) -> None:
    @app.errorhandler(BitextoError)
    def handle_core_error(error: BitextoError):
        return render_error(error.status, error.message)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        return render_error(error.code or 500, error.description or error.name)

    def handle_database_error(error: Exception):
        # The store being down (PostgreSQL restarting, a locked or broken file) is not a
        # bug in the request: say so with a 503, which clients know to retry.
        logger.error("article store error on %s %s: %s", request.method, request.path, error)
        return render_error(503, STORE_FULL if is_disk_full(error) else STORE_UNAVAILABLE)

    for database_error in database_errors():
        app.register_error_handler(database_error, handle_database_error)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500, InternalServerError.description)
