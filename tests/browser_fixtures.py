"""Shared pieces of the real-browser tests: Debian's Chromium and a live app on loopback.

Test modules load this with `pytest_plugins = ("browser_fixtures",)`; one Chromium serves
the whole session (starting it is the slow part).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
CHROMIUM_ARGUMENTS = (
    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
    # Without these Chromium keeps trying Google's hosts, which this machine refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--window-size=1280,900",
)


@contextlib.contextmanager
def live_server(app) -> Iterator[str]:
    """Serve `app` with werkzeug in a thread on a free loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture(scope="session")
def driver():
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: the browser tests need Debian's {package} "
                        "(`make browser`, or `apt-get install -y chromium chromium-driver`).")
    profile = tempfile.mkdtemp(prefix="bitexto-chromium-")
    options = webdriver.ChromeOptions()
    for argument in (*CHROMIUM_ARGUMENTS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    # An explicit driver path: Selenium Manager (which goes online) never runs.
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)
