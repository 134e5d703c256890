"""Markup kept on the LibreTranslate-compatible API: format html, /translate_file for
.txt/.html/.docx with its download route, /frontend/settings; the real libretranslatepy
client where it has the call (text), plain HTTP otherwise."""

import io
import json
import urllib.request

import docx
import pytest
from libretranslatepy import LibreTranslateAPI

pytest_plugins = ("api_fixtures",)
from api_fixtures import live_server  # noqa: E402


def translate(client, **fields):
    return client.post("/translate", json={"source": "es", "target": "en", **fields})


def test_html_keeps_tags_attributes_and_inline_tags_in_a_sentence(client):
    html = ('<div class="nota" id="n1"><h1 data-x="1">El perro come.</h1>'
            '<p>El <b>presidente</b> dijo que <a href="/luna" title="Ana">la ministra Ana Luna</a> llegó.</p>'
            '<p><em>El gato duerme.</em> Tres gatos duermen.<br>Fin del texto.</p>'
            '<!-- nota --><script>var s = "hola";</script></div>')
    out = translate(client, q=html, format="html").get_json()["translatedText"]
    assert out.startswith('<div class="nota" id="n1"><h1 data-x="1">The dog eats.</h1>')
    assert "The <b>president</b> said that" in out
    assert '<a href="/luna" title="Ana">the minister Ana Luna</a>' in out
    assert "<em>The cat sleeps.</em> Three cats sleep.<br>End of the text.</p>" in out
    assert '<!-- nota --><script>var s = "hola";</script></div>' in out


def test_html_entities_stay_escaped_and_names_are_kept(client):
    out = translate(client, q="<p>Kim Jong <i>Un</i> visitó a &lt;Víctor&gt; &amp; Castellanos.</p>",
                    format="html").get_json()["translatedText"]
    assert out.startswith("<p>Kim Jong <i>Un</i> visited")
    assert "&lt;Víctor&gt; &amp; Castellanos" in out


def test_html_list_and_glossary(client):
    body = translate(client, q=["<p>El paro bajó.</p>", "<b>Hola mundo.</b>"], format="html",
                     glossary={"paro": "joblessness"}).get_json()
    first = body["translatedText"][0]
    assert first.startswith("<p>") and first.endswith("</p>") and "joblessness" in first and "paro" not in first
    assert body["translatedText"][1] == "<b>Hello World.</b>"


def _docx_bytes():
    document = docx.Document()
    paragraph = document.add_paragraph("El ")
    paragraph.add_run("presidente").bold = True
    paragraph.add_run(" habló con Raúl Espina.")
    document.add_paragraph("Tres gatos duermen.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name, data, check", [
    ("nota.txt", "Hola mundo.\n\nBuenos días.\n".encode(), lambda b: b.decode() == "Hello World.\n\nGood morning.\n"),
    ("nota.html", "<p>El <b>perro</b> come.</p>".encode(), lambda b: b.decode() == "<p>The <b>dog</b> eats.</p>"),
])
def test_translate_file_answers_a_url_to_download(client, name, data, check):
    response = client.post("/translate_file", data={"source": "es", "target": "en",
                                                    "file": (io.BytesIO(data), name)})
    assert response.status_code == 200, response.get_data(as_text=True)
    url = response.get_json()["translatedFileUrl"]
    assert "/download_file/" in url and url.endswith(name)
    download = client.get(url.split("localhost", 1)[-1])
    assert download.status_code == 200
    assert "attachment" in download.headers["Content-Disposition"]
    assert check(download.data)


def test_translate_file_docx_keeps_run_formatting(client):
    response = client.post("/translate_file", data={"source": "es", "target": "en",
                                                    "file": (io.BytesIO(_docx_bytes()), "nota.docx")})
    url = response.get_json()["translatedFileUrl"]
    document = docx.Document(io.BytesIO(client.get(url.split("localhost", 1)[-1]).data))
    runs = [(run.text, run.bold) for run in document.paragraphs[0].runs]
    assert runs[1][0].strip() == "president" and runs[1][1] is True
    assert "Raúl Espina" in document.paragraphs[0].text and document.paragraphs[1].text == "Three cats sleep."


def test_translate_file_errors(client):
    missing = client.post("/translate_file", data={"source": "es", "target": "en"})
    assert missing.status_code == 400
    not_a_form = client.post("/translate_file", json={"source": "es", "target": "en", "q": "Hola."})
    assert not_a_form.status_code == 400 and "missing file" in not_a_form.get_json()["error"]
    wrong_target = client.post("/translate_file", data={"source": "es", "target": "fr",
                                                        "file": (io.BytesIO(b"Hola."), "nota.txt")})
    assert wrong_target.status_code == 400 and "target language" in wrong_target.get_json()["error"]
    wrong = client.post("/translate_file", data={"source": "es", "target": "en",
                                                 "file": (io.BytesIO(b"x"), "nota.pdf")})
    assert wrong.status_code == 400 and "not supported" in wrong.get_data(as_text=True)
    broken = client.post("/translate_file", data={"source": "es", "target": "en",
                                                  "file": (io.BytesIO(b"not a zip"), "nota.docx")})
    assert broken.status_code in (400, 422)
    assert client.get("/download_file/../../etc/passwd").status_code == 404
    assert client.get("/download_file/" + "0" * 32 + ".missing.txt").status_code == 404


def test_frontend_settings_as_libretranslate_serves_them(client):
    settings = client.get("/frontend/settings").get_json()
    assert settings["filesTranslation"] is True
    assert set(settings["supportedFilesFormat"]) == {".txt", ".html", ".docx"}
    assert settings["language"]["source"]["code"] == "es" and settings["charLimit"] > 0


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_live_server_with_the_libretranslate_client_and_http(make_app):
    with live_server(make_app()) as url:
        assert "Raúl Espina" in LibreTranslateAPI(url).translate("El consejero Raúl Espina dimitió.", "es", "en")
        request = urllib.request.Request(url + "translate", method="POST", headers={"Content-Type": "application/json"},
                                         data=json.dumps({"q": "<p>El <b>perro</b> come.</p>", "source": "es",
                                                          "target": "en", "format": "html"}).encode())
        with urllib.request.urlopen(request, timeout=60) as response:
            assert json.loads(response.read())["translatedText"] == "<p>The <b>dog</b> eats.</p>"
        with urllib.request.urlopen(url + "frontend/settings", timeout=60) as response:
            assert json.loads(response.read())["filesTranslation"] is True
