"""Keeps argostranslate inside bitexto's data dir: the only module that imports it.

argostranslate reads HOME/XDG_* and ARGOS_* environment variables once, when
`argostranslate.settings` is imported, and creates folders under the user's home at
that moment. bitexto must never touch the home directory, and must honour a
different BITEXTO_DATA_DIR within one process (every test uses a fresh one), so:

* the first call imports `argostranslate.settings` with those variables pointed inside
  the data dir, then restores os.environ;
* every call re-points the module attributes that the rest of argostranslate reads at
  call time (`settings.package_data_dir`, `settings.downloads_dir`, ...).

`argostranslate.translate` is never imported here: importing it loads torch, stanza,
MiniSBD and spaCy (about 3 s and 2,000 modules on this machine) and opens a socket
while probing IPv6. bitexto only needs `argostranslate.package`, which imports
`settings`, `networking`, `tokenizer` and `utils`, none of which touches the network
at import.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
ARGOS_SUBDIR = "argos"

_lock = threading.RLock()
# Variables argostranslate.settings reads at import that could lead it to the home dir.
_IMPORT_ENV_NAMES = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                     "ARGOS_PACKAGES_DIR", "ARGOS_TRANSLATE_PACKAGE_DIR", "SNAP", "SNAP_USER_DATA")


@dataclass(frozen=True)
class ArgosPaths:
    """Where argostranslate keeps things under one bitexto data dir.

    The layout mirrors what argostranslate computes from XDG_* variables, so the folders
    it creates on its first import are the same ones used afterwards.
    """

    root: Path
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    downloads_dir: Path
    packages_dir: Path
    local_index: Path
    # Same file system as packages_dir, so a finished install is moved in atomically.
    staging_dir: Path

    @classmethod
    def under(cls, bitexto_data_dir: Path) -> "ArgosPaths":
        root = Path(bitexto_data_dir).expanduser() / ARGOS_SUBDIR
        data_dir = root / "share" / "argos-translate"
        cache_dir = root / "cache" / "argos-translate"
        return cls(
            root=root,
            data_dir=data_dir,
            config_dir=root / "config" / "argos-translate",
            cache_dir=cache_dir,
            downloads_dir=cache_dir / "downloads",
            packages_dir=root / "packages",
            local_index=data_dir / "index.json",
            staging_dir=root / "staging",
        )

    def create(self) -> None:
        for folder in (self.data_dir, self.config_dir, self.downloads_dir, self.packages_dir,
                       self.staging_dir):
            folder.mkdir(parents=True, exist_ok=True)


def remote_index_url() -> str:
    """The package index URL argostranslate downloads, from ARGOS_PACKAGE_INDEX at call time.

    argostranslate appends "index.json" to the base URL verbatim, so a base without a
    trailing slash would silently produce a wrong URL; add the slash.
    """
    base = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_PACKAGE_INDEX
    if not base.endswith("/"):
        base += "/"
    return base + "index.json"


def configure(bitexto_data_dir: Path) -> ArgosPaths:
    """Point argostranslate at `<bitexto_data_dir>/argos/...`; safe to call before every use."""
    paths = ArgosPaths.under(bitexto_data_dir)
    with _lock:
        paths.create()
        settings = _import_settings(paths)
        settings.home_dir = paths.root
        settings.data_dir = paths.data_dir
        settings.legacy_package_data_dir = paths.packages_dir
        settings.config_dir = paths.config_dir
        settings.settings_file = paths.config_dir / "settings.json"
        settings.cache_dir = paths.cache_dir
        settings.downloads_dir = paths.downloads_dir
        settings.package_data_dir = paths.packages_dir
        settings.package_dirs = [paths.packages_dir]
        settings.local_package_index = paths.local_index
        url = remote_index_url()
        settings.package_index = url[: -len("index.json")]
        settings.remote_repo = settings.package_index
        settings.remote_package_index = url
        # Only if someone else imported it: MiniSBD caches its downloads under data_dir.
        sbd = sys.modules.get("argostranslate.sbd")
        if sbd is not None and hasattr(sbd, "minisbd_models"):
            sbd.minisbd_models.cache_dir = str(paths.data_dir / "minisbd")
    return paths


def argos_package_module(bitexto_data_dir: Path) -> ModuleType:
    """`argostranslate.package`, configured for this data dir."""
    configure(bitexto_data_dir)
    import argostranslate.package

    return argostranslate.package


def argos_logger_name() -> str:
    """argostranslate logs (and otherwise swallows) download errors on this logger."""
    return "argostranslate.utils"


def clear_argos_caches() -> None:
    """Forget argostranslate's cached language list after installing or removing a package.

    The cache lives in argostranslate.translate; if nobody imported that module there is
    nothing to clear, and importing it just to clear it would cost seconds (see above).
    """
    translate_module = sys.modules.get("argostranslate.translate")
    if translate_module is not None:
        translate_module.get_installed_languages.cache_clear()


def _import_settings(paths: ArgosPaths) -> ModuleType:
    already = sys.modules.get("argostranslate.settings")
    if already is not None:
        return already
    saved = {name: os.environ.get(name) for name in _IMPORT_ENV_NAMES}
    try:
        os.environ["HOME"] = str(paths.root)
        os.environ["XDG_DATA_HOME"] = str(paths.data_dir.parent)
        os.environ["XDG_CONFIG_HOME"] = str(paths.config_dir.parent)
        os.environ["XDG_CACHE_HOME"] = str(paths.cache_dir.parent)
        os.environ["ARGOS_PACKAGES_DIR"] = str(paths.packages_dir)
        for name in ("ARGOS_TRANSLATE_PACKAGE_DIR", "SNAP", "SNAP_USER_DATA"):
            os.environ.pop(name, None)
        import argostranslate.settings as settings
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return settings
