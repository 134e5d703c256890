"""Every setting of bitexto, in one table: built-in defaults, overridden by BITEXTO_* variables.

`SETTINGS` is the one list of what can be configured — its name, environment variable,
default, type and help. It feeds `Settings.from_env()` (the CLI, the worker and the web app
all read their settings through it), the web app's Flask config (webapp.config),
`bitexto serve --help`, and the README's configuration table, which a test holds against
it. Command-line options, where they exist, override the environment.

The translation core never reads the environment: `Settings.translate` hands it plain
`TranslateOptions`.
"""

from __future__ import annotations

import functools

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Mapping

from bitexto.database import is_postgres_url, redact
from bitexto.translate.options import TranslateOptions, default_data_dir

ENV_PREFIX = "BITEXTO_"
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    kind: type
    help: str
    section: str

    @property
    def variable(self) -> str:
        return ENV_PREFIX + self.name.upper()


_CORE = TranslateOptions.__dataclass_fields__

SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", None, Path, "Where models, the instance folder and its SQLite files live "
            "(default: the per-user data folder).", "translation"),
    Setting("engine", _CORE["engine"].default, str, "Translation engine: auto, argos or apertium.", "translation"),
    Setting("argos_version", _CORE["argos_version"].default, str, "Preferred Argos es→en package version.",
            "translation"),
    Setting("argos_beam_size", _CORE["argos_beam_size"].default, int, "Beam size for Argos decoding.",
            "translation"),
    Setting("argos_compute_type", _CORE["argos_compute_type"].default, str, "CTranslate2 compute type on CPU.",
            "translation"),
    Setting("argos_inter_threads", _CORE["argos_inter_threads"].default, int,
            "CTranslate2 batches decoded in parallel.", "translation"),
    Setting("argos_intra_threads", _CORE["argos_intra_threads"].default, int,
            "CTranslate2 threads inside one batch (0 = all cores).", "translation"),
    Setting("argos_max_batch_tokens", _CORE["argos_max_batch_tokens"].default, int,
            "Tokens per CTranslate2 batch.", "translation"),
    Setting("argos_chunk_sentences", _CORE["argos_chunk_sentences"].default, int,
            "Sentences per translate_batch call (bounds memory).", "translation"),
    Setting("argos_max_decoding_length", _CORE["argos_max_decoding_length"].default, int,
            "Longest English output per sentence, in tokens.", "translation"),
    Setting("apertium_pair", _CORE["apertium_pair"].default, str, "Apertium language pair.", "translation"),
    Setting("apertium_timeout_seconds", _CORE["apertium_timeout_seconds"].default, float,
            "Longest one Apertium run may take before it is stopped and the request fails.", "translation"),
    Setting("glossary", None, Path, "A glossary file (CSV or TSV: Spanish term, English) applied to "
            "every translation; a term given as itself is never translated.", "glossary"),
    Setting("max_chars", _CORE["max_chars"].default, int, "Longest article accepted, in characters.",
            "translation"),
    Setting("database_url", None, str, "A postgresql:// URL: the article store and translation cache "
            "shared by workers on several machines (default: a SQLite file).", "storage"),
    Setting("database", None, Path, "The article store's SQLite file (default: instance/bitexto.sqlite3 "
            "in the data folder).", "storage"),
    Setting("database_timeout_seconds", 5.0, float, "How long a request waits for a PostgreSQL connection "
            "before it is answered 503 (the database is down or restarting).", "storage"),
    Setting("max_request_bytes", 2 * 1024 * 1024, int, "Largest HTTP request body accepted.", "web"),
    Setting("rate_limit", "120 per minute", str, "Requests per client (IP address) and minute.", "web"),
    Setting("rate_limit_api_key", None, str, "Requests per API key holder (default: ten times "
            "BITEXTO_RATE_LIMIT).", "web"),
    Setting("ratelimit_storage", "memory://", str, "Where the rate limiter counts (memory:// or "
            "redis://…, shared by several servers).", "web"),
    Setting("require_api_keys", False, bool, "Refuse API requests without a key (bitexto keys create).", "web"),
    Setting("warm_up", True, bool, "Load the engine when the server starts, not on the first request.", "web"),
    Setting("summary_length", "3", str, "Default summary length: sentences (3) or a share (20%).", "web"),
    Setting("batch_max_articles", 1000, int, "Most articles in one POST /api/v1/batches.", "web"),
    Setting("translation_slots", None, int, "Translations running at once in the web app (default: one per "
            "core with Apertium, BITEXTO_ARGOS_INTER_THREADS with Argos).", "web"),
    Setting("translation_queue", None, int, "Translation requests that may wait for a slot; more are "
            "refused at once with 503 and Retry-After (default: four per slot).", "web"),
    Setting("translation_wait_seconds", 10.0, float, "Longest a translation request waits for a slot "
            "before it is refused.", "web"),
    Setting("page_cache_mb", 32, int, "Memory for rendered pages of stored articles (0: none).", "web"),
    Setting("threads", None, int, "Waitress threads of `bitexto serve` (default: the translation slots and "
            "queue plus 16, so that reads always find a thread).", "web"),
    Setting("connection_limit", 1000, int, "Open connections `bitexto serve` accepts at once.", "web"),
    Setting("secret_key", None, str, "Signs the web app's sessions and forms (default: a random key kept "
            "in the instance folder).", "web"),
    Setting("queue", None, str, "redis://HOST:PORT/N: the job queue for workers on any machine "
            "(default: a SQLite queue on this machine).", "jobs"),
    Setting("workers", None, int, "Job worker threads inside the web app (default: 1 with the SQLite "
            "queue, 0 with Redis).", "jobs"),
    Setting("job_lease_seconds", 30.0, float, "How long a job's claim holds without a heartbeat before "
            "another worker takes it over.", "jobs"),
    Setting("job_max_attempts", 3, int, "Interrupted runs after which a job is given up.", "jobs"),
    Setting("job_retention_days", 7.0, float, "Days finished jobs are remembered (0: forever).", "jobs"),
    Setting("job_sentences", 150, int, "Longer articles (in sentences) become background jobs.", "jobs"),
    Setting("job_chars", 20_000, int, "Longer articles (in characters) become background jobs.", "jobs"),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def parse_value(setting: Setting, raw: str) -> object:
    """The value of `raw` for `setting`; ValueError naming the variable when it is not one."""
    raw = raw.strip()
    if setting.kind is bool:
        if raw.lower() in TRUE_WORDS:
            return True
        if raw.lower() in FALSE_WORDS:
            return False
        raise ValueError(f"{setting.variable} must be one of 1/0, true/false, yes/no, on/off, not {raw!r}")
    if setting.kind in (int, float):
        try:
            value = setting.kind(raw)
        except ValueError:
            kind = "a whole number" if setting.kind is int else "a number"
            raise ValueError(f"{setting.variable} must be {kind}, not {raw!r}") from None
        if value < 0:
            raise ValueError(f"{setting.variable} must not be negative, not {raw!r}")
        return value
    return setting.kind(raw)


