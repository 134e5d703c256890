"""A built wheel is a complete bitexto: installed outside the checkout, it serves pages
(templates, static files, compiled catalogues) and translates the seed article."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".hypothesis", "instance", "models", "test-artifacts")

SERVE_PAGES = """
import bitexto
from bitexto.webapp import create_app
assert bitexto.__file__.startswith(TARGET), bitexto.__file__
app = create_app({"WARM_UP": False, "RATELIMIT_ENABLED": False})
client = app.test_client()
home = client.get("/")
assert home.status_code == 200, home.status_code
page = home.get_data(as_text=True)
assert "Kim Jong" in page and 'lang="en"' in page, page[:500]
assert client.get("/static/bitexto.css").status_code == 200
spanish = client.get("/?lang=es").get_data(as_text=True)
assert 'lang="es"' in spanish
print("pages ok")
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(work / "dist"), str(source)], check=True, capture_output=True)
    [wheel] = (work / "dist").glob("bitexto-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    return target


def run_installed(target: Path, arguments: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(target), "BITEXTO_DATA_DIR": str(tmp_path / "data"),
                   "BITEXTO_ENGINE": "apertium"}
    # From a folder outside the checkout, so nothing of the source tree is on the path.
    return subprocess.run([sys.executable, *arguments], cwd=tmp_path, env=environment,
                          capture_output=True, text=True, timeout=240)


@pytest.mark.slow
def test_the_wheel_carries_every_file_the_app_reads(installed):
    files = {str(path.relative_to(installed)) for path in installed.rglob("*") if path.is_file()}
    for expected in ("bitexto/templates/index.html", "bitexto/templates/newsletter/snippet.html",
                     "bitexto/seeds/000_957073114899cdb1.txt", "bitexto/webapp/static/bitexto.js",
                     "bitexto/webapp/translations/es/LC_MESSAGES/messages.mo"):
        assert expected in files
    shipped = {path.name for path in (ROOT / "templates").rglob("*.html")}
    assert shipped <= {Path(name).name for name in files if name.startswith("bitexto/templates/")}


@pytest.mark.slow
def test_the_installed_app_renders_the_home_page(installed, tmp_path):
    script = f"TARGET = {str(installed)!r}\n" + SERVE_PAGES
    result = run_installed(installed, ["-c", script], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pages ok" in result.stdout
    # The catalogues came compiled in the wheel: nothing compiled into the instance folder.
    assert not (tmp_path / "data" / "instance" / "translations").exists()


@pytest.mark.slow
def test_the_installed_command_translates_the_seed(installed, tmp_path):
    result = run_installed(installed, ["-m", "bitexto", "translate", "--engine", "apertium", "--width", "100"],
                           tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Kim Jong" in result.stdout and "Apertium" in result.stdout


def test_the_wheel_is_a_zip_of_the_package_layout(installed):
    assert zipfile.is_zipfile(next((installed.parent / "dist").glob("*.whl")))


def test_the_wheel_installs_one_import_name(installed):
    """translate/, summarize/ and webapp/ travel as bitexto.translate, … : nothing else lands
    at the top of site-packages (a top-level `translate` would collide with PyPI's)."""
    top = {path.name for path in installed.iterdir() if not path.name.endswith(".dist-info")}
    assert top - {"bin"} == {"bitexto"}  # bin/: the `bitexto` command pip writes beside it
    assert (installed / "bitexto" / "translate" / "pipeline.py").is_file()
    assert (installed / "bitexto" / "summarize" / "quotes.py").is_file()
