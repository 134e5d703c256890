"""Shared fixtures for the Argos tests: a tiny synthetic package built once per session.

Test modules import the fixtures they use from here (`from argos_fixtures import ...`).
Each importing module gets its own fixture definition, so the build itself is cached at
module level to happen once per process.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from bitexto.settings import Settings
from bitexto.translate.options import TranslateOptions
from bitexto.translate.testing import build_argos_package, build_corrupt_variants

NETWORK_EVENTS = ("socket.connect", "socket.__new__", "socket.getaddrinfo")

_built: dict[str, object] = {}
_build_lock = threading.Lock()


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory) -> Path:
    """A tiny random-weight es→en .argosmodel (version 0.0-test); do not modify it."""
    with _build_lock:
        if "tiny" not in _built:
            _built["tiny"] = build_argos_package(tmp_path_factory.mktemp("argos-tiny"))
        return _built["tiny"]


@pytest.fixture(scope="session")
def corrupt_variants(tiny_package, tmp_path_factory) -> dict[str, Path]:
    with _build_lock:
        if "corrupt" not in _built:
            _built["corrupt"] = build_corrupt_variants(
                tiny_package, tmp_path_factory.mktemp("argos-corrupt"))
        return _built["corrupt"]


def fast_settings(**overrides) -> TranslateOptions:
    """Options for the current (per-test) data dir with decoding kept short for speed."""
    values = dict(argos_max_decoding_length=12, argos_beam_size=2)
    values.update(overrides)
    return Settings.from_env(**values).translate


class _NetworkAudit:
    """Records socket audit events while `recording` is on; the hook is added only once
    per process because audit hooks can never be removed."""

    def __init__(self) -> None:
        self.installed = False
        self.recording = False
        self.events: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def hook(self, event: str, args: tuple) -> None:
        if self.recording and event in NETWORK_EVENTS:
            self.events.append((event, repr(args)[:200]))

    @contextlib.contextmanager
    def record(self) -> Iterator[list[tuple[str, str]]]:
        with self._lock:
            if not self.installed:
                sys.addaudithook(self.hook)
                self.installed = True
            self.events = []
            self.recording = True
            try:
                yield self.events
            finally:
                self.recording = False


network_audit = _NetworkAudit()
