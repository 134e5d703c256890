"""An `apertium` that misbehaves on demand, first on PATH for the test and every process it starts.

It runs Debian's real apertium, unless the test arms a fault by creating a file in the
fault folder (BITEXTO_TEST_FAULTS):

- `hang`: the run writes its process id to `pid` and sleeps for ten minutes, as a stuck
  engine would (the test may kill it, or let the engine's timeout do so);
- `slow`: the run waits half a second before translating, so that work is in flight long
  enough to be interrupted.

Each run also appends a line to `runs`, so a test can tell that the engine was reached.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

REAL_APERTIUM = shutil.which("apertium") or "/usr/bin/apertium"
SCRIPT = """#!/bin/sh
faults="$BITEXTO_TEST_FAULTS"
if [ "$1" = "-l" ]; then exec {real} "$@"; fi
echo run >> "$faults/runs"
if [ -e "$faults/hang" ]; then echo $$ > "$faults/pid"; exec sleep 600; fi
if [ -e "$faults/slow" ]; then sleep 0.5; fi
exec {real} "$@"
"""


class Faults:
    def __init__(self, folder: Path):
        self.folder = folder

    def arm(self, name: str) -> None:
        (self.folder / name).touch()

    def disarm(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)

    def runs(self) -> int:
        path = self.folder / "runs"
        return len(path.read_text().splitlines()) if path.exists() else 0

    def hung_pid(self, timeout: float = 60.0) -> int:
        """The process id of the hanging run, once it has started."""
        path = self.folder / "pid"
        deadline = time.monotonic() + timeout
        while not (path.exists() and path.read_text().strip()):
            if time.monotonic() > deadline:
                raise AssertionError("no apertium run ever hung")
            time.sleep(0.02)
        return int(path.read_text())


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (killed, not yet reaped by its parent) is not running either.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def faults(tmp_path, monkeypatch) -> Faults:
    folder = tmp_path / "faults"
    folder.mkdir()
    bin_dir = tmp_path / "fault-bin"
    bin_dir.mkdir()
    script = bin_dir / "apertium"
    script.write_text(SCRIPT.format(real=REAL_APERTIUM))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("BITEXTO_TEST_FAULTS", str(folder))
    return Faults(folder)
