"""A real redis-server for the job-queue tests, on a free loopback port.

One server per test session; each test gets an empty database. Nothing is persisted:
no RDB snapshots, no AOF, and its working directory is a temporary folder.
Tests that use it need `@pytest.mark.enable_socket` (pytest-socket blocks TCP).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
START_TIMEOUT = 10.0


def free_port() -> int:
    # redis-server cannot pick a port itself (--port 0 disables TCP): ask the kernel for
    # one and hand it over. Another process could take it in between; start() retries.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, workdir: Path, *, persistent: bool = False):
        self.workdir = workdir
        self.process: subprocess.Popen | None = None
        self.port = 0
        # Persistent: every write is in the append-only file before Redis answers, so a
        # server killed and started again (restart()) has lost nothing.
        self.persistence = (["--appendonly", "yes", "--appendfsync", "always"] if persistent
                            else ["--appendonly", "no"])

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        for _attempt in range(3):
            self.port = free_port()
            if self._launch():
                return
            self.stop()
        raise RuntimeError(f"redis-server ({REDIS_SERVER}) did not start on a loopback port")

    def restart(self) -> None:
        """Start again on the same port, after stop() (clients reconnect to the same URL)."""
        if not self._launch():
            raise RuntimeError(f"redis-server did not start again on port {self.port}")

    def _launch(self) -> bool:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             *self.persistence, "--dir", str(self.workdir), "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )
        return self._wait_until_ready()

    def _wait_until_ready(self) -> bool:
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    return False  # exited: most likely the port was taken meanwhile
                try:
                    if client.ping():
                        return True
                except redis.ConnectionError:
                    time.sleep(0.05)
            return False
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server():
    with tempfile.TemporaryDirectory(prefix="bitexto-redis-") as workdir:
        server = RedisServer(Path(workdir))
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def redis_url(redis_server):
    """The server's URL, its database emptied before and after the test."""
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    try:
        yield redis_server.url
    finally:
        client.flushdb()
        client.close()