@functools.lru_cache(maxsize=8)
def _read_glossary(path: str, stamp: tuple | None):
    from bitexto.translate.glossary import Glossary

    return Glossary.from_file(path)


@dataclass(frozen=True)
class Settings:
    """The value of every setting in SETTINGS (the field names are the table's names)."""

    data_dir: Path
    engine: str
    argos_version: str
    argos_beam_size: int
    argos_compute_type: str
    argos_inter_threads: int
    argos_intra_threads: int
    argos_max_batch_tokens: int
    argos_chunk_sentences: int
    argos_max_decoding_length: int
    apertium_pair: str
    apertium_timeout_seconds: float
    glossary: Path | None
    max_chars: int
    database_url: str | None
    database: Path | None
    database_timeout_seconds: float
    max_request_bytes: int
    rate_limit: str
    rate_limit_api_key: str | None
    ratelimit_storage: str
    require_api_keys: bool
    warm_up: bool
    summary_length: str
    batch_max_articles: int
    translation_slots: int | None
    translation_queue: int | None
    translation_wait_seconds: float
    page_cache_mb: int
    threads: int | None
    connection_limit: int
    secret_key: str | None
    queue: str | None
    workers: int | None
    job_lease_seconds: float
    job_max_attempts: int
    job_retention_days: float
    job_sentences: int
    job_chars: int

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> "Settings":
        """Defaults, then BITEXTO_* variables, then `overrides` (None values are ignored)."""
        environ = os.environ if environ is None else environ
        values = {}
        for setting in SETTINGS:
            raw = environ.get(setting.variable)
            values[setting.name] = setting.default if raw is None or not raw.strip() else parse_value(setting, raw)
        values.update({name: value for name, value in overrides.items() if value is not None})
        values["data_dir"] = Path(values["data_dir"] or default_data_dir()).expanduser()
        return cls(**values)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @property
    def translate(self) -> TranslateOptions:
        """The options the translation core takes."""
        return TranslateOptions(**{name: getattr(self, name) for name in TranslateOptions.__dataclass_fields__})

    def load_glossary(self, path: Path | str | None = None):
        """The glossary in `path`, else in BITEXTO_GLOSSARY, else None (GlossaryError if unusable).

        Read again only when the file changes, so every article may ask for it."""
        chosen = path or self.glossary
        if not chosen:
            return None
        chosen = Path(chosen).expanduser()
        try:
            stat = chosen.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None  # from_file reports the problem
        return _read_glossary(str(chosen), stamp)

    def engine_in_use(self) -> str:
        """The engine a translation will use: BITEXTO_ENGINE, with `auto` resolved to argos
        when an Argos es→en package is installed, else apertium."""
        if self.engine != "auto":
            return self.engine
        from bitexto.translate.engines import argos_installed

        return "argos" if argos_installed(self.translate) else "apertium"

    @property
    def instance_dir(self) -> Path:
        """The instance folder: the SQLite store and queue, the web app's secret."""
        return self.data_dir / "instance"

    def database_location(self) -> str | Path:
        """The article store: BITEXTO_DATABASE_URL (PostgreSQL), else the SQLite file
        BITEXTO_DATABASE, else bitexto.sqlite3 in the instance folder."""
        url = (self.database_url or "").strip()
        if url:
            if not is_postgres_url(url):
                raise ValueError(f"BITEXTO_DATABASE_URL must be a postgresql:// URL, not {redact(url)!r}")
            return url
        return Path(self.database or self.instance_dir / "bitexto.sqlite3")


def settings_help(sections: tuple[str, ...] | None = None) -> str:
    """The settings as text for a command's --help: one variable and its default a line."""
    lines = []
    for setting in SETTINGS:
        if sections is None or setting.section in sections:
            default = "" if setting.default is None else f" (default: {setting.default})"
            lines.append(f"{setting.variable}: {setting.help}{default}")
    return "\n".join(lines)


def settings_markdown() -> str:
    """The README's configuration table (tests/test_settings_docs.py keeps them equal)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for setting in SETTINGS:
        default = "unset" if setting.default is None else f"`{setting.default}`"
        rows.append(f"| `{setting.variable}` | {default} | {setting.help} |")
    return "\n".join(rows)


if __name__ == "__main__":  # python -m bitexto.settings: the table for the README
    print(settings_markdown())
