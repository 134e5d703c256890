"""The pages in a real Chromium: layout, highlighting, jumps, language switch, escaping.

Debian's chromium and chromedriver drive the app served by werkzeug in a thread, with the
real Apertium engine and CSRF on (the form is submitted as a reader would). Screenshots of
the main views go to test-artifacts/screenshots/ for a person to look at.
"""

import os

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bitexto.webapp import create_app

pytest_plugins = ("browser_fixtures",)
pytest.register_assert_rewrite("browser_fixtures")
from browser_fixtures import DESKTOP, PHONE, SCREENSHOTS, live_server  # noqa: E402

pytestmark = pytest.mark.enable_socket  # loopback only: the live server and chromedriver

ARTICLE = (
    "El Gobierno aprobó ayer una nueva ley de vivienda para bajar los alquileres en las ciudades.\n"
    "«Es un día histórico para millones de familias», dijo la ministra de Vivienda en Madrid.\n"
    "La oposición anunció que recurrirá la ley ante el Tribunal Constitucional este mismo mes.\n"
    "Los propietarios advierten de que la oferta de pisos en alquiler podría caer en los próximos años."
)
# Ten quotations: more than the eight key ones, so the panel has a "more quotes" toggle.
INTERVIEW = "\n".join([
    "La alcaldesa presentó ayer el plan de movilidad de la ciudad ante los vecinos del barrio norte.",
    *(f"«{quote}», dijo {speaker} durante la reunión del martes." for quote, speaker in [
        ("Queremos calles más tranquilas para los niños", "la alcaldesa"),
        ("Habrá menos coches en el centro a partir de enero", "el concejal de Tráfico"),
        ("Llevamos años pidiendo un carril bici seguro", "una vecina del barrio"),
        ("Los comercios necesitan que los clientes puedan aparcar", "un comerciante"),
        ("El plan llega tarde y sin presupuesto suficiente", "la portavoz de la oposición"),
        ("Los autobuses irán más rápido con carriles propios", "un conductor de autobús"),
        ("Los alumnos podrán ir andando al colegio sin peligro", "la directora del colegio"),
        ("Por fin se piensa en quienes vamos en bicicleta", "un ciclista"),
        ("Vigilaremos que se respeten los nuevos límites de velocidad", "el jefe de la policía local"),
        ("Esperamos que el plan no se quede en un papel", "el presidente de la asociación vecinal"),
    ]),
])
XSS = (
    "El alcalde presentó ayer el presupuesto municipal para el año que viene en el pleno.\n"
    '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> '
    '<a href="javascript:window.__xss=1">x</a> {{ 7*7 }}\n'
    "La oposición votó en contra del presupuesto y pidió más inversión en los barrios del sur."
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)  # module-wide apps are built before conftest's per-test cleanup
        patch.setenv("BITEXTO_DATA_DIR", str(tmp_path_factory.mktemp("browser-data")))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        app = create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": True})
    with live_server(app) as url:
        yield url


