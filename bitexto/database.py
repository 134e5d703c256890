"""The article store's database: a SQLite file (the default) or PostgreSQL.

Articles, API keys and the translation cache live here. One machine needs nothing
more than the SQLite file in the instance folder. Workers on several machines need a
database they all reach, because SQLite's locks do not hold on a network disk: set
`BITEXTO_DATABASE_URL=postgresql://USER@HOST:PORT/NAME` (with the `postgres` extra
installed) and every process — web app, `bitexto worker`, CLI — uses it.

Callers write one SQL for both: `?` placeholders, `ON CONFLICT` upserts and
`DOUBLE PRECISION`, which SQLite and PostgreSQL both understand; rows are read by
column name. A `session()` is one transaction, committed when its block ends without
an error and rolled back otherwise.
"""

from __future__ import annotations

import atexit
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol, Sequence
from urllib.parse import urlsplit, urlunsplit

from bitexto.translate.errors import DatabaseUnavailable

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POOL_MAX_CONNECTIONS = 10
DEFAULT_TIMEOUT_SECONDS = 30.0


class Session(Protocol):
    def query(self, sql: str, params: Sequence[Any] = ()) -> list: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; returns the number of rows it changed."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


class Database(Protocol):
    location: str

    def session(self) -> Iterator[Session]: ...

    def create_schema(self, ddl: str) -> None: ...


def database_errors() -> tuple[type[BaseException], ...]:
    """What either driver raises when its database is unreachable or broken."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    try:
        import psycopg
        from psycopg_pool import PoolTimeout
    except ImportError:
        return errors
    return (*errors, psycopg.Error, PoolTimeout)


def is_postgres_url(location: str | Path) -> bool:
    return str(location).startswith(POSTGRES_SCHEMES)


def open_database(location: str | Path, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Database:
    """The database at `location`: a postgresql:// URL, or else a SQLite file path.

    `timeout`: how long a PostgreSQL session waits for a connection before failing (the
    first opener of a URL in a process sets it for the process's pool)."""
    if is_postgres_url(location):
        return _postgres(str(location), timeout)
    return SQLiteDatabase(Path(location))


def redact(location: str | Path) -> str:
    """`location` fit for a log line: a URL's password replaced by ***."""
    text = str(location)
    if not is_postgres_url(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


# --- SQLite ---------------------------------------------------------------------------


class _SQLiteSession:
    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def query(self, sql, params=()):
        return self.connection.execute(sql, tuple(params)).fetchall()

    def execute(self, sql, params=()):
        return self.connection.execute(sql, tuple(params)).rowcount

    def executemany(self, sql, rows):
        self.connection.executemany(sql, rows)


class SQLiteDatabase:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.location = str(self.path)
        # One connection per thread and database: sqlite3 connections must not cross
        # threads, and opening one per query would redo the file's set-up each time.
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30)
            connection.row_factory = sqlite3.Row
            self._local.connection = connection
        return connection

    @contextmanager
    def session(self) -> Iterator[Session]:
        connection = self._connection()
        with connection:  # commits, or rolls back on an exception
            yield _SQLiteSession(connection)

    def create_schema(self, ddl: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = self._connection()
        # WAL: readers never wait for the one writer.
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(ddl)


# --- PostgreSQL -----------------------------------------------------------------------


def _postgres_placeholders(sql: str) -> str:
    if "%" in sql:
        raise ValueError("SQL for both databases must not contain '%'")
    return sql.replace("?", "%s")


def _postgres_value(value):
    # PostgreSQL's text cannot hold NUL, which no article needs (the cleaner drops
    # control characters); a pasted NUL must not turn into an error.
    return value.replace("\x00", "") if isinstance(value, str) else value


def _postgres_params(params: Sequence[Any]) -> tuple:
    return tuple(_postgres_value(value) for value in params)


class _PostgresSession:
    def __init__(self, connection):
        self.connection = connection

    def query(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(_postgres_placeholders(sql), _postgres_params(params))
            return cursor.fetchall()

    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(_postgres_placeholders(sql), _postgres_params(params))
            return cursor.rowcount

    def executemany(self, sql, rows):
        with self.connection.cursor() as cursor:
            cursor.executemany(_postgres_placeholders(sql), [_postgres_params(row) for row in rows])


class PostgresDatabase:
    """A connection pool to one PostgreSQL database, shared by the process's threads."""

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS):
        try:
            from psycopg.rows import dict_row
            from psycopg_pool import ConnectionPool, PoolTimeout
        except ImportError:
            raise DatabaseUnavailable(
                "BITEXTO_DATABASE_URL is a PostgreSQL URL, but the PostgreSQL driver is not "
                "installed. Install it with: pip install 'bitexto[postgres]'"
            ) from None
        self.location = url
        self.pool = ConnectionPool(
            url, min_size=1, max_size=POOL_MAX_CONNECTIONS, open=False, timeout=timeout,
            kwargs={"row_factory": dict_row, "connect_timeout": max(1, round(timeout))},
            name=f"bitexto:{redact(url)}",
            # A connection left idle while the server restarted is dead: checked before
            # each use (one round trip), it is replaced instead of failing a request.
            check=ConnectionPool.check_connection,
        )
        try:
            self.pool.open(wait=True, timeout=timeout)
        except PoolTimeout:
            self.pool.close()
            raise DatabaseUnavailable(f"Cannot reach the database at {redact(url)}.") from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        # The pool's block commits on success and rolls back on an error.
        with self.pool.connection() as connection:
            yield _PostgresSession(connection)

    def create_schema(self, ddl: str) -> None:
        with self.session() as session:
            # Several processes may start at once; the lock makes their
            # CREATE … IF NOT EXISTS wait for each other instead of colliding.
            session.execute("SELECT pg_advisory_xact_lock(hashtext('bitexto schema'))")
            for statement in filter(str.strip, ddl.split(";")):
                session.execute(statement)

    def close(self) -> None:
        self.pool.close()


_pools: dict[str, PostgresDatabase] = {}
_pools_lock = threading.Lock()


def _postgres(url: str, timeout: float) -> PostgresDatabase:
    # One pool per URL and process: every app, cache and worker thread shares it.
    with _pools_lock:
        database = _pools.get(url)
        if database is None:
            database = _pools[url] = PostgresDatabase(url, timeout=timeout)
        return database


def close_postgres(url: str | None = None) -> None:
    """Close the pool for `url` (every pool when None): before dropping a database."""
    with _pools_lock:
        urls = [url] if url is not None else list(_pools)
        for each in urls:
            database = _pools.pop(each, None)
            if database is not None:
                database.close()


atexit.register(close_postgres)
