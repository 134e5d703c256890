"""The glossary box in a real browser: typed once, remembered across pages (localStorage),
applied to the article sent."""

import pytest
from selenium.webdriver.common.by import By

from test_browser import ARTICLE, base_url, browser, wait  # noqa: F401  (fixtures)

pytest_plugins = ("browser_fixtures",)
pytestmark = pytest.mark.enable_socket  # loopback only: the live server and chromedriver


def test_the_glossary_box_is_remembered_and_applied(browser, base_url):  # noqa: F811
    browser.get(base_url + "/")
    browser.execute_script("window.localStorage.clear()")
    browser.get(base_url + "/")
    browser.find_element(By.CSS_SELECTOR, ".glossary-field summary").click()
    box = browser.find_element(By.ID, "glossary")
    box.send_keys("ley de vivienda = Housing Act")
    assert browser.execute_script("return localStorage.getItem('bitexto-glossary')") == "ley de vivienda = Housing Act"

    browser.get(base_url + "/")  # a new page: the box is filled and open again
    box = browser.find_element(By.ID, "glossary")
    assert box.get_attribute("value") == "ley de vivienda = Housing Act" and box.is_displayed()

    browser.find_element(By.ID, "text").send_keys(ARTICLE)
    browser.find_element(By.CSS_SELECTOR, ".paste-form button[type=submit]").click()
    wait(browser, lambda: "/a/" in browser.current_url, timeout=60, message="no article page")
    assert "Housing Act" in browser.find_element(By.TAG_NAME, "body").text
