"""Files bitexto ships beside its code: the page and snippet templates, the seed article.

In a checkout they are the project's top-level `templates/` and `seeds/`; an installed
wheel carries them inside the bitexto package (pyproject.toml maps them there).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    for candidate in (PACKAGE / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bitexto's {name}/ folder is missing: the installation is incomplete.")


TEMPLATES = resource_dir("templates")
SEED_ARTICLE = resource_dir("seeds") / "000_957073114899cdb1.txt"