@pytest.fixture
def browser(driver, base_url):
    """The shared browser, on a desktop viewport with no cookies (so English UI)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.get(base_url + "/static/bitexto.css")  # a page of the site, so its cookies can go
    driver.delete_all_cookies()
    return driver


def wait(browser, condition, timeout=10, message=""):
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(lambda _: condition(), message)


def settle(browser):
    """Wait until smooth scrolling has stopped (the scroll position holds for a few frames)."""
    browser.execute_async_script("""
        const done = arguments[0];
        let last = -1, still = 0;
        (function tick() {
            still = window.scrollY === last ? still + 1 : 0;
            last = window.scrollY;
            if (still >= 5) done(); else requestAnimationFrame(tick);
        })();""")


def screenshot(browser, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / name))


def pair_cells(browser, sid):
    return (browser.find_element(By.CSS_SELECTOR, f'.seg-es[data-sid="{sid}"]'),
            browser.find_element(By.CSS_SELECTOR, f'.seg-en[data-sid="{sid}"]'))


def classes(element):
    return element.get_attribute("class").split()


def rect(browser, element):
    return browser.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)


def in_viewport(browser, element):
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;", element)


def submit_article(browser, base_url, text):
    browser.get(base_url + "/")
    box = browser.find_element(By.ID, "text")
    browser.execute_script("arguments[0].value = arguments[1]", box, text)
    box.send_keys(" ")  # a real keystroke too, as a reader would type
    browser.find_element(By.CSS_SELECTOR, "#paste button[type=submit]").click()
    wait(browser, lambda: "/a/" in browser.current_url, message="no redirect to a permalink")


def test_home_shows_the_example_side_by_side(browser, base_url):
    browser.get(base_url + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, ".bitext .pair")
    assert len(rows) == 35
    spanish, english = pair_cells(browser, "s1")
    assert spanish.text.startswith("El presidente ruso, Vladimir Putin")
    assert english.text.startswith("The Russian president, Vladimir Putin")
    left, right = rect(browser, spanish), rect(browser, english)
    assert abs(left["top"] - right["top"]) < 1, "a sentence and its translation share a row"
    assert left["right"] <= right["left"], "Spanish on the left, English on the right"
    assert "lower quality" in browser.find_element(By.ID, "engine-badge").text
    screenshot(browser, "home-desktop.png")


def test_paste_an_article_and_land_on_its_permalink(browser, base_url):
    submit_article(browser, base_url, ARTICLE)
    assert browser.current_url.rsplit("/", 1)[1].isascii()
    spanish, english = pair_cells(browser, "s1")
    assert spanish.text == ARTICLE.split("\n")[0]
    assert english.text.startswith("The Government approved")
    assert browser.find_elements(By.CSS_SELECTOR, "#key-quotes .quote")
    screenshot(browser, "article.png")


def test_hovering_a_sentence_highlights_its_translation(browser, base_url):
    browser.get(base_url + "/")
    spanish, english = pair_cells(browser, "s2")
    # Mid-screen, clear of the sticky column heads, before the pointer goes there.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", spanish)
    ActionChains(browser, duration=0).move_to_element(spanish).perform()
    wait(browser, lambda: "is-linked" in classes(english), message="English side not highlighted")
    assert "is-linked" in classes(spanish)
    other = pair_cells(browser, "s3")[1]
    ActionChains(browser, duration=0).move_to_element(other).perform()
    wait(browser, lambda: "is-linked" not in classes(english), message="highlight not moved")
    assert "is-linked" in classes(pair_cells(browser, "s3")[0])
    # The background fades in (a short CSS transition): wait for the final colour.
    wait(browser, lambda: browser.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor", other) == "rgb(255, 243, 176)",
        message="the highlight colour is not shown")


def test_keyboard_focus_highlights_the_pair_with_a_visible_outline(browser, base_url):
    browser.get(base_url + "/")
    first = pair_cells(browser, "s1")[0]
    browser.execute_script("arguments[0].focus()", first)
    assert "is-linked" in classes(pair_cells(browser, "s1")[1])
    # Tab walks the sentences in reading order: s1 Spanish → s1 English → s2 Spanish.
    ActionChains(browser).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    spanish, english = pair_cells(browser, "s2")
    assert browser.switch_to.active_element == spanish
    assert "is-linked" in classes(english)
    assert "is-linked" not in classes(pair_cells(browser, "s1")[1])
    outline = browser.execute_script(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] == "solid" and outline[1] != "0px"


def test_clicking_a_quote_scrolls_to_and_highlights_both_sides(browser, base_url):
    browser.get(base_url + "/")
    link = browser.find_element(By.CSS_SELECTOR, "#key-quotes a.jump")
    sid = link.get_attribute("data-sid")
    spanish, english = pair_cells(browser, sid)
    assert not in_viewport(browser, spanish)
    link.click()
    wait(browser, lambda: in_viewport(browser, spanish) and in_viewport(browser, english),
         message="the quoted sentence was not scrolled into view")
    assert "is-target" in classes(spanish) and "is-target" in classes(english)
    marked = browser.find_elements(By.CSS_SELECTOR, f".pair#{sid} .quote-span.is-target")
    assert marked and link.get_attribute("data-qid") == marked[0].get_attribute("data-qid")
    assert browser.execute_script("return location.hash") == f"#{sid}"
    settle(browser)
    screenshot(browser, "quote-highlight.png")


def test_quotes_beyond_the_key_ones_open_in_a_toggle(browser, base_url):
    submit_article(browser, base_url, INTERVIEW)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#key-quotes .quote")) == 8
    hidden = browser.find_elements(By.CSS_SELECTOR, "#all-quotes .quote")
    assert hidden and not hidden[0].is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#all-quotes > summary").click()
    assert hidden[0].is_displayed() and len(hidden) == 2


def test_clicking_a_summary_sentence_scrolls_to_it(browser, base_url):
    browser.get(base_url + "/")
    links = browser.find_elements(By.CSS_SELECTOR, "#summary-en a.jump")
    link = links[-1]
    sid = link.get_attribute("data-sid")
    row = browser.find_element(By.ID, sid)
    assert not in_viewport(browser, row)
    link.click()
    wait(browser, lambda: in_viewport(browser, row), message="summary sentence not scrolled into view")
    assert all("is-target" in classes(cell) for cell in pair_cells(browser, sid))


def test_copy_buttons_put_text_on_the_clipboard(browser, base_url):
    browser.get(base_url + "/")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    button = browser.find_element(By.CSS_SELECTOR, '.copy-button[data-copy="summary"]')
    assert button.is_displayed()
    button.click()
    wait(browser, lambda: button.text == "Copied", message="copy did not finish")
    copied = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))")
    first_summary = browser.find_element(By.CSS_SELECTOR, "#summary-en a").text
    assert copied.startswith(first_summary)
    assert "El presidente ruso" in copied  # the Spanish summary follows the English one


def test_the_language_link_switches_the_ui_to_spanish(browser, base_url):
    browser.get(base_url + "/")
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser, lambda: browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es")
    assert browser.find_element(By.ID, "summary-title").text == "Resumen"
    assert browser.find_element(By.ID, "try-example").text == "Ver el ejemplo"
    assert browser.find_element(By.CSS_SELECTOR, ".block-caption .block-label").text.lower() == "pie de foto"
    screenshot(browser, "spanish-ui.png")
    browser.get(base_url + "/")  # the cookie remembers the choice
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"


def test_hostile_article_text_stays_inert_text(browser, base_url):
    submit_article(browser, base_url, XSS)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    text = browser.find_element(By.CSS_SELECTOR, ".bitext").text
    assert "<script>window.__xss=1</script>" in text
    assert '<img src=x onerror="window.__xss=1">' in text
    assert '<a href="javascript:window.__xss=1">x</a>' in text
    assert "{{ 7*7 }}" in text
    assert "49" not in browser.find_element(By.TAG_NAME, "body").text
    assert not browser.find_elements(By.CSS_SELECTOR, ".bitext img, .bitext a, .bitext script")
    screenshot(browser, "xss-inert.png")


def test_a_phone_shows_each_spanish_sentence_above_its_english(browser, base_url):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        browser.get(base_url + "/")
        assert browser.execute_script("return window.innerWidth") == 390
        spanish, english = pair_cells(browser, "s1")
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", spanish)
        top, below = rect(browser, spanish), rect(browser, english)
        assert below["top"] >= top["bottom"] - 1, "English comes under its Spanish sentence"
        assert below["left"] < top["right"] and below["right"] > top["left"], "one column"
        next_spanish = rect(browser, pair_cells(browser, "s2")[0])
        assert next_spanish["top"] >= below["bottom"] - 1, "pairs are interleaved"
        assert not browser.find_element(By.CSS_SELECTOR, ".bitext-columns").is_displayed()
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, "nothing wider than the phone"
        browser.execute_script("window.scrollBy(0, -60)")
        screenshot(browser, "phone.png")
    finally:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
