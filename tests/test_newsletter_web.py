"""The newsletter snippet through the API, the article page, its preview and the CLI.

One app per module on Apertium, with its own data dir; its articles are created once.
The same article and options must give the same snippet everywhere: API, page, preview
and `bitexto newsletter ID`.
"""

from __future__ import annotations

import os

import lxml.html
import pytest
from click.testing import CliRunner

from bitexto.cli import main
from newsletter_fixtures import ARTICLE, HOSTILE, assert_email_safe, text_of
from bitexto.webapp import create_app, service
from bitexto.webapp.newsletter_ui import PREVIEW_POLICY

API = "/api/v1/articles/{}/newsletter"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("BITEXTO_")]:
            patch.delenv(name)  # a module-wide app is built before conftest's per-test cleanup
        patch.setenv("BITEXTO_DATA_DIR", str(tmp_path_factory.mktemp("newsletter-data")))
        patch.setenv("BITEXTO_ENGINE", "apertium")
        return create_app({"TESTING": True, "WARM_UP": False, "WTF_CSRF_ENABLED": False})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def article_id(app):
    response = app.test_client().post("/api/v1/articles", json={"text": ARTICLE})
    assert response.status_code == 201
    return response.get_json()["id"]


@pytest.fixture(scope="module")
def hostile_id(app):
    return app.test_client().post("/api/v1/articles", json={"text": HOSTILE}).get_json()["id"]


def permalink(article_id: str) -> str:
    return f"http://localhost/a/{article_id}"


# --- API -----------------------------------------------------------------------------------------


def test_the_api_returns_each_format_with_its_media_type(client, article_id):
    html = client.get(API.format(article_id))
    assert html.status_code == 200 and html.mimetype == "text/html" and html.mimetype_params["charset"] == "utf-8"
    assert_email_safe(html.get_data(as_text=True), permalink(article_id))
    text = text_of(html.get_data(as_text=True))
    assert "The Government approves the law of house to go down the hires" in text
    assert text.count("“") == 2  # two quotes by default

    markdown = client.get(API.format(article_id) + "?format=md&quotes=3&source=El%20Pa%C3%ADs")
    assert markdown.mimetype == "text/markdown"
    body = markdown.get_data(as_text=True)
    assert body.startswith(f"### [The Government approves the law of house to go down the hires]({permalink(article_id)})")
    assert body.count("> “") == 3 and "Source: El País." in body

    plain = client.get(API.format(article_id) + "?format=text&lang=es&quotes=1")
    assert plain.mimetype == "text/plain"
    body = plain.get_data(as_text=True)
    assert body.startswith("PRENSA EN ESPAÑOL\n") and "«" in body and "“" not in body


def test_speakers_are_translated_when_the_article_is_created(client, article_id, monkeypatch):
    def no_engine(*args, **kwargs):
        raise AssertionError("reading an article must not translate")

    monkeypatch.setattr(service, "get_engine", no_engine)
    text = text_of(client.get(API.format(article_id) + "?quotes=3").get_data(as_text=True))
    assert "— the minister of House (la ministra de Vivienda)" in text
    assert "— the spokesman of the Popular Party in the Congress (el portavoz del Partido Popular en el Congreso)" in text
    assert "— Ana López" in text and "(Ana López)" not in text


@pytest.mark.parametrize("query", [
    "format=pdf", "format=", "quotes=4", "quotes=-1", "quotes=two", "quotes=%D9%A3", "quotes=1.5",
    "lang=fr", "layout=grid", "source=" + "x" * 121,
])
def test_a_bad_option_is_a_422_with_the_canonical_error(client, article_id, query):
    response = client.get(API.format(article_id) + "?" + query)
    if query == "format=":  # an empty option takes its default
        assert response.status_code == 200
        return
    assert response.status_code == 422
    body = response.get_json()
    assert set(body) == {"error", "status"} and body["status"] == 422 and body["error"]


def test_an_unknown_article_is_a_404(client):
    response = client.get(API.format("nope") + "?format=text")
    assert response.status_code == 404
    assert response.get_json() == {"error": "No article with id 'nope'.", "status": 404}


