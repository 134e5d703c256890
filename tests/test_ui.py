"""The reader's pages through Flask's test client, with the real Apertium engine."""

import io
import json
import os
import re
import time

import lxml.html
import pytest

from bitexto.webapp import create_app, service

HOSTILE = (
    "El ministro habló ayer en Madrid sobre el presupuesto del año que viene. "
    '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> '
    '<a href="javascript:window.__xss=1">x</a> {{ 7*7 }} y además {% if true %}nada{% endif %}.\n'
    "«No subiremos los impuestos», dijo el ministro de Hacienda ante la prensa en el Congreso."
)
SHORT = (
    "El Gobierno aprobó ayer una nueva ley de vivienda para bajar los alquileres en las ciudades.\n"
    "«Es un día histórico», dijo la ministra de Vivienda en una rueda de prensa en Madrid.\n"
    "La oposición anunció que recurrirá la ley ante el Tribunal Constitucional este mismo mes."
)
ENGLISH = "This is an English paragraph about the weather, which is sunny and warm again today."


def make_app(data_dir, **config):
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)  # module-wide apps are built before conftest's per-test cleanup
        patch.setenv("BITEXTO_DATA_DIR", str(data_dir))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        return create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": False, **config})


@pytest.fixture(scope="module")
def ui_data(tmp_path_factory):
    return tmp_path_factory.mktemp("ui-data")


@pytest.fixture(scope="module")
def app(ui_data):
    # One app (and database) for the module: the example article is analysed once.
    return make_app(ui_data)


@pytest.fixture
def client(app):
    return app.test_client()


def article_after_job(client, location, timeout=60):
    """A long article goes through a job (webapp.jobs_ui): its page redirects to the article once done."""
    deadline = time.monotonic() + timeout
    while "/jobs/" in location:
        response = client.get(location)
        if response.status_code == 303:
            return response.headers["Location"]
        assert response.status_code == 200 and time.monotonic() < deadline, response.get_data(as_text=True)[:2000]
        time.sleep(0.05)
    return location


def page(response):
    return lxml.html.fromstring(response.get_data(as_text=True))


def texts(tree, xpath):
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


def classes(name):
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def post_article(client, text, **fields):
    response = client.post("/articles", data={"text": text, **fields})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return response.headers["Location"]


def test_home_shows_the_example_article_in_both_columns(client, seed_text):
    response = client.get("/")
    assert response.status_code == 200
    tree = page(response)
    spanish = texts(tree, f"//p[{classes('seg-es')}]")
    english = texts(tree, f"//p[{classes('seg-en')}]//span[{classes('seg-text')}]")
    assert len(spanish) == len(english) == 35
    assert spanish[0] == seed_text.strip().split("\n")[0]
    assert english[0].startswith("The Russian president, Vladimir Putin")
    # Each pair is one row, and both cells carry the row's sentence id.
    for row in tree.xpath(f"//div[{classes('pair')}]"):
        assert [cell.get("data-sid") for cell in row.xpath("./p")] == [row.get("id")] * 2
    assert tree.xpath("//textarea[@name='text']"), "the paste box is on the home page"
    assert len(tree.xpath("//ol[@id='summary-en']/li")) == 3
    assert tree.xpath("//ul[@id='key-quotes']/li")
    badge = texts(tree, "//*[@id='engine-badge']")[0]
    assert badge.startswith("Apertium spa-eng") and "lower quality: install the Argos model" in badge


def test_furniture_is_shown_dimmed_with_a_label_and_flags_are_visible(client):
    tree = page(client.get("/"))
    captions = tree.xpath(f"//div[{classes('block-caption')}]")
    assert captions and all("is-furniture" in c.get("class") for c in captions)
    assert texts(captions[0], f".//p[{classes('block-label')}]") == ["Photo caption"]
    assert texts(tree, f"//div[{classes('block-credit')}]//p[{classes('seg-es')}]") == [
        "Associated Press contribuyó a este informe."]
    assert "unknown words" in texts(tree, f"//span[{classes('flag-badge')}]")


