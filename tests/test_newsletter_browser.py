"""The newsletter snippet in a real Chromium: its width, no script, the page's embed section.

The app (Apertium, CSRF on) is served by werkzeug in a thread and driven by Debian's
chromium and chromedriver, as in tests/test_browser.py. Screenshots for a person to look
at go to test-artifacts/screenshots/: newsletter.png (the snippet as e-mail clients get
it), newsletter-phone.png, newsletter-dark.png (Chromium's forced dark mode, the way
Gmail's and Outlook's apps darken a light e-mail) and newsletter-embed.png (the section
on the article page).
"""

from __future__ import annotations

import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from newsletter_fixtures import ARTICLE, HOSTILE
from bitexto.webapp import create_app

pytest_plugins = ("browser_fixtures",)
pytest.register_assert_rewrite("browser_fixtures")
from browser_fixtures import DESKTOP, PHONE, SCREENSHOTS, live_server  # noqa: E402

pytestmark = pytest.mark.enable_socket  # loopback only: the live server and chromedriver


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The live app's base URL and the ids of its two articles (created before serving)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)  # module-wide apps are built before conftest's per-test cleanup
        patch.setenv("BITEXTO_DATA_DIR", str(tmp_path_factory.mktemp("newsletter-browser")))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        app = create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    ids = {name: client.post("/api/v1/articles", json={"text": text}).get_json()["id"]
           for name, text in (("article", ARTICLE), ("hostile", HOSTILE))}
    with live_server(app) as url:
        yield url, ids


@pytest.fixture
def browser(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.execute_cdp_cmd("Emulation.setAutoDarkModeOverride", {})
    yield driver
    driver.switch_to.default_content()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.execute_cdp_cmd("Emulation.setAutoDarkModeOverride", {})


def full_page_screenshot(browser, metrics: dict, name: str) -> None:
    """The whole page, not just the viewport: the viewport grows to the page's height."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": height})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / name))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def snippet_facts(browser) -> dict:
    return browser.execute_script("""
        const card = document.body.querySelector(':scope > table');
        return {
            scripts: document.querySelectorAll('script').length,
            stylesheets: document.styleSheets.length,
            cardWidth: card.getBoundingClientRect().width,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            headline: card.querySelector('h2').innerText,
            images: document.images.length,
            xss: typeof window.__xss,
        };""")


def test_the_snippet_renders_at_600_px_without_script(browser, site):
    base, ids = site
    browser.get(f"{base}/a/{ids['article']}/newsletter.html?nl_quotes=3&nl_source=El+Pa%C3%ADs")
    facts = snippet_facts(browser)
    assert facts["scripts"] == 0 and facts["stylesheets"] == 0 and facts["images"] == 0
    assert facts["cardWidth"] == 600, "600 px on a wide screen, never more"
    assert facts["headline"] == "The Government approves the law of house to go down the hires"
    full_page_screenshot(browser, DESKTOP, "newsletter.png")

    browser.execute_cdp_cmd("Emulation.setAutoDarkModeOverride", {"enabled": True})
    browser.get(f"{base}/a/{ids['article']}/newsletter.html?nl_quotes=3&nl_source=El+Pa%C3%ADs")
    full_page_screenshot(browser, DESKTOP, "newsletter-dark.png")


def test_a_phone_shrinks_the_snippet_to_its_width(browser, site):
    base, ids = site
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.get(f"{base}/a/{ids['article']}/newsletter.html")
    facts = snippet_facts(browser)
    assert facts["cardWidth"] <= 390 - 16 and facts["overflow"] <= 0, facts
    full_page_screenshot(browser, PHONE, "newsletter-phone.png")


def test_a_hostile_article_runs_nothing_in_the_snippet(browser, site):
    base, ids = site
    browser.get(f"{base}/a/{ids['hostile']}/newsletter.html?nl_quotes=1")
    facts = snippet_facts(browser)
    assert facts["xss"] == "undefined" and facts["scripts"] == 0 and facts["images"] == 0
    assert "<script>window.__xss=1</script>" in facts["headline"]


def test_the_embed_section_previews_and_copies_the_snippet(browser, site):
    base, ids = site
    browser.get(f"{base}/a/{ids['article']}")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    section = browser.find_element(By.ID, "newsletter")
    frame = browser.find_element(By.ID, "newsletter-preview")
    assert not frame.is_displayed()
    section.find_element(By.TAG_NAME, "summary").click()
    assert frame.is_displayed()

    browser.switch_to.frame(frame)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "body > table h2"))
    facts = snippet_facts(browser)
    assert facts["scripts"] == 0 and facts["cardWidth"] <= 600
    assert facts["headline"] == "The Government approves the law of house to go down the hires"
    browser.switch_to.default_content()

    button = section.find_element(By.CSS_SELECTOR, '.copy-button[data-copy-from="newsletter-html"]')
    assert button.is_displayed()
    button.click()
    WebDriverWait(browser, 10).until(lambda b: button.text == "Copied")
    copied = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))")
    assert copied == browser.find_element(By.ID, "newsletter-html").get_property("value")
    assert copied.startswith('<table role="presentation"')

    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert section.screenshot(str(SCREENSHOTS / "newsletter-embed.png"))
