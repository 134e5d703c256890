"""Rich paste in a real Chromium: a `paste` event whose clipboard carries a selection's HTML
sends that HTML, so the article page shows what the markup says (invented page)."""

import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bitexto.webapp import create_app

pytest_plugins = ("browser_fixtures",)
pytest.register_assert_rewrite("browser_fixtures")
from browser_fixtures import DESKTOP, live_server  # noqa: E402

pytestmark = pytest.mark.enable_socket  # loopback only: the live server and chromedriver

SELECTION_HTML = (
    "<html><body><!--StartFragment--><article>"
    "<div class=\"breadcrumb\"><a href=\"/\">Portada</a></div>"
    "<h1>Un incendio forestal obliga a evacuar tres pueblos del valle</h1>"
    "<div class=\"author\">Por Camila Reyes Soto</div>"
    "<time datetime=\"2024-01-15T18:30\">15 de enero de 2024, 18:30</time>"
    "<button>Compartir en redes</button>"
    "<p>Más de mil vecinos dejaron sus casas durante la noche por el avance de las llamas.</p>"
    "<p>Los bomberos trabajan con cuatro aviones y esperan controlar el fuego el martes.</p>"
    "</article><!--EndFragment--></body></html>"
)
# What the same selection gives as text/plain, plus a line only the plain text has: if the
# article page shows it, the form sent the plain text instead of the HTML.
SELECTION_TEXT = (
    "Portada\n\nUn incendio forestal obliga a evacuar tres pueblos del valle\n\nPor Camila Reyes Soto\n\n"
    "15 de enero de 2024, 18:30\n\nSOLO-EN-EL-TEXTO-PLANO\n\n"
    "Más de mil vecinos dejaron sus casas durante la noche por el avance de las llamas.\n\n"
    "Los bomberos trabajan con cuatro aviones y esperan controlar el fuego el martes.\n"
)

DISPATCH_PASTE = """
const [box, html, text] = arguments;
const data = new DataTransfer();
data.setData("text/html", html);
data.setData("text/plain", text);
box.focus();
const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
// A synthetic event has no default action: when the page lets the paste through, insert the
// text as the browser would.
if (box.dispatchEvent(event)) box.value = text;
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)
        patch.setenv("BITEXTO_DATA_DIR", str(tmp_path_factory.mktemp("rich-paste")))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        app = create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": True})
    with live_server(app) as url:
        yield url


@pytest.fixture
def browser(driver, base_url):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.get(base_url + "/static/bitexto.css")
    driver.delete_all_cookies()
    return driver


def _paste_and_submit(browser, base_url, html, text):
    browser.get(base_url + "/")
    box = browser.find_element(By.ID, "text")
    browser.execute_script(DISPATCH_PASTE, box, html, text)
    assert box.get_attribute("value") == text  # the reader sees the plain text
    browser.find_element(By.CSS_SELECTOR, "#paste button[type=submit]").click()
    WebDriverWait(browser, 60, poll_frequency=0.05).until(lambda _: "/a/" in browser.current_url)


def test_a_rich_paste_sends_the_selection_html(browser, base_url):
    _paste_and_submit(browser, base_url, SELECTION_HTML, SELECTION_TEXT)
    spanish = [el.text for el in browser.find_elements(By.CSS_SELECTOR, ".seg-es")]
    assert "Un incendio forestal obliga a evacuar tres pueblos del valle" in spanish
    assert not any("SOLO-EN-EL-TEXTO-PLANO" in line for line in spanish)
    assert not any("Compartir en redes" in line for line in spanish)  # a <button>: never pasted
    assert browser.find_element(By.CSS_SELECTOR, ".meta-authors").text == "Camila Reyes Soto"


def test_a_paste_without_html_sends_the_plain_text(browser, base_url):
    _paste_and_submit(browser, base_url, "", SELECTION_TEXT)
    spanish = [el.text for el in browser.find_elements(By.CSS_SELECTOR, ".seg-es")]
    assert any("SOLO-EN-EL-TEXTO-PLANO" in line for line in spanish)
