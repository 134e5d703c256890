"""Provisioning Argos es→en packages: verify before installing, list, remove.

A `.argosmodel` file is checked completely (zip integrity, layout, language pair,
required files, pinned checksums) before a single file lands in the packages folder,
and an install is staged next to that folder and moved in whole, so a failure never
leaves a half-installed package that the engine would later trip over.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Iterator

from bitexto.translate.options import TranslateOptions
from bitexto.translate import argos_env
from bitexto.translate.errors import ModelError

FROM_CODE = "es"
TO_CODE = "en"
# Published packages whose bytes are known: version -> (size in bytes, sha256).
KNOWN_PACKAGES = {
    "1.0": (87381097, "1b963aa0e0cb6e5ce874f0aa1a1949a19bc4d762e833532239a8834340f6b378"),
}
BROKEN_VERSIONS = {
    "1.9": "is reported to produce repeated subwords such as \"mainstreamainstream\" "
           "(argos-translate issues #504/#522); 1.0 is recommended",
}
REQUIRED_MEMBERS = ("metadata.json", "model/model.bin", "sentencepiece.model")
INSTALL_HINT = "bitexto models install --from translate-es_en-1_0.argosmodel"

logger = logging.getLogger(__name__)


class BrokenPackageWarning(UserWarning):
    """The requested package version is known to translate badly."""


def broken_version_reason(version: str) -> str | None:
    return BROKEN_VERSIONS.get(version)


def verify_package_file(path: Path, expected_sha256: str | None = None) -> dict:
    """Check a .argosmodel file completely and return its metadata; raise ModelError if unusable."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path} does not exist or is not a file.")
    if not zipfile.is_zipfile(path):
        raise ModelError(
            f"{path.name} is not a valid .argosmodel (zip) file: it is probably truncated "
            "or not a model at all. Download it again."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            damaged = archive.testzip()
            names = archive.namelist()
            folder = _package_folder(path, names)
            metadata = _read_metadata(path, archive, folder)
    except ModelError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise ModelError(f"{path.name} is damaged ({error}). Download it again.") from error
    if damaged is not None:
        raise ModelError(f"{path.name} is damaged: {damaged} fails its checksum. Download it again.")

    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if (from_code, to_code) != (FROM_CODE, TO_CODE):
        raise ModelError(
            f"{path.name} translates {from_code}→{to_code}; bitexto needs a Spanish→English "
            f"(es→en) package such as translate-es_en-1_0.argosmodel."
        )
    if metadata.get("type", "translate") != "translate":
        raise ModelError(f"{path.name} is an Argos {metadata.get('type')!r} package, "
                         "not a translation package.")
    missing = [m for m in REQUIRED_MEMBERS if f"{folder}/{m}" not in names]
    if missing:
        raise ModelError(f"{path.name} is incomplete: it lacks {', '.join(missing)}. "
                         "Download the package again.")

    version = str(metadata.get("package_version", ""))
    if version in KNOWN_PACKAGES or expected_sha256:
        _check_checksums(path, version, expected_sha256)
    return metadata


def install_package(path: Path, expected_sha256: str | None = None,
                    options: TranslateOptions | None = None) -> dict:
    """Verify and install a .argosmodel file; returns its metadata.

    An installed es→en package of the same version is replaced.
    """
    options = options or TranslateOptions()
    path = Path(path)
    metadata = verify_package_file(path, expected_sha256)
    _warn_if_broken(str(metadata.get("package_version", "")))
    package_module = argos_env.argos_package_module(options.data_dir)
    paths = argos_env.ArgosPaths.under(options.data_dir)
    with package_module.package_lock:
        installed_dir = _install_verified(path, paths)
        _remove_same_version(package_module, metadata, keep=installed_dir)
    argos_env.clear_argos_caches()
    logger.info("installed Argos %s→%s %s into %s", metadata["from_code"],
                metadata["to_code"], metadata.get("package_version"), installed_dir)
    return metadata


def install_from_index(version: str = "1.0", options: TranslateOptions | None = None) -> dict:
    """Download es→en `version` from the Argos package index, verify it and install it.

    The index URL is ARGOS_PACKAGE_INDEX (+ "index.json") when set, else Argos' default.
    """
    options = options or TranslateOptions()
    _warn_if_broken(version)
    package_module = argos_env.argos_package_module(options.data_dir)
    paths = argos_env.ArgosPaths.under(options.data_dir)
    index_url = package_module.settings.remote_package_index

    # argostranslate logs download errors and carries on with whatever index.json was
    # there before (or recurses forever when there was none), so start from no index
    # and check that one arrived.
    paths.local_index.unlink(missing_ok=True)
    with _captured_argos_errors() as errors:
        package_module.update_package_index()
    if not paths.local_index.is_file():
        reason = f" ({errors[-1]})" if errors else ""
        raise ModelError(
            f"Could not download the Argos package index from {index_url}{reason}. "
            f"Offline? Install from a file instead: {INSTALL_HINT}"
        )
    try:
        available = package_module.get_available_packages()
    except (ValueError, TypeError, AttributeError) as error:
        raise ModelError(f"The Argos package index at {index_url} is not valid: {error}") from error

    pairs = [p for p in available if (p.from_code, p.to_code) == (FROM_CODE, TO_CODE)]
    matching = [p for p in pairs if str(p.package_version) == version]
    if not matching:
        versions = ", ".join(sorted({str(p.package_version) for p in pairs})) or "none"
        raise ModelError(
            f"The Argos package index at {index_url} has no es→en package version {version} "
            f"(es→en versions listed: {versions})."
        )
    candidate = matching[0]
    if not candidate.links:
        raise ModelError(f"The index entry for es→en {version} has no download link.")

    # argos names downloads without the version and reuses an existing file: a stale
    # download of another version would be installed. Always fetch afresh.
    download_path = paths.downloads_dir / f"{package_module.argospm_package_name(candidate)}.argosmodel"
    download_path.unlink(missing_ok=True)
    try:
        with _captured_argos_errors() as errors:
            try:
                download_path = Path(candidate.download())
            except Exception as error:
                reason = errors[-1] if errors else str(error)
                raise ModelError(
                    f"Could not download es→en {version} from {', '.join(candidate.links)} "
                    f"({reason}). Offline? Install from a file instead: {INSTALL_HINT}"
                ) from error
        with warnings.catch_warnings():
            # Already warned above about this version.
            warnings.simplefilter("ignore", BrokenPackageWarning)
            return install_package(download_path, options=options)
    finally:
        download_path.unlink(missing_ok=True)


def list_packages(options: TranslateOptions | None = None) -> list[dict]:
    """Installed Argos packages (any language pair), for `bitexto models list`."""
    options = options or TranslateOptions()
    return [
        {
            "from_code": package.from_code,
            "to_code": package.to_code,
            "version": str(package.package_version),
            "path": str(package.package_path),
        }
        for package in installed_packages(options)
    ]


def installed_packages(options: TranslateOptions | None = None) -> list:
    """argostranslate Package objects installed under this data dir.

    argostranslate's own listing raises on any folder without metadata.json (e.g. one
    left by another tool); such folders are skipped with a log line instead.
    """
    options = options or TranslateOptions()
    package_module = argos_env.argos_package_module(options.data_dir)
    try:
        return package_module.get_installed_packages()
    except (FileNotFoundError, json.JSONDecodeError, NotADirectoryError):
        with package_module.package_lock:
            return installed_packages_unlocked(package_module)


def remove_package(version: str, options: TranslateOptions | None = None) -> list[str]:
    """Uninstall every installed es→en package of `version`; returns the removed paths."""
    options = options or TranslateOptions()
    package_module = argos_env.argos_package_module(options.data_dir)
    removed = []
    with package_module.package_lock:
        for package in installed_packages_unlocked(package_module):
            if _is_es_en(package) and str(package.package_version) == version:
                shutil.rmtree(package.package_path)
                removed.append(str(package.package_path))
    argos_env.clear_argos_caches()
    if not removed:
        raise ModelError(f"No es→en package version {version} is installed.")
    return removed


def installed_packages_unlocked(package_module) -> list:
    """Like installed_packages, for callers already holding argos' package_lock."""
    packages = []
    for directory in package_module.settings.package_dirs:
        for folder in sorted(Path(directory).iterdir()):
            if not folder.is_dir():
                continue
            try:
                packages.append(package_module.Package(folder))
            except (FileNotFoundError, json.JSONDecodeError) as error:
                logger.warning("ignoring %s: not an Argos package (%s)", folder, error)
    return packages


def _is_es_en(package) -> bool:
    return (package.from_code, package.to_code) == (FROM_CODE, TO_CODE)


def _package_folder(path: Path, names: list[str]) -> str:
    """The single top-level folder a package must unpack into; rejects unsafe paths."""
    tops = set()
    for name in names:
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            raise ModelError(f"{path.name} contains an unsafe path ({name!r}); refusing it.")
        if len(pure.parts) == 1 and not name.endswith("/"):
            raise ModelError(
                f"{path.name} has files at its top level ({name}); an Argos package keeps "
                "everything in one folder. It is not a valid .argosmodel."
            )
        tops.add(pure.parts[0])
    if len(tops) != 1:
        raise ModelError(f"{path.name} must contain exactly one package folder, "
                         f"found {len(tops)}. It is not a valid .argosmodel.")
    return tops.pop()


def _read_metadata(path: Path, archive: zipfile.ZipFile, folder: str) -> dict:
    try:
        raw = archive.read(f"{folder}/metadata.json")
    except KeyError:
        raise ModelError(f"{path.name} has no metadata.json: it is not an Argos package.") from None
    try:
        metadata = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelError(f"{path.name} has an unreadable metadata.json ({error}).") from error
    if not isinstance(metadata, dict):
        raise ModelError(f"{path.name} has a metadata.json that is not a JSON object.")
    return metadata


def _check_checksums(path: Path, version: str, expected_sha256: str | None) -> None:
    actual_sha256 = sha256_of(path)
    if expected_sha256 and actual_sha256 != expected_sha256.strip().lower():
        raise ModelError(
            f"{path.name} has SHA-256 {actual_sha256}, not the expected {expected_sha256.strip()}: "
            "the file is corrupt or not the one you meant. Download it again."
        )
    if version in KNOWN_PACKAGES:
        known_size, known_sha256 = KNOWN_PACKAGES[version]
        size = path.stat().st_size
        if (size, actual_sha256) != (known_size, known_sha256):
            raise ModelError(
                f"{path.name} says it is Argos es→en {version}, but it is not the published "
                f"{version} package (size {size:,} bytes, SHA-256 {actual_sha256}; expected "
                f"{known_size:,} bytes, SHA-256 {known_sha256}). It is corrupt or modified: "
                "download translate-es_en-1_0.argosmodel again."
            )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _install_verified(path: Path, paths: argos_env.ArgosPaths) -> Path:
    """Unpack into a staging folder, then swap it into the packages folder.

    This does what argostranslate.package.install_from_path does (extract into
    settings.package_data_dir) but atomically; argos' version also imports
    argostranslate.translate just to clear a cache, which costs seconds and pulls in
    torch, stanza and spaCy (see argos_env).
    """
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=paths.staging_dir))
    replaced = None
    try:
        with zipfile.ZipFile(path) as archive:
            folder = _package_folder(path, archive.namelist())
            archive.extractall(staging)
        target = paths.packages_dir / folder
        if target.exists():
            replaced = paths.staging_dir / f"replaced-{staging.name}"
            target.rename(replaced)
        try:
            (staging / folder).rename(target)
        except OSError:
            if replaced is not None:
                replaced.rename(target)
                replaced = None
            raise
        return target
    except (OSError, zipfile.BadZipFile, zlib.error) as error:
        raise ModelError(f"Could not install {path.name}: {error}. Nothing was installed.") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if replaced is not None:
            shutil.rmtree(replaced, ignore_errors=True)


def _remove_same_version(package_module, metadata: dict, keep: Path) -> None:
    version = str(metadata.get("package_version", ""))
    for package in installed_packages_unlocked(package_module):
        if (_is_es_en(package) and str(package.package_version) == version
                and Path(package.package_path) != keep):
            shutil.rmtree(package.package_path, ignore_errors=True)


def _warn_if_broken(version: str) -> None:
    reason = broken_version_reason(version)
    if reason:
        warnings.warn(f"Argos es→en {version} {reason}.", BrokenPackageWarning, stacklevel=3)


@contextlib.contextmanager
def _captured_argos_errors() -> Iterator[list[str]]:
    """Collect what argostranslate logs as errors (it logs instead of raising)."""
    messages: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage().strip("()[]'\", "))

    handler = Collector(level=logging.ERROR)
    argos_logger = logging.getLogger(argos_env.argos_logger_name())
    argos_logger.addHandler(handler)
    try:
        yield messages
    finally:
        argos_logger.removeHandler(handler)
