"""The web app's Flask config, made from bitexto's one settings table (bitexto.settings),
then a test config on top (create_app's argument)."""

from __future__ import annotations

import secrets
from pathlib import Path

from bitexto.jobs import JobSettings
from bitexto.settings import Settings


def load_config(settings: Settings) -> dict:
    config: dict = {
        "BITEXTO": settings,
        "JOBS": JobSettings.from_settings(settings),
        "MAX_CONTENT_LENGTH": settings.max_request_bytes,
        "RATELIMIT_DEFAULT": settings.rate_limit,
        "RATELIMIT_STORAGE_URI": settings.ratelimit_storage,
        "REQUIRE_API_KEYS": settings.require_api_keys,
        "WARM_UP": settings.warm_up,
        "DEFAULT_SUMMARY_LENGTH": settings.summary_length,
        "BATCH_MAX_ARTICLES": settings.batch_max_articles,
        "DATABASE": settings.database_location(),
        "SECRET_KEY": settings.secret_key or _instance_secret(settings.instance_dir),
    }
    if settings.rate_limit_api_key:  # unset: ten times RATELIMIT_DEFAULT (webapp.limits)
        config["RATELIMIT_API_KEY"] = settings.rate_limit_api_key
    return config


def _instance_secret(instance_path: Path) -> str:
    """A random secret kept in the instance folder, so sessions survive restarts without a
    well-known default key."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
