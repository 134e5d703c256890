"""The long-article flow in a real Chromium: paste → progress page → the article, by itself.

The meta refresh of the progress page is inside <noscript>, so in a browser with
JavaScript only webapp/static/jobs.js can move the bar and open the article: this test
fails if the script does not poll, or the CSP blocks it.
"""

import time

import pytest
from selenium.webdriver.common.by import By

from bitexto.jobs import JobSettings
from bitexto.webapp import create_app, jobs_service

pytest_plugins = ("job_fixtures", "browser_fixtures")
pytest.register_assert_rewrite("job_fixtures", "browser_fixtures")
from browser_fixtures import DESKTOP, SCREENSHOTS, live_server  # noqa: E402
from job_fixtures import long_article  # noqa: E402

pytestmark = [pytest.mark.enable_socket, pytest.mark.slow]  # loopback only: live server and chromedriver


@pytest.fixture
def base_url(tmp_path, monkeypatch):
    monkeypatch.setenv("BITEXTO_ENGINE", "apertium")
    app = create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": True,
                      "DATABASE": tmp_path / "bitexto.sqlite3", "JOBS": JobSettings(long_sentences=50)})
    with live_server(app) as url:
        yield url
    jobs_service.stop_workers(app)


@pytest.fixture
def browser(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.get_log("browser")  # reading the console log empties it: earlier tests' lines go
    return driver


def test_a_long_paste_shows_a_moving_progress_bar_then_opens_the_article(browser, base_url):
    browser.get(base_url + "/")
    # 2,000 sentences (~3 s of Apertium). Typing them would take minutes: set the value.
    browser.execute_script("document.getElementById('text').value = arguments[0]", long_article(1000))
    browser.find_element(By.CSS_SELECTOR, "form.paste-form button[type=submit]").click()

    values = set()
    deadline = time.monotonic() + 60
    while "/a/" not in browser.current_url:
        assert time.monotonic() < deadline, f"never left {browser.current_url}"
        if "/jobs/" in browser.current_url:
            bar = browser.execute_script(
                "var bar = document.getElementById('job-progress');"
                "return bar && bar.hasAttribute('value') ? [bar.value, bar.max] : null;")
            if bar:
                values.add(tuple(bar))
                if len(values) == 1:
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    browser.save_screenshot(str(SCREENSHOTS / "job-progress.png"))
        time.sleep(0.05)

    assert any(0 < value < maximum == 2000 for value, maximum in values), values
    assert browser.find_element(By.CSS_SELECTOR, ".meta-item").text == "2,000 sentences"
    assert browser.get_log("browser") == []  # no CSP violation, no script error