def test_the_example_is_stored_once_and_reused_by_a_new_app(ui_data, client):
    first = page(client.get("/")).xpath("//article/@data-article-id")[0]
    assert page(client.get("/")).xpath("//article/@data-article-id")[0] == first
    again = make_app(ui_data).test_client()
    assert page(again.get("/")).xpath("//article/@data-article-id")[0] == first
    assert client.get("/example").headers["Location"] == f"/a/{first}"


def test_a_pasted_article_gets_a_permalink_that_survives_a_new_app(ui_data, client):
    location = post_article(client, SHORT, length="2", algorithm="lead")
    assert re.fullmatch(r"/a/[\w-]+", location)
    tree = page(client.get(location))
    assert texts(tree, f"//p[{classes('seg-es')}]")[0].startswith("El Gobierno aprobó ayer")
    assert len(tree.xpath("//ol[@id='summary-en']/li")) == 2
    fresh = make_app(ui_data).test_client()
    assert texts(page(fresh.get(location)), f"//p[{classes('seg-es')}]") == texts(
        tree, f"//p[{classes('seg-es')}]")
    assert client.post("/", data={"text": SHORT}).status_code == 303


def test_resummarising_uses_the_stored_translation_not_the_engine(client, monkeypatch):
    location = post_article(client, SHORT)

    def no_engine(*args, **kwargs):
        raise AssertionError("re-summarising must not translate")

    monkeypatch.setattr(service, "get_engine", no_engine)
    tree = page(client.get(location + "?length=1&algorithm=Lead"))
    assert tree.xpath("//ol[@id='summary-en']/li/a/@href") == ["#s1"]
    assert tree.xpath("//select[@name='algorithm']/option[@selected]/@value") == ["lead"]
    assert tree.xpath(f"//div[{classes('in-summary')}]/@id") == ["s1"]
    # A bad option keeps the article and says what is wrong.
    bad = client.get(location + "?length=abc")
    assert bad.status_code == 200
    assert "Summary length must be" in texts(page(bad), f"//p[{classes('notice')}]")[0]


def test_downloads_markdown_and_json(client):
    location = post_article(client, SHORT)
    markdown = client.get(location + ".md?length=1&algorithm=lead")
    assert markdown.status_code == 200
    assert markdown.mimetype == "text/markdown"
    assert markdown.headers["Content-Disposition"].startswith("attachment;")
    body = markdown.get_data(as_text=True)
    assert body.startswith("# The Government approved")
    for heading in ("## Summary", "### English", "### Spanish", "## Quotes", "## Full text"):
        assert heading in body
    assert "| Spanish | English |" in body
    assert body.count("\n| El ") == 1 and body.count("\n| ") == 5  # head, rule, 3 sentence rows
    assert "«Es un día histórico»" in body

    data = json.loads(client.get(location + ".json").get_data(as_text=True))
    assert data["id"] == location.rsplit("/", 1)[1]
    assert data["engine"]["name"] == "apertium"
    assert [s["id"] for b in data["blocks"] for s in b["sentences"]] == ["s1", "s2", "s3"]
    assert data["quotes"][0]["text"] == "Es un día histórico"
    quote = data["quotes"][0]
    assert data["text"][quote["start"]:quote["end"]] == quote["text"], "offsets point into `text`"
    short = json.loads(client.get(location + ".json?length=1").get_data(as_text=True))
    assert len(short["summary"]["sentences"]) == 1 and short["options"]["summary_length"] == "1"


def test_markdown_keeps_hostile_text_inert(client):
    body = client.get(post_article(client, HOSTILE) + ".md").get_data(as_text=True)
    assert not re.search(r"(?<!\\)[<>]", body), "every angle bracket is backslash-escaped"
    assert r"\<script\>window.\_\_xss=1\</script\>" in body


def test_hostile_article_text_is_escaped(client):
    location = post_article(client, HOSTILE)
    html = client.get(location).get_data(as_text=True)
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//img"), "article markup must not become elements"
    assert not tree.xpath("//a[starts-with(@href, 'javascript:')]")
    spanish = " ".join(texts(tree, f"//p[{classes('seg-es')}]"))
    assert '<img src=x onerror="window.__xss=1">' in spanish
    assert "{{ 7*7 }}" in spanish and "{% if true %}" in spanish
    assert "49" not in tree.xpath("//main")[0].text_content()  # not in attributes: tokens are random


