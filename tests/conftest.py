"""Test-wide isolation: no real home directory, no shared data dir, no network.

HOME and the XDG directories point at a throwaway folder before anything imports
argostranslate (which creates folders under HOME at import time), and every test
gets its own BITEXTO_DATA_DIR.
"""

import os
import tempfile
from pathlib import Path

import pytest

# urllib3 (imported by sumy through requests) probes IPv6 at import time by binding a
# socket to ::1. That is no network access; do it before pytest-socket blocks sockets so
# that a blocked-socket warning always means something.
import urllib3  # noqa: F401, E402

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="bitexto-test-home-"))
for _name, _sub in (("HOME", ""), ("XDG_DATA_HOME", "share"), ("XDG_CONFIG_HOME", "config"),
                    ("XDG_CACHE_HOME", "cache")):
    os.environ[_name] = str(_SESSION_HOME / _sub)
os.environ.pop("ARGOS_PACKAGE_INDEX", None)

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A fresh data dir for every test: BITEXTO_DATA_DIR for the application, and the
    per-user data dir that the core's TranslateOptions() defaults to, made the same folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    path = tmp_path / "share" / "bitexto"
    monkeypatch.setenv("BITEXTO_DATA_DIR", str(path))
    for name in list(os.environ):
        if name.startswith("BITEXTO_") and name != "BITEXTO_DATA_DIR":
            monkeypatch.delenv(name)
    return path


@pytest.fixture
def seed_text():
    return (SEEDS / "000_957073114899cdb1.txt").read_text(encoding="utf-8")
