"""A real PostgreSQL server for the shared-store tests, on a Unix socket in a temporary folder.

One server per test session (initdb + pg_ctl, ~1 s); each test gets a database of its
own, dropped afterwards. The server listens on no TCP port, only on a socket in its
own folder, so pytest-socket's Unix-socket allowance is enough and nothing on the
machine can collide with it. Running as root (CI), the server runs as the `postgres`
account that Debian's package creates, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

from bitexto.database import close_postgres

PORT = 5432  # only names the socket file: the folder is ours alone
SUPERUSER = "bitexto"


def postgres_program(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is missing: `make test` installs it "
                           "(apt-get install postgresql)")
    return found


class PostgresServer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self._as_account: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(folder, account.pw_uid, account.pw_gid)
            self._as_account = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        completed = subprocess.run([*self._as_account, *command], capture_output=True, text=True)
        if completed.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {completed.stderr}{completed.stdout}\n{log}")

    def start(self) -> None:
        self._run(postgres_program("initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        self.restart()

    def restart(self) -> None:
        """Start the server on its existing data folder (after stop())."""
        options = (f"-k {self.folder} -p {PORT} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(postgres_program("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "30", "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server: "immediate" (the default, fast for tests) cuts it off as a crash
        would; "fast" is an operator's restart: sessions are cut, committed work is kept."""
        self._run(postgres_program("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={PORT}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url("postgres"), autocommit=True)


@pytest.fixture(scope="session")
def postgres_server():
    # A short path: a Unix socket's path is limited to ~107 bytes.
    folder = Path(tempfile.mkdtemp(prefix="bxpg-", dir="/tmp"))
    server = PostgresServer(folder)
    try:
        server.start()
        yield server
        server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database of this test's own."""
    name = f"test_{secrets.token_hex(6)}"
    with postgres_server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = postgres_server.url(name)
    yield url
    close_postgres(url)
    with postgres_server.admin() as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
