"""`bitexto translate` on real-page inputs: HTML selections (--format html, or a .html
file) and the normalised `text` its --json carries for the offsets."""

import json

import pytest

from test_cli import run  # noqa: F401  (the CLI runner fixture)

SELECTION = (
    "<html><body><!--StartFragment--><div class=\"breadcrumb\"><a href=\"/\">Portada</a></div>"
    "<h1>El río Grande alcanza su nivel más alto en medio siglo</h1>"
    "<div class=\"byline\">Por Tomás Aguirre Luna</div>"
    "<p>Las autoridades evacuaron a más de dos mil vecinos de las zonas bajas de la ciudad.</p>"
    "<p>El agua superó los cinco metros durante la madrugada del domingo.</p>"
    "<!--EndFragment--></body></html>"
)


def _check_offsets(data):
    for block in data["blocks"]:
        assert data["text"][block["start"]:block["end"]]
        for sentence in block["sentences"]:
            assert data["text"][sentence["start"]:sentence["end"]] == sentence["source"]


@pytest.mark.parametrize("name, options", [("page.txt", ("--format", "html")), ("page.html", ())])
def test_an_html_selection_is_read_as_html(run, tmp_path, name, options):
    path = tmp_path / name
    path.write_text(SELECTION, encoding="utf-8")
    result = run("translate", str(path), *options, "--engine", "apertium", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "<" not in data["text"]
    kinds = [block["kind"] for block in data["blocks"]]
    assert kinds == ["boilerplate", "headline", "byline", "body", "body"]
    assert data["meta"]["headline"] == "El río Grande alcanza su nivel más alto en medio siglo"
    assert data["meta"]["authors"] == ["Tomás Aguirre Luna"]
    _check_offsets(data)


def test_format_text_reads_an_html_file_as_plain_text(run, tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<p>El agua superó los cinco metros durante la madrugada del domingo.</p>", encoding="utf-8")
    result = run("translate", str(path), "--format", "text", "--engine", "apertium", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text"].startswith("<p>")


def test_json_text_is_what_the_offsets_refer_to(run):
    raw = ("El\u00a0río Grande alcanza su nivel más alto   \r\n\r\n"
           "Las autoridades evacuaron a más de dos mil vecinos.  \r\n"
           "El agua superó\u00a0los cinco metros durante la madrugada.\u00a0\u00a0\r\n")
    result = run("translate", "-", "--engine", "apertium", "--json", input=raw.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "\r" not in data["text"] and "\u00a0" not in data["text"]
    assert not any(line.endswith(" ") for line in data["text"].split("\n"))
    assert data["text"].startswith("El río Grande")
    _check_offsets(data)
    assert [s["source"] for b in data["blocks"] for s in b["sentences"]][-1] == (
        "El agua superó los cinco metros durante la madrugada.")
