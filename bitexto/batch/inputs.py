"""What a batch reads: files, directories, JSONL files and stdin, turned into ArticleInputs.

Every article gets a stable id, so that a rerun recognises what it already did:

- a file given directly: its name ("a.txt"), so `batch dir/*.txt` and `batch dir` agree;
- a file found in a directory: its path relative to that directory ("2024/a.html");
- a JSONL line: its "id" field, else "<file stem>-<line number>";
- stdin: "stdin-1" for a plain article; stdin holding JSONL is read like a JSONL file,
  with "stdin-<line number>" for lines without an id.

The content hash (sha256) is of the bytes as read for files and plain stdin, and of the
UTF-8 text for JSONL lines and Python strings. Nothing is read before it is needed:
`InputSet` counts articles up front (for the progress bar) and loads one at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from bitexto.analysis import ArticleInput
from bitexto.translate.errors import InputError, InputTooLarge
from bitexto.translate.inputs import decode_text

ARTICLE_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"
# A file this many times larger than BITEXTO_MAX_CHARS cannot pass the size check
# whatever its encoding (UTF-8 needs at most 4 bytes a character): it is hashed in
# chunks and failed without being loaded into memory.
MAX_BYTES_PER_CHAR = 4
HASH_CHUNK = 1 << 20


def clean_id(item_id: str) -> str:
    """An id that can be written as UTF-8: lone surrogates (from a JSONL "\\ud800" or a
    file name that is not UTF-8) are spelled out as backslash escapes."""
    return item_id.encode("utf-8", "backslashreplace").decode("utf-8")


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def item_from_text(item_id: str, text: str, media_type: str = "text/plain") -> ArticleInput:
    return ArticleInput(id=item_id, text=text, hash=content_hash(text), media_type=media_type)


def item_from_bytes(item_id: str, data: bytes, media_type: str = "text/plain") -> ArticleInput:
    """Decode with the same rules as the other surfaces; undecodable input becomes an error item."""
    digest = content_hash(data)
    try:
        text, _encoding = decode_text(data)
    except InputError as error:
        return ArticleInput(id=item_id, text=None, hash=digest, media_type=media_type, error=error.message)
    return ArticleInput(id=item_id, text=text, hash=digest, media_type=media_type)


@dataclass(frozen=True)
class _Source:
    kind: str  # "file", "jsonl" or "stdin"
    path: Path | None
    id: str  # the article id for a file; the id prefix for JSONL lines without one


class InputSet:
    """The articles named by the command line's INPUT arguments, in a stable order.

    Directories are walked recursively in sorted order for .txt/.html/.htm files;
    hidden files and folders, and anything under `exclude` (the output directory when it
    sits inside an input directory), are left out. `len()` is known before any article
    is loaded.
    """

    def __init__(self, inputs: Sequence[str], *, stdin: bytes | None = None,
                 max_chars: int = 200_000, exclude: Path | None = None):
        self.max_chars = max_chars
        self._stdin = stdin
        self._stdin_parsed: list[ArticleInput] | None = None
        self._exclude = exclude.resolve() if exclude is not None else None
        self.sources = [source for name in inputs for source in self._expand(name)]
        self._count = sum(self._count_source(source) for source in self.sources)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[ArticleInput]:
        for source in self.sources:
            if source.kind == "file":
                yield self._read_file(source.path, source.id)
            elif source.kind == "jsonl":
                with source.path.open("rb") as handle:
                    yield from jsonl_items(handle, source.id)
            else:
                yield from self._stdin_items()

    def _expand(self, name: str) -> list[_Source]:
        if name == STDIN:
            if self._stdin is None:
                raise InputError("stdin ('-') was given as an input but nothing can be read from it.")
            return [_Source("stdin", None, "stdin")]
        path = Path(name)
        if path.is_dir():
            if self._excluded(path):
                raise InputError(f"The output directory {name} cannot also be an input directory.")
            return [_Source("file", found, clean_id(found.relative_to(path).as_posix()))
                    for found in self._walk(path)]
        if not path.exists():
            raise InputError(f"Input not found: {name}")
        if path.suffix.lower() in JSONL_SUFFIXES:
            return [_Source("jsonl", path, path.stem)]
        return [_Source("file", path, clean_id(path.name))]

    def _walk(self, root: Path) -> list[Path]:
        found = []
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")
                                   and not self._excluded(Path(folder, d)))
            found += [Path(folder, f) for f in files
                      if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
        return sorted(found, key=lambda p: p.relative_to(root).parts)

    def _excluded(self, path: Path) -> bool:
        return self._exclude is not None and path.resolve() == self._exclude

    def _count_source(self, source: _Source) -> int:
        if source.kind == "file":
            return 1
        if source.kind == "jsonl":
            with source.path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        return len(self._stdin_items())

    def _read_file(self, path: Path, item_id: str) -> ArticleInput:
        media_type = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text/plain")
        try:
            size = path.stat().st_size
            if size > self.max_chars * MAX_BYTES_PER_CHAR:
                return ArticleInput(id=item_id, text=None, hash=_hash_file(path), media_type=media_type,
                                 error=InputTooLarge(
                                     f"The file has {size:,} bytes, far over the limit of "
                                     f"{self.max_chars:,} characters (BITEXTO_MAX_CHARS).").message)
            return item_from_bytes(item_id, path.read_bytes(), media_type)
        except OSError as error:
            return ArticleInput(id=item_id, text=None, hash=content_hash(b""), media_type=media_type,
                             error=f"The file could not be read: {error.strerror or error}.")

    def _stdin_items(self) -> list[ArticleInput]:
        # stdin can be read only once; its articles are few enough to keep.
        if self._stdin_parsed is None:
            data = self._stdin or b""
            if _looks_like_jsonl(data):
                self._stdin_parsed = list(jsonl_items(data.splitlines(keepends=True), "stdin"))
            else:
                self._stdin_parsed = [item_from_bytes("stdin-1", data)]
        return self._stdin_parsed


def jsonl_items(lines, prefix: str) -> Iterator[ArticleInput]:
    """One item per non-blank line of `{"id", "text"[, "format": "text"|"html"]}` objects.

    A line that cannot be used becomes an error item rather than stopping the batch.
    """
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        fallback_id = f"{prefix}-{number}"
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            yield _error_item(fallback_id, raw, f"Line {number} is not valid JSON ({error}).")
            continue
        if not isinstance(record, dict):
            yield _error_item(fallback_id, raw, f"Line {number} is not a JSON object.")
            continue
        item_id = clean_id(str(record["id"])) if record.get("id") not in (None, "") else fallback_id
        text = record.get("text")
        if not isinstance(text, str):
            yield _error_item(item_id, raw, f"Line {number} has no \"text\" string.")
            continue
        yield item_from_text(item_id, text, media_type_of(record))


def media_type_of(record) -> str:
    """A record's "format": "html" means HTML to extract the article from, anything else text."""
    return "text/html" if str(record.get("format", "text")).lower() == "html" else "text/plain"


def _error_item(item_id: str, raw: bytes | str, message: str) -> ArticleInput:
    return ArticleInput(id=item_id, text=None, hash=content_hash(raw), error=message)


def _looks_like_jsonl(data: bytes) -> bool:
    """stdin is JSONL when its first non-blank line is a JSON object with a "text" field."""
    for line in data.splitlines():
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError:
                return False
            return isinstance(record, dict) and "text" in record
    return False


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
