"""Web app configuration: built-in defaults, then BITEXTO_* environment variables, then a test config."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bitexto.database import is_postgres_url, redact
from bitexto.settings import Settings

WEB_SETTINGS = {
    # name: (environment variable, default, type)
    "MAX_CONTENT_LENGTH": ("BITEXTO_MAX_REQUEST_BYTES", 2 * 1024 * 1024, int),
    "RATELIMIT_DEFAULT": ("BITEXTO_RATE_LIMIT", "120 per minute", str),
    # Unset: ten times RATELIMIT_DEFAULT (webapp.limits).
    "RATELIMIT_API_KEY": ("BITEXTO_RATE_LIMIT_API_KEY", None, str),
    "RATELIMIT_STORAGE_URI": ("BITEXTO_RATELIMIT_STORAGE", "memory://", str),
    "REQUIRE_API_KEYS": ("BITEXTO_REQUIRE_API_KEYS", False, bool),
    "WARM_UP": ("BITEXTO_WARM_UP", True, bool),
    "DEFAULT_SUMMARY_LENGTH": ("BITEXTO_SUMMARY_LENGTH", "3", str),
    "BATCH_MAX_ARTICLES": ("BITEXTO_BATCH_MAX_ARTICLES", 1000, int),
}
TRUE_WORDS = {"1", "true", "yes", "on"}


def _convert(raw: str, kind: type):
    if kind is bool:
        return raw.strip().lower() in TRUE_WORDS
    return kind(raw)


def load_config(instance_path: Path, environ=None) -> dict:
    environ = os.environ if environ is None else environ
    config: dict = {"BITEXTO": Settings.from_env(environ)}
    for name, (variable, default, kind) in WEB_SETTINGS.items():
        raw = environ.get(variable)
        if raw not in (None, ""):
            config[name] = _convert(raw, kind)
        elif default is not None:
            config[name] = default
    config["DATABASE"] = database_location(instance_path, environ)
    config["SECRET_KEY"] = environ.get("BITEXTO_SECRET_KEY") or _instance_secret(instance_path)
    return config


def database_location(instance_path: Path, environ=None) -> str | Path:
    """The article store: BITEXTO_DATABASE_URL (PostgreSQL), else the SQLite file
    BITEXTO_DATABASE, else bitexto.sqlite3 in the instance folder."""
    environ = os.environ if environ is None else environ
    url = environ.get("BITEXTO_DATABASE_URL", "").strip()
    if url:
        if not is_postgres_url(url):
            raise ValueError(f"BITEXTO_DATABASE_URL must be a postgresql:// URL, not {redact(url)!r}")
        return url
    return Path(environ.get("BITEXTO_DATABASE") or instance_path / "bitexto.sqlite3")


def _instance_secret(instance_path: Path) -> str:
    """A random secret kept in the instance folder, so sessions survive restarts without a
    well-known default key."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
