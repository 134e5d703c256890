"""Where a batch writes, built so that a SIGKILL at any moment loses at most the article
being written, and a rerun gives every article exactly once.

Both outputs rest on `RecordLog`, an append-only JSONL file:

- every record is one complete line, written with one write() then flush + fsync;
- on open, a torn last line (no final newline: the process died mid-write) is cut off,
  and the log is indexed: the last record per id wins;
- when an id has more than one record (an article redone because it failed before or
  its text changed), the log is compacted: rewritten without the superseded records to
  a temporary file, fsynced, then os.replace'd over the old one — never half-written.

`JsonlOutput` is a RecordLog of full results. `DirectoryOutput` writes one file per
article (temporary file + os.replace) and then appends a small record to its manifest,
`bitexto-manifest.jsonl`; an article file whose manifest line never made it is simply
redone and replaced.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from bitexto.analysis import ArticleInput, ArticleOutcome
from bitexto.batch.render import FILE_SUFFIXES, FORMATS, render_html, render_markdown
from bitexto.translate.errors import InputError

MANIFEST_NAME = "bitexto-manifest.jsonl"
MAX_NAME_COMPONENT = 120
# What the index keeps of each record: enough to decide "done", not the whole result,
# so that memory does not grow with the size of the output.
INDEX_KEYS = ("id", "hash", "status", "format", "file")
_UNSAFE_NAME_CHARS = re.compile(r"[^\w.\- ]")


class RecordLog:
    """An append-only file of JSON records keyed by "id"; see the module docstring."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch(exist_ok=True)
        # Left by a compaction that was killed before its os.replace: never the real file.
        for stale in self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"):
            stale.unlink(missing_ok=True)
        _cut_torn_tail(self.path)
        self.index: dict[str, dict] = {}
        self._superseded = False
        for record in self._records():
            self._remember(record)
        if self._superseded:
            self.compact()
        self._file = self.path.open("ab")

    def append(self, record: dict) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        self._file.write(line)
        self._file.flush()
        os.fsync(self._file.fileno())
        self._remember(record)

    def close(self) -> None:
        if self._file.closed:
            return
        self._file.close()
        if self._superseded:
            self.compact()

    def compact(self) -> None:
        """Keep only the last record of each id, replacing the file atomically."""
        last = {record_id: position for position, record_id in enumerate(self._ids())}
        keep = set(last.values())
        kept_lines = (line for position, line in enumerate(self._lines()) if position in keep)
        _atomic_write(self.path, lambda handle: handle.writelines(kept_lines))
        self._superseded = False

    def _remember(self, record: dict) -> None:
        if record["id"] in self.index:
            self._superseded = True
        self.index[record["id"]] = {key: record[key] for key in INDEX_KEYS if key in record}

    def _lines(self) -> Iterator[bytes]:
        """Lines that hold a record with an id; anything else is dropped by compaction."""
        with self.path.open("rb") as handle:
            for line in handle:
                if _parse(line) is not None:
                    yield line

    def _records(self) -> Iterator[dict]:
        for line in self._lines():
            yield _parse(line)

    def _ids(self) -> Iterator[str]:
        for record in self._records():
            yield record["id"]


def _parse(line: bytes) -> dict | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and isinstance(record.get("id"), str) else None


def _cut_torn_tail(path: Path) -> None:
    """Truncate after the last newline: whatever follows is a line cut short by a kill."""
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        position = size
        while position > 0:
            step = min(position, 1 << 16)
            handle.seek(position - step)
            block = handle.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                position = position - step + newline + 1
                break
            position -= step
        if position != size:
            handle.truncate(position)
            handle.flush()
            os.fsync(handle.fileno())


def _atomic_write(path: Path, write: Callable) -> None:
    """Write a file via a temporary sibling + fsync + os.replace: old or new, never half."""
    handle = tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp", delete=False)
    try:
        with handle:
            # NamedTemporaryFile is private (0600); keep the mode the file had or would get.
            os.chmod(handle.name, path.stat().st_mode & 0o777 if path.exists() else _new_file_mode())
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


@functools.cache
def _new_file_mode() -> int:
    umask = os.umask(0)  # the only way to read the umask is to set it
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class JsonlOutput:
    """One JSONL file, one complete result object per line."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.log = RecordLog(self.path)

    def is_done(self, item: ArticleInput) -> bool:
        record = self.log.index.get(item.id)
        return record is not None and record.get("hash") == item.hash and record.get("status") == "ok"

    def write(self, result: ArticleOutcome) -> None:
        self.log.append(result.to_dict())

    def close(self) -> None:
        self.log.close()


class DirectoryOutput:
    """One file per article (`<id>.json`, `.html` or `.md`), and a manifest of what is done.

    A failed article has no file; its reason is in the manifest. An earlier file for it
    (from a previous version of the article) is removed, so no stale result remains.
    """

    def __init__(self, path: Path, format: str = "jsonl"):
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}")
        self.path = Path(path)
        self.format = format
        self.path.mkdir(parents=True, exist_ok=True)
        self.manifest = RecordLog(self.path / MANIFEST_NAME)

    def is_done(self, item: ArticleInput) -> bool:
        record = self.manifest.index.get(item.id)
        return (record is not None and record.get("hash") == item.hash
                and record.get("status") == "ok" and record.get("format") == self.format
                and (self.path / record["file"]).is_file())

    def write(self, result: ArticleOutcome) -> None:
        name = self.file_name(result.id)
        target = self.path / name
        entry = {"id": result.id, "hash": result.hash, "format": self.format}
        if result.ok:
            target.parent.mkdir(parents=True, exist_ok=True)
            content = self._render(result).encode("utf-8")
            _atomic_write(target, lambda handle: handle.write(content))
            _fsync_directory(target.parent)
            self.manifest.append({**entry, "status": "ok", "file": name})
        else:
            target.unlink(missing_ok=True)
            self.manifest.append({**entry, "status": "failed", "error": result.error})

    def close(self) -> None:
        self.manifest.close()

    def file_name(self, article_id: str) -> str:
        return safe_relative_name(article_id) + FILE_SUFFIXES[self.format]

    def _render(self, result: ArticleOutcome) -> str:
        if self.format == "html":
            return render_html(result)
        if self.format == "md":
            return render_markdown(result)
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def safe_relative_name(article_id: str) -> str:
    """A relative path for an id that cannot escape the output directory.

    "2024/a.txt" stays "2024/a.txt" (folders are kept); characters outside letters,
    digits, ". - _ space", and components such as "..", are replaced. When anything had to
    change, a short hash of the id is appended so that two ids never share a file.
    """
    parts = []
    for part in article_id.split("/"):
        safe = _UNSAFE_NAME_CHARS.sub("_", part).strip()[:MAX_NAME_COMPONENT]
        if safe in ("", ".", "..") or safe.startswith("."):
            safe = "_" + safe.lstrip(".")
        parts.append(safe)
    name = "/".join(parts)
    if name != article_id:
        name += "~" + hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return name


def open_output(path: Path, format: str = "jsonl") -> JsonlOutput | DirectoryOutput:
    """A JSONL file for `--format jsonl` unless `path` is a directory (existing, or written
    with a trailing slash); html and md always write a directory."""
    path_text = str(path)
    path = Path(path)
    if format == "jsonl" and not path.is_dir() and not path_text.endswith(("/", os.sep)):
        return JsonlOutput(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file; --format {format} writes a directory of files.")
    return DirectoryOutput(path, format)
