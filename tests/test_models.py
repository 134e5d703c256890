"""Provisioning Argos packages: verification before install, clean failures, the index path."""

import contextlib
import functools
import hashlib
import http.server
import json
import socket
import threading
import warnings
from pathlib import Path

import pytest

from bitexto.translate import argos_env
from bitexto.translate.engines.argos import ArgosEngine
from bitexto.translate.errors import ModelError
from bitexto.translate.models import (
    KNOWN_PACKAGES,
    BrokenPackageWarning,
    install_from_index,
    install_package,
    list_packages,
    remove_package,
    verify_package_file,
)
from bitexto.translate.testing import build_argos_package, rewrite_package, train_sentencepiece

# Session fixtures (tiny_package, corrupt_variants) come from a plugin module shared by
# the Argos tests, so the tiny package is built once per session.
pytest_plugins = ("argos_fixtures",)
pytest.register_assert_rewrite("argos_fixtures")
from argos_fixtures import fast_settings  # noqa: E402


def argos_paths(data_dir) -> argos_env.ArgosPaths:
    return argos_env.ArgosPaths.under(data_dir)


def assert_nothing_installed(data_dir):
    assert list_packages() == []
    paths = argos_paths(data_dir)
    assert not paths.packages_dir.exists() or list(paths.packages_dir.iterdir()) == []
    assert not paths.staging_dir.exists() or list(paths.staging_dir.iterdir()) == []


def test_a_good_package_verifies_and_installs(tiny_package, data_dir):
    metadata = verify_package_file(tiny_package)
    assert (metadata["from_code"], metadata["to_code"], metadata["package_version"]) == \
        ("es", "en", "0.0-test")
    assert install_package(tiny_package)["package_version"] == "0.0-test"
    [installed] = list_packages()
    assert installed["from_code"] == "es" and installed["to_code"] == "en"
    assert installed["version"] == "0.0-test"
    assert Path(installed["path"]).is_relative_to(data_dir)
    assert (Path(installed["path"]) / "model" / "model.bin").is_file()


@pytest.mark.parametrize("variant, message", [
    ("not_a_zip", "not a valid .argosmodel"),
    ("truncated", "not a valid .argosmodel"),
    ("damaged_member", "damaged"),
    ("wrong_source_language", "translates fr→en"),
    ("reversed_direction", "translates en→es"),
    ("missing_model", "lacks model/model.bin"),
    ("missing_sentencepiece", "lacks sentencepiece.model"),
    ("missing_metadata", "no metadata.json"),
    ("unparsable_metadata", "unreadable metadata.json"),
    ("no_package_folder", "one folder"),
    ("claims_pinned_version", "not the published 1.0 package"),
])
def test_broken_packages_are_rejected_before_anything_is_installed(
        corrupt_variants, data_dir, variant, message):
    path = corrupt_variants[variant]
    with pytest.raises(ModelError, match=message):
        verify_package_file(path)
    with pytest.raises(ModelError, match=message):
        install_package(path)
    assert_nothing_installed(data_dir)


def test_a_package_claiming_the_pinned_version_must_match_its_checksum(corrupt_variants, data_dir):
    with pytest.raises(ModelError) as raised:
        install_package(corrupt_variants["claims_pinned_version"])
    assert KNOWN_PACKAGES["1.0"][1] in raised.value.message
    assert "SHA-256" in raised.value.message
    assert_nothing_installed(data_dir)


def test_expected_sha256_is_checked(tiny_package, data_dir):
    with pytest.raises(ModelError, match="not the expected"):
        install_package(tiny_package, expected_sha256="0" * 64)
    assert_nothing_installed(data_dir)
    actual = hashlib.sha256(tiny_package.read_bytes()).hexdigest()
    assert install_package(tiny_package, expected_sha256=f" {actual.upper()} ")
    assert len(list_packages()) == 1


def test_reinstalling_the_same_version_replaces_it(tiny_package, tmp_path):
    install_package(tiny_package)
    marker = Path(list_packages()[0]["path"]) / "stale-file"
    marker.write_text("left from the previous install")
    install_package(tiny_package)
    assert len(list_packages()) == 1 and not marker.exists()
    # Same version under another folder name: still one package of that version.
    renamed = rewrite_package(tiny_package, tmp_path / "renamed.argosmodel", folder="other-name")
    install_package(renamed)
    [installed] = list_packages()
    assert installed["path"].endswith("other-name")


def test_a_failed_install_keeps_the_previous_good_one(tiny_package, corrupt_variants):
    install_package(tiny_package)
    with pytest.raises(ModelError):
        install_package(corrupt_variants["missing_model"])
    [installed] = list_packages()
    assert (Path(installed["path"]) / "model" / "model.bin").is_file()


def test_a_known_broken_version_installs_with_a_warning(tiny_package, tmp_path):
    broken = rewrite_package(tiny_package, tmp_path / "v19.argosmodel",
                             metadata_changes={"package_version": "1.9"})
    with pytest.warns(BrokenPackageWarning, match="repeated subwords"):
        install_package(broken)
    assert list_packages()[0]["version"] == "1.9"


def test_remove_package(tiny_package, data_dir):
    install_package(tiny_package)
    removed = remove_package("0.0-test")
    assert len(removed) == 1
    assert_nothing_installed(data_dir)
    with pytest.raises(ModelError, match="No es→en package version 0.0-test"):
        remove_package("0.0-test")


def test_a_stray_folder_in_the_packages_dir_does_not_break_listing(tiny_package, data_dir):
    install_package(tiny_package)
    (argos_paths(data_dir).packages_dir / "not-a-package").mkdir()
    assert [p["version"] for p in list_packages()] == ["0.0-test"]