def test_the_api_route_needs_a_key_when_keys_are_required(app, article_id):
    strict = create_app({"TESTING": True, "WARM_UP": False, "REQUIRE_API_KEYS": True,
                         "DATABASE": app.config["DATABASE"]})
    assert strict.test_client().get(API.format(article_id)).status_code == 403


# --- The article page and the preview ---------------------------------------------------------------


def page(response):
    assert response.status_code == 200
    return lxml.html.fromstring(response.get_data(as_text=True))


def test_the_article_page_offers_the_snippet_to_copy_and_a_preview(client, article_id, monkeypatch):
    monkeypatch.setattr(service, "get_engine", lambda *a, **k: pytest.fail("the page must not translate"))
    tree = page(client.get(f"/a/{article_id}"))
    section = tree.get_element_by_id("newsletter")
    assert section.tag == "details" and section.get("open") is None
    assert section.xpath("summary")[0].text_content() == "Embed in newsletter"
    snippet = section.xpath(".//textarea[@id='newsletter-html']")[0]
    assert snippet.get("readonly") is not None
    assert snippet.text_content() == client.get(API.format(article_id)).get_data(as_text=True)
    plain = section.xpath(".//textarea[@id='newsletter-text']")[0].text_content()
    assert plain == client.get(API.format(article_id) + "?format=text").get_data(as_text=True)
    copy = section.xpath(".//button[@data-copy-from='newsletter-html']")
    assert copy and copy[0].get("hidden") is not None  # shown by bitexto.js when the clipboard works
    frame = section.xpath(".//iframe")[0]
    assert frame.get("sandbox") == "allow-popups allow-popups-to-escape-sandbox"
    assert frame.get("src").startswith(f"/a/{article_id}/newsletter.html?")
    # The app's own page stays free of inline style and script (the snippet is text here).
    assert not tree.xpath("//*[@style] | //style | //script[not(@src)]")


def test_the_page_options_reopen_the_section_with_that_snippet(client, article_id):
    tree = page(client.get(f"/a/{article_id}?nl_lang=es&nl_quotes=1&nl_layout=side_by_side&nl_source=El+Pa%C3%ADs"))
    section = tree.get_element_by_id("newsletter")
    assert section.get("open") is not None
    assert section.xpath(".//select[@name='nl_lang']/option[@selected]/@value") == ["es"]
    assert section.xpath(".//select[@name='nl_quotes']/option[@selected]/@value") == ["1"]
    assert section.xpath(".//input[@name='nl_source']/@value") == ["El País"]
    snippet = section.xpath(".//textarea[@id='newsletter-html']")[0].text_content()
    assert snippet == client.get(API.format(article_id) + "?lang=es&quotes=1&layout=side_by_side&source=El+Pa%C3%ADs"
                                 ).get_data(as_text=True)
    frame = section.xpath(".//iframe/@src")[0]
    preview = client.get(frame)
    assert parse_preview(preview) == snippet.strip()


def test_a_bad_page_option_is_reported_and_the_defaults_used(client, article_id):
    tree = page(client.get(f"/a/{article_id}?nl_quotes=9"))
    section = tree.get_element_by_id("newsletter")
    assert "from 0 to 3" in section.xpath(".//p[@role='alert']")[0].text_content()
    assert section.xpath(".//select[@name='nl_quotes']/option[@selected]/@value") == ["2"]


def test_the_snippet_follows_the_summary_options_of_the_page(client, article_id):
    tree = page(client.get(f"/a/{article_id}?length=1&algorithm=lead"))
    snippet = tree.get_element_by_id("newsletter-html").text_content()
    first = tree.xpath("//ol[@id='summary-en']/li")
    assert len(first) == 1 and first[0].text_content().strip() in text_of(snippet)
    frame = tree.xpath("//iframe[@id='newsletter-preview']/@src")[0]
    assert "length=1" in frame and "algorithm=lead" in frame
    assert parse_preview(client.get(frame)) == snippet.strip()


