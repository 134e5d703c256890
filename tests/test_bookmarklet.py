"""The bookmarklet: a per-installation secret guards POST /bookmarklet (403 without it);
in a real Chromium, clicked on a loopback news page, it brings that page here translated."""

import os
from urllib.parse import unquote

import pytest
from flask import Flask
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bitexto.webapp import create_app

pytest_plugins = ("browser_fixtures",)
pytest.register_assert_rewrite("browser_fixtures")
from browser_fixtures import DESKTOP, live_server  # noqa: E402

NEWS_PAGE = """<!doctype html><html lang="es"><head><meta charset="utf-8">
<title>Récord de lluvias en la capital | Diario de Prueba</title></head><body>
<nav><a href="/">Portada</a> <a href="/clima">Clima</a></nav>
<article>
<h1>La capital registra la mayor lluvia de marzo en cuarenta años</h1>
<p class="author">Por Julián Ortega Paz</p>
<p>En solo seis horas cayeron más de ochenta litros por metro cuadrado en el centro de la ciudad.</p>
<p>Los servicios de emergencia atendieron cientos de llamadas por calles y sótanos inundados.</p>
<p>La agencia meteorológica prevé que las lluvias continúen hasta el jueves en toda la región.</p>
</article><footer>© Diario de Prueba</footer></body></html>"""


def _app(data_dir, **config):
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)
        patch.setenv("BITEXTO_DATA_DIR", str(data_dir))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        return create_app({"TESTING": True, "WARM_UP": False, **config})


def test_without_the_installation_secret_it_is_forbidden(tmp_path):
    client = _app(tmp_path, WTF_CSRF_ENABLED=True).test_client()
    assert client.post("/bookmarklet", data={"html": NEWS_PAGE}).status_code == 403
    assert client.post("/bookmarklet", data={"html": NEWS_PAGE, "secret": "guessed"}).status_code == 403


def test_the_home_page_carries_this_installation_s_secret(tmp_path):
    first = _app(tmp_path / "one").test_client().get("/").get_data(as_text=True)
    second = _app(tmp_path / "two").test_client().get("/").get_data(as_text=True)
    assert 'id="bookmarklet"' in first and 'value="javascript:' in first
    secret_one = (tmp_path / "one" / "bookmarklet-secret").read_text().strip()
    secret_two = (tmp_path / "two" / "bookmarklet-secret").read_text().strip()
    assert secret_one != secret_two and len(secret_one) >= 32
    assert secret_one in unquote(first) and secret_two not in unquote(first)
    assert secret_two in unquote(second) and secret_one not in unquote(second)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    app = _app(tmp_path_factory.mktemp("bookmarklet"), WTF_CSRF_ENABLED=True)
    news = Flask("news")
    news.add_url_rule("/nota", "nota", lambda: NEWS_PAGE)
    with live_server(app) as bitexto_url, live_server(news) as news_url:
        yield bitexto_url, news_url


@pytest.mark.enable_socket  # loopback only: the two live servers and chromedriver
def test_clicking_the_bookmarklet_on_a_news_page_translates_it(driver, servers):
    bitexto_url, news_url = servers
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP)
    driver.get(bitexto_url + "/")
    href = driver.find_element(By.ID, "bookmarklet").get_attribute("value")
    assert href.startswith("javascript:")
    driver.get(news_url + "/nota")
    driver.execute_script(href[len("javascript:"):])  # what clicking the bookmark runs
    WebDriverWait(driver, 60, poll_frequency=0.05).until(lambda _: "/a/" in driver.current_url)
    assert driver.current_url.startswith(bitexto_url)
    spanish = [el.text for el in driver.find_elements(By.CSS_SELECTOR, ".seg-es")]
    assert "La capital registra la mayor lluvia de marzo en cuarenta años" in spanish
    assert not any("Portada" in line for line in spanish)  # the page's menu stayed behind