def test_package_builds_are_deterministic(tiny_package, tmp_path):
    again = build_argos_package(tmp_path)
    assert again.read_bytes() == tiny_package.read_bytes()


def test_too_little_training_text_uses_the_largest_vocabulary_and_says_so():
    with pytest.warns(UserWarning, match="at most"):
        _, pieces = train_sentencepiece("uno dos tres\ncuatro cinco seis\n", 400)
    assert 3 < len(pieces) < 400
    assert pieces[:3] == ["<unk>", "<s>", "</s>"]


# --- the package index, served for real on loopback -------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def write_index(directory: Path, base_url: str, entries: dict[str, str]) -> None:
    """entries: package_version -> file name served from `directory`."""
    index = [
        {"package_version": version, "argos_version": "1.0", "from_code": "es",
         "from_name": "Spanish", "to_code": "en", "to_name": "English", "type": "translate",
         "links": [f"{base_url}/{name}"]}
        for version, name in entries.items()
    ]
    index.append({"package_version": "1.0", "from_code": "en", "to_code": "es",
                  "type": "translate", "links": [f"{base_url}/missing.argosmodel"]})
    (directory / "index.json").write_text(json.dumps(index))


@pytest.fixture
def index_site(tmp_path, monkeypatch):
    """A folder served on loopback, with ARGOS_PACKAGE_INDEX pointing at it."""
    site = tmp_path / "site"
    site.mkdir()
    with serving(site) as url:
        # No trailing slash on purpose: argos would otherwise ask for ".../siteindex.json".
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url)
        yield site, url


@pytest.mark.enable_socket
def test_install_from_index_downloads_verifies_installs_and_translates(
        index_site, tiny_package, data_dir):
    site, url = index_site
    (site / tiny_package.name).write_bytes(tiny_package.read_bytes())
    write_index(site, url, {"0.0-test": tiny_package.name})
    # A stale download of another package under argos' version-less file name must not be reused.
    downloads = argos_paths(data_dir).downloads_dir
    downloads.mkdir(parents=True, exist_ok=True)
    (downloads / "translate-es_en.argosmodel").write_bytes(b"stale")

    metadata = install_from_index("0.0-test")

    assert metadata["package_version"] == "0.0-test"
    assert [p["version"] for p in list_packages()] == ["0.0-test"]
    assert list(downloads.iterdir()) == []
    targets = ArgosEngine(fast_settings()).translate(["El gobierno anunció un plan.", ""])
    assert len(targets) == 2 and targets[0] and targets[1] == ""


@pytest.mark.enable_socket
def test_install_from_index_rejects_a_version_it_does_not_list(index_site, tiny_package, data_dir):
    site, url = index_site
    write_index(site, url, {"0.0-test": tiny_package.name})
    with pytest.raises(ModelError, match=r"no es→en package version 1\.0 .*listed: 0\.0-test"):
        install_from_index("1.0")
    assert_nothing_installed(data_dir)


@pytest.mark.enable_socket
def test_install_from_index_reports_a_failed_download(index_site, data_dir):
    site, url = index_site
    write_index(site, url, {"0.0-test": "gone.argosmodel"})
    with pytest.raises(ModelError, match="Could not download es→en 0.0-test"):
        install_from_index("0.0-test")
    assert_nothing_installed(data_dir)


@pytest.mark.enable_socket
def test_install_from_index_verifies_what_it_downloaded(index_site, corrupt_variants, data_dir):
    site, url = index_site
    bad = corrupt_variants["wrong_source_language"]
    (site / bad.name).write_bytes(bad.read_bytes())
    write_index(site, url, {"0.0-test": bad.name})
    with pytest.raises(ModelError, match="translates fr→en"):
        install_from_index("0.0-test")
    assert_nothing_installed(data_dir)
    assert list(argos_paths(data_dir).downloads_dir.iterdir()) == []


@pytest.mark.enable_socket
def test_install_from_index_reports_an_invalid_index(index_site, data_dir):
    site, _ = index_site
    (site / "index.json").write_text("<html>not json</html>")
    with pytest.raises(ModelError, match="not valid"):
        install_from_index("1.0")
    assert_nothing_installed(data_dir)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_install_from_index_offline_is_a_clear_error(data_dir, monkeypatch):
    """Sockets are blocked here (pytest-socket), as on a machine with no network."""
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://index.invalid/")
    with pytest.raises(ModelError, match=r"Could not download the Argos package index from "
                                         r"https://index\.invalid/index\.json.*--from"):
        install_from_index("1.0")
    assert_nothing_installed(data_dir)


@pytest.mark.enable_socket
def test_install_from_index_with_the_index_server_down_is_a_clear_error(data_dir, monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{port}/")
    # An index left by an earlier download must not be used silently instead.
    local_index = argos_paths(data_dir).local_index
    local_index.parent.mkdir(parents=True, exist_ok=True)
    local_index.write_text(json.dumps([{"package_version": "1.0", "from_code": "es",
                                        "to_code": "en", "links": ["http://127.0.0.1:9/x"]}]))
    with pytest.raises(ModelError, match=r"Could not download the Argos package index .*refused"):
        install_from_index("1.0")
    assert_nothing_installed(data_dir)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_asking_the_index_for_the_broken_version_warns(data_dir, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://index.invalid/")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ModelError):
            install_from_index("1.9")
    assert any(issubclass(w.category, BrokenPackageWarning) for w in caught)