@pytest.mark.parametrize("path", ["/", "/?lang=es", "/a/{id}", "/a/{id}?length=abc", "/a/missing", "/example/x"])
def test_no_inline_script_or_style_in_any_page(client, path):
    location = post_article(client, HOSTILE)
    response = client.get(path.format(id=location.rsplit("/", 1)[1]))
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert_no_inline_code(page(response))


def test_no_inline_code_on_error_pages(client):
    response = client.post("/articles", data={"text": ENGLISH})
    assert response.status_code == 422
    assert_no_inline_code(page(response))


def assert_no_inline_code(tree):
    scripts = tree.xpath("//script")
    assert scripts, "the page loads its script"
    assert all(s.get("src") and not (s.text or "").strip() for s in scripts)
    assert not tree.xpath("//style")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        inline = [name for name in element.attrib if name.lower().startswith("on") or name.lower() == "style"]
        assert not inline, f"<{element.tag}> has {inline}"
        for name in ("href", "src", "action"):
            assert not element.get(name, "").strip().lower().startswith("javascript:")


def test_an_error_shows_the_message_and_keeps_the_text(client):
    response = client.post("/articles", data={"text": ENGLISH, "length": "2", "algorithm": "lead"})
    assert response.status_code == 422
    tree = page(response)
    assert "looks like English" in texts(tree, "//*[@id='error-message']")[0]
    assert tree.xpath("//textarea[@name='text']")[0].text == ENGLISH
    assert tree.xpath("//input[@name='length']/@value") == ["2"]
    assert tree.xpath("//select[@name='algorithm']/option[@selected]/@value") == ["lead"]

    empty = client.post("/articles", data={"text": "   "})
    assert empty.status_code == 422 and "empty" in texts(page(empty), "//*[@id='error-message']")[0]
    bad_length = client.post("/articles", data={"text": SHORT, "length": "0"})
    assert bad_length.status_code == 422
    assert page(bad_length).xpath("//textarea[@name='text']")[0].text == SHORT


def test_uploaded_files(client):
    upload = {"text": "", "file": (io.BytesIO(SHORT.encode("cp1252")), "noticia.txt")}
    location = client.post("/articles", data=upload, content_type="multipart/form-data").headers["Location"]
    assert texts(page(client.get(location)), f"//p[{classes('seg-es')}]")[0].startswith("El Gobierno aprobó")

    html = "<html><body><nav>Portada</nav><article><h1>Ley de vivienda</h1>" + "".join(
        f"<p>{line}</p>" for line in SHORT.split("\n")) + "</article></body></html>"
    upload = {"file": (io.BytesIO(html.encode()), "noticia.html")}
    location = client.post("/articles", data=upload, content_type="multipart/form-data").headers["Location"]
    tree = page(client.get(location))
    assert texts(tree, f"//p[{classes('seg-es')}]")[:2] == ["Ley de vivienda", SHORT.split("\n")[0]]
    assert "Portada" not in texts(tree, "//section[@class='bitext']")[0]

    wrong = client.post("/articles", data={"file": (io.BytesIO(b"%PDF-1.4"), "a.pdf")},
                        content_type="multipart/form-data")
    assert wrong.status_code == 422 and "a.pdf" in texts(page(wrong), "//*[@id='error-message']")[0]
    both = client.post("/articles", data={"text": SHORT, "file": (io.BytesIO(b"x"), "a.txt")},
                       content_type="multipart/form-data")
    assert both.status_code == 422 and page(both).xpath("//textarea")[0].text == SHORT


def test_pasted_html_is_extracted_when_marked_as_html(client):
    html = "<p>" + "</p><p>".join(SHORT.split("\n")) + "</p><script>no</script>"
    location = post_article(client, html, format="html")
    spanish = texts(page(client.get(location)), f"//p[{classes('seg-es')}]")
    assert spanish == SHORT.split("\n")


