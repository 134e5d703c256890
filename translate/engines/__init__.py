"""Translation engines and how one is chosen (`--engine auto|argos|apertium`)."""

from __future__ import annotations

import functools

from bitexto.translate.options import TranslateOptions
from bitexto.translate.engines.base import Engine, ProgressCallback
from bitexto.translate.errors import EngineUnavailable

ENGINE_NAMES = ("auto", "argos", "apertium")

NO_ENGINE_HELP = (
    "No translation engine is available. Either install the Argos es→en model "
    "(bitexto models install --from translate-es_en-1_0.argosmodel) "
    "or Debian's Apertium engine (sudo apt-get install -y apertium-eng-spa)."
)

__all__ = ["ENGINE_NAMES", "Engine", "ProgressCallback", "create_engine", "argos_installed"]


def argos_installed(options: TranslateOptions) -> bool:
    from bitexto.translate.models import list_packages

    return bool(list_packages(options))


def create_engine(name: str | None = None, options: TranslateOptions | None = None) -> Engine:
    """The engine for `name`; `auto` is Argos when a package is installed, else Apertium.

    The chosen engine always states itself in `engine.info`: nothing falls back silently.
    Engines are cached per (name, options) because loading a model is the expensive part.
    """
    options = options or TranslateOptions()
    name = name or options.engine
    if name not in ENGINE_NAMES:
        raise EngineUnavailable(f"Unknown engine {name!r}: choose one of {', '.join(ENGINE_NAMES)}.")
    if name == "auto":
        name = "argos" if argos_installed(options) else "apertium"
        if name == "apertium":
            try:
                return _cached_engine(name, options)
            except EngineUnavailable:
                raise EngineUnavailable(NO_ENGINE_HELP) from None
    return _cached_engine(name, options)


@functools.lru_cache(maxsize=4)
def _cached_engine(name: str, options: TranslateOptions) -> Engine:
    if name == "argos":
        from bitexto.translate.engines.argos import ArgosEngine

        return ArgosEngine(options)
    from bitexto.translate.engines.apertium import ApertiumEngine

    return ApertiumEngine(options.apertium_pair, options.apertium_timeout_seconds)