def parse_preview(response) -> str:
    """The snippet inside the preview page, as served."""
    body = response.get_data(as_text=True)
    return body[body.index("<table"):body.rindex("</table>") + len("</table>")]


def test_the_preview_is_the_snippet_with_a_script_free_policy(client, article_id):
    response = client.get(f"/a/{article_id}/newsletter.html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == PREVIEW_POLICY
    assert "script-src" not in PREVIEW_POLICY and "default-src 'none'" in PREVIEW_POLICY
    assert "sandbox" in PREVIEW_POLICY and "frame-ancestors 'self'" in PREVIEW_POLICY
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    snippet = parse_preview(response)
    assert_email_safe(snippet, permalink(article_id))
    assert snippet == client.get(API.format(article_id)).get_data(as_text=True).strip()
    assert not lxml.html.fromstring(response.get_data(as_text=True)).xpath("//script")


def test_the_preview_of_an_unknown_article_or_a_bad_option(client, article_id):
    assert client.get("/a/nope/newsletter.html").status_code == 404
    assert client.get(f"/a/{article_id}/newsletter.html?nl_lang=xx").status_code == 422


def test_a_hostile_article_stays_text_on_the_page_and_in_the_preview(client, hostile_id):
    article_id = hostile_id
    tree = page(client.get(f"/a/{article_id}"))
    assert not tree.xpath("//script[not(@src)] | //img | //*[@onerror] | //*[@onmouseover]")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in tree.get_element_by_id("newsletter-html").text_content()
    preview = client.get(f"/a/{article_id}/newsletter.html")
    assert_email_safe(parse_preview(preview), permalink(article_id))
    assert "<script>window" not in preview.get_data(as_text=True)


# --- CLI ----------------------------------------------------------------------------------------------


def test_the_cli_analyses_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BITEXTO_ENGINE", "apertium")
    article = tmp_path / "articulo.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()

    html = runner.invoke(main, ["newsletter", str(article), "--quotes", "3", "--source", "El País",
                                "--link", "https://example.org/a/1"])
    assert html.exit_code == 0, html.output
    assert_email_safe(html.output, "https://example.org/a/1")
    assert "— the minister of House (la ministra de Vivienda)" in text_of(html.output)

    text = runner.invoke(main, ["newsletter", str(article), "--format", "text", "--lang", "en", "--quotes", "1"])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("FROM THE SPANISH-LANGUAGE PRESS\n\nThe Government approves")
    assert "El Gobierno" not in text.output and text.output.count("“") == 1

    stdin = runner.invoke(main, ["newsletter", "-", "--format", "md", "--layout", "side_by_side"], input=ARTICLE)
    assert stdin.exit_code == 0 and "| In English | En español |" in stdin.output


def test_the_cli_reads_a_stored_article_like_the_api(app, client, article_id, monkeypatch):
    monkeypatch.setenv("BITEXTO_DATABASE", str(app.config["DATABASE"]))  # the CLI opens the app's database
    api = client.get(API.format(article_id) + "?format=md&quotes=3&lang=both").get_data(as_text=True)
    result = CliRunner().invoke(main, ["newsletter", article_id, "--format", "md", "--quotes", "3",
                                       "--link", permalink(article_id)])
    assert result.exit_code == 0, result.output
    assert result.output == api


def test_the_cli_refuses_what_is_neither_a_file_nor_a_stored_article(app, monkeypatch):
    monkeypatch.setenv("BITEXTO_DATABASE", str(app.config["DATABASE"]))
    result = CliRunner().invoke(main, ["newsletter", "no-such-article"])
    assert result.exit_code == 2
    assert "neither a file nor the id of an article stored by the web app" in result.output


@pytest.mark.parametrize("arguments", [["--quotes", "4"], ["--lang", "fr"], ["--format", "pdf"],
                                       ["--link", "javascript:alert(1)"]])
def test_the_cli_refuses_bad_options(tmp_path, monkeypatch, arguments):
    monkeypatch.setenv("BITEXTO_ENGINE", "apertium")
    article = tmp_path / "articulo.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["newsletter", str(article), *arguments])
    assert result.exit_code != 0 and ("Error" in result.output)