def test_missing_article_is_a_404_page(client):
    for path in ("/a/nothing-here", "/a/nothing-here.md", "/a/nothing-here.json"):
        response = client.get(path)
        assert response.status_code == 404
        assert "There is no article at this address" in response.get_data(as_text=True)


def test_csrf_token_is_required_and_a_rejected_form_keeps_the_text(ui_data):
    client = make_app(ui_data, WTF_CSRF_ENABLED=True).test_client()
    refused = client.post("/articles", data={"text": SHORT})
    assert refused.status_code == 400
    tree = page(refused)
    assert "expired" in texts(tree, "//*[@id='error-message']")[0]
    assert tree.xpath("//textarea[@name='text']")[0].text == SHORT
    token = page(client.get("/")).xpath("//input[@name='csrf_token']/@value")[0]
    assert client.post("/articles", data={"text": SHORT, "csrf_token": token}).status_code == 303


def test_lang_switches_the_ui_and_the_cookie_remembers_it(client):
    english = page(client.get("/"))
    assert english.get("lang") == "en" and "Try the example" in texts(english, "//nav//a")
    assert english.xpath("//a[@id='lang-switch']/@href") == ["/?lang=es"]

    response = client.get("/?lang=es")
    assert "bitexto_lang=es" in response.headers["Set-Cookie"]
    spanish = page(response)
    assert spanish.get("lang") == "es"
    assert "Ver el ejemplo" in texts(spanish, "//nav//a")
    assert texts(spanish, "//h2[@id='summary-title']") == ["Resumen"]
    assert "Pie de foto" in texts(spanish, f"//p[{classes('block-label')}]")
    assert "35 frases" in texts(spanish, f"//span[{classes('meta-item')}]")
    assert "palabras desconocidas" in texts(spanish, f"//span[{classes('flag-badge')}]")

    remembered = page(client.get("/"))  # the test client keeps cookies
    assert remembered.get("lang") == "es"
    assert page(client.get("/?lang=en")).get("lang") == "en"


def test_without_a_choice_the_browser_language_decides(app):
    assert page(app.test_client().get("/", headers={"Accept-Language": "es-ES,es;q=0.9"})).get("lang") == "es"
    assert page(app.test_client().get("/", headers={"Accept-Language": "fr-FR"})).get("lang") == "en"


def test_dates_and_numbers_follow_the_ui_language(client):
    location = post_article(client, SHORT)
    english = texts(page(client.get(location + "?lang=en")), f"//span[{classes('meta-item')}]")
    spanish = texts(page(client.get(location + "?lang=es")), f"//span[{classes('meta-item')}]")
    assert english[0] == "3 sentences" and spanish[0] == "3 frases"
    assert re.fullmatch(r"translated [A-Z][a-z]+ \d{1,2}, \d{4}", english[1])
    assert re.fullmatch(r"traducido el \d{1,2} de [a-z]+ de \d{4}", spanish[1])


def test_thousands_are_grouped_in_the_ui_language(client):
    # 1,000+ sentences is a long article: the count is formatted by babel, not str().
    text = "\n".join(f"El concejal número {n} votó a favor de la propuesta del alcalde." for n in range(1, 1002))
    location = article_after_job(client, post_article(client, text))
    assert texts(page(client.get(location + "?lang=en")), f"//span[{classes('meta-item')}]")[0] == "1,001 sentences"
    assert texts(page(client.get(location + "?lang=es")), f"//span[{classes('meta-item')}]")[0] == "1.001 frases"


def test_without_an_engine_the_home_page_still_offers_the_form(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BITEXTO_DATA_DIR", str(tmp_path))
        patch.setenv("BITEXTO_ENGINE", "argos")  # no Argos model is installed in tests
        app = create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": False})
    response = app.test_client().get("/")
    assert response.status_code == 503
    tree = page(response)
    assert tree.xpath("//textarea[@name='text']")
    assert "bitexto models install" in texts(tree, f"//p[{classes('notice-error')}]")[0]
    refused = app.test_client().post("/articles", data={"text": SHORT})
    assert refused.status_code == 503 and page(refused).xpath("//textarea")[0].text == SHORT
